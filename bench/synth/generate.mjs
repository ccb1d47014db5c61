#!/usr/bin/env node
// Layout synthesizer: lays the text banks (texts/*.json) out as pages of both dialects,
// with gold answers, deterministically from a seed. See README.md.
// Usage: node bench/synth/generate.mjs [--seed N] [--pages K] [--out DIR] [--dialect mix|raw|md]
//        [--check inproc|spawn|none] [--texts DIR] [--show NAME]
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './lib/corpus.mjs';

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log('usage: generate.mjs [--seed N] [--pages K] [--out DIR] [--dialect mix|raw|md] [--check inproc|spawn|none] [--texts DIR]');
  process.exit(0);
}
const seed = Number(args.seed ?? 1), pages = Number(args.pages ?? 100);
const out = path.resolve(args.out ?? path.join(os.tmpdir(), `bulletin-synth-s${seed}-n${pages}`));
const r = await generateCorpus({
  seed, pages, out, dialect: args.dialect ?? 'mix', check: args.check ?? 'inproc',
  ...(args.texts ? { texts: path.resolve(args.texts) } : {}),
  log: (m) => console.error(m),
});
for (const f of r.failures.slice(0, 20)) console.error(`check-gold FAILED ${path.basename(f.page)}:\n${f.output.split('\n').map((l) => '  ' + l).join('\n')}`);
const bankN = r.bank.sources.map((s) => `${s.file} ${s.articles}/${s.of}`).join(', ');
console.log(`generated ${r.pages} pages (raw ${r.raw}, md ${r.md}; ${r.articles} articles) from ${bankN} in ${(r.genMs / 1000).toFixed(2)} s -> ${r.out}`);
if (r.checkMode !== 'none') console.log(`check-gold (${r.checkMode}): ${r.pages - r.failures.length}/${r.pages} ok, ${r.failures.length} failures, ${(r.checkMs / 1000).toFixed(2)} s`);
process.exit(r.failures.length ? 1 : 0);

function parseArgs(v) {
  const o = {};
  for (let i = 0; i < v.length; i++) {
    const k = v[i].replace(/^--/, '');
    if (k === 'help' || k === 'h') o.help = true;
    else if (k.includes('=')) { const [a, b] = k.split('='); o[a] = b; }
    else o[k] = v[++i];
  }
  return o;
}
