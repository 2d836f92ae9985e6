import { compileOrganisation, type CompiledOrganisation } from '../../core/compile';
import type { Organisation, PolicyDocument, PolicyStatement } from '../../core/model';
import { asList } from '../../core/policy/document';
import type { OrganisationFiles } from '../support/organisation-files';
import type { StackJson } from '../support/synth';

export const CONSUMER_ID = '222222222222';

/** The organisation as main.ts would load it, compiled (no files written). */
export function compileFiles(files: OrganisationFiles): CompiledOrganisation {
  const org: Organisation = {
    indexFile: 'index.json',
    backend: files.index.backend ?? { kind: 'local' },
    accounts: files.index.accounts.map((name) => ({ file: `${name}.json`, spec: files.accounts[name] })),
  };
  return compileOrganisation(org);
}

const TYPES = { user: 'aws_iam_user', group: 'aws_iam_group', role: 'aws_iam_role' } as const;
export type Kind = keyof typeof TYPES;

/** The Terraform address of the principal resource whose IAM name is `name`. */
export function principalAddress(stack: StackJson, kind: Kind, name: string): string {
  const found = Object.entries(stack.resource[TYPES[kind]] ?? {}).find(([, config]) => (config as StackJson).name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the stack`);
  return `${TYPES[kind]}.${found[0]}`;
}

/** Managed policies attached to a principal, followed through the attachment resources of the JSON. */
export function attachedPolicies(stack: StackJson, kind: Kind, name: string): Array<{ name: string; document: PolicyDocument; size: number }> {
  const ref = `\${${principalAddress(stack, kind, name)}.name}`;
  const attachments = Object.values(stack.resource[`${TYPES[kind]}_policy_attachment`] ?? {}) as StackJson[];
  return attachments
    .filter((a) => a[kind] === ref)
    .map((a) => {
      const policyId = /^\$\{aws_iam_policy\.(.+)\.arn\}$/.exec(a.policy_arn)![1];
      const policy = stack.resource.aws_iam_policy[policyId];
      return { name: policy.name, document: JSON.parse(policy.policy), size: policy.policy.replace(/\s/g, '').length };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function statementsOf(stack: StackJson, kind: Kind, name: string): PolicyStatement[] {
  return attachedPolicies(stack, kind, name).flatMap((p) => p.document.Statement);
}

/** `action resource [prefix condition]` for every action and resource of the statements: what they allow, flattened. */
export function accessTuples(statements: PolicyStatement[], keep: (action: string) => boolean = () => true): string[] {
  return statements
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => {
      const prefixes = asList(s.Condition?.StringLike?.['s3:prefix']).join(',');
      return asList(s.Action)
        .filter(keep)
        .flatMap((action) => asList(s.Resource).map((resource) => `${action} ${resource}${prefixes ? ` prefix=${prefixes}` : ''}`));
    })
    .sort();
}
