import { IAM_ROLE_ARN, iamNameProblem } from '../aws/names';
import { partitionOf } from '../aws/regions';
import { bootstrapStackName, DEFAULT_PLAN_ROLE, DEFAULT_RUN_ROLE, MAX_WORKSPACE_NAME, WORKSPACES_STACK } from '../hcp/names';
import type { Organisation } from '../model';
import { MANAGED_BY_TAG } from '../model/tags';
import { checkKnownFields, isPlainObject } from './fields';
import { show, type ProblemList } from './problem';
import { stackNamesOf } from './stack-names';
import { didYouMean } from './suggest';

const AT = 'backend.workspaces';
const FIELDS = ['terraformVersion', 'executionMode', 'agentPoolId', 'tags', 'createProject', 'runRoleName', 'planRoleName', 'runRoles', 'audience'];

/** HCP Terraform organization names: letters, digits, `-` and `_`. */
const ORGANIZATION = /^[A-Za-z0-9_-]+$/;
/** Project names: 3 to 40 letters, digits, spaces, `-` and `_`, not starting or ending with a space. */
const PROJECT = /^[A-Za-z0-9_-][A-Za-z0-9 _-]{1,38}[A-Za-z0-9_-]$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const VERSION = /^(latest|\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?|((~>|>=|<=|>|<|=|!=)\s*\d+(\.\d+){0,2}(\s*,\s*(~>|>=|<=|>|<|=|!=)\s*\d+(\.\d+){0,2})*))$/;
const TAG_KEY = /^[A-Za-z0-9_:-]{1,128}$/;
const TAG_VALUE = /^[A-Za-z0-9_:./ -]{0,256}$/;
const AGENT_POOL = /^apool-[A-Za-z0-9]+$/;
const AUDIENCE = /^[\x21-\x7e]{1,255}$/;
const WILDCARD = /[*?]/;

/**
 * The HCP Terraform settings of a `cloud` backend, and what they ask of the accounts: names HCP
 * Terraform accepts, trust that matches only the organisation's own workspaces, and one run role
 * per account.
 */
export function validateHcp(problems: ProblemList, org: Organisation): void {
  const backend = org.backend as unknown;
  if (!isPlainObject(backend) || backend.kind !== 'cloud') return;
  const file = org.indexFile;
  validateNames(problems, file, backend);
  validateStackNames(problems, org, backend.workspacePrefix);
  for (const { file: accountFile, spec } of org.accounts) {
    if (!isPlainObject(spec)) continue;
    if (spec.deployRole !== undefined) {
      problems.add(
        accountFile,
        'deployRole',
        "is set, but with the cloud backend the account's workspaces run as its HCP Terraform run role, which holds exactly the permissions of its stacks",
        'remove deployRole (it is for the local and S3 backends), or keep it and choose another backend',
      );
    }
    const buckets = spec.kind === 'owner' && Array.isArray(spec.buckets) ? (spec.buckets as unknown[]) : [];
    const tagged = [
      ...(isPlainObject(spec.tags) && 'Blueprint' in spec.tags ? ['tags.Blueprint'] : []),
      ...buckets.flatMap((b, i) => (isPlainObject(b) && isPlainObject(b.tags) && 'Blueprint' in b.tags ? [`buckets[${i}].tags.Blueprint`] : [])),
    ];
    for (const field of tagged) {
      problems.add(
        accountFile,
        field,
        `overrides the tag Blueprint=${MANAGED_BY_TAG.Blueprint}, by which the run role recognises the KMS keys this blueprint creates`,
        'remove the tag or give it another key',
      );
    }
  }
  const spec = backend.workspaces;
  if (spec === undefined) return;
  if (!isPlainObject(spec)) {
    problems.add(file, AT, `must be an object, not ${show(spec)}`, 'write workspaces: { terraformVersion: "~> 1.10" }, or leave it out for the defaults');
    return;
  }
  checkKnownFields(problems, file, AT, spec, FIELDS);
  validateRuns(problems, file, spec);
  validateTags(problems, file, spec.tags);
  validateRoles(problems, org, spec);
  if (spec.createProject !== undefined && typeof spec.createProject !== 'boolean') {
    problems.add(
      file,
      `${AT}.createProject`,
      `must be true or false, not ${show(spec.createProject)}`,
      'write true (the workspaces stack creates the project) or false (it exists already)',
    );
  } else if (spec.createProject === false && backend.project === undefined) {
    problems.add(file, `${AT}.createProject`, 'is false, but the backend names no project to find', 'set backend.project, or remove createProject');
  }
  if (spec.audience !== undefined && (typeof spec.audience !== 'string' || !AUDIENCE.test(spec.audience) || WILDCARD.test(spec.audience))) {
    problems.add(
      file,
      `${AT}.audience`,
      `${show(spec.audience)} is not an audience the trust can require exactly`,
      'use 1 to 255 printable characters without spaces, "*" or "?", or leave it out for "aws.workload.identity"',
    );
  }
}

