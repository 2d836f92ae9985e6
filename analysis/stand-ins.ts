import { accountRootArn, iamArn, parseArn } from '../core/aws/arns';
import type { PolicyStatement } from '../core/model';
import { compareText } from '../core/order';
import { asList } from '../core/policy/document';
import type { Principal, SynthesizedBucket, SynthesizedOutput } from '../core/synthesized/output';

/**
 * Who a resource policy can let in besides the synthesized users and roles: every principal of an
 * account named whole (its root or id, no `aws:PrincipalArn` that narrows it to a synthesized
 * name), and anyone at all (`Principal: "*"`). A stand-in is a principal that no policy names by
 * ARN and whose own account allows it everything, so what it reaches is exactly what the resource
 * side hands to the account, or to the world.
 */
export interface StandIn extends Principal {
  standsFor: 'account' | 'anyone';
}

/** No IAM name holds parentheses or spaces, so no synthesized principal and no exact ARN in a policy is this one. */
const STAND_IN_NAME = '(any principal)';

const EVERYTHING: PolicyStatement = { Sid: 'WhateverItsAdministratorsAllow', Effect: 'Allow', Action: '*', Resource: '*' };

export const isStandIn = (p: Principal): p is StandIn => 'standsFor' in p;

function standIn(standsFor: StandIn['standsFor'], partition: string, accountId: string, stack: string): StandIn {
  return {
    standsFor,
    arn: iamArn(partition, accountId, 'role', STAND_IN_NAME),
    kind: 'role',
    name: STAND_IN_NAME,
    accountId,
    stack,
    address: '',
    tags: {},
    groups: [],
    identityPolicies: [
      { name: `stand-in:${accountId}`, label: 'whatever its administrators allow', document: { Version: '2012-10-17', Statement: [EVERYTHING] } },
    ],
  };
}

function awsPrincipals(s: PolicyStatement): string[] {
  if (s.Principal === '*') return ['*'];
  return asList(s.Principal?.AWS);
}

/** An account id an outsider stands in: twelve digits that no stack of the output uses. */
function outsiderAccount(used: Set<string>): string {
  for (let n = 0; ; n++) {
    const id = String(n).padStart(12, '0');
    if (!used.has(id)) return id;
  }
}

/**
 * One stand-in per account that a bucket, access point or key policy names as a whole (by root
 * ARN or id) and per partition for anyone, when some policy allows `*`. The access analysis asks
 * for each what it reaches in the other accounts' buckets.
 */
export function standIns(output: SynthesizedOutput, buckets: SynthesizedBucket[] = output.buckets()): StandIn[] {
  const stackOf = new Map(output.stacks.filter((s) => s.accountId).map((s) => [s.accountId, s.name]));
  const accounts = new Map<string, string>();
  const publicIn = new Set<string>();
  for (const bucket of buckets) {
    const documents = [bucket.policy, ...bucket.accessPoints.map((ap) => ap.policy), bucket.key].flatMap((p) => (p ? [p.document] : []));
    for (const s of documents.flatMap((d) => d.Statement)) {
      if (s.Effect !== 'Allow') continue;
      for (const value of awsPrincipals(s)) {
        if (value === '*') publicIn.add(bucket.partition);
        else if (/^\d{12}$/.test(value)) accounts.set(value, bucket.partition);
        else {
          const arn = parseArn(value);
          if (arn?.service === 'iam' && value === accountRootArn(arn.partition, arn.account)) accounts.set(arn.account, arn.partition);
        }
      }
    }
  }
  const outsider = outsiderAccount(new Set([...stackOf.keys(), ...accounts.keys()]));
  return [
    ...[...accounts].sort(([a], [b]) => compareText(a, b)).map(([id, partition]) => standIn('account', partition, id, stackOf.get(id) ?? '')),
    ...[...publicIn].sort(compareText).map((partition) => standIn('anyone', partition, outsider, '')),
  ];
}
