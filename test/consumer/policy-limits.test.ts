import { splitIntoPolicies } from '../../core/consumer/split-policies';
import type { ConsumerAccountSpec, ExtraStatement, PolicyStatement } from '../../core/model';
import { policyDocument, policySize } from '../../core/policy/document';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { refusalOf } from '../support/refusal';
import { synthOrganisation } from '../support/synth';
import { attachedPolicies } from './helpers';

/** A valid hand-written statement of about `objects` x 50 characters: GetObject on that many keys. */
const bigStatement = (n: number, objects: number): ExtraStatement => ({
  Sid: `ReadArchivePart${n}`,
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: Array.from({ length: objects }, (_, j) => `arn:aws:s3:::examplebucket/archive/part-${n}/file-${String(j).padStart(4, '0')}`),
});

const consumerOf = (files: OrganisationFiles): ConsumerAccountSpec => files.accounts.consumer as ConsumerAccountSpec;

describe('splitting at 6,144 characters', () => {
  test('statements fill a policy until the next one would not fit', () => {
    const statement = (sid: string, keyLength: number): PolicyStatement => ({
      Sid: sid,
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::b/${'k'.repeat(keyLength)}`,
    });
    const a = statement('A', 10);
    let length = 1;
    while (policySize(policyDocument([a, statement('B', length)])) < 6144) length++;
    const fits = statement('B', length);
    const tooBig = statement('B', length + 1);
    expect(policySize(policyDocument([a, fits]))).toBe(6144);
    expect(splitIntoPolicies([a, fits]).documents.map((d) => d.Statement)).toEqual([[a, fits]]);
    expect(policySize(policyDocument([a, tooBig]))).toBe(6145);
    expect(splitIntoPolicies([a, tooBig]).documents.map((d) => d.Statement)).toEqual([[a], [tooBig]]);
  });

  test('a principal over the limit gets data-access-<kind>-<name>, -2, -3, each within the limit, statements in order', () => {
    const files = defaultOrganisation();
    consumerOf(files).users![0].extraStatements = [1, 2, 3, 4, 5].map((n) => bigStatement(n, 45));
    const policies = attachedPolicies(synthOrganisation(files).stack('consumer'), 'user', 'copier');
    expect(policies.map((p) => p.name)).toEqual(['data-access-user-copier', 'data-access-user-copier-2', 'data-access-user-copier-3']);
    for (const p of policies) expect(p.size).toBeLessThanOrEqual(6144);
    const sids = policies.flatMap((p) => p.document.Statement.map((s) => s.Sid));
    expect(sids).toEqual(['GrantListConsumerUserCopier', 'GrantObjectsConsumerUserCopier', ...[1, 2, 3, 4, 5].map((n) => `ReadArchivePart${n}`)]);
    // greedy: no policy could have taken the first statement of the next one
    for (let i = 0; i + 1 < policies.length; i++) {
      expect(policySize(policyDocument([...policies[i].document.Statement, policies[i + 1].document.Statement[0]]))).toBeGreaterThan(6144);
    }
  });
});

describe('attachment limit and oversized statements: a clear error, exit 1, nothing written', () => {
  const run = (files: OrganisationFiles): { status: number | null; problems: string[]; written: boolean } => {
    const refusal = refusalOf(files);
    return { status: refusal ? 1 : 0, problems: refusal?.problems ?? [], written: refusal?.written ?? true };
  };
  /** Eleven statements that each need a policy of their own. */
  const eleven = (): ExtraStatement[] => Array.from({ length: 11 }, (_, i) => bigStatement(i + 1, 100));
  const size = (extras: ExtraStatement[], derived: number): number => policySize(policyDocument(extras as PolicyStatement[])) + derived;

  test('a role needing 11 managed policies names the role and what to do', () => {
    const files = defaultOrganisation();
    const extras = eleven();
    consumerOf(files).roles![0].extraStatements = extras;
    const derived =
      policySize(policyDocument(attachedPolicies(synthOrganisation().stack('consumer'), 'role', 'analyst')[0].document.Statement)) -
      policySize(policyDocument([])) +
      1;
    expect(run(files)).toEqual({
      status: 1,
      problems: [
        `consumer.json: roles[0]: role "analyst" needs 11 managed policies for ${size(extras, derived)} characters of statements, more than the 10 IAM attaches to one role. Fix: grant fewer, wider prefixes or move some grants to a group, or raise the AWS quota "Managed policies per role" and set managedPoliciesPerPrincipal to it (at most 20)`,
      ],
      written: false,
    });
  });

  test('managedPoliciesPerPrincipal raises the limit for users and roles', () => {
    const files = defaultOrganisation();
    consumerOf(files).managedPoliciesPerPrincipal = 12;
    consumerOf(files).roles![0].extraStatements = eleven();
    expect(attachedPolicies(synthOrganisation(files).stack('consumer'), 'role', 'analyst')).toHaveLength(11);
  });

  test('groups stay at 10 whatever the account quota says', () => {
    const files = defaultOrganisation();
    consumerOf(files).managedPoliciesPerPrincipal = 20;
    consumerOf(files).groups![0].extraStatements = eleven();
    const { status, problems } = run(files);
    expect(status).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^consumer\.json: groups\[0\]: group "new-client" needs 11 managed policies for \d+ characters of statements, more than the 10 IAM attaches to one group\. Fix: spread the grants over several groups/,
    );
  });

  test('one statement larger than a whole policy', () => {
    const files = defaultOrganisation();
    const huge = bigStatement(1, 200);
    consumerOf(files).users![0].extraStatements = [huge];
    expect(run(files)).toEqual({
      status: 1,
      problems: [
        `consumer.json: users[0]: statement "ReadArchivePart1" of user "copier" needs ${policySize(policyDocument([huge as PolicyStatement]))} characters without whitespace, more than one managed policy can hold (6144). Fix: split it into smaller statements`,
      ],
      written: false,
    });
  });
});
