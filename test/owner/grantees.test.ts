import type { GranteeSpec, PlatformAccountSpec } from '../../core/model';
import { mlspaceRoleName } from '../../core/platform/naming';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { allows, compile, grant, planOf, withOneBucket } from '../support/compile';

/** Principal and `aws:PrincipalArn` condition of the bucket statements of one read grant. */
function principalsOf(to: GranteeSpec, change: (files: OrganisationFiles) => void = () => undefined) {
  const files = withOneBucket(defaultOrganisation(), [grant(to, 'read')]);
  change(files);
  const statements = allows(planOf(compile(files), 'shared').policy);
  expect(statements).toHaveLength(2);
  const [list, objects] = statements;
  expect(objects.Principal).toEqual(list.Principal);
  expect(objects.Condition).toEqual(list.Condition);
  return { principal: list.Principal, condition: list.Condition };
}

const arnLike = (arns: string | string[]) => ({ ArnLike: { 'aws:PrincipalArn': arns } });

describe('grantee kinds: the grantee account root, narrowed by aws:PrincipalArn', () => {
  test('a whole account: its root, no condition', () => {
    expect(principalsOf({ account: 'consumer' })).toEqual({ principal: { AWS: 'arn:aws:iam::222222222222:root' }, condition: undefined });
  });

  test('a consumer user: its ARN with its path', () => {
    expect(principalsOf({ account: 'consumer', user: 'alice' }).condition).toEqual(arnLike('arn:aws:iam::222222222222:user/developers/alice'));
  });

  test('a consumer role', () => {
    expect(principalsOf({ account: 'consumer', role: 'analyst' })).toEqual({
      principal: { AWS: 'arn:aws:iam::222222222222:root' },
      condition: arnLike('arn:aws:iam::222222222222:role/analyst'),
    });
  });

  test('a consumer group: resource policies cannot name groups, so its members stand in for it', () => {
    expect(principalsOf({ account: 'consumer', group: 'new-client' }).condition).toEqual(
      arnLike([
        'arn:aws:iam::222222222222:user/applications/new-client-app',
        'arn:aws:iam::222222222222:user/developers/alice',
        'arn:aws:iam::222222222222:user/developers/bob',
      ]),
    );
  });

  test('a platform project: the role pattern of its memberships', () => {
    expect(principalsOf({ account: 'platform', project: 'genomics' })).toEqual({
      principal: { AWS: 'arn:aws:iam::333333333333:root' },
      condition: arnLike('arn:aws:iam::333333333333:role/MLSpace-genomics-*'),
    });
  });

  test('a platform user: the role of each of their project memberships', () => {
    expect(principalsOf({ account: 'platform', platformUser: 'bob' }).condition).toEqual(
      arnLike(
        [`arn:aws:iam::333333333333:role/${mlspaceRoleName('genomics', 'bob')}`, `arn:aws:iam::333333333333:role/${mlspaceRoleName('imaging', 'bob')}`].sort(),
      ),
    );
  });

  test('all platform users: every MLSpace role', () => {
    expect(principalsOf({ account: 'platform', allPlatformUsers: true }).condition).toEqual(arnLike('arn:aws:iam::333333333333:role/MLSpace-*'));
  });

  test('all platform users without user-scoped roles: the notebook and application roles', () => {
    const condition = principalsOf({ account: 'platform', allPlatformUsers: true }, (files) => {
      (files.accounts.platform as PlatformAccountSpec).platform!.userScopedRoles = false;
    }).condition;
    expect(condition).toEqual(arnLike(['arn:aws:iam::333333333333:role/mlspace-app-role', 'arn:aws:iam::333333333333:role/mlspace-notebook-role']));
  });
});
