import { iamArn, kmsKeyArn } from '../../core/aws/arns';
import { partitionOf } from '../../core/aws/regions';
import type { StackJson } from './synth';

const REFERENCE = /^\$\{([\w-]+)\.([\w-]+)\.(\w+)\}$/;

interface PlannedResource {
  type: string;
  name: string;
  values: Record<string, unknown>;
}

/**
 * A Terraform state (format 4) that holds every resource of a synthesized stack as if it had been
 * applied: the values of its offline plan (`planned_values` of `terraform show -json`), with what
 * only AWS would know made up (ids, ARNs, key ids) and every argument that is a plain reference
 * filled in with the referenced value. A plan of another synthesis against it, without refresh,
 * says what that synthesis would delete, forget or keep: the real plan of a change, made offline.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function priorStateOf(stack: StackJson, plan: Record<string, any>): object {
  const provider = [stack.provider?.aws ?? []].flat()[0] ?? {};
  const accountId = String([provider.allowed_account_ids ?? []].flat()[0] ?? '');
  const region = String(provider.region);
  const providerAddress = `provider["registry.terraform.io/hashicorp/aws"].${provider.alias}`;
  const planned = (plan.planned_values?.root_module?.resources ?? []) as PlannedResource[];
  const attributes = new Map<string, Record<string, unknown>>();
  for (const { type, name, values } of planned) {
    const state: Record<string, unknown> = { ...values };
    state.id = values.bucket ?? values.name ?? name;
    if (type === 'aws_iam_policy') state.arn = iamArn(partitionOf(region), accountId, 'policy', String(values.name), String(values.path ?? '/'));
    if (type === 'aws_kms_key') {
      state.id = state.key_id = `key-${name}`;
      state.arn = kmsKeyArn(region, accountId, `key-${name}`);
    }
    attributes.set(`${type}.${name}`, state);
  }
  for (const { type, name } of planned) {
    const state = attributes.get(`${type}.${name}`)!;
    for (const [key, value] of Object.entries(stack.resource?.[type]?.[name] ?? {})) {
      const match = typeof value === 'string' ? REFERENCE.exec(value) : null;
      const referenced = match ? attributes.get(`${match[1]}.${match[2]}`)?.[match[3]] : undefined;
      if (referenced !== undefined) state[key] = referenced;
    }
  }
  const resources = planned.map(({ type, name }) => ({
    mode: 'managed',
    type,
    name,
    provider: providerAddress,
    instances: [{ schema_version: 0, attributes: attributes.get(`${type}.${name}`) }],
  }));
  return { version: 4, terraform_version: '1.11.4', serial: 1, lineage: '00000000-0000-4000-8000-000000000000', outputs: {}, resources };
}
