/**
 * cdktf captures a full stack trace for every token it creates (tens of thousands in a large
 * organisation), only to name where a token was made if resolving it ever fails. Here those
 * traces would name cdktf's own resolver and positions in tsx's transpiled code, and they cost
 * about a third of a synthesis where the host maps stack frames to sources (jest's
 * source-map-support, tsx's source maps) and about a seventh where it does not (5,000 users).
 * So while the app is built and synthesized, traces captured and read at once are empty. V8
 * formats an error's trace when it is first read: an error thrown out of the synthesis is
 * formatted afterwards, with its whole trace.
 */
export function withoutCapturedTraces<T>(run: () => T): T {
  const installed = Error.prepareStackTrace;
  Error.prepareStackTrace = noTrace;
  try {
    return run();
  } finally {
    Error.prepareStackTrace = installed;
  }
}

const noTrace = (): string => '';
