import { generateOrganisation } from '../../bench/generate-organisation';
import { liveSequences, unescapeTemplate } from '../../core/terraform/templates';
import { defaultOrganisation, type OrganisationFiles } from '../support/organisation-files';
import { resourcesOf, type StackJson, type Synthesized } from '../support/synth';
import { TEMPLATE_TEXT, withTemplateText } from '../support/template-text';
import { consumerVariants } from '../support/consumer-variants';
import { ownerVariants } from '../support/owner-variants';
import { platformWithoutUserScopedRoles } from '../support/platform-variants';
import { discoverTerraform } from '../../terraform-tools/discovery';
import { planOrganisations, type PlannedOrganisation } from '../support/planned-organisations';
import type { PlanResult } from '../support/terraform';

/**
 * What is declared is what Terraform applies: every synthesized stack goes through a real
 * `terraform plan` (which validates the configuration first) against the provider mirror, and every literal of every resource (policy documents, names, tags, paths,
 * prefixes, conditions) must be planned exactly as written, read the way Terraform reads a
 * `.tf.json` string. Template-like text in every user-written field must reach the plan as text.
 */
const discovery = discoverTerraform();
if (!discovery.found) console.warn(`\n*** TERRAFORM CHECKS SKIPPED (plan equality): ${discovery.reason} ***\n`);
const describeWithTerraform = discovery.found ? describe : describe.skip;

const organisations: Array<[string, () => OrganisationFiles]> = [
  ['the default organisation', defaultOrganisation],
  ['the default organisation with template text in every free-text field', () => withTemplateText(defaultOrganisation())],
  ['a generated organisation with template text', () => withTemplateText(generateOrganisation({ platformUsers: 3, buckets: 4, consumerPrincipals: 2 }))],
  // What the default organisation does not use.
  ['the owner options: an adopted bucket, logging, a referenced key', ownerVariants],
  ['the consumer options: paths, tags, boundaries, access keys, every trust form', consumerVariants],
  ['a platform without user-scoped roles', platformWithoutUserScopedRoles],
];

// Every stack of every organisation in one go, so that terraform plans them as one batch.
let planned = new Map<string, PlannedOrganisation>();
beforeAll(async () => {
  if (discovery.found) planned = await planOrganisations(discovery.tools, organisations);
});

describeWithTerraform.each(organisations)('%s: the plan equals the declaration', (title) => {
  let synthesized: Synthesized;
  let declared = '';
  let plans: Map<string, PlanResult>;
  beforeAll(() => {
    const organisation = planned.get(title)!;
    ({ synthesized, plans } = organisation);
    declared = JSON.stringify(organisation.files);
  });

  test('every stack validates and plans exactly the resources it declares, no more and no fewer', () => {
    expect(synthesized.stackKeys().length).toBeGreaterThanOrEqual(3);
    for (const key of synthesized.stackKeys()) {
      const declared = resourcesOf(synthesized.stack(key))
        .map(([type, name]) => `${type}.${name}`)
        .sort();
      expect({ stack: key, creates: plans.get(key)?.creates }).toEqual({ stack: key, creates: declared });
    }
  });

  test('every literal attribute of every resource is planned as written, tags_all included', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const key of synthesized.stackKeys()) {
      const stack = synthesized.stack(key);
      const defaultTags = readLiteral(stack.provider?.aws?.[0]?.default_tags?.[0]?.tags ?? {}) as Record<string, string>;
      for (const [type, name, config] of resourcesOf(stack)) {
        const address = `${type}.${name}`;
        const planned = plans.get(key)!.planned.get(address);
        if (!planned) {
          mismatches.push(`${key}: ${address} is not in the plan`);
          continue;
        }
        compared += compare(config, planned, `${key}: ${address}`, mismatches);
        if ('tags_all' in planned && planned.tags_all !== null) {
          const expected = { ...defaultTags, ...(readLiteral(config.tags ?? {}) as Record<string, string>) };
          if (JSON.stringify(sortKeys(planned.tags_all)) !== JSON.stringify(sortKeys(expected)))
            mismatches.push(`${key}: ${address}.tags_all planned ${JSON.stringify(planned.tags_all)}, declared ${JSON.stringify(expected)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(50);
  });

  test('the user-written template text is in the plan as text, and nothing was evaluated', () => {
    const planned = JSON.stringify([...plans.values()].flatMap((p) => [...p.planned.values()]));
    // As a value of its own, or inside a JSON policy document (escaped once more).
    const inJson = (text: string, json: string): boolean =>
      json.includes(JSON.stringify(text).slice(1, -1)) || json.includes(JSON.stringify(JSON.stringify(text).slice(1, -1)).slice(1, -1));
    for (const text of Object.values(TEMPLATE_TEXT)) {
      expect({ text, planned: inJson(text, planned) }).toEqual({ text, planned: inJson(text, declared) });
    }
    // /etc/passwd would have been read by `file()` on the planning machine.
    expect(planned).not.toContain('root:x:0:0');
  });
});

type Json = unknown;

/** A synthesized value as Terraform reads it; only valid for values without live sequences. */
function readLiteral(value: Json): Json {
  if (typeof value === 'string') return unescapeTemplate(value);
  if (Array.isArray(value)) return value.map(readLiteral);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescapeTemplate(k), readLiteral(v)]));
  return value;
}

const hasLive = (value: Json): boolean => JSON.stringify(value).includes('${') && liveSequences(JSON.stringify(value)).length > 0;

const sortKeys = (value: Json): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, sortKeys(v)]),
      )
    : Array.isArray(value)
      ? value.map(sortKeys)
      : value;

const parsedJson = (text: string): Json | undefined => {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Compares a declared attribute tree with its planned value, where the plan has the attribute
 * (meta-arguments such as provider, lifecycle and depends_on are not planned values); values
 * holding the blueprints' own references are known only at apply and are skipped. Returns how
 * many leaf values were compared.
 */
function compare(declared: Json, planned: Json, where: string, mismatches: string[]): number {
  if (hasLive(declared)) return 0;
  if (typeof declared === 'string') {
    const expected = unescapeTemplate(declared);
    const asJson = parsedJson(expected);
    const same =
      asJson !== undefined && typeof planned === 'string'
        ? JSON.stringify(sortKeys(asJson)) === JSON.stringify(sortKeys(parsedJson(planned)))
        : planned === expected;
    if (!same) mismatches.push(`${where}: planned ${JSON.stringify(planned)}, declared ${JSON.stringify(expected)}`);
    return 1;
  }
  if (Array.isArray(declared)) {
    if (!Array.isArray(planned) || planned.length !== declared.length) {
      mismatches.push(`${where}: planned ${JSON.stringify(planned)}, declared ${JSON.stringify(readLiteral(declared))}`);
      return 1;
    }
    return declared.reduce((sum: number, item, i) => sum + compare(item, planned[i], `${where}[${i}]`, mismatches), 0);
  }
  if (declared !== null && typeof declared === 'object') {
    if (planned === null || typeof planned !== 'object') return 0;
    let count = 0;
    for (const [key, value] of Object.entries(declared as StackJson)) {
      const plannedKey = unescapeTemplate(key);
      if (plannedKey in (planned as StackJson)) count += compare(value, (planned as StackJson)[plannedKey], `${where}.${plannedKey}`, mismatches);
    }
    return count;
  }
  if (planned !== declared) mismatches.push(`${where}: planned ${JSON.stringify(planned)}, declared ${JSON.stringify(declared)}`);
  return 1;
}
