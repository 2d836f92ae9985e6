import type { AccessEntry } from '../analysis/access';
import { accessGraph } from './mermaid';
import { compareText } from '../core/order';
import type { AccessReport } from './report';
import { runRolesSection } from './run-roles-markdown';
import { perimeterSection } from './perimeter-markdown';
import type { PolicyRef, PolicySide } from '../analysis/evaluator';
import { accountWords, principalWords, scopeWords } from './words';

const SIDE_ORDER: PolicySide[] = ['access point policy', 'bucket policy', 'key policy', 'identity policy', 'permissions boundary'];

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const code = (text: string): string => `\`${text}\``;
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]): string[] => [row(head), row(head.map(() => '---')), ...rows.map(row)];

/** `bucket policy examplebucket: GrantList…, GrantObjects…`, one line per policy. */
export function throughWords(refs: PolicyRef[]): string {
  const byPolicy = new Map<string, string[]>();
  for (const ref of refs) {
    const key = `${SIDE_ORDER.indexOf(ref.side)}\u0001${ref.side} ${code(ref.policy)}`;
    byPolicy.set(key, [...(byPolicy.get(key) ?? []), ref.statement]);
  }
  return [...byPolicy.keys()]
    .sort(compareText)
    .map((key) => `${key.split('\u0001')[1]}: ${byPolicy.get(key)!.map(code).join(', ')}`)
    .join('\n');
}

/** `alice in genomics: role MLSpace-genomics-… in platform (333333333333)`, or the IAM words alone. */
const personWords = (report: AccessReport, e: AccessEntry): string =>
  report.people[e.principal.arn] ? `${report.people[e.principal.arn]}: ${principalWords(e.principal)}` : principalWords(e.principal);

function accessSection(report: AccessReport): string[] {
  const lines = ['## Access by bucket', ''];
  for (const bucket of report.buckets) {
    const extras = [
      bucket.accessPoints.length ? `access points ${bucket.accessPoints.map(code).join(', ')}` : '',
      bucket.kmsKey ? `SSE-KMS with key ${code(bucket.kmsKey)}` : '',
    ].filter(Boolean);
    lines.push(`### ${bucket.name}`, '', `In ${accountWords(bucket.stack, bucket.accountId)}${extras.length ? `; ${extras.join('; ')}` : ''}.`, '');
    const entries = report.access.filter((e) => e.bucket === bucket.name);
    if (entries.length === 0) {
      lines.push('No synthesized principal has access.', '');
      continue;
    }
    const where = (e: AccessEntry): string => `${scopeWords(e)}${e.accessPoint ? ` through access point ${code(e.accessPoint)}` : ''}`;
    lines.push(
      ...table(
        ['principal', 'where', 'access', 'actions', 'through'],
        entries.map((e) => [personWords(report, e), where(e), `**${e.level}**`, e.actions.map(code).join(', '), throughWords(e.through)]),
      ),
      '',
    );
  }
  return lines;
}

function resourceOnlySection(report: AccessReport): string[] {
  if (report.resourceOnly.length === 0) return [];
  return [
    '## Resource-side grants no synthesized principal uses',
    '',
    'These statements allow principals that are not in the synthesized stacks (another account), or principals whose own side does not allow the request yet. Their access depends on policies this report cannot see.',
    '',
    ...table(
      ['bucket', 'policy', 'statement', 'principal', 'narrowed to (aws:PrincipalArn)', 'actions'],
      report.resourceOnly.map((r) => [
        r.bucket,
        `${r.side} ${code(r.policy)}`,
        code(r.statement),
        r.principals.map(code).join(', '),
        r.principalArns.map(code).join('\n') || '—',
        r.actions.map(code).join(', '),
      ]),
    ),
    '',
  ];
}

