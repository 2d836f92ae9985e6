/**
 * A policy document in a canonical form, so that two documents IAM reads the same way compare
 * equal: keys sorted, a one-element list written as its element (IAM accepts both), and lists
 * of strings (actions, resources, principals, condition values) sorted without duplicates.
 * Statement order is kept.
 */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    const list = items.every((i) => typeof i === 'string') ? [...new Set(items as string[])].sort() : items;
    return list.length === 1 ? list[0] : list;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalise((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The canonical text of a document given as JSON text or as an object; undefined when it does not parse. */
export function canonical(document: unknown): string | undefined {
  try {
    return JSON.stringify(normalise(typeof document === 'string' ? JSON.parse(document) : document));
  } catch {
    return undefined;
  }
}
