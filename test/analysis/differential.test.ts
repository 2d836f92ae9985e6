import { decide } from '../../analysis/chain';
import type { Evaluator } from '../../analysis/evaluator';
import { staticEvaluator } from '../../analysis/static/evaluator';
import { generateOrganisation } from '../../bench/generate-organisation';
import type { OwnerAccountSpec, PlatformAccountSpec } from '../../core/model';
import { simulatorEvaluator } from '../../verify/simulator';
import { describeDisagreement, disagreements, requestsOver } from '../support/differential';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { ownerVariants } from '../support/owner-variants';
import { inRegion, synthesizeAndRead } from '../support/synthesized-output';
import { fixClock, perimeterOrganisation, withPerimeterAndExpiries } from '../support/perimeter-organisation';

const AFTER_EVERY_EXPIRY = '2028-01-01T00:00:00Z';

/**
 * The project's own static evaluator (which the report uses) and the simulator (which the proof
 * uses) answer the same requests, through the same request chain, over the same synthesized
 * output. Every request is asked of both, and they must agree: a disagreement names the request
 * and both answers. The organisations cover every grantee kind, access points, KMS keys,
 * prefixes, adopted buckets and policies, a referenced key, a whole-account grant, a platform
 * without user-scoped roles, the GovCloud and China partitions, and the HCP Terraform run roles.
 */
function withoutUserScopedRoles(): OrganisationFiles {
  const files = generateOrganisation({ platformUsers: 3, buckets: 5, consumerPrincipals: 1 });
  (files.accounts.platform as PlatformAccountSpec).platform!.userScopedRoles = false;
  for (const bucket of (files.accounts.owner as OwnerAccountSpec).buckets!) {
    bucket.grants = bucket.grants?.filter((g) => g.to.account !== 'platform');
  }
  (files.accounts.owner as OwnerAccountSpec).buckets![0].grants!.push({
    to: { account: 'platform', allPlatformUsers: true },
    access: 'read',
    prefix: 'shared/',
  });
  return files;
}

function onHcpTerraform(): OrganisationFiles {
  const files = defaultOrganisation();
  files.index.backend = { kind: 'cloud', organization: 'acme', workspacePrefix: 'data-sharing-', project: 'data-platform' };
  return files;
}

const organisations: Array<[string, () => OrganisationFiles]> = [
  ['the default organisation', defaultOrganisation],
  ['the default organisation with every owner option (adopted bucket, logging, referenced key, whole-account grant)', ownerVariants],
  ['generated: one of everything', () => generateOrganisation({ platformUsers: 2, buckets: 5, consumerPrincipals: 1 })],
  [
    'generated: several users per project, two consumer principals of each kind',
    () => generateOrganisation({ platformUsers: 5, buckets: 5, consumerPrincipals: 2, projectsPerUser: 2 }),
  ],
  ['generated: a platform without user-scoped roles', withoutUserScopedRoles],
  ['generated, in GovCloud (us-gov-west-1)', () => inRegion(generateOrganisation({ platformUsers: 2, buckets: 5, consumerPrincipals: 1 }), 'us-gov-west-1')],
  ['generated, in China (cn-north-1)', () => inRegion(generateOrganisation({ platformUsers: 2, buckets: 5, consumerPrincipals: 1 }), 'cn-north-1')],
  ['the default organisation on HCP Terraform (run and plan roles; a workspaces stack without AWS provider)', onHcpTerraform],
  [
    'the perimeter organisation (organisation id, external grant, identity perimeter, time-boxed grants)',
    () => perimeterOrganisation({ identityPerimeter: true }),
  ],
  [
    'generated with the perimeter and time-boxed grants, in GovCloud',
    () => inRegion(withPerimeterAndExpiries(generateOrganisation({ platformUsers: 2, buckets: 5, consumerPrincipals: 1 })), 'us-gov-west-1'),
  ],
];

fixClock();

const counts: string[] = [];

test.each(organisations)('%s: both evaluators agree on every request', (title, files) => {
  const { output } = synthesizeAndRead(files());
  // Asked now and again after every expiry: time-boxed statements must be read alike at both times.
  const requests = requestsOver(output).flatMap((r) => [r, { ...r, time: AFTER_EVERY_EXPIRY }]);
  const allowed = requests.filter((r) => decide(r, output, staticEvaluator).allowed).length;
  counts.push(`${title}: ${requests.length} requests, ${allowed} allowed`);
  expect(disagreements(output, requests, [staticEvaluator, simulatorEvaluator]).map(describeDisagreement)).toEqual([]);
  // Both kinds of answer are asked for, so agreement is not agreement on "refused" alone.
  expect(allowed).toBeGreaterThan(20);
  expect(requests.length - allowed).toBeGreaterThan(100);
});

afterAll(() => console.log(`differential test:\n  ${counts.join('\n  ')}`));

test('a disagreement names the request and both answers (an evaluator that forgets resource policy denies)', () => {
  const { output } = synthesizeAndRead(defaultOrganisation());
  const forgetsDenies: Evaluator = {
    name: 'no-denies',
    check: (check) =>
      staticEvaluator.check({
        ...check,
        resourcePolicy: check.resourcePolicy && {
          ...check.resourcePolicy,
          document: { ...check.resourcePolicy.document, Statement: check.resourcePolicy.document.Statement.filter((s) => s.Effect === 'Allow') },
        },
      }),
  };
  const found = disagreements(output, requestsOver(output), [staticEvaluator, forgetsDenies]).map(describeDisagreement);
  // Every read without TLS of a principal that may read: the TLS deny is all that refuses it.
  expect(found.length).toBeGreaterThan(5);
  expect(found).toContain(
    '{"principal":"arn:aws:iam::222222222222:user/copier","bucket":"examplebucket","action":"s3:GetObject","key":"proof/object.txt","secureTransport":false}: ' +
      'static refused (request on the bucket: explicitly denied by bucket policy examplebucket statement DenyInsecureTransport) / no-denies allowed (request on the bucket)',
  );
});
