/** Request context keys and their values; keys are compared case-insensitively, as IAM does. */
export class RequestContext {
  private readonly values = new Map<string, string[]>();

  constructor(entries: Record<string, string | string[] | undefined> = {}) {
    for (const [key, value] of Object.entries(entries)) if (value !== undefined) this.values.set(key.toLowerCase(), [value].flat());
  }

  get(key: string): string[] | undefined {
    return this.values.get(key.toLowerCase());
  }

  with(entries: Record<string, string | string[] | undefined>): RequestContext {
    const next = new RequestContext();
    for (const [key, value] of this.values) next.values.set(key, value);
    for (const [key, value] of Object.entries(entries)) if (value !== undefined) next.values.set(key.toLowerCase(), [value].flat());
    return next;
  }
}
