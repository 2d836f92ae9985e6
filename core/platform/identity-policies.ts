import type { IdentityGrant } from '../grants/identity-grant';
import type { PolicyDocument, PolicyStatement } from '../model';
import { policyDocument } from '../policy/document';
import { mergeStatements } from '../policy/merge';
import { finalizeSids } from '../policy/sid';
import { policyArnOf, type PlatformContext } from './context';
import { fitManagedPolicy } from './fit';
import { MLSPACE_SYSTEM_TAG } from './naming';
import type { ProblemList } from '../validation/problem';

/** A customer managed policy of the platform account, with its literal document. */
export interface ManagedPolicyPlan {
  name: string;
  arn: string;
  description: string;
  document: PolicyDocument;
  tags: Record<string, string>;
}

export interface PolicyTarget {
  name: string;
  description: string;
  tags: Record<string, string>;
  /** MLSpace's own statements of this policy, first and unchanged. */
  base: PolicyStatement[];
  /** Where the policy is described, for an overflow message. */
  field: string;
}

/** One policy: its base statements, then its grants merged (never widened) with readable Sids. */
export function grantPolicy(c: PlatformContext, problems: ProblemList, target: PolicyTarget, grants: IdentityGrant[]): ManagedPolicyPlan {
  const taken = target.base.map((s) => s.Sid).filter((sid): sid is string => sid !== undefined);
  const document = fitManagedPolicy(
    problems,
    {
      file: c.account.file,
      field: target.field,
      label: `the policy ${JSON.stringify(target.name)}`,
      fix: 'grant whole buckets or fewer prefixes, or grant a project instead of many single users',
    },
    grants,
    (subset) => policyDocument([...target.base, ...finalizeSids(mergeStatements(subset.flatMap((g) => g.statements)), 'Grant', taken)]),
  );
  return {
    name: target.name,
    arn: policyArnOf(c, target.name),
    description: target.description,
    document,
    tags: { system: MLSPACE_SYSTEM_TAG, ...target.tags },
  };
}
