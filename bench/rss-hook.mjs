// Loaded with --import into a benchmarked process: records its peak RSS (all threads) on exit.
import fs from 'node:fs';
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
