// npm run bench [-- --keep] [-- --generate-only]: builds a synthetic corpus of BENCH_PAGES pages
// (default 20,000) from seeds/ in a temporary directory under BENCH_DIR (default the system's
// temporary directory), and times `bulletin parse` against a floor. --keep leaves the directory
// and prints its path; --generate-only builds the corpus and stops (it implies --keep).
// BENCH_COMPARE=DIR: also time (a) with the bulletin of another built checkout (a build an issue
// starts from, say), the two interleaved BENCH_ROUNDS times (default 3), and print the ratio of
// their medians: the way to hold a change to a speed budget on a shared, noisy machine.
// BENCH_SETTLE=S: first wait at most S seconds (default 360) for the file system to be quick
// at creating files again after deletions made before the bench (see settle).
//
// Pages are the seeds perturbed — blocks shuffled, raw columns re-wrapped to other widths —
// so no two are byte-identical and the passes see varied shapes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = Number(process.env.BENCH_PAGES ?? 20000);
const PAGE_BYTES = 4000;
const JOBS = process.env.BENCH_JOBS;
const GENERATE_ONLY = process.argv.includes('--generate-only');
const KEEP = GENERATE_ONLY || process.argv.includes('--keep');

/** mulberry32: a seeded generator, so every bench run parses the same corpus. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadSeeds() {
  const dir = path.join(ROOT, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const lines = text.split('\n');
    const nonEmpty = lines.filter((l) => l.trim());
    const avg = nonEmpty.reduce((s, l) => s + [...l].length, 0) / Math.max(1, nonEmpty.length);
    const raw = avg < 25;
    // Blocks separated by blank lines; the first block (headlines at the top) stays first.
    const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').filter((l) => l.trim() !== ''))
      .filter((b) => b.length);
    return { raw, head: blocks[0], rest: blocks.slice(1) };
  });
}

function rewrap(lines, width) {
  const chars = [...lines.join('')];
  const out = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

function makePage(seed, rand) {
  const rest = [...seed.rest];
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  const width = 8 + Math.floor(rand() * 8);
  const blocks = [seed.head];
  let size = seed.head.join('\n').length * 3;
  for (const b of rest) {
    if (size > PAGE_BYTES) break;
    // Headline-like single short lines keep their shape; column text is re-wrapped.
    const block = seed.raw && b.length > 2 ? rewrap(b, width) : b;
    blocks.push(block);
    size += Buffer.byteLength(block.join('\n'));
  }
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}

function generate(dir) {
  const seeds = loadSeeds();
  const rand = rng(20240601);
  let bytes = 0;
  for (let i = 0; i < PAGES; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    const text = makePage(seeds[i % seeds.length], rand);
    fs.writeFileSync(path.join(sub, `p${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function timed(label, args, { stdout = 'ignore' } = {}) {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${label.slice(1, 2)}`);
  const hook = pathToFileURL(path.join(ROOT, 'bench', 'rss-hook.mjs')).href;
  const t0 = performance.now();
  // the CLI runs as a user runs it, through its own shebang; the floor script through node
  const [file, ...rest] = args;
  const viaShebang = file.endsWith(path.join('bin', 'bulletin.js'));
  const r = spawnSync(viaShebang ? file : process.execPath, viaShebang ? rest : args, {
    cwd: ROOT,
    stdio: ['ignore', stdout, 'pipe'],
    env: { ...process.env, NODE_OPTIONS: `--import=${hook}`, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(`${label}: exit ${r.status}\n${r.stderr}\n`);
    process.exit(1);
  }
  const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { label, seconds, rssMb: usage.maxRSS / 1024, cpu: usage.cpu };
}

/** Writes whatever the kernel holds for the disk (`sync`), where the command exists. */
const flushToDisk = () => spawnSync('sync', { stdio: 'ignore' });

/**
 * Microseconds to create a file or a directory under `dir`: 100 directories of 10 empty files,
 * spread over the disk as (b) spreads its page directories (left in place: removing them would
 * slow what follows).
 */
function creationCost(dir) {
  const t0 = performance.now();
  let made = 0;
  for (let d = 0; d < 100; d++) {
    const sub = path.join(dir, String(d));
    fs.mkdirSync(sub, { recursive: true });
    for (let i = 0; i < 10; i++) fs.closeSync(fs.openSync(path.join(sub, `f${i}`), 'w'));
    made += 11;
  }
  return ((performance.now() - t0) * 1000) / made;
}

/**
 * ext4 mounted without a journal will not reuse a freed inode for a minute (five while the
 * deletion is not yet on disk), and scans past every such inode for each one it creates. For a
 * while after many files were deleted (a test run, an earlier bench's clean-up), creating one
 * costs up to a millisecond instead of 15-25 µs, and (b), which creates some 140,000, measures
 * that. So the bench first flushes the disk and waits until creating a file is cheap again,
 * for at most BENCH_SETTLE seconds (default 360; 0 not to wait), and says how long it waited.
 * The probe is a sample: (b) may still meet freed inodes it did not, and a run soon after a
 * large deletion (an earlier bench's) can still be slow.
 */
