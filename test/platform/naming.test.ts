import { createHash } from 'node:crypto';
import { mlspaceProjectRolePattern, mlspaceRoleName, projectPolicyName, userPolicyName } from '../../core/platform/naming';

describe("MLSpace's role naming rule", () => {
  test('known vector: project myproject1, user jdoe', () => {
    // sha256("jdoe") = d30a5f57532a603697ccbb51558fa02ccadd74a0c499..., cut to 64 - 19 - 1 = 44 characters.
    expect(mlspaceRoleName('myproject1', 'jdoe')).toBe('MLSpace-myproject1-d30a5f57532a603697ccbb51558fa02ccadd74a0c499');
    expect(mlspaceRoleName('myproject1', 'jdoe')).toHaveLength(63);
  });

  test('the default organisation: genomics/alice', () => {
    expect(mlspaceRoleName('genomics', 'alice')).toBe('MLSpace-genomics-2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac');
  });

  test.each(['a', 'genomics', 'abcdefghijklmnopqrstuvwx'])('project %s: always 63 characters, prefix then the hash of the user', (project) => {
    for (const user of ['alice', 'jdoe@example.com', 'x']) {
      const name = mlspaceRoleName(project, user);
      const prefix = `MLSpace-${project}-`;
      expect(name).toHaveLength(63);
      expect(name.startsWith(prefix)).toBe(true);
      expect(name.slice(prefix.length)).toBe(
        createHash('sha256')
          .update(user)
          .digest('hex')
          .slice(0, 63 - prefix.length),
      );
    }
  });

  test("a project's role pattern matches its roles, never another project's", () => {
    const pattern = new RegExp('^' + mlspaceProjectRolePattern('gen').replace('*', '.*') + '$');
    expect(pattern.test(mlspaceRoleName('gen', 'alice'))).toBe(true);
    expect(pattern.test(mlspaceRoleName('genomics', 'alice'))).toBe(false);
  });

  test('policy names', () => {
    expect(projectPolicyName('genomics')).toBe('MLSpace-project-genomics');
    expect(userPolicyName('carol')).toBe('MLSpace-user-carol');
  });
});
