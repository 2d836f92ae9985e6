import type { OwnerAccountSpec, PolicyStatement } from '../../core/model';
import { asList } from '../../core/policy/document';
import { defaultOrganisation } from '../support/organisation-files';
import { synthOrganisation } from '../support/synth';
import { accessTuples, compileFiles, statementsOf, type Kind } from './helpers';

/**
 * A grant is declared once and appears on both sides: what a consumer principal's identity policy
 * allows must be what the owner's bucket, access point and key policies allow that principal.
 */
const withPrefixes = defaultOrganisation();
(withPrefixes.accounts.owner as OwnerAccountSpec).buckets!.push({
  name: 'reports-archive',
  encryption: { kind: 'kms' },
  grants: [
    { to: { account: 'consumer', user: 'copier' }, access: 'read', prefix: 'reports/2024/', versions: true },
    { to: { account: 'consumer', role: 'analyst' }, access: 'write', prefix: 'uploads/' },
    { to: { account: 'consumer', group: 'new-client' }, access: 'list', prefix: 'index/' },
  ],
});

describe.each([
  ['the default organisation', defaultOrganisation()],
  ['with prefix, version, write and list grants on a KMS bucket', withPrefixes],
])('identity policies match the owner side of each grant: %s', (_title, files) => {
  const compiled = compileFiles(files);
  const stack = synthOrganisation(files).stack('consumer');
  const plans = compiled.buckets.get('owner')!;
  const consumerRoot = 'arn:aws:iam::222222222222:root';

  /** Owner statements for the consumer account that name every one of these principal ARNs. */
  const ownerStatements = (documents: PolicyStatement[], arns: string[]): PolicyStatement[] =>
    documents.filter((s) => {
      const principal = s.Principal;
      if (typeof principal !== 'object' || principal.AWS !== consumerRoot) return false;
      const named = asList(s.Condition?.ArnLike?.['aws:PrincipalArn']);
      return arns.every((arn) => named.includes(arn));
    });

  const principals: Array<[Kind, string]> = [
    ['user', 'copier'],
    ['role', 'analyst'],
    ['group', 'new-client'],
    ['role', 'sales-analytics'],
    ['role', 'inventory-writer'],
  ];

  test.each(principals)('%s %s: same buckets, access points, prefixes and actions', (kind, name) => {
    const grant = compiled.grants.find((g) => g.grantee.account.key === 'consumer' && g.grantee.kind === kind && g.grantee.name === name)!;
    const arns = grant.grantee.principalArns;
    expect(arns.length).toBeGreaterThan(0);
    const resourcePolicies = plans.flatMap((plan) => [...plan.policy.Statement, ...plan.accessPoints.flatMap((ap) => ap.policy?.Statement ?? [])]);
    const s3 = (action: string): boolean => action.startsWith('s3:');
    expect(accessTuples(statementsOf(stack, kind, name), s3)).toEqual(accessTuples(ownerStatements(resourcePolicies, arns), s3));

    const kmsActions = (statements: PolicyStatement[]): string[] =>
      [...new Set(statements.flatMap((s) => asList(s.Action)).filter((a) => a.startsWith('kms:')))].sort();
    const keyStatements = plans.flatMap((plan) => (plan.key?.kind === 'created' ? plan.key.policy.Statement : (plan.key?.statements ?? [])));
    expect(kmsActions(statementsOf(stack, kind, name))).toEqual(kmsActions(ownerStatements(keyStatements, arns)));
  });

  test('the comparison is not vacuous: every consumer grant was checked and has S3 actions on both sides', () => {
    const consumerGrants = compiled.grants.filter((g) => g.grantee.account.key === 'consumer');
    const checked = principals.map(([kind, name]) => `${kind} ${name}`);
    for (const g of consumerGrants) expect(checked).toContain(`${g.grantee.kind} ${g.grantee.name}`);
    for (const [kind, name] of principals) expect(accessTuples(statementsOf(stack, kind, name)).length).toBeGreaterThan(0);
  });
});
