/**
 * Preloaded into a measured process (`node --require`): reports its peak memory on exit, on
 * stderr as `bench-usage maxrss-kb=<n>`.
 */
process.on('exit', () => {
  process.stderr.write(`\nbench-usage maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