function validateNames(problems: ProblemList, file: string, backend: Record<string, unknown>): void {
  const { organization, project, hostname } = backend;
  if (typeof organization === 'string' && organization.trim() !== '') {
    if (WILDCARD.test(organization)) {
      problems.add(
        file,
        'backend.organization',
        `${show(organization)} contains a wildcard, which would let the run roles trust workspaces of other organizations`,
        'write the organization name exactly',
      );
    } else if (!ORGANIZATION.test(organization)) {
      problems.add(
        file,
        'backend.organization',
        `${show(organization)} is not an HCP Terraform organization name`,
        'use the name as HCP Terraform shows it: letters, digits, "-" and "_"',
      );
    }
  }
  if (typeof project === 'string' && project.trim() !== '') {
    if (WILDCARD.test(project)) {
      problems.add(
        file,
        'backend.project',
        `${show(project)} contains a wildcard, which would let the run roles trust workspaces of other projects`,
        'write the project name exactly',
      );
    } else if (!PROJECT.test(project)) {
      problems.add(
        file,
        'backend.project',
        `${show(project)} is not a name HCP Terraform accepts for a project`,
        'use 3 to 40 letters, digits, spaces, "-" and "_", not starting or ending with a space',
      );
    }
  }
  if (typeof hostname === 'string' && hostname.trim() !== '' && !HOSTNAME.test(hostname)) {
    problems.add(
      file,
      'backend.hostname',
      `${show(hostname)} is not a host name (it names the OIDC provider https://<hostname> and the claims <hostname>:sub)`,
      'write the Terraform Enterprise host alone, e.g. "tfe.example.com": no scheme, port or path, lowercase',
    );
  }
}

/** The added stacks take names no account stack may have, and their workspace names fit HCP Terraform's limit. */
function validateStackNames(problems: ProblemList, org: Organisation, prefix: unknown): void {
  const accountStacks = stackNamesOf(org);
  const added = [WORKSPACES_STACK, ...org.accounts.map(({ spec }) => bootstrapStackName(String(spec?.key)))];
  for (const { file, spec } of org.accounts) {
    if (isPlainObject(spec) && added.includes(String(spec.key))) {
      problems.add(
        file,
        'key',
        `${show(spec.key)} is the name of a stack the HCP Terraform backend adds`,
        `choose another key: "${WORKSPACES_STACK}" and "<key>-hcp-bootstrap" are taken`,
      );
    }
  }
  // A prefix with characters HCP Terraform refuses is reported with the account stacks' names.
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_-]*$/.test(prefix)) return;
  const tooLong = added
    .filter((name) => !accountStacks.includes(name))
    .map((name) => `${prefix}${name}`)
    .filter((name) => name.length > MAX_WORKSPACE_NAME);
  if (tooLong.length > 0) {
    problems.add(
      org.indexFile,
      'backend.workspacePrefix',
      `${show(prefix)} makes workspace names longer than HCP Terraform's ${MAX_WORKSPACE_NAME} characters: ${tooLong.map((n) => `${n} (${n.length})`).join(', ')}`,
      `shorten the prefix to at most ${MAX_WORKSPACE_NAME - Math.max(...tooLong.map((n) => n.length - prefix.length))} characters, or the account keys`,
    );
  }
}

function validateRuns(problems: ProblemList, file: string, spec: Record<string, unknown>): void {
  const { executionMode, agentPoolId, terraformVersion } = spec;
  if (executionMode === 'local') {
    problems.add(
      file,
      `${AT}.executionMode`,
      '"local" runs on the machine that applies, where HCP Terraform gives no keyless credentials',
      'use "remote" (HCP Terraform\'s workers) or "agent" (your agent pool)',
    );
  } else if (executionMode !== undefined && executionMode !== 'remote' && executionMode !== 'agent') {
    problems.add(
      file,
      `${AT}.executionMode`,
      `${show(executionMode)} is not an execution mode${didYouMean(String(executionMode), ['remote', 'agent'])}`,
      'use "remote" or "agent"',
    );
  }
  if (executionMode === 'agent' && (typeof agentPoolId !== 'string' || !AGENT_POOL.test(agentPoolId))) {
    problems.add(file, `${AT}.agentPoolId`, `${show(agentPoolId)} is not an agent pool id`, 'give the id of the agent pool, e.g. "apool-AbCdEf123456"');
  } else if (executionMode !== 'agent' && agentPoolId !== undefined) {
    problems.add(file, `${AT}.agentPoolId`, 'is set, but the execution mode is not "agent"', 'set executionMode: "agent", or remove agentPoolId');
  }
  if (terraformVersion !== undefined && (typeof terraformVersion !== 'string' || !VERSION.test(terraformVersion))) {
    problems.add(
      file,
      `${AT}.terraformVersion`,
      `${show(terraformVersion)} is not a Terraform version or constraint`,
      'write an exact version such as "1.11.4", a constraint such as "~> 1.10", or "latest"',
    );
  }
}

