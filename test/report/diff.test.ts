import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsumerAccountSpec, OwnerAccountSpec, PlatformAccountSpec } from '../../core/model';
import { readOutput, SynthesizedOutput } from '../../core/synthesized/output';
import { diffOutputs, type AccessDiff } from '../../report/access-diff';
import { NO_ACCESS_CHANGE, renderAccessDiff } from '../../report/diff-markdown';
import { reportOf } from '../../report/report';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { PROJECT_ROOT, synthOrganisation } from '../support/synth';

const baseDir = synthOrganisation().outdir;
const base = readOutput(baseDir);
const baseAccess = reportOf(base).access;

function diffAfter(edit: (files: OrganisationFiles) => void): AccessDiff {
  const files = defaultOrganisation();
  edit(files);
  const head = readOutput(synthOrganisation(files).outdir);
  return diffOutputs({ base, head, baseAccess, headAccess: reportOf(head).access });
}

const owner = (files: OrganisationFiles) => files.accounts.owner as OwnerAccountSpec;
const consumer = (files: OrganisationFiles) => files.accounts.consumer as ConsumerAccountSpec;
const bucket = (files: OrganisationFiles, name: string) => owner(files).buckets!.find((b) => b.name === name)!;
const lineTexts = (diff: AccessDiff): string[] => diff.lines.map((l) => l.text);

