import { lintStack } from '../../core/lint/lint';
import { readTemplate } from '../../core/terraform/templates';
import { outputOfStacks } from '../support/synthesized-output';
import { escapedPolicy, variablesStack } from '../support/variables-stack';

/** The reader reads every string as Terraform will, and never takes a live template sequence for text. */
describe('reading a string as Terraform does', () => {
  test.each([
    ['plain text', 'reports/', 'reports/', []],
    ['an escaped interpolation is the literal ${', 'home/$${aws:username}/*', 'home/${aws:username}/*', []],
    ['an escaped directive is the literal %{', 'a%%{ if x }b', 'a%{ if x }b', []],
    ['a live interpolation is reported', 'home/${aws:username}/*', 'home/${aws:username}/*', ['${aws:username}']],
    ['a live directive is reported', '%{ if false }reports/%{ endif }', '%{ if false }reports/%{ endif }', ['%{ if false }', '%{ endif }']],
    ['a function call is reported whole', '${file("/etc/passwd")}', '${file("/etc/passwd")}', ['${file("/etc/passwd")}']],
    ['a lone $ or % is text', 'cost: 5$ or 5% {x}', 'cost: 5$ or 5% {x}', []],
    ['$$$${ is two $ and the literal ${', '$$$${x}', '$$${x}', []],
  ])('%s', (_title, raw, text, live) => {
    const reading = readTemplate(raw);
    expect([reading.text, reading.live.map((l) => l.sequence)]).toEqual([text, live]);
  });

  test('a reference to a resource attribute is replaced by its value where it is known', () => {
    const reading = readTemplate('${aws_s3_bucket.data.arn}/*', (r) => (r.type === 'aws_s3_bucket' ? `arn:aws:s3:::${r.name}` : undefined));
    expect(reading).toEqual({ text: 'arn:aws:s3:::data/*', live: [] });
  });
});

describe('live template sequences in the output', () => {
  test('policies written with escapes are read as the IAM policy variables they are, with no problem', () => {
    const output = outputOfStacks({ team: variablesStack() });
    expect(output.problems()).toEqual([]);
    const policy = output.principal('arn:aws:iam::444444444444:user/alice')!.identityPolicies[0].document;
    expect(policy.Statement[0].Resource).toBe('arn:aws:s3:::home/${aws:username}/*');
  });

  test('an unescaped one in a policy, a tag or a principal is reported, and the lint makes it an error', () => {
    const stack = variablesStack();
    const policy = JSON.parse(stack.resource.aws_iam_policy.variables.policy.replaceAll('$${', '${'));
    stack.resource.aws_iam_policy.variables.policy = JSON.stringify(policy);
    stack.resource.aws_iam_user.alice.tags.team = '${file("team.txt")}';
    stack.resource.aws_s3_bucket_policy.home.policy = escapedPolicy({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::home/*',
    }).replace('"*"}', '"%{ if true }*%{ endif }"}');
    const problems = outputOfStacks({ team: stack })
      .problems()
      .map((p) => `${p.address} ${p.field}`);
    expect(problems).toEqual(expect.arrayContaining(['aws_iam_policy.variables policy', 'aws_iam_user.alice tags.team', 'aws_s3_bucket_policy.home policy']));
    const errors = lintStack('team', stack, { kind: 'consumer' }).filter((f) => f.rule === 'DS006');
    expect(errors.map((f) => `${f.severity} ${f.address} ${f.message}`)).toEqual([
      'error aws_iam_policy.variables policy has the live Terraform template sequences "${aws:username}", "${aws:PrincipalTag/team}", "${aws:username, \'shared\'}", "${*}", "${?}", "${$}": Terraform would evaluate them instead of writing them as text',
      'error aws_iam_user.alice tags.team has the live Terraform template sequence "${file(\\"team.txt\\")}": Terraform would evaluate it instead of writing it as text',
      'error aws_s3_bucket_policy.home policy has the live Terraform template sequences "%{ if true }", "%{ endif }": Terraform would evaluate them instead of writing them as text',
    ]);
  });

  test('references between resources are not problems, and a reference inside a policy is read as its value', () => {
    const stack = variablesStack();
    stack.resource.aws_kms_key = {
      data: {
        enable_key_rotation: true,
        policy: escapedPolicy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444444444444:root' }, Action: 'kms:*', Resource: '*' }),
      },
    };
    stack.resource.aws_iam_policy.variables.policy = escapedPolicy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'KEY' }).replace(
      'KEY',
      '${aws_kms_key.data.arn}',
    );
    const output = outputOfStacks({ team: stack });
    expect(output.problems()).toEqual([]);
    expect(
      output
        .stack('team')!
        .policies()
        .find((p) => p.address === 'aws_iam_policy.variables')!.document.Statement[0].Resource,
    ).toBe('arn:aws:kms:us-east-1:444444444444:key/data');
  });

  test('a policy that is not literal JSON cannot be checked, and says so', () => {
    const stack = variablesStack();
    stack.resource.aws_iam_policy.variables.policy = '${data.aws_iam_policy_document.x.json}';
    expect(
      outputOfStacks({ team: stack })
        .problems()
        .map((p) => p.message),
    ).toEqual([
      'refers to ${data.aws_iam_policy_document.x.json}, not known before apply, inside a policy document',
      'is not a literal JSON policy document, so nothing can check what it allows',
    ]);
  });
});

test('outputs, data sources, providers, the terraform block and object keys are read too', () => {
  const stack = variablesStack();
  stack.output = { secret: { value: '${aws_iam_user.alice.arn}' }, leak: { value: '${file("x")}' } };
  stack.data = { aws_caller_identity: { me: {}, them: { provider: '%{ if true }aws.team%{ endif }' } } };
  stack.locals = { team: '${upper("red")}' };
  stack.terraform = { backend: { local: { path: '${path.module}/state' } } };
  stack.provider.aws[0].default_tags = [{ tags: { '%{ if true }team%{ endif }': 'red' } }];
  stack.resource.aws_iam_user.bob.tags = { '${upper("team")}': 'blue' };
  const problems = outputOfStacks({ team: stack }).problems();
  expect(problems.map((p) => `${p.address} ${p.field}`)).toEqual([
    'aws_iam_user.bob tags.(key "${upper(\\"team\\")}")',
    'provider ',
    'output.leak ',
    'data.aws_caller_identity.them ',
    'locals ',
    'terraform ',
  ]);
  expect(problems.find((p) => p.address === 'output.leak')!.message).toBe(
    'has the live Terraform template sequence "${file(\\"x\\")}": Terraform would evaluate it instead of writing it as text',
  );
});
