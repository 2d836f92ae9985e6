import { iamResourceOf } from '../aws/arns';
import type { PolicyDocument } from '../model';
import type { SynthesizedStack } from './stack';

/** A policy document with where it comes from. */
export interface NamedPolicy {
  /** Where it came from: `<stack>:<address>`. */
  name: string;
  /** How IAM names it: the policy's name, with the group it comes through (`data-access-x (group g)`). */
  label: string;
  document: PolicyDocument;
}

/** An IAM user or role with everything IAM evaluates on the principal's side. */
export interface Principal {
  arn: string;
  kind: 'user' | 'role';
  name: string;
  accountId: string;
  stack: string;
  address: string;
  /** The principal's tags, the provider's default tags included (`aws:PrincipalTag/<key>` in policies). */
  tags: Record<string, string>;
  /** The groups of a user. */
  groups: string[];
  identityPolicies: NamedPolicy[];
  /** The boundary's document; undefined when the principal has none. */
  boundary?: NamedPolicy;
  /** A boundary named by ARN that no synthesized stack defines (cannot be evaluated). */
  unknownBoundary?: string;
  /** A role's trust policy (who may assume it); undefined for users. */
  trust?: NamedPolicy;
}

const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every managed policy of the output by ARN (a roles stack attaches the platform stack's policies by ARN). */
function managedPolicies(stacks: SynthesizedStack[]): Map<string, NamedPolicy> {
  const byArn = new Map<string, NamedPolicy>();
  for (const stack of stacks) {
    const documents = new Map(stack.policies().map((p) => [p.address, p.document]));
    for (const resource of stack.ofType('aws_iam_policy')) {
      const document = documents.get(resource.address);
      const arn = stack.attribute({ type: resource.type, name: resource.name, attribute: 'arn' });
      if (document && arn) byArn.set(arn, { name: `${stack.name}:${resource.address}`, label: String(resource.config.name), document });
    }
  }
  return byArn;
}

/** Attachment resources of every shape the AWS provider has: type, the argument naming the principal, and how it names policies. */
const ATTACHMENTS: Record<'role' | 'user' | 'group', Array<[type: string, owner: string, how: 'arns' | 'arn' | 'inline']>> = {
  role: [
    ['aws_iam_role_policy_attachments_exclusive', 'role_name', 'arns'],
    ['aws_iam_role_policy_attachment', 'role', 'arn'],
    ['aws_iam_role_policy', 'role', 'inline'],
  ],
  user: [
    ['aws_iam_user_policy_attachments_exclusive', 'user_name', 'arns'],
    ['aws_iam_user_policy_attachment', 'user', 'arn'],
    ['aws_iam_user_policy', 'user', 'inline'],
  ],
  group: [
    ['aws_iam_group_policy_attachments_exclusive', 'group_name', 'arns'],
    ['aws_iam_group_policy_attachment', 'group', 'arn'],
    ['aws_iam_group_policy', 'group', 'inline'],
  ],
};

/** One stack's attachments and group memberships, indexed by principal name (stacks hold thousands). */
class StackIndex {
  private readonly attached = new Map<string, NamedPolicy[]>();
  private readonly memberOf = new Map<string, Set<string>>();

  constructor(stack: SynthesizedStack, managed: Map<string, NamedPolicy>) {
    const documents = new Map(stack.policies().map((p) => [p.address, p.document]));
    for (const [kind, shapes] of Object.entries(ATTACHMENTS)) {
      for (const [type, owner, how] of shapes) {
        for (const r of stack.ofType(type)) {
          const key = `${kind} ${String(r.config[owner])}`;
          const policies = this.attached.get(key) ?? [];
          if (how === 'inline') {
            const document = documents.get(r.address);
            if (document)
              policies.push({ name: `${stack.name}:${r.address}`, label: r.config.name === undefined ? r.address : String(r.config.name), document });
          } else {
            for (const arn of list(how === 'arns' ? r.config.policy_arns : r.config.policy_arn)) {
              const policy = managed.get(String(arn));
              if (policy) policies.push(policy);
            }
          }
          this.attached.set(key, policies);
        }
      }
    }
    const join = (user: unknown, group: unknown): void => {
      const groups = this.memberOf.get(String(user)) ?? new Set<string>();
      groups.add(String(group));
      this.memberOf.set(String(user), groups);
    };
    for (const m of stack.ofType('aws_iam_group_membership')) for (const user of list(m.config.users)) join(user, m.config.group);
    for (const m of stack.ofType('aws_iam_user_group_membership')) for (const group of list(m.config.groups)) join(m.config.user, group);
  }

  policiesOf(kind: keyof typeof ATTACHMENTS, name: string): NamedPolicy[] {
    return this.attached.get(`${kind} ${name}`) ?? [];
  }

  groupsOf(user: string): string[] {
    return [...(this.memberOf.get(user) ?? [])].sort();
  }
}

/** A policy attached both by a single attachment and an exclusive one counts once. */
function unique(policies: NamedPolicy[]): NamedPolicy[] {
  const seen = new Set<string>();
  return policies.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/** Users and roles of every stack, with their identity policies (a user's groups' too), boundary and tags. */
export function principalsOf(stacks: SynthesizedStack[]): Principal[] {
  const managed = managedPolicies(stacks);
  const out: Principal[] = [];
  for (const stack of stacks) {
    const index = new StackIndex(stack, managed);
    const trustOf = new Map(stack.policies().flatMap((p) => (p.kind === 'trust-policy' ? [[p.address, p.document] as const] : [])));
    for (const type of ['aws_iam_role', 'aws_iam_user'] as const) {
      for (const resource of stack.ofType(type)) {
        const arn = stack.attribute({ type, name: resource.name, attribute: 'arn' });
        const iam = arn ? iamResourceOf(arn) : undefined;
        if (!arn || !iam) continue;
        const kind = type === 'aws_iam_role' ? 'role' : 'user';
        const groups = kind === 'user' ? index.groupsOf(iam.name) : [];
        const identityPolicies = [
          ...index.policiesOf(kind, iam.name),
          ...groups.flatMap((group) => index.policiesOf('group', group).map((p) => ({ ...p, label: `${p.label} (group ${group})` }))),
        ];
        const boundaryArn =
          typeof resource.config.permissions_boundary === 'string' && resource.config.permissions_boundary !== ''
            ? resource.config.permissions_boundary
            : undefined;
        const boundary = boundaryArn ? managed.get(boundaryArn) : undefined;
        const trustDocument = kind === 'role' ? trustOf.get(resource.address) : undefined;
        out.push({
          arn,
          kind,
          name: iam.name,
          accountId: stack.accountId,
          stack: stack.name,
          address: resource.address,
          tags: { ...stack.defaultTags, ...(resource.config.tags ?? {}) },
          groups,
          identityPolicies: unique(identityPolicies),
          boundary,
          unknownBoundary: boundaryArn && !boundary ? boundaryArn : undefined,
          trust: trustDocument && { name: `${stack.name}:${resource.address}`, label: iam.name, document: trustDocument },
        });
      }
    }
  }
  return out;
}