const runReport = (args: string[]) =>
  spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(PROJECT_ROOT, 'report', 'run.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('comparing with the previous synthesis', () => {
  test('a new grant is exactly that gain, a new cross-account reader, and broadens access', () => {
    const diff = diffAfter((f) => bucket(f, 'new-client').grants!.push({ to: { account: 'consumer', role: 'analyst' }, access: 'read', prefix: 'reports/' }));
    expect(lineTexts(diff)).toEqual(['[new cross-account reader] role analyst in consumer (222222222222) gains read on new-client/reports/']);
    expect(diff.broadened).toBe(true);
    expect(diff.counts['new cross-account reader']).toBe(1);
  });

  test('a removed grant is exactly that loss, and broadens nothing', () => {
    const diff = diffAfter((f) => {
      bucket(f, 'examplebucket').grants = bucket(f, 'examplebucket').grants!.filter((g) => !('user' in g.to));
    });
    expect(lineTexts(diff)).toEqual(['[narrowing] user copier in consumer (222222222222) loses read on examplebucket']);
    expect(diff.broadened).toBe(false);
  });

  test('a wider level names the actions gained, both levels, and the new write', () => {
    const diff = diffAfter((f) => {
      bucket(f, 'examplebucket').grants![0].access = 'readwrite';
    });
    expect(lineTexts(diff)).toEqual([
      '[new write or delete] user copier in consumer (222222222222) gains s3:AbortMultipartUpload, s3:DeleteObject, s3:PutObject, s3:PutObjectTagging on examplebucket (read → readwrite)',
    ]);
  });

  test('a grant to a whole account reads as any principal its administrators allow, even merged into a named grant', () => {
    const diff = diffAfter((f) => bucket(f, 'examplebucket').grants!.push({ to: { account: 'consumer' }, access: 'read' }));
    expect(lineTexts(diff)).toEqual([
      '[whole account] [new cross-account reader] any principal of consumer (222222222222) that its administrators allow gains read on examplebucket',
    ]);
    expect(diff.broadened).toBe(true);
  });

  test('a role trusted by another account is external trust, with its ExternalId', () => {
    const diff = diffAfter((f) =>
      consumer(f)
        .roles!.find((r) => r.name === 'analyst')!
        .trust.push({ account: 'owner', externalId: 'partner-7' }),
    );
    expect(lineTexts(diff)).toEqual([
      '[external trust] [whole account] role analyst in consumer (222222222222) may be assumed by any principal of owner (111111111111) that its administrators allow (ExternalId partner-7, no MFA)',
    ]);
    expect(diff.broadened).toBe(true);
  });

  test('dropping MFA from a trust broadens it; requiring it narrows', () => {
    const withMfa = diffAfter((f) => {
      consumer(f).roles!.find((r) => r.name === 'analyst')!.trust = [{ user: 'alice', requireMfa: true }, { user: 'bob' }];
    });
    expect(lineTexts(withMfa)).toEqual([
      '[narrowing] role analyst in consumer (222222222222) may be assumed by user /developers/alice in consumer (222222222222) with no ExternalId, MFA required (was no ExternalId, no MFA)',
    ]);
    expect(withMfa.broadened).toBe(false);
    const head = readOutput(
      synthOrganisation(
        (() => {
          const f = defaultOrganisation();
          consumer(f).roles!.find((r) => r.name === 'analyst')!.trust = [{ user: 'alice', requireMfa: true }, { user: 'bob' }];
          return f;
        })(),
      ).outdir,
    );
    const back = diffOutputs({ base: head, head: base, baseAccess: reportOf(head).access, headAccess: baseAccess });
    expect(lineTexts(back)).toEqual([
      '[trust widened] role analyst in consumer (222222222222) may be assumed by user /developers/alice in consumer (222222222222) with no ExternalId, no MFA (was no ExternalId, MFA required)',
    ]);
    expect(back.broadened).toBe(true);
  });

  test('a new platform project: people by name, its defaults in one line, the boundary it widens', () => {
    const diff = diffAfter((f) => {
      const platform = (f.accounts.platform as PlatformAccountSpec).platform!;
      platform.users.push('dave');
      platform.projects.push({ name: 'proteomics', members: ['alice', 'dave'] });
      bucket(f, 'reference-data').grants!.push({ to: { account: 'platform', project: 'proteomics' }, access: 'readwrite', prefix: 'proteins/' });
    });
    const texts = lineTexts(diff);
    expect(texts).toContain('[new write or delete] proteomics (alice, dave) gain write + s3:DeleteObject on reference-data/proteins/');
    expect(texts).toContain('[new principal] proteomics (alice, dave) are new roles');
    expect(texts).toContain('[trust widened] proteomics (alice, dave) may be assumed by service sagemaker.amazonaws.com');
    expect(texts.filter((t) => t.startsWith('[platform defaults]'))).toEqual([
      '[platform defaults] proteomics (alice, dave) gain their platform defaults on mlspace-data-333333333333: global/, index/, private/alice/, private/dave/, project/proteomics/ (8 changes)',
    ]);
    expect(
      texts.some((t) =>
        t.startsWith(
          '[boundary widened] genomics (alice, bob), imaging (bob, carol) are under permissions boundary mlspace-project-user-permission-boundary, which gains',
        ),
      ),
    ).toBe(true);
    // The IAM names stay one click away.
    const roles = diff.lines.find((l) => l.text.includes('are new roles'))!.details;
    expect(roles.some((d) => /^alice in proteomics: role MLSpace-proteomics-\w+ in platform \(333333333333\)$/.test(d))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/MLSpace-proteomics-[0-9a-f]{8}/);
  });

  test('a grant through a group names the group and its members', () => {
    const diff = diffAfter((f) => bucket(f, 'examplebucket').grants!.push({ to: { account: 'consumer', group: 'new-client' }, access: 'list' }));
    expect(lineTexts(diff)).toEqual([
      '[new cross-account reader] group new-client in consumer (222222222222) (alice, bob, new-client-app) gain list on examplebucket',
    ]);
  });

  test('new and removed principals', () => {
    const diff = diffAfter((f) => {
      consumer(f).users = consumer(f).users!.filter((u) => u.name !== 'copier');
      bucket(f, 'examplebucket').grants = bucket(f, 'examplebucket').grants!.filter((g) => !('user' in g.to));
      consumer(f).roles!.push({ name: 'auditor', path: '/audit/', trust: [{ user: 'bob' }] });
    });
    expect(lineTexts(diff)).toEqual([
      '[trust widened] role /audit/auditor in consumer (222222222222) may be assumed by user /developers/bob in consumer (222222222222) (no ExternalId, no MFA)',
      '[new principal] role /audit/auditor in consumer (222222222222) is a new role',
      '[removal] user copier in consumer (222222222222) is removed (user)',
      '[narrowing] user copier in consumer (222222222222) loses read on examplebucket',
    ]);
  });

  test('an unchanged organisation: no access change and nothing broadens (the CLI, as CI runs it)', () => {
    const head = synthOrganisation().outdir;
    const result = runReport(['--out', head, '--base', baseDir, '--head-sha', 'a'.repeat(40), '--base-sha', 'b'.repeat(40)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`**${NO_ACCESS_CHANGE}**`);
    expect(result.stdout).toContain('No resource changed.');
    expect(fs.readFileSync(path.join(head, 'access-diff.md'), 'utf8')).toBe(result.stdout);
    expect(JSON.parse(fs.readFileSync(path.join(head, 'access-diff.json'), 'utf8')).broadened).toBe(false);
    expect(fs.readFileSync(path.join(head, 'access-comment.md'), 'utf8')).toContain(`Head \`${'a'.repeat(12)}\` compared with base \`${'b'.repeat(12)}\``);
  });

  test('a base that did not synthesize counts as empty, and the diff says so', () => {
    const diff = diffOutputs({ base: new SynthesizedOutput([]), head: base, baseAccess: [], headAccess: baseAccess }, 'The base has no synthesized output.');
    const text = renderAccessDiff(diff);
    expect(text).toContain('> The base has no synthesized output.');
    expect(text).toContain('role analyst in consumer (222222222222), user copier in consumer (222222222222) gain read on examplebucket');
    expect(text).toContain('owner (stack added): added `aws_s3_bucket.examplebucket`');
    expect(diff.broadened).toBe(true);
  });

  test('an unknown argument, or commits without a base, fails with the usage', () => {
    for (const args of [
      ['--bse', 'x'],
      ['--head-sha', 'abc'],
    ]) {
      const result = runReport(args);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('usage: npm run report');
    }
  });
});
