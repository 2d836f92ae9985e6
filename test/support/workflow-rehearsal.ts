import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { tempDir } from './organisation-files';
import { PROJECT_ROOT } from './synth';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

export interface PullRequest {
  repo: string;
  base: string;
  head: string;
}

export interface Rehearsal {
  /** The body posted (created or updated) through the fake GitHub API, or null when none was. */
  comment: string | null;
  gate: { status: number | null; output: string };
  summary: string;
}

const git = (cwd: string, ...args: string[]): string => {
  const r = spawnSync('git', ['-c', 'user.name=rehearsal', '-c', 'user.email=rehearsal@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout.trim();
};

/** The project's files (tracked and new, not ignored) with the default organisation of the tests in accounts/. */
function copyProject(repo: string): void {
  const files = git(PROJECT_ROOT, 'ls-files', '--cached', '--others', '--exclude-standard')
    .split('\n')
    .filter((f) => f && !f.startsWith('accounts/') && fs.existsSync(path.join(PROJECT_ROOT, f)) && fs.lstatSync(path.join(PROJECT_ROOT, f)).isFile());
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(repo, file));
  }
  const fixture = path.join(PROJECT_ROOT, 'test', 'fixtures', 'default-organisation');
  fs.mkdirSync(path.join(repo, 'accounts'));
  for (const file of fs.readdirSync(fixture)) {
    fs.writeFileSync(path.join(repo, 'accounts', file), fs.readFileSync(path.join(fixture, file), 'utf8').replaceAll("'../../../core/", "'../core/"));
  }
  fs.symlinkSync(fs.realpathSync(path.join(PROJECT_ROOT, 'node_modules')), path.join(repo, 'node_modules'));
}

/** A pull request in a temporary repository: the base commit, then the head commit after `edit`. */
export function pullRequest(edit: (repo: string) => void): PullRequest {
  const dir = tempDir('review-');
  const repo = path.join(dir, 'repo');
  fs.mkdirSync(repo);
  copyProject(repo);
  git(repo, 'init', '-q', '-b', 'main');
  fs.appendFileSync(path.join(repo, '.git', 'info', 'exclude'), '/node_modules\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  const base = git(repo, 'rev-parse', 'HEAD');
  edit(repo);
  git(repo, 'commit', '-q', '-am', 'head');
  const head = git(repo, 'rev-parse', 'HEAD');
  // `origin` is the repository itself, so that the workflow's `git fetch origin <sha>` works as on GitHub.
  git(repo, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  git(repo, 'remote', 'add', 'origin', `file://${repo}`);
  return { repo, base, head };
}

/** Replaces `${{ expression }}` the way GitHub would for this pull request. */
function expand(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    if (!(expression in values)) throw new Error(`the rehearsal does not know \${{ ${expression} }}`);
    return values[expression];
  });
}

/** Runs a github-script step's script in node with a fake GitHub API that keeps one pull request's comments. */
export function runScript(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  comments: Array<{ id: number; body: string }>,
): Array<{ id: number; body: string }> {
  const harness = path.join(path.dirname(cwd), 'github-script.js');
  const state = path.join(path.dirname(cwd), 'comments.json');
  fs.writeFileSync(state, JSON.stringify(comments));
  fs.writeFileSync(
    harness,
    `const fs = require('node:fs');
const comments = JSON.parse(fs.readFileSync(${JSON.stringify(state)}, 'utf8'));
const save = () => fs.writeFileSync(${JSON.stringify(state)}, JSON.stringify(comments));
const rest = { issues: {
  listComments: async () => comments.map((c) => ({ id: c.id, body: c.body, user: { type: 'Bot' } })),
  updateComment: async ({ comment_id, body }) => { comments.find((c) => c.id === comment_id).body = body; save(); },
  createComment: async ({ body }) => { comments.push({ id: comments.length + 1, body }); save(); },
} };
const github = { rest, paginate: async (f, args) => f(args) };
const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 7 } };
(async () => { ${script} })().catch((e) => { console.error(e); process.exit(1); });
`,
  );
  const r = spawnSync(process.execPath, [harness], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the comment script failed:\n${r.stderr}`);
  return JSON.parse(fs.readFileSync(state, 'utf8'));
}

/**
 * The access-review job's steps as GitHub runs them on a pull request, from the workflow file
 * itself: the shell steps with bash in the checkout of the head commit, the comment step with a
 * fake GitHub API, then the gate. Installing (`npm ci`) and uploading are left out: the
 * repository shares this project's packages.
 */
export function rehearseReview(pr: PullRequest, labels: string[] = [], comments: Array<{ id: number; body: string }> = []): Rehearsal {
  const workflow = parse(fs.readFileSync(path.join(pr.repo, '.github', 'workflows', 'access-review.yml'), 'utf8'));
  const steps: Step[] = workflow.jobs['access-review'].steps;
  const values = {
    'github.event.pull_request.base.sha': pr.base,
    'github.event.pull_request.head.sha': pr.head,
    'toJSON(github.event.pull_request.labels.*.name)': JSON.stringify(labels),
  };
  // Every run gets a runner of its own, as on GitHub.
  const runnerTemp = fs.mkdtempSync(path.join(path.dirname(pr.repo), 'runner-'));
  fs.rmSync(path.join(pr.repo, 'cdktf.out'), { recursive: true, force: true });
  const summary = path.join(runnerTemp, 'summary.md');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...workflow.env,
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '42',
  };
  let posted = comments;
  let gate = { status: null as number | null, output: '' };
  for (const step of steps) {
    const stepEnv = { ...env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, values)])) };
    if (step.uses?.startsWith('actions/github-script@')) {
      posted = runScript(String(step.with!.script), pr.repo, stepEnv, posted);
      continue;
    }
    if (!step.run || step.run.startsWith('npm ci')) continue;
    const r = spawnSync('bash', ['-e', '-c', step.run], { cwd: pr.repo, env: stepEnv, encoding: 'utf8' });
    if (step.run.includes('access-gate')) gate = { status: r.status, output: `${r.stdout}${r.stderr}` };
    else if (r.status !== 0) throw new Error(`step "${step.name}" failed:\n${r.stdout}\n${r.stderr}`);
  }
  return { comment: posted.at(-1)?.body ?? null, gate, summary: fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '' };
}

/** Replaces text in a file of the repository, and fails if it is not there. */
export function replaceIn(repo: string, file: string, from: string, to: string): void {
  const full = path.join(repo, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  fs.writeFileSync(full, text.replace(from, to));
}
