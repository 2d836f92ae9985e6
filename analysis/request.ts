/**
 * The one shape of a request to the data: a principal asks for one S3 action on a bucket, or
 * through one of its access points; an object action names a key, a listing may name a prefix.
 * The report, the proof and the differential test all ask in this shape.
 */
export interface AccessRequest {
  /** The ARN of the user or role making the request. */
  principal: string;
  action: string;
  bucket: string;
  /** Object key of an object action. */
  key?: string;
  /** `s3:prefix` of a ListBucket request; absent lists the whole bucket. */
  prefix?: string;
  /** The ARN of the access point the request goes through, if any. */
  accessPoint?: string;
  /** Defaults to true. */
  secureTransport?: boolean;
  /** When the request is made (`aws:CurrentTime`, ISO in UTC); the project's clock by default. */
  time?: string;
}
