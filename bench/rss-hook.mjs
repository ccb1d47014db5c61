// Loaded with --import into a benchmarked process: records its peak RSS and CPU time (all
// threads) on exit. CPU time matters on a shared machine, where wall time also measures the
// neighbours.
import fs from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
});
