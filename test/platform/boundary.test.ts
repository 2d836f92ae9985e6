import { identityAllows } from '../../analysis/static/evaluator';
import type { BucketSpec, OwnerAccountSpec, PolicyDocument, PolicyStatement } from '../../core/model';
import { compactStatements } from '../../core/policy/compact';
import { fits } from '../../core/policy/limits';
import { compileFiles, findProblems } from '../support/compiled';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every (action, resource, condition) a statement allows, one string each. */
function atoms(statements: PolicyStatement[]): Set<string> {
  const out = new Set<string>();
  for (const s of statements) {
    const conditions = Object.entries(s.Condition ?? {}).flatMap(([op, keys]) => Object.entries(keys).map(([k, v]) => [op, k, list(v)] as const));
    const single = conditions.length === 1 ? conditions[0] : undefined;
    const values = single ? single[2] : [JSON.stringify(s.Condition ?? null)];
    for (const a of list(s.Action))
      for (const r of list(s.Resource)) for (const v of values) out.add(`${s.Effect} ${a} ${r} ${single ? `${single[0]}:${single[1]}=${v}` : v}`);
  }
  return out;
}

function boundaryOf(files: OrganisationFiles): PolicyDocument {
  return compileFiles(files).platforms.get('platform')!.boundary!.document;
}

function owner(files: OrganisationFiles): OwnerAccountSpec {
  return files.accounts.owner as OwnerAccountSpec;
}

/** `count` more buckets shared with every platform user, each with its own access level and prefix. */
function withManyGrants(count: number, varied: boolean): OrganisationFiles {
  const files = defaultOrganisation();
  const levels = ['read', 'readwrite', 'list', 'write'] as const;
  for (let i = 0; i < count; i++) {
    const bucket: BucketSpec = {
      name: `shared-dataset-${String(i).padStart(4, '0')}`,
      grants: [{ to: { account: 'platform', allPlatformUsers: true }, access: varied ? levels[i % 4] : 'read', ...(varied ? { prefix: `part-${i}/` } : {}) }],
    };
    owner(files).buckets!.push(bucket);
  }
  return files;
}

