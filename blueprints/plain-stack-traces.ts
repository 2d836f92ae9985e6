/**
 * cdktf captures a full stack trace for every token it creates, only to name where the token was
 * made if resolving it ever fails. Formatting those traces goes through whatever
 * `Error.prepareStackTrace` the host installed: with source-map-support (jest) or Node's source
 * maps (tsx), every frame of every capture is mapped back to its source, which costs about a third
 * of a synthesis. While the app is built and synthesized, traces are formatted as V8 formats them
 * by default, with the transpiled lines.
 */
export function withPlainStackTraces<T>(run: () => T): T {
  const installed = Error.prepareStackTrace;
  Error.prepareStackTrace = plainStackTrace;
  try {
    return run();
  } finally {
    Error.prepareStackTrace = installed;
  }
}

const plainStackTrace = (error: Error, frames: NodeJS.CallSite[]): string =>
  [errorHeader(error), ...frames.map((frame) => `    at ${String(frame)}`)].join('\n');

const errorHeader = (error: Error): string => {
  try {
    return String(error);
  } catch {
    return 'Error';
  }
};
