import type { AccessRequest } from '../analysis/request';

/** One request and what must happen to it. The organisation says what to ask; cdktf.out answers. */
export interface Expectation extends AccessRequest {
  /** Proofs of declared grants must be allowed; probes must be refused. */
  expect: 'allow' | 'deny';
  /** The id of the grant a proof belongs to. */
  grant?: string;
  /** What it shows, in words: the grant it proves or the probe's intent. */
  about: string;
}
