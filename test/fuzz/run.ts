import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { defaultOrganisation } from '../support/organisation-files';
import { holdsTemplateText, mutate, mutationsArb, type Mutation } from './mutations';
import { outcomeOf } from './outcome';

/**
 * `npm run fuzz -- --runs 10000 [--seed 1] [--proof-every 10]`: mutates the default organisation
 * at random, synthesizes each in this process, and counts crashes (the target is 0), refusals and
 * syntheses, live template sequences in the output and access-proof failures.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, 'proof-every': { type: 'string', default: '10' } },
  });
  const runs = Number(values.runs);
  const proofEvery = Number(values['proof-every']);
  const cases = fc.sample(mutationsArb, { numRuns: runs, seed: Number(values.seed) });
  const counts = {
    refused: 0,
    synthesized: 0,
    crashed: 0,
    refusedWithOutput: 0,
    liveTemplates: 0,
    liveTemplatesWithoutTemplateInput: 0,
    proven: 0,
    proofFailed: 0,
  };
  const examples: Array<{ what: string; mutations: Mutation[]; detail: string }> = [];
  const started = Date.now();
  for (const [i, mutations] of cases.entries()) {
    const files = mutate(defaultOrganisation(), mutations);
    const outcome = await outcomeOf(files, { proof: counts.synthesized % proofEvery === 0 });
    if (outcome.kind === 'crashed') {
      counts.crashed++;
      examples.push({ what: 'crash', mutations, detail: outcome.error.split('\n').slice(0, 4).join('\n') });
    } else if (outcome.kind === 'refused') {
      counts.refused++;
      if (outcome.written) counts.refusedWithOutput++;
    } else {
      counts.synthesized++;
      if (outcome.liveTemplates.length > 0) {
        counts.liveTemplates++;
        if (!holdsTemplateText(files)) {
          counts.liveTemplatesWithoutTemplateInput++;
          examples.push({ what: 'live template', mutations, detail: outcome.liveTemplates.slice(0, 3).join(' | ') });
        } else {
          examples.push({
            what: 'live template from template text (needs the escaping step)',
            mutations,
            detail: outcome.liveTemplates.slice(0, 3).join(' | '),
          });
        }
      }
      if (outcome.proofFailures) {
        if (outcome.proofFailures.length === 0) counts.proven++;
        else {
          counts.proofFailed++;
          examples.push({ what: 'proof failure', mutations, detail: outcome.proofFailures.slice(0, 3).join('\n') });
        }
      }
    }
    if ((i + 1) % 500 === 0) console.error(`${i + 1} / ${runs} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // One example of each kind of failure (its message and where it was thrown), with the mutations that reproduce it.
  const kinds = new Map<string, { count: number; example: (typeof examples)[number] }>();
  for (const example of examples) {
    const key = `${example.what}: ${example.detail
      .split('\n')
      .slice(0, 2)
      .join(' ')
      .replace(/"[^"]*"/g, '"…"')}`;
    const kind = kinds.get(key) ?? { count: 0, example };
    kind.count++;
    kinds.set(key, kind);
  }
  for (const [key, { count, example }] of kinds)
    console.log(`${count} x ${key}\n  mutations: ${JSON.stringify(example.mutations)}\n  ${example.detail.replaceAll('\n', '\n  ')}`);
  console.log(
    `${runs} cases in ${Math.round((Date.now() - started) / 1000)} s (seed ${values.seed}): ${counts.crashed} crashes, ${counts.refused} refused (${counts.refusedWithOutput} with output written), ${counts.synthesized} synthesized`,
  );
  console.log(
    `synthesized: ${counts.liveTemplates} with a live template sequence in the output (${counts.liveTemplatesWithoutTemplateInput} of them from input without template text), ` +
      `access proof run on ${counts.proven + counts.proofFailed}: ${counts.proven} proven, ${counts.proofFailed} failed`,
  );
  return counts.crashed + counts.refusedWithOutput + counts.liveTemplates + counts.proofFailed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
