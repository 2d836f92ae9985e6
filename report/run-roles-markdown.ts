import type { RunRoleSummary } from './run-roles';

const code = (text: string): string => `\`${text}\``;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** Who may assume each HCP Terraform run role, and what it may do; nothing when there is none. */
export function runRolesSection(roles: RunRoleSummary[]): string[] {
  if (roles.length === 0) return [];
  const lines = [
    '## HCP Terraform run roles',
    '',
    'Runs of the HCP Terraform workspaces get short-lived AWS credentials by assuming these roles with their workload identity token. ' +
      "Only a token from the account's OIDC provider with exactly this `aud` and one of these `sub` values (organization, project, workspace and run phase) is accepted; " +
      "no user, role or service can assume them. Their permissions cover what the account's stacks manage.",
    '',
  ];
  for (const r of roles) {
    lines.push(`### ${r.role} in ${r.stack.replace(/-hcp-bootstrap$/, '')} (${r.accountId})`, '');
    lines.push(
      `- assumed through ${r.identityProviders.map(code).join(', ')} with \`aud\` ${r.audiences.map(code).join(', ') || '(none: refused by lint DS007)'}`,
    );
    lines.push(`- by runs whose \`sub\` is ${r.subjects.map(code).join(', ') || '(none: refused by lint DS007)'}`);
    if (r.otherPrincipals.length > 0) lines.push(`- **also trusts** ${r.otherPrincipals.map(code).join(', ')}`);
    lines.push('', '| policy | statement | actions | resources | condition |', '| --- | --- | --- | --- | --- |');
    for (const p of r.permissions) {
      lines.push(
        `| ${cell(p.policy)} | ${code(p.statement)} | ${p.actions.map(code).join(', ')} | ${p.resources.map(code).join('<br>')} | ${p.condition ? cell(code(p.condition)) : '—'} |`,
      );
    }
    if (r.permissions.length === 0) lines.push('| — | — | nothing | — | — |');
    lines.push('');
  }
  return lines;
}
