import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../support/organisation-files';
import { DEFAULT_ORGANISATION_DIR, PROJECT_ROOT } from '../support/synth';

/**
 * Never a stale synthesis: after an edit to accounts/, the very next `cdktf synth` (what
 * `cdktf deploy` and `cdktf diff` run first) or `npm run synth` reflects it, with no build step.
 * Checked in a copy of the project, so the user's accounts/ and cdktf.out are never touched.
 */
function projectCopy(): string {
  const copy = tempDir('project-');
  for (const entry of fs.readdirSync(PROJECT_ROOT)) {
    if (['node_modules', 'cdktf.out', '.git', 'coverage'].includes(entry) || entry.startsWith('terraform.')) continue;
    fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  // The copy holds the tests' default organisation, whatever the user's accounts/ holds.
  const accounts = path.join(copy, 'accounts');
  fs.rmSync(accounts, { recursive: true, force: true });
  fs.mkdirSync(accounts);
  for (const file of fs.readdirSync(DEFAULT_ORGANISATION_DIR)) {
    const source = fs.readFileSync(path.join(DEFAULT_ORGANISATION_DIR, file), 'utf8');
    fs.writeFileSync(path.join(accounts, file), source.replaceAll("'../../../core/", "'../core/"));
  }
  return copy;
}

// The node running the tests comes first on the PATH, so the CLI and the app it starts run on it too.
const env = { ...process.env, PATH: [path.dirname(process.execPath), process.env.PATH].join(path.delimiter), CHECKPOINT_DISABLE: '1', CI: '1' };

function run(project: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}) on Node ${process.version}:\n${result.stdout}\n${result.stderr}`);
  }
}

const ownerPolicy = (project: string): string =>
  JSON.parse(fs.readFileSync(path.join(project, 'cdktf.out', 'stacks', 'owner', 'cdk.tf.json'), 'utf8')).resource.aws_s3_bucket_policy.examplebucket.policy;

/** Removes the grant of examplebucket to the consumer user copier from accounts/owner.ts. */
function removeCopierGrant(project: string): void {
  const file = path.join(project, 'accounts', 'owner.ts');
  const source = fs.readFileSync(file, 'utf8');
  const edited = source.replace(/\s*\{ to: \{ account: 'consumer', user: 'copier' \}, access: 'read' \},/, '');
  expect(edited).not.toBe(source);
  fs.writeFileSync(file, edited);
}

/** The CLI of the construct library the project is on: cdktf, or cdktn after the move to CDK Terrain. */
const CLI = ['cdktf', 'cdktn'].find((name) => fs.existsSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', name)))!;

describe.each([
  [`npx ${CLI} synth`, (project: string) => run(project, process.execPath, [path.join(project, 'node_modules', '.bin', CLI), 'synth'])],
  ['npm run synth', (project: string) => run(project, 'npm', ['run', 'synth', '--silent'])],
])('%s after an edit to accounts/', (_title, synth) => {
  const project = projectCopy();

  test('writes the organisation as it is now, every time', () => {
    synth(project);
    expect(ownerPolicy(project)).toContain('user/copier');
    removeCopierGrant(project);
    synth(project);
    expect(ownerPolicy(project)).not.toContain('user/copier');
    expect(ownerPolicy(project)).toContain('role/analyst');
  });
});
