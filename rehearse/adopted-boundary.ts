import * as fs from 'node:fs';
import * as path from 'node:path';
import { iamArn, regionalArn } from '../core/aws/arns';
import type { PlatformAccountSpec, PolicyDocument } from '../core/model';
import { DEFAULT_BOUNDARY_NAME } from '../core/platform/naming';
import { keepsPreexisting, samePolicy } from './adopted-bucket';
import { planIsEmpty, type StackContext } from './apply';
import { callApi, type ApiCall } from './emulator-api';
import type { Emulator } from './emulators';
import { deployGuard } from './guard';
import { homeRegion, readStacks, type RehearsedStack } from './stacks';
import { readState } from './state';

const PARTITION = 'aws';

/** The two changes of a platform file that adopt a boundary MLSpace made, then retire it with keep. */
export interface BoundaryRetirement {
  /** The boundary as MLSpace left it, before the deploy that adopts it. */
  adopted: { name: string; document: PolicyDocument };
  /** The boundary the roles carry after the retirement, created by Terraform. */
  successor: string;
  /** Adopts it: boundaryName and existingBoundary name it, the boundary the platform had is retired with keep. */
  adopt: PlatformAccountSpec;
  /** Retires it with keep: the roles move to `successor`. */
  retire: PlatformAccountSpec;
}

/**
 * A platform's only boundary is the one it declares, so retiring one means renaming it: the
 * platform first adopts a boundary that exists before the deploy (its name and document in
 * boundaryName and existingBoundary, the boundary it had retired with keep), then renames it
 * again, without existingBoundary, and retires the adopted one with keep.
 */
export function boundaryRetirement(spec: PlatformAccountSpec): BoundaryRetirement {
  const current = spec.platform!.boundaryName ?? DEFAULT_BOUNDARY_NAME;
  const [name, successor] = ['rehearsal-adopted-boundary', 'rehearsal-boundary-after-retirement'].map((n) => (n === current ? `${n}-2` : n));
  const document: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AdoptedNotebookLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: regionalArn('logs', spec.region, spec.id, 'log-group:/aws/sagemaker/*'),
      },
    ],
  };
  const { existingBoundary: _existing, ...platform } = spec.platform!;
  const retired = [...(spec.retired ?? []), { kind: 'boundary' as const, name: current, mode: 'keep' as const }];
  return {
    adopted: { name, document },
    successor,
    adopt: { ...spec, platform: { ...platform, boundaryName: name, existingBoundary: { document } }, retired },
    retire: { ...spec, platform: { ...platform, boundaryName: successor }, retired: [...retired, { kind: 'boundary', name, mode: 'keep' }] },
  };
}

/** The call that makes the boundary exist before the deploy, as MLSpace's own deployment would. */
export const createBoundary = (adopted: BoundaryRetirement['adopted'], region: string): ApiCall => ({
  service: 'iam',
  region,
  operation: 'create_policy',
  params: { PolicyName: adopted.name, PolicyDocument: JSON.stringify(adopted.document) },
});

export interface BoundaryOutcome {
  boundary: string;
  stack: string;
  /** The deploy that adopted it kept the statements it had. */
  adoptedWithStatements: boolean;
  /** Declared retired with keep and deployed: the policy is still in IAM, with the statements it had before adoption, as last applied. */
  kept: { exists: boolean; preexistingStatements: boolean; asLastApplied: boolean };
  /** The boundary left the state, every role carries the successor, and the next plan was empty. */
  forgotten: boolean;
  rolesMoved: boolean;
  /** The platform's boundary before the rehearsal, retired with keep when the adopted one took its place: still in IAM. */
  firstKept: boolean;
}

