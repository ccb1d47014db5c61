#!/usr/bin/env node
// What a no-op re-run costs: builds a corpus of N pages (default 20000) from the seed pages,
// each made unique by a trailing line, parses it once, then times `bulletin parse` again with
// nothing changed, and once more after one page changed.
// Usage: node bench/noop.mjs [--pages N] [--dir DIR]   (DIR is kept, so a second call builds nothing)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'bulletin.js');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const N = Number(arg('--pages', '20000'));
const dir = path.resolve(arg('--dir', path.join(os.tmpdir(), `bulletin-noop-${N}`)));
const inDir = path.join(dir, 'pages');

const run = (...args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'parse', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`bulletin ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { s, stderr: r.stderr.trim() };
};

if (!fs.existsSync(inDir)) {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
  for (let i = 0; i < N; i++) {
    const sub = path.join(inDir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `p${String(i).padStart(6, '0')}.txt`), `${seeds[i % seeds.length]}\n第${i}期\n`);
  }
}
// a full build when the corpus is new or was made by other code, else already a no-op
const first = run('pages', '-o', 'corpus', '-q');
console.log(`build of ${N} pages: ${first.s.toFixed(1)} s`);

const times = [];
for (let i = 0; i < 5; i++) times.push(run('pages', '-o', 'corpus').s);
times.sort((a, b) => a - b);
console.log(`no-op re-run over ${N} pages: median ${times[2].toFixed(2)} s, min ${times[0].toFixed(2)} s, max ${times[4].toFixed(2)} s`);
const check = run('pages', '-o', 'corpus', '--check');
console.log(`--check over ${N} pages (hashes every output file too): ${check.s.toFixed(2)} s`);

const one = path.join(inDir, '000', 'p000000.txt');
fs.appendFileSync(one, '补记\n');
const changed = run('pages', '-o', 'corpus');
console.log(`re-run after one page changed: ${changed.s.toFixed(2)} s (${changed.stderr.split('\n').pop()})`);
