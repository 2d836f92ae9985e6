import { decide } from '../../analysis/chain';
import type { AccessRequest } from '../../analysis/request';
import { staticEvaluator } from '../../analysis/static/evaluator';
import { simulatorEvaluator } from '../../verify/simulator';
import { reportOf } from '../../report/report';
import { outputOfStacks } from '../support/synthesized-output';
import { variablesStack } from '../support/variables-stack';

/**
 * IAM policy variables in Resource and in condition values, written `$${...}` for Terraform, are
 * read back as the variables they are and evaluated per principal by both evaluators.
 */
const output = outputOfStacks({ team: variablesStack() });
const alice = 'arn:aws:iam::444444444444:user/alice';
const bob = 'arn:aws:iam::444444444444:user/bob';
const worker = 'arn:aws:iam::444444444444:role/worker';

const cases: Array<[string, AccessRequest, boolean]> = [
  ['alice reads her home', { principal: alice, action: 's3:GetObject', bucket: 'home', key: 'alice/cv.pdf' }, true],
  ["alice does not read bob's home", { principal: alice, action: 's3:GetObject', bucket: 'home', key: 'bob/cv.pdf' }, false],
  ['bob reads his home', { principal: bob, action: 's3:GetObject', bucket: 'home', key: 'bob/cv.pdf' }, true],
  ['alice lists her home', { principal: alice, action: 's3:ListBucket', bucket: 'home', prefix: 'alice/' }, true],
  ["alice does not list bob's home", { principal: alice, action: 's3:ListBucket', bucket: 'home', prefix: 'bob/' }, false],
  ['alice reads her team folder (principal tag)', { principal: alice, action: 's3:GetObject', bucket: 'teams', key: 'red/plan.txt' }, true],
  ["alice does not read the blue team's folder", { principal: alice, action: 's3:GetObject', bucket: 'teams', key: 'blue/plan.txt' }, false],
  ['the role reads its team folder by its tag', { principal: worker, action: 's3:GetObject', bucket: 'teams', key: 'red/plan.txt' }, true],
  ['a role has no user name: no home', { principal: worker, action: 's3:GetObject', bucket: 'home', key: 'worker/x' }, false],
  ['a role writes to the default value of the variable', { principal: worker, action: 's3:PutObject', bucket: 'home', key: 'shared/drop/x' }, true],
  ['a user writes to its own drop folder, not the default', { principal: alice, action: 's3:PutObject', bucket: 'home', key: 'alice/drop/x' }, true],
  ['alice does not write to the default folder', { principal: alice, action: 's3:PutObject', bucket: 'home', key: 'shared/drop/x' }, false],
  ['${*}, ${?} and ${$} are the literal characters', { principal: alice, action: 's3:GetObject', bucket: 'home', key: 'notes-*-?-$' }, true],
  ['${*} is not a wildcard', { principal: alice, action: 's3:GetObject', bucket: 'home', key: 'notes-x-y-$' }, false],
];

describe.each([staticEvaluator, simulatorEvaluator])('policy variables, evaluated by $name', (evaluator) => {
  test.each(cases)('%s', (_title, request, allowed) => {
    expect(decide(request, output, evaluator).allowed).toBe(allowed);
  });
});

test('the report lists each user under the home the variable gives it', () => {
  const lines = reportOf(output)
    .access.filter((e) => e.bucket === 'home')
    .map((e) => `${e.principal.name} ${e.prefix} ${e.actions.join(',')}`);
  expect(lines).toEqual([
    'alice alice/ s3:GetObject,s3:ListBucket',
    'alice alice/drop/ s3:PutObject',
    'bob bob/ s3:GetObject,s3:ListBucket',
    'bob bob/drop/ s3:PutObject',
    'worker shared/drop/ s3:PutObject',
  ]);
});
