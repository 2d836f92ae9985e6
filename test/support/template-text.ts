import type { OrganisationFiles } from './organisation-files';

/**
 * Template-like text in every free-text field a user writes: what Terraform would evaluate if
 * the blueprints let it through. Each value is also a legal value of its field.
 */
export const TEMPLATE_TEXT = {
  prefix: '%{ if false }reports/%{ endif }',
  accessPointPrefix: '%{ if true }sales_event/%{ endif }',
  tagKey: 'k${x}',
  tagValue: '${file("/etc/passwd")}',
  directiveTagValue: '%{ if true }x%{ endif }',
  escapedLooking: '$${already}%%{escaped}',
  policyVariable: '${aws:username}',
  conditionValue: '%{ for x in ["a"] }${x}%{ endfor }',
  adoptedPrincipal: '%{ if true }*%{ endif }',
};

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Puts template text into every free-text field of every account of an organisation (in place). */
export function withTemplateText(files: OrganisationFiles): OrganisationFiles {
  const t = TEMPLATE_TEXT;
  for (const spec of Object.values(files.accounts) as Loose[]) {
    spec.tags = { ...(spec.tags ?? {}), [t.tagKey]: t.tagValue, directive: t.directiveTagValue, escaped: t.escapedLooking };
    if (spec.kind === 'owner') spec.buckets = [...(spec.buckets ?? []), adoptedBucket(`adopted-${spec.id}`)];
    for (const bucket of (spec.buckets ?? []) as Loose[]) {
      if (!bucket.existing) bucket.tags = { ...(bucket.tags ?? {}), data: t.tagValue };
      for (const point of bucket.accessPoints ?? []) if (point.prefix) point.prefix = `${t.accessPointPrefix}${point.prefix}`;
      for (const grant of bucket.grants ?? []) if (!grant.accessPoint) grant.prefix = `${t.prefix}${grant.prefix ?? ''}`;
    }
    for (const principal of [...(spec.users ?? []), ...(spec.roles ?? [])] as Loose[]) {
      principal.tags = { ...(principal.tags ?? {}), owner: t.tagValue };
    }
    const firstUser = (spec.users ?? [])[0] as Loose | undefined;
    if (firstUser) {
      firstUser.extraStatements = [
        ...(firstUser.extraStatements ?? []),
        {
          Sid: 'OwnHomeFolder',
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: [`arn:aws:s3:::home-${spec.id}/home/${t.policyVariable}/*`],
          Condition: { StringLike: { 's3:ExistingObjectTag/project': [t.conditionValue] } },
        },
      ];
    }
    for (const role of (spec.roles ?? []) as Loose[]) {
      for (const trust of role.trust ?? []) if (trust.externalId) trust.externalId = `${trust.externalId}${t.escapedLooking}`;
    }
  }
  return files;
}

/** An adopted bucket whose existing statements hold template text and a policy variable. */
function adoptedBucket(name: string): Loose {
  const t = TEMPLATE_TEXT;
  return {
    name,
    existing: {
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Adopted', Effect: 'Allow', Principal: { AWS: t.adoptedPrincipal }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` },
          {
            Sid: 'AdoptedHome',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::444444444444:root' },
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${name}/home/${t.policyVariable}/*`,
          },
        ],
      },
    },
    grants: [],
  };
}
