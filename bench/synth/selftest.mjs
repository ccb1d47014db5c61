#!/usr/bin/env node
// Self-test of the generator beyond check-gold (which checks canonical text and character
// conservation, not placement): on N pages, every gold headline, subheadline, byline,
// attribution, caption, furniture string and paragraph must be findable in the page text
// once whitespace, U+FFFD and ■ are removed (NFKC, as the scorer compares), paragraphs after
// taking out the page's captions and furniture; and generation must be deterministic.
// Usage: node bench/synth/selftest.mjs [--pages N] [--seed S]
import path from 'node:path';
import { loadBanks } from './lib/bank.mjs';
import { generatePage } from './lib/page.mjs';
import { SYNTH } from './lib/corpus.mjs';

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : d; };
const N = Number(opt('pages', 300)), seed = Number(opt('seed', 1));
const bank = loadBanks(path.join(SYNTH, 'texts')).articles;
const norm = (s) => (s ?? '').normalize('NFKC').replace(/[\s\uFFFD■#\u200B\u200C\u2060\uFEFF]+/g, '');
let bad = 0;
const fail = (name, msg) => { if (bad++ < 30) console.log(`${name}: ${msg}`); };
for (let i = 0; i < N; i++) {
  const p = generatePage(seed, i, bank), q = generatePage(seed, i, bank);
  if (p.text !== q.text || JSON.stringify(p.gold) !== JSON.stringify(q.gold)) fail(p.name, 'not deterministic');
  let page = norm(p.text);
  const strings = [...p.gold.furniture];
  for (const a of p.gold.articles) strings.push(a.headline, ...a.subheadlines, a.byline, a.attribution, ...a.captions);
  for (const s of strings.filter(Boolean)) if (!page.includes(norm(s))) fail(p.name, `not on the page: ${s}`);
  // paragraphs: take captions and furniture out first (they interrupt sentences)
  const cut = [...p.gold.furniture, ...p.gold.articles.flatMap((a) => a.captions)].map(norm);
  let rest = norm(p.text.split('\n').filter((l) => !cut.includes(norm(l)) || norm(l).length > 3).join('\n'));
  for (const s of cut.filter((s) => s.length > 3).sort((x, y) => y.length - x.length)) rest = rest.replace(s, '');
  for (const a of p.gold.articles) for (const b of a.body) if (!rest.includes(norm(b.text))) fail(p.name, `paragraph not contiguous: ${b.text.slice(0, 30)}…`);
  if (p.gold.articles.length !== p.tags.articles.length) fail(p.name, 'tags and gold disagree on the article count');
}
console.log(bad ? `${bad} problems in ${N} pages` : `ok: ${N} pages`);
process.exit(bad ? 1 : 0);