describe('the permissions boundary', () => {
  test('contains every external grant of the account and stays under the limit', () => {
    const compiled = compileFiles();
    const boundary = compiled.platforms.get('platform')!.boundary!.document;
    const grants = compiled.identity.get('platform')!;
    expect(grants.map((g) => g.grant.id)).toEqual([
      'bucket-to-be-shared:platform/project/genomics:readwrite',
      'bucket-to-be-shared:platform/platformUser/carol:read',
      'reference-data:platform/allPlatformUsers:read',
    ]);
    for (const grant of grants) {
      for (const statement of grant.statements) {
        for (const action of list(statement.Action)) {
          for (const resource of list(statement.Resource)) {
            const prefixes = list(statement.Condition?.StringLike?.['s3:prefix']);
            const context = prefixes.length > 0 ? { 's3:prefix': prefixes[0] } : undefined;
            expect([grant.grant.id, action, resource, identityAllows([boundary], { action, resource: resource.replace('*', 'key'), context })]).toEqual([
              grant.grant.id,
              action,
              resource,
              true,
            ]);
          }
        }
      }
    }
    expect(fits('managed', boundary)).toBe(true);
  });

  test("starts with MLSpace's base statements: the data bucket prefixes and PassRole to SageMaker only", () => {
    const boundary = boundaryOf(defaultOrganisation());
    const sids = boundary.Statement.map((s) => s.Sid);
    expect(sids.slice(0, 6)).toEqual(['DataObjects', 'DataIndex', 'DataGlobalReadOnly', 'DataList', 'DataLocation', 'PassRoleToSageMaker']);
    expect(boundary.Statement[0].Resource).toEqual(['project', 'group', 'global', 'private'].map((p) => `arn:aws:s3:::mlspace-data-333333333333/${p}/*`));
    expect(boundary.Statement[5]).toEqual({
      Sid: 'PassRoleToSageMaker',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::333333333333:role/MLSpace*',
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  });

  test('compaction: grants with the same access share one statement per kind, whatever the number of buckets', () => {
    const base = boundaryOf(defaultOrganisation()).Statement.length;
    const boundary = boundaryOf(withManyGrants(30, false));
    // reference-data and 30 more read buckets: still one list and one objects statement for them.
    expect(boundary.Statement.length).toBe(base);
    expect(fits('managed', boundary)).toBe(true);
    const objects = boundary.Statement.find((s) => s.Action === 's3:GetObject' && list(s.Resource).includes('arn:aws:s3:::reference-data/*'))!;
    expect(list(objects.Resource)).toHaveLength(31);
  });

  test('compaction neither loses nor adds access', () => {
    const grants = compileFiles(withManyGrants(15, true)).identity.get('platform')!;
    const input = grants.flatMap((g) => g.statements);
    const output = compactStatements(input);
    expect(output.length).toBeLessThan(input.length);
    expect([...atoms(output)].sort()).toEqual([...atoms(input)].sort());
  });

  test('compaction joins resources under the same actions and prefixes of the same bucket, and nothing else', () => {
    const statements: PolicyStatement[] = [
      { Sid: 'List:A', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': ['x/', 'x/*'] } } },
      { Sid: 'List:B', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': ['y/', 'y/*'] } } },
      { Sid: 'List:C', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::c', Condition: { StringLike: { 's3:prefix': ['z/', 'z/*'] } } },
      { Sid: 'Objects:A', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/x/*' },
      { Sid: 'Objects:B', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/y/*' },
      { Sid: 'Objects:C', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::c/*' },
    ];
    expect(compactStatements(statements)).toEqual([
      {
        Sid: 'List:A+List:B',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::b',
        Condition: { StringLike: { 's3:prefix': ['x/', 'x/*', 'y/', 'y/*'] } },
      },
      // Another bucket's prefix condition stays apart: joining it would let b list z/ and c list x/.
      { Sid: 'List:C', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::c', Condition: { StringLike: { 's3:prefix': ['z/', 'z/*'] } } },
      { Sid: 'Objects:A+Objects:C', Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/x/*', 'arn:aws:s3:::c/*'] },
      { Sid: 'Objects:B', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/y/*' },
    ]);
  });

  test('too many different grants: a clear problem naming the grants that do not fit', () => {
    const problems = findProblems(withManyGrants(300, true));
    const boundary = problems.filter((p) => p.message.startsWith('the permissions boundary'));
    expect(boundary).toHaveLength(1);
    const [problem] = boundary;
    expect(problem.file).toBe('platform.json');
    expect(problem.field).toBe('platform');
    expect(problem.message).toMatch(
      /^the permissions boundary "mlspace-project-user-permission-boundary" needs \d+ characters without whitespace even compacted, over IAM's limit of 6144; (\d+) of 303 grants fit, these (\d+) do not: shared-dataset-\d{4}\/part-\d+\/:platform\/allPlatformUsers:\w+, .* and \d+ more$/,
    );
    const [, fit, overflow] = /(\d+) of 303 grants fit, these (\d+) do not/.exec(problem.message)!;
    expect(Number(fit) + Number(overflow)).toBe(303);
    expect(problem.fix).toMatch(/cannot be split/);
  });

  test('an adopted boundary keeps every statement first, as written, and adds the derived ones after', () => {
    const files = defaultOrganisation();
    const existing: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DeployedDataAccess', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::mlspace-data-333333333333/*' },
        // Sid that the derived statements would otherwise take: they must get another one.
        { Sid: 'GrantObjectsPlatformAllPlatformUsersPlatformPlatformUserCarol', Effect: 'Allow', Action: 'translate:TranslateText', Resource: '*' },
      ],
    };
    files.accounts.platform = {
      ...files.accounts.platform,
      platform: { ...(files.accounts.platform as { platform: object }).platform, existingBoundary: { document: existing } },
    } as typeof files.accounts.platform;
    const plan = compileFiles(files).platforms.get('platform')!;
    const boundary = plan.boundary!;
    expect(boundary.existing).toBe(true);
    expect(boundary.document.Statement.slice(0, 2)).toEqual(existing.Statement);
    expect(boundary.document.Statement.some((s) => s.Sid === 'DataObjects')).toBe(false);
    const sids = boundary.document.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(identityAllows([boundary.document], { action: 's3:PutObject', resource: 'arn:aws:s3:::bucket-to-be-shared/x' })).toBe(true);
  });
});
