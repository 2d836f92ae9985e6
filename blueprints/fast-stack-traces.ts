/**
 * Imported first by the synthesis command line. tsx turns Node's source maps on, and Node then
 * reads the source map of every module it loads and maps the frames of every stack trace through
 * them. The synthesis formats cdktf's own traces plainly (plain-stack-traces.ts); without source
 * maps the command also loads faster (about 7% of a synthesis of 1,000 users). The traces of an
 * internal error name the transpiled lines, which tsx keeps next to the source lines.
 */
process.setSourceMapsEnabled(false);
