import type { PolicyDocument } from '../../core/model';
import { escapeTemplate, isResourceReference, liveSequences, unescapeTemplate } from '../../core/terraform/templates';
import { defaultOrganisation } from '../support/organisation-files';
import { resourcesOf, synthOrganisation } from '../support/synth';
import { TEMPLATE_TEXT, withTemplateText } from '../support/template-text';

describe('Terraform template escapes', () => {
  test.each([
    ['${aws:username}', '$${aws:username}'],
    ['%{ if x }', '%%{ if x }'],
    ['$${already}', '$$${already}'],
    ['%%{x}', '%%%{x}'],
    ['plain $ and % and { }', 'plain $ and % and { }'],
    ['$', '$'],
  ])('%j is written as %j, read back as itself, and holds no live sequence', (text, escaped) => {
    expect(escapeTemplate(text)).toBe(escaped);
    expect(unescapeTemplate(escaped)).toBe(text);
    expect(liveSequences(escaped)).toEqual([]);
  });

  test('live sequences are found, references are told apart', () => {
    expect(liveSequences('a ${b} c %{ if d }')).toEqual(['${b}', '%{ if d }']);
    expect(liveSequences('$${not} $$${yes}')).toEqual([]);
    expect(isResourceReference('${aws_kms_key.store-events.arn}')).toBe(true);
    expect(isResourceReference('${aws_iam_group.group_new-client.name}')).toBe(true);
    expect(isResourceReference('${file("/etc/passwd")}')).toBe(false);
    expect(isResourceReference('${aws:username}')).toBe(false);
  });
});

describe('template text in every free-text field, and an adopted boundary with a policy variable', () => {
  const files = withTemplateText(defaultOrganisation());
  const boundary: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OwnPrivateFolder',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::mlspace-data-333333333333/private/${TEMPLATE_TEXT.policyVariable}/*`,
      },
    ],
  };
  (files.accounts.platform as { platform: { existingBoundary?: object } }).platform.existingBoundary = { document: boundary };
  const synthesized = synthOrganisation(files);

  test('no stack holds a live template sequence other than a resource reference', () => {
    for (const key of synthesized.stackKeys()) {
      const text = JSON.stringify(synthesized.stack(key));
      const live = liveSequences(text).filter((s) => !isResourceReference(s));
      expect({ key, live }).toEqual({ key, live: [] });
    }
  });

  test('the adopted boundary reaches Terraform with its policy variable as written', () => {
    const platform = synthesized.stack('platform');
    const [, , config] = resourcesOf(platform).find(([type, , c]) => type === 'aws_iam_policy' && c.name === 'mlspace-project-user-permission-boundary')!;
    expect(config.policy).toContain('$${aws:username}');
    const document: PolicyDocument = JSON.parse(unescapeTemplate(config.policy));
    expect(document.Statement[0]).toEqual(boundary.Statement[0]);
  });
});

describe('template text with the HCP Terraform backend: the bootstrap and workspaces stacks are escaped too', () => {
  const files = withTemplateText(defaultOrganisation());
  files.index.backend = { kind: 'cloud', organization: 'acme', workspacePrefix: 'data-sharing-', project: 'data-platform' };
  const synthesized = synthOrganisation(files);

  test('every stack synthesizes, and none holds a live template sequence other than a resource reference', () => {
    expect(synthesized.stackKeys()).toEqual([
      'consumer',
      'consumer-hcp-bootstrap',
      'hcp-workspaces',
      'owner',
      'owner-hcp-bootstrap',
      'platform',
      'platform-hcp-bootstrap',
    ]);
    for (const key of synthesized.stackKeys()) {
      const live = liveSequences(JSON.stringify(synthesized.stack(key))).filter((s) => !isResourceReference(s));
      expect({ key, live }).toEqual({ key, live: [] });
    }
  });

  test("a bootstrap stack's provider carries the account's tags exactly as declared", () => {
    const tags = synthesized.stack('consumer-hcp-bootstrap').provider.aws[0].default_tags[0].tags;
    const declared = files.accounts.consumer.tags!;
    expect(Object.fromEntries(Object.entries(tags as Record<string, string>).map(([k, v]) => [unescapeTemplate(k), unescapeTemplate(v)]))).toMatchObject(
      declared,
    );
    expect(tags[escapeTemplate(TEMPLATE_TEXT.tagKey)]).toBe(escapeTemplate(TEMPLATE_TEXT.tagValue));
  });
});
