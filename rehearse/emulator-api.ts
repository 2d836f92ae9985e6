import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Emulator } from './emulators';

const SCRIPT = path.join(__dirname, 'emulator_api.py');

export interface InlinePolicy {
  name: string;
  document: string;
}

export interface IamHolding {
  name: string;
  path: string;
  arn: string;
  attached: string[];
  inline: InlinePolicy[];
}

/** Everything of one account that carries or places a policy document, as its emulator holds it. */
export interface AccountHoldings {
  accountId: string;
  iam: {
    users: Array<IamHolding & { boundary?: string | null; groups: string[]; tags: Record<string, string> }>;
    groups: IamHolding[];
    roles: Array<IamHolding & { trust: string; boundary?: string | null; tags: Record<string, string> }>;
    policies: Array<{ name: string; path: string; arn: string; document: string }>;
  };
  buckets: Array<{
    name: string;
    region: string;
    policy?: string;
    encryption?: { algorithm: string; kmsKeyId?: string | null };
    publicAccessBlock?: Record<string, boolean>;
  }>;
  accessPoints: Array<{ name: string; bucket: string; arn: string; region: string; policy?: string }>;
  keys: Array<{ id: string; arn: string; region: string; policy: string; aliases: string[] }>;
}

/** One AWS API call made by hand, as boto3 names it (`iam`, `attach_role_policy`, { RoleName, PolicyArn }). */
export interface ApiCall {
  service: string;
  region: string;
  operation: string;
  params: Record<string, unknown>;
}

/** The caller's environment without AWS settings (a profile or token would take over boto3) or proxies. */
function callerWithoutAws(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^AWS_/.test(name) && !/^(https?|no|all)_proxy$/i.test(name)));
  return { ...env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };
}

async function python(binary: string, args: string[], input?: string): Promise<string> {
  const run = promisify(execFile);
  const child = run(binary, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: callerWithoutAws() });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    return (await child).stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${path.basename(SCRIPT)} ${args[1]} failed: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join('\n')}`, { cause: error });
  }
}

/** Reads back what the account holds: IAM once, S3 access points and KMS keys in each of `regions` (home region first). */
export async function readBack(pythonBinary: string, emulator: Emulator, regions: string[]): Promise<AccountHoldings> {
  return JSON.parse(await python(pythonBinary, [emulator.endpoint, 'read-back', ...regions]));
}

/** Makes changes by hand through the emulator's API, in order. */
export async function callApi(pythonBinary: string, emulator: Emulator, calls: ApiCall[]): Promise<unknown[]> {
  return JSON.parse(await python(pythonBinary, [emulator.endpoint, 'call'], JSON.stringify(calls)));
}
