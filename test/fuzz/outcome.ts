import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthesize } from '../../blueprints/synthesize';
import { partitionOf } from '../../core/aws/regions';
import { compileOrganisation } from '../../core/compile';
import { LintError } from '../../core/lint/lint';
import { loadOrganisation } from '../../core/load';
import { OrganisationError } from '../../core/validation/problem';
import { formatFailure, verifyAccess } from '../../verify/verify';
import { writeOrganisation, type OrganisationFiles } from '../support/organisation-files';

/** What became of one organisation: refused (the exit-1 path) or synthesized, with what was found in the output. */
export type Outcome =
  | { kind: 'refused'; message: string; written: boolean }
  | { kind: 'synthesized'; liveTemplates: string[]; proofFailures?: string[] }
  | { kind: 'crashed'; error: string };

/**
 * `${` and `%{` that Terraform would evaluate: not escaped by a doubled `$` or `%`, and not one of
 * the stack's own references to a resource it declares (`${aws_kms_key.store-events.arn}`).
 */
export function liveTemplates(stack: Record<string, unknown>): string[] {
  const declared = new Set(
    Object.entries((stack.resource ?? {}) as Record<string, object>).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)),
  );
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/[$%]\{/g)) {
        const i = match.index!;
        if (i > 0 && value[i - 1] === value[i]) continue; // `$${` and `%%{` are literal
        const reference = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}/.exec(value.slice(i));
        if (reference && declared.has(reference[1])) continue;
        found.push(value.length > 200 ? `${value.slice(Math.max(0, i - 40), i + 60)} (in ${value.length} characters)` : value);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(stack);
  return found;
}

const readStacks = (outdir: string): Array<Record<string, unknown>> =>
  fs.readdirSync(path.join(outdir, 'stacks')).map((name) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')));

/**
 * Synthesizes the organisation in this process, as the command line does. A refusal must be an
 * OrganisationError or a LintError (exit 1) that wrote nothing; anything else is a crash. With
 * `proof`, a synthesized organisation is also put through the access proof.
 */
export async function outcomeOf(files: OrganisationFiles, options: { proof: boolean }): Promise<Outcome> {
  const dir = writeOrganisation(files);
  const outdir = path.join(dir, 'cdktf.out');
  try {
    try {
      synthesize({ accountsDir: dir, outdir });
    } catch (error) {
      if (error instanceof OrganisationError || error instanceof LintError) return { kind: 'refused', message: error.message, written: fs.existsSync(outdir) };
      return { kind: 'crashed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    const liveFound = readStacks(outdir).flatMap(liveTemplates);
    if (!options.proof) return { kind: 'synthesized', liveTemplates: liveFound };
    const compiled = compileOrganisation(loadOrganisation({ dir }));
    // The proof speaks the aws partition only until it learns the others: other organisations are not proven here.
    if (!compiled.index.accounts.every((a) => partitionOf(a.region) === 'aws')) return { kind: 'synthesized', liveTemplates: liveFound };
    const result = await verifyAccess(compiled, outdir);
    return { kind: 'synthesized', liveTemplates: liveFound, proofFailures: result.failures.map(formatFailure) };
  } catch (error) {
    return { kind: 'crashed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