function lintSection(report: AccessReport): string[] {
  const lines = ['## Security lint', ''];
  if (report.lint === null) return [...lines, 'No `lint-findings.json` in the synthesized output: synthesize with this version to see the findings.', ''];
  if (report.lint.length === 0) lines.push('No warnings and no waived findings.', '');
  else {
    lines.push(
      'Errors stop synthesis, so only warnings and waived findings can appear here.',
      '',
      ...table(
        ['rule', 'severity', 'stack', 'resource', 'finding', 'why the rule exists', 'also in'],
        report.lint.map((f) => [
          f.rule,
          f.waived ? `${f.severity}, waived: ${f.waived}` : f.severity,
          f.stack,
          code(f.address),
          f.message,
          f.reason,
          f.equivalents.join(', ') || '—',
        ]),
      ),
      '',
    );
  }
  if (report.accessPointDelegations.length > 0) {
    lines.push(
      '### Why the access point delegation is not public',
      '',
      'These bucket policy statements allow `Principal: "*"`, which checkers such as Checkov (CKV_AWS_70) flag as public. It is not: ' +
        "each statement holds only with `s3:DataAccessPointAccount` equal to a fixed account id (the owner's own), so only a request that comes through " +
        "one of that account's access points matches. S3 treats a `*` statement narrowed by fixed-value conditions like this as non-public, so Block Public Access " +
        "stays on and does not cut it off; the real principals are named in each access point's policy, which must allow the request as well.",
      '',
      ...table(
        ['bucket', 'statement', 's3:DataAccessPointAccount', 's3:DataAccessPointArn'],
        report.accessPointDelegations.map((d) => [d.bucket, code(d.statement), d.account, d.accessPoints.map(code).join('\n') || '—']),
      ),
      '',
    );
  }
  return lines;
}

function stacksSection(report: AccessReport): string[] {
  const types = [...new Set(report.stacks.flatMap((s) => Object.keys(s.resources)))].sort(compareText);
  return [
    '## Stacks',
    '',
    ...table(
      ['stack', 'account', 'region', 'resources', 'state'],
      report.stacks.map((s) => [s.name, s.accountId, s.region, String(s.resourceCount), s.backend]),
    ),
    '',
    ...table(
      ['resource type', ...report.stacks.map((s) => s.name)],
      types.map((t) => [code(t), ...report.stacks.map((s) => String(s.resources[t] ?? '—'))]),
    ),
    '',
  ];
}

/** The whole report as markdown; the same report gives the same bytes. */
export function renderReport(report: AccessReport): string {
  const principals = new Set(report.access.map((e) => e.principal.arn)).size;
  const accessPoints = report.buckets.reduce((n, b) => n + b.accessPoints.length, 0);
  const warnings = report.lint?.filter((f) => !f.waived).length ?? 0;
  const waived = report.lint?.filter((f) => f.waived).length ?? 0;
  return [
    '# Access report',
    '',
    "Read from the synthesized stacks (`cdktf.out`) by `npm run report`. Effective access is what both sides allow: the principal's identity policies " +
      'within its permissions boundary, and the bucket, access point and KMS key policies. It is a static reading of the synthesized documents ' +
      '(ARN patterns of `aws:PrincipalArn`, resources and `s3:prefix` matched against each principal and prefix), not a simulation; under a prefix, only what the whole bucket does not already give is listed.',
    '',
    `- ${report.stacks.length} stacks, ${report.buckets.length} buckets, ${accessPoints} access points`,
    `- ${principals} principals with access, ${report.access.length} access lines`,
    `- lint: ${report.lint === null ? 'no findings file' : `${warnings} warnings, ${waived} waived`}`,
    '',
    '## Picture',
    '',
    '```mermaid',
    accessGraph(report),
    '```',
    '',
    ...accessSection(report),
    ...perimeterSection(report.access, report.perimeter),
    ...resourceOnlySection(report),
    ...lintSection(report),
    ...runRolesSection(report.runRoles),
    ...stacksSection(report),
  ].join('\n');
}
