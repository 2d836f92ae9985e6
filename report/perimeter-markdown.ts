import type { AccessEntry } from '../analysis/access';
import { expiryWords } from '../core/expiry/until';
import type { PerimeterSummary } from './perimeter';
import { timeBoxed } from './perimeter';
import { locationWords, principalWords } from './words';

const code = (text: string): string => `\`${text}\``;
const row = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;

/** Time-boxed access and the data perimeter's exceptions; nothing when the output has neither. */
export function perimeterSection(access: AccessEntry[], perimeter: PerimeterSummary | undefined): string[] {
  const lines: string[] = [];
  const expiring = timeBoxed(access);
  if (expiring.length > 0) {
    lines.push('## Time-boxed access', '', 'Each line ends by itself (`DateLessThan aws:CurrentTime` on every side of its grant).', '');
    lines.push(row(['principal', 'where', 'access', 'expires']), row(['---', '---', '---', '---']));
    for (const e of expiring) lines.push(row([principalWords(e.principal), locationWords(e), `**${e.level}**`, expiryWords(e.expires!)]));
    lines.push('');
  }
  if (perimeter?.organization) {
    lines.push(
      '## Data perimeter',
      '',
      `Every managed bucket denies requests from principals outside the AWS Organization ${code(perimeter.organization)}, except:`,
      '',
    );
    lines.push(row(['where', 'statement', 'exception', 'reason']), row(['---', '---', '---', '---']));
    for (const e of perimeter.exceptions) lines.push(row([e.where, code(e.statement), code(e.exception), e.reason]));
    lines.push('');
  }
  return lines;
}