function settle(dir, limit = Number(process.env.BENCH_SETTLE ?? 360)) {
  const t0 = performance.now();
  flushToDisk();
  let cost = creationCost(path.join(dir, '0'));
  for (let k = 1; cost > SETTLED_US && (performance.now() - t0) / 1000 < limit; k++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    flushToDisk();
    cost = creationCost(path.join(dir, String(k)));
  }
  return { cost, waited: (performance.now() - t0) / 1000 };
}
const SETTLED_US = 25;

const tmp = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'bulletin-bench-'));
try {
  const pages = path.join(tmp, 'pages');
  const fsState = GENERATE_ONLY ? null : settle(path.join(tmp, 'probe'));
  const g0 = performance.now();
  const bytes = generate(pages);
  const generated = (performance.now() - g0) / 1000;
  // The corpus just written is still in the page cache, dirty: flushed now, so that the kernel
  // writing it back (some 30 s later, by default) does not land in one of the timed runs.
  const s0 = performance.now();
  flushToDisk();
  const flushed = (performance.now() - s0) / 1000;
  const mb = bytes / 1e6;
  console.log(`corpus: ${PAGES} pages, ${mb.toFixed(1)} MB, generated in ${generated.toFixed(1)} s, flushed to disk in ${flushed.toFixed(1)} s; ${os.availableParallelism()} cores${JOBS ? `, --jobs ${JOBS}` : ''}`);
  if (GENERATE_ONLY) {
    console.log(`corpus kept in ${pages}`);
    process.exit(0);
  }
  const bin = path.join(ROOT, 'bin', 'bulletin.js');
  const jobs = JOBS ? ['--jobs', JOBS] : [];
  const load0 = os.loadavg()[0].toFixed(2);
  // (a) and (c) run back to back, so that the ratio compares them under the same conditions;
  // (b) last, since the files it writes keep the disk busy for a while after it exits.
  // Both timed runs read the corpus from the page cache: an untimed run of the floor puts it
  // there, with node's own files. These machines reclaim pages left alone for a minute or so,
  // and (a), timed first, could read the whole corpus from disk where (c) then found it cached.
  const floor = path.join(ROOT, 'bench', 'floor.mjs');
  spawnSync(process.execPath, [floor, pages], { stdio: 'ignore' });
  const a = timed('(a) parse --format jsonl > /dev/null', [bin, 'parse', pages, '--format', 'jsonl', '-q', ...jobs]);
  const c = timed('(c) floor: read, split, one JSON line', [floor, pages]);
  const b = timed('(b) parse --out DIR (json + md)', [bin, 'parse', pages, '--out', path.join(tmp, 'out'), '-q', ...jobs]);
  const runs = [a, b, c];
  const compare = process.env.BENCH_COMPARE;
  if (compare) {
    const other = path.join(path.resolve(compare), 'bin', 'bulletin.js');
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const mine = [a.seconds];
    const theirs = [];
    for (let i = 0; i < rounds; i++) {
      theirs.push(timed(`(a') ${compare}`, [other, 'parse', pages, '--format', 'jsonl', '-q', ...jobs]).seconds);
      if (i + 1 < rounds) mine.push(timed('(a) again', [bin, 'parse', pages, '--format', 'jsonl', '-q', ...jobs]).seconds);
    }
    const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    console.log(`(a) this build, median of ${mine.length}: ${median(mine).toFixed(2)} s (${mine.map((x) => x.toFixed(2)).join(', ')})`);
    console.log(`(a') ${compare}, median of ${theirs.length}: ${median(theirs).toFixed(2)} s (${theirs.map((x) => x.toFixed(2)).join(', ')})`);
    console.log(`ratio (a)/(a'): ${(median(mine) / median(theirs)).toFixed(3)}`);
  }
  for (const r of runs) {
    console.log(
      `${r.label.padEnd(40)} ${r.seconds.toFixed(2).padStart(6)} s  ${(mb / r.seconds).toFixed(1).padStart(6)} MB/s  ` +
        `${Math.round(PAGES / r.seconds).toString().padStart(6)} pages/s  peak RSS ${r.rssMb.toFixed(0)} MB  CPU ${r.cpu.toFixed(1)} s`,
    );
  }
  console.log(`ratio (a)/(c): ${(a.seconds / c.seconds).toFixed(2)}`);
  console.log(
    `file system: creating a file took ${fsState.cost.toFixed(0)} µs before the corpus was made` +
      (fsState.waited >= 5 ? `, after waiting ${fsState.waited.toFixed(0)} s for files deleted before the bench to age (settle in bench/run.mjs)` : ''),
  );
  console.log(`load average before/after: ${load0} / ${os.loadavg()[0].toFixed(2)} (other processes share these cores)`);
} finally {
  if (KEEP) console.log(`kept: ${tmp}`);
  else {
    fs.rmSync(tmp, { recursive: true, force: true });
    // Freed inodes are skipped, slowly, by ext4 without a journal for one minute after the
    // deletion is on disk and five while it is not: flushed now, a bench run soon after this
    // one meets fewer of them in (b). See the last line the bench prints.
    flushToDisk();
  }
}
