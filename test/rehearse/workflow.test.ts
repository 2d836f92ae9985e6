import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../support/synth';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(fs.readFileSync(path.join(PROJECT_ROOT, '.github', 'workflows', 'access-review.yml'), 'utf8'), { strict: true });

test('pull requests rehearse the deploy with moto, terraform and a provider mirror, and fail when a tool is missing', () => {
  const steps: Step[] = workflow.jobs.rehearsal.steps;
  const runs = steps.map((s) => s.run ?? '');
  const order = [
    runs.findIndex((r) => r.includes("pip install 'moto[server]'")),
    steps.findIndex((s) => s.uses?.startsWith('hashicorp/setup-terraform@')),
    runs.findIndex((r) => r.includes('providers mirror') && r.includes('TF_PROVIDER_MIRROR=')),
    runs.findIndex((r) => r.includes('npm ci')),
    runs.findIndex((r) => r.includes('npm run rehearse -- --require-tools')),
  ];
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))!.with!.terraform_wrapper).toBe(false);
});
