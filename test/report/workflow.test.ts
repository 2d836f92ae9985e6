import { gateVerdict } from '../../report/gate';
import { RISK_CLASSES, type RiskClass } from '../../report/changes';
import { APPROVAL_LABEL } from '../../report/diff-markdown';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../support/synth';

const packageJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  steps: Step[];
}

const file = path.join(PROJECT_ROOT, '.github', 'workflows', 'access-review.yml');
const workflow = parse(fs.readFileSync(file, 'utf8'), { prettyErrors: true, strict: true });
const jobs = workflow.jobs as Record<string, Job>;
const steps = jobs['access-review'].steps;
const runs = steps.map((s) => s.run ?? '').join('\n');

describe('the pull-request workflow', () => {
  test('runs on pull requests, may comment, and reads the repository only', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    // Adding or removing the approval label runs the gate again.
    expect(workflow.on.pull_request.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']));
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.env.CHECKPOINT_DISABLE).toBe('1');
  });

  test('every job runs somewhere, every step does one thing, and every action is pinned to a major version', () => {
    for (const job of Object.values(jobs)) {
      expect(job['runs-on']).toBe('ubuntu-latest');
      for (const step of job.steps) {
        expect([step.uses !== undefined, step.run !== undefined].filter(Boolean)).toHaveLength(1);
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      }
    }
  });

  test('every job sets up the current Node.js LTS, 24, which the engines of package.json name', () => {
    for (const job of Object.values(jobs)) {
      const setups = job.steps.filter((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setups.map((s) => s.with?.['node-version'])).toEqual([24]);
    }
    expect(packageJson.engines.node.split('||').map((range: string) => range.trim())).toContain('^24.0.0');
  });

  test('lints and tests in one job; installs, synthesizes head and base, compares, comments and gates in another', () => {
    const tests = jobs.test.steps.map((s) => s.run ?? '').join('\n');
    expect(tests).toContain('npm run lint');
    expect(tests).toContain('npm test');
    const order = ['npm ci', 'npm run synth', 'git worktree add', 'npm run report -- --base "$RUNNER_TEMP/base/cdktf.out"', 'npm run --silent access-gate'];
    const positions = order.map((command) => runs.indexOf(command));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The comment is posted before the gate can fail the job, and also when an earlier step failed.
    const comment = steps.findIndex((s) => s.uses?.startsWith('actions/github-script@'));
    expect(comment).toBeLessThan(steps.findIndex((s) => s.run?.includes('access-gate')));
    expect(steps[comment].if).toContain('always()');
  });

  test("compares with the pull request's base commit, not the moving base branch, through the environment", () => {
    for (const job of Object.values(jobs)) for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
    const base = steps.find((s) => s.run?.includes('git worktree add'))!;
    expect(base.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}' });
    expect(base.run).toContain('git worktree add --detach "$RUNNER_TEMP/base" "$BASE_SHA"');
    expect(JSON.stringify(workflow)).not.toContain('base_ref');
  });

  test('the base installs packages only when its lockfile differs', () => {
    const base = steps.find((s) => s.run?.includes('git worktree add'))!.run!;
    expect(base).toContain('git diff --quiet "$BASE_SHA" HEAD -- package-lock.json');
    expect(base).toContain('ln -s "$PWD/node_modules" "$RUNNER_TEMP/base/node_modules"');
  });

  test('the gate reads the diff and the labels', () => {
    const gate = steps.find((s) => s.run?.includes('access-gate'))!;
    expect(gate.env).toEqual({ LABELS: '${{ toJSON(github.event.pull_request.labels.*.name) }}' });
    expect(gate.run).toContain('--diff cdktf.out/access-diff.json --labels "$LABELS"');
  });

  test('updates one sticky comment instead of adding one per push', () => {
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    const script = String(comment.with!.script);
    expect(script).toContain('<!-- access-review -->');
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
    expect(script).toContain('cdktf.out/access-comment.md');
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  test('fails the review on an undeclared removal, after the comment is posted, whatever the labels say', () => {
    const gate = steps[steps.length - 1];
    expect(gate.run).toContain('access-gate');
    expect(gate.name).toBe('Gate on broadened access and undeclared removals');
    expect(steps.findIndex((s) => s.uses?.startsWith('actions/github-script@'))).toBeLessThan(steps.length - 1);
    const counts = Object.fromEntries(RISK_CLASSES.map((r) => [r, 0])) as Record<RiskClass, number>;
    expect(gateVerdict({ broadened: false, counts, undeclaredRemovals: 1 }, [APPROVAL_LABEL])).toEqual({
      pass: false,
      message: expect.stringContaining('1 removal no retirement declares'),
    });
    expect(gateVerdict({ broadened: false, counts, undeclaredRemovals: 0 }, []).pass).toBe(true);
  });

  test('HCP Terraform users get a speculative plan of each account stack in its workspace, when they opt in', () => {
    const hcp = jobs['hcp-terraform-plan'];
    // The plan runs whether or not the gate waits for an approval: reviewers see it before approving.
    expect(hcp.needs).toEqual(['test', 'access-review']);
    expect(hcp.if).toContain("always() && needs.test.result == 'success'");
    expect(hcp.if).toContain("vars.HCP_TERRAFORM == 'true'");
    expect(hcp.steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))!.with!.cli_config_credentials_token).toBe('${{ secrets.TF_API_TOKEN }}');
    const scripts = hcp.steps.map((s) => s.run ?? '').join('\n');
    // The same workspaces the workspaces stack creates: the list comes from cdktf.out, never from a second naming rule.
    expect(scripts).toContain('for stack in $(npm run --silent hcp-stacks -- account)');
    expect(scripts).toContain('terraform -chdir="cdktf.out/stacks/$stack" plan -input=false');
    expect(scripts).toContain('npm run --silent hcp-stacks -- table >> "$GITHUB_STEP_SUMMARY"');
    expect(scripts).not.toContain('bootstrap');
    // Each stack's plan result is one line of a table that goes into the access review's comment.
    expect(scripts).toContain("grep -E '^(Plan:|No changes\\.)'");
    const summary = hcp.steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    expect(String(summary.with!.script)).toContain('<!-- hcp-plan -->');
    expect(String(summary.with!.script)).toContain('65536');
  });
});

