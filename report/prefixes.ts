import type { PolicyDocument } from '../core/model';
import { asList } from '../core/policy/document';
import type { SynthesizedBucket } from './buckets';
import { globMatch, literalHead } from './static-iam/glob';
import { uniqueSortedText } from './order';

/**
 * The prefixes worth asking about for one bucket: the whole bucket (`''`), and the literal start
 * of every object resource and every `s3:prefix` value in the given policies that can concern it.
 */
export function candidatePrefixes(bucket: SynthesizedBucket, documents: PolicyDocument[]): string[] {
  const prefixes = [''];
  const objectPrefix = (resource: string): string | undefined => {
    const onBucket = /^arn:[^:]*:s3:::([^/]*)\/(.*)$/.exec(resource);
    if (onBucket && globMatch(onBucket[1], bucket.name)) return literalHead(onBucket[2]);
    const onAccessPoint = /^arn:[^:]*:s3:[^:]*:[^:]*:accesspoint\/([^/]*)\/object\/(.*)$/.exec(resource);
    if (onAccessPoint && bucket.accessPoints.some((ap) => globMatch(onAccessPoint[1], ap.name))) return literalHead(onAccessPoint[2]);
    return undefined;
  };
  for (const document of documents) {
    for (const s of document.Statement) {
      for (const resource of asList(s.Resource)) {
        const prefix = objectPrefix(resource);
        if (prefix !== undefined) prefixes.push(prefix);
      }
      const onThisBucket = asList(s.Resource).some((r) => globMatch(r, bucket.arn) || bucket.accessPoints.some((ap) => globMatch(r, ap.arn)));
      if (!onThisBucket) continue;
      for (const keys of Object.values(s.Condition ?? {})) {
        for (const [key, values] of Object.entries(keys)) if (key.toLowerCase() === 's3:prefix') prefixes.push(...asList(values).map(literalHead));
      }
    }
  }
  return uniqueSortedText(prefixes);
}
