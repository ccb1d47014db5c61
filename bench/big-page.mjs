// node bench/big-page.mjs [MB] [--blank]: one page of MB megabytes (default 20), made by
// repeating the seeds (or, with --blank, of blank lines only), timed pass by pass at doubling
// sizes so that anything worse than linear shows up as a time that quadruples when the size
// doubles, with the heap in use after each size. Stops growing once a size takes over 60 s.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BLANK = process.argv.includes('--blank');
const TARGET = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 20) * 1e6;
const { resolveSteps } = await import(path.join(ROOT, 'dist/run/steps.js'));
const { createPage } = await import(path.join(ROOT, 'dist/model/page.js'));
const { finish } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { pageToJsonl } = await import(path.join(ROOT, 'dist/writers/jsonl.js'));

const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
const unit = seeds.join('\n\n');
const steps = await resolveSteps({});

function pageOf(bytes) {
  if (BLANK) return '\n'.repeat(bytes);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    parts.push(unit);
    size += Buffer.byteLength(unit) + 2;
  }
  return parts.join('\n\n');
}

let bytes = 0.5e6;
for (;;) {
  const size = Math.min(bytes, TARGET);
  const text = pageOf(size);
  const times = [];
  const t0 = performance.now();
  let page = createPage('big.txt', 'big', text);
  times.push(['createPage', performance.now() - t0]);
  for (const s of steps) {
    const t = performance.now();
    page = s.pass.run(page, s.options, { report() {} });
    times.push([s.pass.name, performance.now() - t]);
  }
  let t = performance.now();
  page = finish(page);
  const out = pageToJsonl(page);
  times.push(['finish + jsonl', performance.now() - t]);
  const total = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(`${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${page.lines.length} lines, ${page.articles.length} articles, ${(out.length / 1e6).toFixed(1)} MB out: ${(total / 1000).toFixed(2)} s, heap ${heap.toFixed(0)} MB`);
  console.log('   ' + times.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(2)}`).join(', '));
  if (size >= TARGET || total > 60000) break;
  bytes *= 2;
}
