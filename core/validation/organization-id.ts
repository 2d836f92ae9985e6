import { ORGANIZATION_ID } from '../perimeter/statements';
import { checkKnownFields, isPlainObject } from './fields';
import { show } from './problem';
import type { Validator } from './validator';

/** The index's `organization`: an AWS Organizations id, and whether identity policies carry the perimeter too. */
export const validateOrganizationId: Validator = (problems, org) => {
  const organization: unknown = org.organization;
  if (organization === undefined) return;
  const file = org.indexFile;
  if (!isPlainObject(organization)) {
    problems.add(
      file,
      'organization',
      `must be an object { id }, not ${show(organization)}`,
      "write organization: { id: 'o-a1b2c3d4e5' } (the id `aws organizations describe-organization` shows)",
    );
    return;
  }
  checkKnownFields(problems, file, 'organization', organization, ['id', 'identityPerimeter']);
  if (typeof organization.id !== 'string' || !ORGANIZATION_ID.test(organization.id)) {
    problems.add(
      file,
      'organization.id',
      `${show(organization.id)} is not an AWS Organizations id`,
      "write `o-` and 10 to 32 lowercase letters or digits, as `aws organizations describe-organization` shows it, e.g. 'o-a1b2c3d4e5'",
    );
  }
  if (organization.identityPerimeter !== undefined && typeof organization.identityPerimeter !== 'boolean') {
    problems.add(
      file,
      'organization.identityPerimeter',
      `must be true or false, not ${show(organization.identityPerimeter)}`,
      'write identityPerimeter: true to deny S3 requests to buckets outside the organisation, or leave it out',
    );
  }
};