/** Retires an adopted boundary of the (unsharded) platform with the users' commands; undefined when there is no such platform. */
export async function rehearseBoundaryRetirement(
  project: { dir: string; accountsDir: string; outdir: string },
  python: string,
  servers: Map<string, Emulator>,
  context: (stack: RehearsedStack) => StackContext,
): Promise<BoundaryOutcome | undefined> {
  const found = platformFile(project.accountsDir);
  if (!found) return undefined;
  const stack = readStacks(project.outdir).find((s) => s.name === found.spec.key);
  if (!stack) return undefined;
  const server = servers.get(stack.accountId)!;
  const region = homeRegion(stack);
  const plan = boundaryRetirement(found.spec);
  const guard = deployGuard(project.dir, stack, context(stack));
  const write = (spec: PlatformAccountSpec) => fs.writeFileSync(found.file, JSON.stringify(spec, null, 2));
  const documentOf = async (name: string): Promise<string | undefined> => {
    const arn = iamArn(PARTITION, stack.accountId, 'policy', name);
    try {
      const [policy] = (await callApi(python, server, [{ service: 'iam', region, operation: 'get_policy', params: { PolicyArn: arn } }])) as Array<{
        Policy: { DefaultVersionId: string };
      }>;
      const [version] = (await callApi(python, server, [
        { service: 'iam', region, operation: 'get_policy_version', params: { PolicyArn: arn, VersionId: policy.Policy.DefaultVersionId } },
      ])) as Array<{ PolicyVersion: { Document: unknown } }>;
      const document = version.PolicyVersion.Document;
      return typeof document === 'string' ? decodeURIComponent(document) : JSON.stringify(document);
    } catch {
      return undefined;
    }
  };

  await callApi(python, server, [createBoundary(plan.adopted, region)]);
  write(plan.adopt);
  await guard.deploy(`adopting the boundary ${plan.adopted.name}`);
  const lastApplied = await documentOf(plan.adopted.name);
  write(plan.retire);
  await guard.deploy(`retiring the adopted boundary ${plan.adopted.name}`);
  const retired = await documentOf(plan.adopted.name);
  await planIsEmpty(stack, context(stack));
  const state = readState(stack.stateFile);
  const boundaries = state.filter((i) => i.type === 'aws_iam_role').map((i) => i.attributes.permissions_boundary);
  return {
    boundary: plan.adopted.name,
    stack: stack.name,
    adoptedWithStatements: keepsPreexisting(lastApplied, plan.adopted.document),
    kept: {
      exists: retired !== undefined,
      preexistingStatements: keepsPreexisting(retired, plan.adopted.document),
      asLastApplied: samePolicy(retired, lastApplied),
    },
    forgotten: !state.some((i) => i.type === 'aws_iam_policy' && i.attributes.name === plan.adopted.name),
    rolesMoved: boundaries.length > 0 && boundaries.every((b) => b === iamArn(PARTITION, stack.accountId, 'policy', plan.successor)),
    firstKept: (await documentOf(found.spec.platform!.boundaryName ?? DEFAULT_BOUNDARY_NAME)) !== undefined,
  };
}

function platformFile(accountsDir: string): { file: string; spec: PlatformAccountSpec } | undefined {
  for (const name of fs.readdirSync(accountsDir).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
    const file = path.join(accountsDir, name);
    const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as PlatformAccountSpec;
    if (spec.kind === 'platform' && spec.platform && !spec.platform.sharding) return { file, spec };
  }
  return undefined;
}

/** What a boundary retirement failed to show, in words; empty when it showed everything. */
export function boundaryFailures(o: BoundaryOutcome): string[] {
  const failures: string[] = [];
  const say = (held: boolean, what: string) => {
    if (!held) failures.push(`boundary retirement: ${what}`);
  };
  say(o.adoptedWithStatements, `adopting ${o.boundary} lost the statements it had`);
  say(o.firstKept, `the boundary the platform had before adopting ${o.boundary}, retired with keep, is no longer in IAM`);
  say(o.kept.exists, `the retired adopted boundary ${o.boundary} is no longer in IAM`);
  say(o.kept.preexistingStatements, `the retired adopted boundary ${o.boundary} lost the statements it had before adoption`);
  say(o.kept.asLastApplied, `the retired adopted boundary ${o.boundary} is not as last applied`);
  say(o.forgotten, `${o.boundary} is still in the state of ${o.stack}`);
  say(o.rolesMoved, `the roles of ${o.stack} do not all carry the successor boundary`);
  return failures;
}
