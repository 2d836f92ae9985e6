/** Context keys as IAM compares them (case-insensitively); the same few keys come back in every request. */
const lowered = new Map<string, string>();
const normalKey = (key: string): string => {
  let lower = lowered.get(key);
  if (lower === undefined) lowered.set(key, (lower = key.toLowerCase()));
  return lower;
};

const asValues = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** Request context keys and their values; keys are compared case-insensitively, as IAM does. */
export class RequestContext {
  private readonly values = new Map<string, string[]>();

  constructor(entries: Record<string, string | string[] | undefined> = {}) {
    for (const key in entries) {
      const value = entries[key];
      if (value !== undefined) this.values.set(normalKey(key), asValues(value));
    }
  }

  get(key: string): string[] | undefined {
    return this.values.get(normalKey(key));
  }

  with(entries: Record<string, string | string[] | undefined>): RequestContext {
    const next = new RequestContext();
    for (const [key, value] of this.values) next.values.set(key, value);
    for (const key in entries) {
      const value = entries[key];
      if (value !== undefined) next.values.set(normalKey(key), asValues(value));
    }
    return next;
  }
}