describe('the HCP Terraform deploy workflow', () => {
  const deploy = parse(fs.readFileSync(path.join(PROJECT_ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8'), { prettyErrors: true, strict: true });
  const job = (deploy.jobs as Record<string, Job & { environment?: string }>).deploy;
  const runs = job.steps.map((s) => s.run ?? '');

  test('runs on pushes to main and by hand, only for those who opt in, one at a time, reading the repository only', () => {
    expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(job.if).toBe("vars.HCP_TERRAFORM == 'true'");
    expect(deploy.permissions).toEqual({ contents: 'read' });
    expect(deploy.concurrency).toEqual({ group: 'hcp-terraform-deploy', 'cancel-in-progress': false });
    expect(job.environment).toBe('hcp-terraform');
    for (const step of job.steps) {
      expect([step.uses !== undefined, step.run !== undefined].filter(Boolean)).toHaveLength(1);
      if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
      expect(step.run ?? '').not.toContain('${{');
    }
  });

  test('synthesizes, applies the workspaces, then the account stacks in their workspaces; never a bootstrap, never AWS keys', () => {
    const order = [
      'npm ci',
      'npm run synth',
      'npx cdktf deploy $(npm run --silent hcp-stacks -- workspaces)',
      'npx cdktf deploy $(npm run --silent hcp-stacks -- account)',
    ];
    const positions = order.map((command) => runs.findIndex((r) => r.includes(command)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(runs.join('\n')).not.toMatch(/bootstrap|AWS_/);
    expect(JSON.stringify(deploy)).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/);
  });
});
