import { accessEntries } from '../../analysis/access';
import type { OwnerAccountSpec, PolicyDocument } from '../../core/model';
import { SynthesizedOutput } from '../../core/synthesized/output';
import { diffOutputs } from '../../report/access-diff';
import { defaultOrganisation } from '../support/organisation-files';
import { inRegion, synthesizeAndRead } from '../support/synthesized-output';

const base = synthesizeAndRead().output;

/** The default output with one more statement in examplebucket's policy: what an adopted policy or a hand edit could hold. */
function withStatement(statement: PolicyDocument['Statement'][number]): SynthesizedOutput {
  const stacks = base.stacks.map((s) => ({ name: s.name, json: structuredClone(s.json) }));
  const owner = stacks.find((s) => s.name === 'owner')!.json;
  const policy = owner.resource.aws_s3_bucket_policy.examplebucket;
  const document = JSON.parse(policy.policy) as PolicyDocument;
  document.Statement.push(statement);
  policy.policy = JSON.stringify(document);
  return new SynthesizedOutput(stacks);
}

const lines = (head: SynthesizedOutput): string[] =>
  diffOutputs({ base, head, baseAccess: accessEntries(base), headAccess: accessEntries(head) }).lines.map((l) => l.text);

describe('whole accounts and anyone, through stand-ins', () => {
  test('an allow for Principal "*" is access for anyone, classed public', () => {
    const head = withStatement({ Sid: 'Everyone', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::examplebucket/public/*' });
    const anyone = accessEntries(head).filter((e) => e.principal.kind === 'anyone');
    expect(anyone.map((e) => [e.bucket, e.prefix, e.actions])).toEqual([['examplebucket', 'public/', ['s3:GetObject']]]);
    expect(lines(head)).toEqual(['[public] [new cross-account reader] anyone (public) gains read (objects only) on examplebucket/public/']);
  });

  test('an account outside the organisation is named as such', () => {
    const head = withStatement({
      Sid: 'Partner',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::999999999999:root' },
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::examplebucket',
    });
    expect(lines(head)).toEqual([
      '[whole account] [new cross-account reader] any principal of account 999999999999 (outside the organisation) that its administrators allow gains list on examplebucket',
    ]);
  });

  test('a grant narrowed to named principals is no whole-account access', () => {
    expect(accessEntries(base).filter((e) => e.principal.kind === 'account' || e.principal.kind === 'anyone')).toEqual([]);
  });

  test('in GovCloud, a whole-account grant is found in its partition', () => {
    const files = inRegion(defaultOrganisation(), 'us-gov-west-1');
    const plain = synthesizeAndRead(files).output;
    (files.accounts.owner as OwnerAccountSpec).buckets!.find((b) => b.name === 'examplebucket')!.grants!.push({ to: { account: 'consumer' }, access: 'read' });
    const head = synthesizeAndRead(files).output;
    const whole = accessEntries(head).filter((e) => e.principal.kind === 'account');
    expect(whole.map((e) => [e.principal.arn, e.bucket, e.level])).toEqual([
      ['arn:aws-us-gov:iam::222222222222:role/(any principal)', 'examplebucket', 'read'],
    ]);
    const diff = diffOutputs({ base: plain, head, baseAccess: accessEntries(plain), headAccess: accessEntries(head) });
    expect(diff.lines.map((l) => l.text)).toEqual([
      '[whole account] [new cross-account reader] any principal of consumer (222222222222) that its administrators allow gains read on examplebucket',
    ]);
  });
});
