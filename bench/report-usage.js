// Preloaded into a measured process (`node --require`, plain JavaScript so that it needs no
// transpiler): reports the process's peak memory on exit, as `bench-usage maxrss-kb=<n>`.
process.on('exit', () => {
  process.stderr.write(`\nbench-usage maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
