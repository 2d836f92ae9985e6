import { parseArgs } from 'node:util';
import { compareSynthesized, equivalent, renderComparison } from './synth-comparison';

const USAGE = 'usage: compare-synth.ts <reference cdktf.out> <other cdktf.out> [--provider-version-may-differ]';

/** Prints the comparison of two synthesized outputs; exit 0 when they are equivalent, 1 when not, 2 on bad usage. */
function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'provider-version-may-differ': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const [reference, other] = positionals;
  const comparison = compareSynthesized(reference, other, { providerVersionMayDiffer: values['provider-version-may-differ'] });
  console.log(renderComparison(comparison, { reference, other }));
  return equivalent(comparison) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
