/**
 * Imported first by the synthesis command line. cdktf captures a full stack trace for every token
 * it creates; with source maps enabled (tsx enables them) every capture maps each frame through
 * them, which costs about a third of a synthesis. Without them, the traces of an internal error
 * name the transpiled lines, which tsx keeps next to the source lines.
 */
process.setSourceMapsEnabled(false);
