/**
 * Imported first by the synthesis command line. tsx turns Node's source maps on, and Node then
 * reads the source map of every module it loads: off, the command is about 7% faster. The trace of
 * an internal error then names positions in tsx's transpiled code; run the command with
 * `node --enable-source-maps` to have it name the source lines.
 */
if (!process.execArgv.includes('--enable-source-maps')) process.setSourceMapsEnabled(false);
