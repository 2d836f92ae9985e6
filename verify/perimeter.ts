import { decide } from '../analysis/chain';
import type { Evaluator } from '../analysis/evaluator';
import { accountRootArn, iamArn } from '../core/aws/arns';
import type { CompiledOrganisation } from '../core/compile';
import type { PolicyStatement } from '../core/model';
import type { Principal, SynthesizedBucket, SynthesizedOutput } from '../core/synthesized/output';
import type { Expectation } from './expectation';

/** The output as it would be with one more principal and one bucket's policy changed (nothing is written). */
function outputWith(output: SynthesizedOutput, principal: Principal, bucket: SynthesizedBucket): SynthesizedOutput {
  const view = Object.create(output) as SynthesizedOutput;
  view.principal = (arn) => (arn === principal.arn ? principal : output.principal(arn));
  view.bucket = (name) => (name === bucket.name ? bucket : output.bucket(name));
  return view;
}

/** A role of an account with no stack here, whose own account lets it do anything. */
function foreignRole(partition: string, accountId: string, name: string): Principal {
  return {
    arn: iamArn(partition, accountId, 'role', name),
    kind: 'role',
    name,
    accountId,
    stack: '(outside the organisation)',
    address: '',
    tags: {},
    groups: [],
    identityPolicies: [
      { name: 'allow-all', label: 'allow-all', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    ],
  };
}

/** An adopted statement that someone wrote by mistake: everything for the outside account. */
const adoptedAllow = (bucket: SynthesizedBucket, accountId: string): PolicyStatement => ({
  Sid: 'AdoptedAllowOutsideAccount',
  Effect: 'Allow',
  Principal: { AWS: accountRootArn(bucket.partition, accountId) },
  Action: 's3:*',
  Resource: [bucket.arn, `${bucket.arn}/*`],
});

export interface PerimeterCase {
  expectation: Expectation;
  output: SynthesizedOutput;
}

/** An account id that neither the organisation nor any grant names. */
function outsideAccount(compiled: CompiledOrganisation): string {
  const taken = new Set([...compiled.index.accounts.map((a) => a.id), ...compiled.grants.map((g) => g.grantee.account.id)]);
  let id = 999999999999;
  while (taken.has(String(id))) id--;
  return String(id);
}

/**
 * With an organisation id: on every managed bucket, a role of an outside
 * account, allowed by its own account and by an adopted bucket statement, is refused; and a role of
 * each account granted with `external: true` reads what the grant gives (the perimeter's exception).
 */
export function perimeterCases(compiled: CompiledOrganisation, output: SynthesizedOutput): PerimeterCase[] {
  if (!compiled.index.org.organization) return [];
  const cases: PerimeterCase[] = [];
  const outsider = outsideAccount(compiled);
  for (const bucket of output.buckets()) {
    // Every managed bucket has a policy (TLS only at least); one without the perimeter fails here.
    if (!bucket.policy) continue;
    const principal = foreignRole(bucket.partition, outsider, 'outsider');
    const policy = {
      ...bucket.policy,
      document: { ...bucket.policy.document, Statement: [...bucket.policy.document.Statement, adoptedAllow(bucket, outsider)] },
    };
    cases.push({
      expectation: {
        expect: 'deny',
        about: `the perimeter refuses an outside account even with an adopted allow`,
        principal: principal.arn,
        action: 's3:GetObject',
        bucket: bucket.name,
        key: 'proof/object.txt',
      },
      output: outputWith(output, principal, { ...bucket, policy }),
    });
  }
  for (const grant of compiled.grants.filter((g) => g.external)) {
    const bucket = output.bucket(grant.bucket.name);
    if (!bucket) continue;
    const principal = foreignRole(bucket.partition, grant.grantee.account.id, 'partner');
    const action = grant.actions.object.includes('s3:GetObject') ? 's3:GetObject' : grant.actions.object[0];
    if (!action) continue;
    cases.push({
      expectation: {
        expect: 'allow',
        grant: grant.id,
        about: `external grant ${grant.id}: the perimeter lets account ${grant.grantee.account.id} through`,
        principal: principal.arn,
        action,
        bucket: bucket.name,
        accessPoint: grant.accessPoint?.arn,
        key: `${grant.prefix}proof/object.txt`,
      },
      output: outputWith(output, principal, bucket),
    });
  }
  return cases;
}

/** Why a perimeter case fails, or undefined when it holds. */
export function perimeterFailure(c: PerimeterCase, evaluator: Evaluator): string | undefined {
  const decision = decide(c.expectation, c.output, evaluator);
  if (decision.allowed !== (c.expectation.expect === 'allow'))
    return decision.allowed ? `allowed by ${decision.decidedBy}` : `refused by ${decision.decidedBy}`;
  return undefined;
}