function validateTags(problems: ProblemList, file: string, tags: unknown): void {
  if (tags === undefined) return;
  if (!isPlainObject(tags)) {
    problems.add(file, `${AT}.tags`, `must be an object of string values, not ${show(tags)}`, 'write e.g. { team: "data-platform" }');
    return;
  }
  for (const [key, value] of Object.entries(tags)) {
    if (['account', 'stack', 'role'].includes(key)) {
      problems.add(file, `${AT}.tags.${key}`, `${show(key)} is a tag every workspace gets from its stack`, 'use another key');
    } else if (!TAG_KEY.test(key)) {
      problems.add(file, `${AT}.tags.${key}`, `${show(key)} is not a workspace tag key`, 'use 1 to 128 letters, digits, "-", "_" or ":"');
    }
    if (typeof value !== 'string' || !TAG_VALUE.test(value)) {
      problems.add(file, `${AT}.tags.${key}`, `${show(value)} is not a workspace tag value`, 'use at most 256 letters, digits, spaces and "-_:./"');
    }
  }
}

/** Role names, and explicit run role ARNs: each in its own account, none shared by two. */
function validateRoles(problems: ProblemList, org: Organisation, spec: Record<string, unknown>): void {
  const file = org.indexFile;
  const names: Record<string, unknown> = { runRoleName: spec.runRoleName ?? DEFAULT_RUN_ROLE, planRoleName: spec.planRoleName ?? DEFAULT_PLAN_ROLE };
  for (const [field, name] of Object.entries(names)) {
    if (field === 'planRoleName' && name === false) continue;
    const problem = typeof name === 'string' ? iamNameProblem(name, 64) : 'must be a role name';
    if (problem)
      problems.add(
        file,
        `${AT}.${field}`,
        `${show(name)} ${problem}`,
        field === 'planRoleName' ? 'use an IAM role name, or false to let the run role plan too' : 'use an IAM role name',
      );
  }
  if (names.runRoleName === names.planRoleName) {
    problems.add(
      file,
      `${AT}.planRoleName`,
      `${show(names.planRoleName)} is also the run role's name`,
      'give the read-only plan role its own name, or false to let the run role plan too',
    );
  }
  const runRoles = spec.runRoles;
  if (runRoles === undefined) return;
  if (!isPlainObject(runRoles)) {
    problems.add(
      file,
      `${AT}.runRoles`,
      `must map account keys to role ARNs, not ${show(runRoles)}`,
      'write e.g. { owner: "arn:aws:iam::111111111111:role/terraform/hcp-run" }',
    );
    return;
  }
  const accounts = new Map(org.accounts.filter((a) => isPlainObject(a.spec)).map((a) => [String(a.spec.key), a]));
  const usedBy = new Map<string, string>();
  for (const [key, arn] of Object.entries(runRoles)) {
    const at = `${AT}.runRoles.${key}`;
    const account = accounts.get(key);
    if (!account) {
      problems.add(
        file,
        at,
        `${show(key)} is not an account of the organisation${didYouMean(key, [...accounts.keys()])}`,
        `use one of: ${[...accounts.keys()].join(', ')}`,
      );
      continue;
    }
    const match = typeof arn === 'string' ? IAM_ROLE_ARN.exec(arn) : null;
    if (!match) {
      problems.add(
        file,
        at,
        `${show(arn)} is not an IAM role ARN`,
        `use the form arn:${partitionOf(String(account.spec.region))}:iam::${String(account.spec.id)}:role/<path/><name>`,
      );
      continue;
    }
    const other = usedBy.get(arn as string);
    const owner = [...accounts.values()].find((a) => a.spec.id === match[2]);
    if (other) {
      problems.add(
        file,
        at,
        `${show(arn)} is also the run role of account ${show(other)}: one role trusted by the workspaces of two accounts would let each change the other`,
        'give every account its own run role, in that account',
      );
    } else if (match[2] !== account.spec.id) {
      const whose = owner ? `account ${show(owner.spec.key)} (${owner.file})` : `account ${match[2]}`;
      problems.add(
        file,
        at,
        `${show(arn)} is a role of ${whose}, not of ${show(key)} (${String(account.spec.id)}): a run role reused across accounts would let one account's workspaces act in another`,
        `name a role in account ${String(account.spec.id)}; its bootstrap creates it`,
      );
    } else if (partitionOf(String(account.spec.region)) !== `aws${match[1] ?? ''}`) {
      problems.add(
        file,
        at,
        `${show(arn)} is in partition aws${match[1] ?? ''}, but account ${show(key)} is in ${partitionOf(String(account.spec.region))}`,
        "write the ARN with the account's partition",
      );
    } else {
      const problem = iamNameProblem(match[3].split('/').pop()!, 64);
      if (problem) problems.add(file, at, `${show(arn)}: the role name ${problem}`, 'use an IAM role name');
    }
    usedBy.set(arn as string, key);
  }
}
