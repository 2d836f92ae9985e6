import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Emulator } from './emulators';

export interface CommandResult {
  code: number;
  /** stdout and stderr as they came, without terminal colours. */
  output: string;
  seconds: number;
}

/** Runs a command to its end, appending everything it prints to `log` (nothing on the console). */
export function runCommand(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  fs.appendFileSync(options.log, `\n$ ${[command, ...args].join(' ')}   (in ${options.cwd})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const output = Buffer.concat(chunks)
        .toString('utf8')
        // eslint-disable-next-line no-control-regex
        .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
      fs.appendFileSync(options.log, output);
      resolve({ code: code ?? (signal ? 128 : 1), output, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}

/** The last lines of a command's output, for an error message. */
export const tail = (output: string, lines = 25): string =>
  output
    .split('\n')
    .filter((l) => l.trim())
    .slice(-lines)
    .join('\n');

const FAKE_KEY = 'AKIAREHEARSAL0000000';

/**
 * The environment the users' own commands need to deploy into one emulated account: every AWS
 * request goes to its moto server with fake keys. Whatever AWS or proxy settings the caller has
 * (profiles, tokens, per-service endpoints) are dropped, so nothing can reach a real account.
 */
export function emulatorEnvironment(base: NodeJS.ProcessEnv, emulator: Emulator, cliConfig: string, workDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (/^(AWS_|TF_|CDKTF_)/.test(name) || /^(https?|no|all)_proxy$/i.test(name)) continue;
    env[name] = value;
  }
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_CLI_CONFIG_FILE: cliConfig,
    // The cdktf CLI would otherwise share ~/.terraform.d/plugin-cache with every other terraform run
    // on the machine, where a concurrent `terraform init` replaces the provider's entry under it.
    TF_PLUGIN_CACHE_DIR: path.join(workDir, 'plugin-cache'),
    AWS_ENDPOINT_URL: emulator.endpoint,
    AWS_ACCESS_KEY_ID: FAKE_KEY,
    AWS_SECRET_ACCESS_KEY: 'rehearsal',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(workDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(workDir, 'no-aws-credentials'),
    // S3 Control puts the account id in front of the host (<id>.localhost), which does not
    // resolve; Go proxies that host but not the plain loopback address the other services use.
    HTTP_PROXY: emulator.endpoint,
    http_proxy: emulator.endpoint,
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
  };
}
