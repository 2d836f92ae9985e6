import { generateOrganisation } from '../../bench/generate-organisation';
import { readOutput } from '../../core/synthesized/output';
import { accessGraph, MERMAID_LIMITS, READABLE_EDGES } from '../../report/mermaid';
import { reportOf } from '../../report/report';
import { defaultOrganisation } from '../support/organisation-files';
import { mermaidErrors } from '../../bench/mermaid-parse';
import { synthOrganisation } from '../support/synth';

const edges = (diagram: string): number => diagram.split('\n').filter((l) => l.includes('-->')).length;
const pictureOf = (files: Parameters<typeof synthOrganisation>[0]): string => accessGraph(reportOf(readOutput(synthOrganisation(files).outdir)));

describe("the report's picture, checked by Mermaid's own parser", () => {
  const pictures = {
    default: pictureOf(defaultOrganisation()),
    '10 users': pictureOf(generateOrganisation({ platformUsers: 10, buckets: 10 })),
    '100 users': pictureOf(generateOrganisation({ platformUsers: 100, buckets: 50 })),
    '1,000 users': pictureOf(generateOrganisation({ platformUsers: 1000, buckets: 100 })),
  };
  const errors = mermaidErrors(Object.values(pictures));

  test('every picture parses, within the edge and size limits Mermaid draws', () => {
    expect(Object.fromEntries(Object.keys(pictures).map((k, i) => [k, errors[i]]))).toEqual({
      default: null,
      '10 users': null,
      '100 users': null,
      '1,000 users': null,
    });
    for (const p of Object.values(pictures)) {
      expect(edges(p)).toBeLessThanOrEqual(MERMAID_LIMITS.edges);
      expect(p.length).toBeLessThanOrEqual(MERMAID_LIMITS.characters);
    }
  });

  test('small organisations show every principal; large ones a summary with counts on the edges', () => {
    expect(edges(pictures.default)).toBeLessThanOrEqual(READABLE_EDGES);
    expect(pictures.default).not.toContain('%% summary');
    expect(pictures['1,000 users']).toContain('%% summary');
    expect(pictures['1,000 users']).toMatch(/g\d+ -- "\d+ principals: [^"]+" --> [bo]\d+/);
  });

  test('the parser does refuse what the limits keep out (so the check above means something)', () => {
    const tooMany = ['flowchart LR', ...Array.from({ length: MERMAID_LIMITS.edges + 1 }, (_, i) => `  a${i} --> b${i}`)].join('\n');
    const [refused, broken] = mermaidErrors([tooMany, 'flowchart LR\n  a -- "x --> ']);
    expect(refused).toMatch(/Edge limit exceeded/);
    expect(broken).not.toBeNull();
  });
});
