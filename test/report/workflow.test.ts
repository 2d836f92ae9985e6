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
  needs?: string;
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

  test('installs, tests, synthesizes both branches, and compares them with the report', () => {
    const order = ['npm ci', 'npm test', 'npm run synth', 'git worktree add', 'npm run report -- --base "$RUNNER_TEMP/base/cdktf.out"'];
    const positions = order.map((command) => runs.indexOf(command));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('the base ref reaches the shell through the environment, never spliced into a script', () => {
    for (const job of Object.values(jobs)) for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
    expect(steps.find((s) => s.run?.includes('git worktree add'))!.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
  });

  test('updates one sticky comment instead of adding one per push', () => {
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script@'))!;
    const script = String(comment.with!.script);
    expect(script).toContain('<!-- access-review -->');
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
    expect(script).toContain('cdktf.out/access-diff.md');
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  test('HCP Terraform users get the workspace of each stack and a speculative plan there, when they opt in', () => {
    const hcp = jobs['hcp-terraform-plan'];
    expect(hcp.needs).toBe('access-review');
    expect(hcp.if).toContain("vars.HCP_TERRAFORM == 'true'");
    expect(hcp.steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))!.with!.cli_config_credentials_token).toBe('${{ secrets.TF_API_TOKEN }}');
    const scripts = hcp.steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('workspaces?.name');
    expect(scripts).toContain('terraform -chdir="$dir" plan');
  });
});
