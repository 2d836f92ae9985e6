import type { OneOrMany, PolicyDocument, PolicyStatement } from '../model';

export const asList = <T>(value: OneOrMany<T> | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A single value stays a string, as people write it; several stay a list. */
export const oneOrMany = (values: string[]): OneOrMany<string> => (values.length === 1 ? values[0] : values);

export const uniqueSorted = (values: string[]): string[] => [...new Set(values)].sort();

export const policyDocument = (statements: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement: statements });

/** The compact JSON of a policy: IAM counts its characters without whitespace. */
export const policyJson = (document: PolicyDocument): string => JSON.stringify(document);

/** Characters that count against IAM's limits: everything but whitespace. */
export function policySize(document: PolicyDocument): number {
  return policyJson(document).replace(/\s/g, '').length;
}
