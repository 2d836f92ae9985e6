import { readOutput } from '../../core/synthesized/output';
import { synthOrganisation } from '../support/synth';

describe('principals read from the synthesized consumer stack', () => {
  const principals = readOutput(synthOrganisation().outdir).principals();
  const byArn = (arn: string) => principals.find((p) => p.arn === arn)!;

  test('a policy attached by both a single and an exclusive attachment counts once, under its IAM name', () => {
    const analyst = byArn('arn:aws:iam::222222222222:role/analyst');
    expect(analyst.identityPolicies.map((p) => [p.name, p.label])).toEqual([
      ['consumer:aws_iam_policy.policy_data-access-role-analyst', 'data-access-role-analyst'],
    ]);
  });

  test("a group's policies reach its members, labelled with the group", () => {
    const alice = byArn('arn:aws:iam::222222222222:user/developers/alice');
    expect(alice.identityPolicies.map((p) => p.label)).toEqual(['data-access-group-new-client (group new-client)']);
  });
});
