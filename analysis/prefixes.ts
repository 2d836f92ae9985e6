import { parseArn } from '../core/aws/arns';
import type { PolicyDocument } from '../core/model';
import { uniqueSortedText } from '../core/order';
import { asList } from '../core/policy/document';
import type { SynthesizedBucket } from '../core/synthesized/output';
import type { RequestContext } from './static/context';
import { globMatch, literalHead } from './static/glob';
import { fillVariables } from './static/pattern';

/** The object key pattern an ARN names on this bucket (directly or through one of its access points). */
function keyPattern(resource: string, bucket: SynthesizedBucket): string | undefined {
  const arn = parseArn(resource);
  if (arn?.service !== 's3') return undefined;
  const slash = arn.resource.indexOf('/');
  if (slash < 0) return undefined;
  const [head, rest] = [arn.resource.slice(0, slash), arn.resource.slice(slash + 1)];
  if (arn.region === '' && globMatch(head, bucket.name)) return rest;
  const onAccessPoint = /^([^/]*)\/object\/(.*)$/s.exec(rest);
  if (head === 'accesspoint' && onAccessPoint && bucket.accessPoints.some((ap) => globMatch(onAccessPoint[1], ap.name))) return onAccessPoint[2];
  return undefined;
}

/** Key patterns of one document on one bucket, read once per document and bucket (a boundary serves thousands of roles). */
const patternCache = new WeakMap<PolicyDocument, Map<string, string[]>>();

function patternsOf(document: PolicyDocument, bucket: SynthesizedBucket): string[] {
  let byBucket = patternCache.get(document);
  if (!byBucket) patternCache.set(document, (byBucket = new Map()));
  const known = byBucket.get(bucket.arn);
  if (known) return known;
  const patterns: string[] = [];
  for (const s of document.Statement) {
    for (const resource of asList(s.Resource)) {
      const pattern = keyPattern(resource, bucket);
      if (pattern !== undefined) patterns.push(pattern);
    }
    const onThisBucket = asList(s.Resource).some((r) => globMatch(r, bucket.arn) || bucket.accessPoints.some((ap) => globMatch(r, ap.arn)));
    if (!onThisBucket) continue;
    for (const keys of Object.values(s.Condition ?? {})) {
      for (const [key, values] of Object.entries(keys)) if (key.toLowerCase() === 's3:prefix') patterns.push(...asList(values));
    }
  }
  byBucket.set(bucket.arn, patterns);
  return patterns;
}

/**
 * The prefixes worth asking about for one bucket: the whole bucket (`''`), and the literal start
 * of every object resource and every `s3:prefix` value in the given policies that can concern it,
 * with policy variables (`home/${aws:username}/`) filled in for the principal that asks.
 */
export function candidatePrefixes(bucket: SynthesizedBucket, documents: PolicyDocument[]): (context: RequestContext) => string[] {
  const patterns = documents.flatMap((d) => patternsOf(d, bucket));
  const fixed = uniqueSortedText(['', ...patterns.filter((p) => !p.includes('${')).map(literalHead)]);
  const variable = uniqueSortedText(patterns.filter((p) => p.includes('${')));
  if (variable.length === 0) return () => [...fixed];
  return (context) => {
    const filled = variable.map((p) => fillVariables(p, context)).filter((p): p is string => p !== undefined);
    return uniqueSortedText([...fixed, ...filled.map(literalHead)]);
  };
}
