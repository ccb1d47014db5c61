#!/usr/bin/env node
// Scores `bulletin parse` on N synthesized pages with the reference scorer, then breaks the
// result down by artifact kind (tags.json), by dialect, by kind of headline error, and
// names the worst pages.
// Usage: node bench/synth/score.mjs [--pages N] [--seed S] [--bin PATH/bin/bulletin.js]
//        [--keep DIR] [--dialect mix|raw|md] [--check inproc|spawn|none] [--min N] [--split-dialect]
//        [--json | --markdown]
// The pages are kept (default: a fixed directory under os.tmpdir(), overwritten on each run;
// --keep DIR to choose it), so the worst pages it names can be opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { generateCorpus, REPO, SHARED } from './lib/corpus.mjs';
// the scorer's own definitions, from the build (`npm run synth` builds first)
const { dice, lev, norm } = await import(path.join(REPO, 'dist', 'eval', 'score.js'));

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  console.log('usage: score.mjs [--pages N] [--seed S] [--bin PATH] [--keep DIR] [--dialect mix|raw|md] [--check inproc|spawn|none] [--min N] [--split-dialect] [--json | --markdown]');
  process.exit(0);
}
const seed = Number(args.seed ?? 1), pages = Number(args.pages ?? 200);
const bin = path.resolve(args.bin ?? path.join(REPO, 'bin/bulletin.js'));
const out = path.resolve(args.keep ?? path.join(os.tmpdir(), `bulletin-synth-score-s${seed}-n${pages}${args.dialect && args.dialect !== 'mix' ? '-' + args.dialect : ''}`));
const minN = Number(args.min ?? 5);
const say = args.json || args.markdown ? () => {} : (s = '') => console.log(s);

// ---- 1. generate
const gen = await generateCorpus({ seed, pages, out, dialect: args.dialect ?? 'mix', check: args.check ?? 'inproc', ...(args.texts ? { texts: path.resolve(args.texts) } : {}), log: (m) => console.error(m) });
say(`generated ${gen.pages} pages (raw ${gen.raw}, md ${gen.md}; ${gen.articles} gold articles; seed ${seed}) in ${(gen.genMs / 1000).toFixed(2)} s -> ${out}`);
if (gen.checkMode !== 'none') say(`check-gold (${gen.checkMode}): ${gen.failures.length} failures${gen.failures.length ? ': ' + gen.failures.slice(0, 5).map((f) => path.basename(f.page)).join(' ') : ''}`);

// ---- 2. run the tool
const predPath = path.join(out, 'pred.jsonl'), errPath = path.join(out, 'parse.stderr');
const t0 = Date.now();
const code = await run(process.execPath, [bin, 'parse', gen.pagesDir, '--format', 'jsonl'], predPath, errPath);
const parseS = (Date.now() - t0) / 1000;
const errTail = fs.readFileSync(errPath, 'utf8').trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
say(`${path.relative(process.cwd(), bin) || bin} parse: exit ${code}, ${parseS.toFixed(1)} s${errTail ? ` (${errTail.replace(/^.*?bulletin: /, '')})` : ''}`);

// ---- 3. the reference scorer
const scorer = path.join(SHARED, 'tools/score.mjs');
const scoreOut = path.join(out, 'score.json');
await run(process.execPath, [scorer, '--gold', gen.goldDir, '--pred', predPath, '--inputs', gen.pagesDir, '--json'], scoreOut, path.join(out, 'score.stderr'));
const ref = JSON.parse(fs.readFileSync(scoreOut, 'utf8'));
const summaryLine = Object.entries(ref.summary).map(([k, v]) => `${k}=${v}`).join(' ');
say(summaryLine);

// ---- 4. per-article matching, the way score.mjs matches (the loop written here; norm, dice and lev from the scorer port:
// the same norm, dice, 0.3 threshold, greedy best-first one-to-one assignment, 0.9 for a good
// article, norm-equality for headline and fields, Levenshtein over normalized body text)
const stem = (p) => path.basename(String(p)).replace(/\.(txt|json|md)$/i, '');
const bodyText = (a) => (a.body ?? []).map((b) => b.text).join('');
const tagsAll = JSON.parse(fs.readFileSync(path.join(out, 'tags.json'), 'utf8')).pagesTags;
const pred = new Map();
for (const line of fs.readFileSync(predPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  let r; try { r = JSON.parse(line); } catch { continue; }
  const k = stem(r.source ?? '');
  if (!pred.has(k)) pred.set(k, { articles: [], page: null });
  if (r.type === 'page') pred.get(k).page = r; else if (r.type === 'article' || r.type === undefined) pred.get(k).articles.push(r);
}
const refPages = new Map(ref.pages.map((p) => [p.page, p]));
const recs = [], pageRecs = [];
for (const f of fs.readdirSync(gen.goldDir).filter((f) => f.endsWith('.json')).sort()) {
  const g = JSON.parse(fs.readFileSync(path.join(gen.goldDir, f), 'utf8'));
  const key = stem(g.source ?? f);
  const P = pred.get(key) ?? { articles: [], page: null };
  const T = tagsAll[key];
  const G = g.articles, A = P.articles;
  const gt = G.map((a) => norm(bodyText(a)) || norm(a.headline));
  const pt = A.map((a) => norm(bodyText(a)) || norm(a.headline));
  const pairs = [];
  for (let i = 0; i < G.length; i++) for (let j = 0; j < A.length; j++) { const s = dice(gt[i], pt[j]); if (s >= 0.3) pairs.push([s, i, j]); }
  pairs.sort((a, b) => b[0] - a[0]);
  const mg = new Map(), used = new Set();
  for (const [s, i, j] of pairs) if (!mg.has(i) && !used.has(j)) { mg.set(i, [j, s]); used.add(j); }
  const rp = refPages.get(key) ?? {};
  const pr = { page: key, dialect: T?.dialect, tags: new Set(T?.tags ?? []), g: G.length, p: A.length, good: 0, hOk: 0, fOk: 0, fN: 0, edits: 0, gLen: 0, spurious: A.length - used.size, lost: rp.lost ?? 0, extra: rp.extra ?? 0 };
  const otherHeads = new Set(G.map((a) => norm(a.headline)).filter(Boolean));
  const furn = new Set((g.furniture ?? []).map(norm));
  for (let i = 0; i < G.length; i++) {
    const ga = G[i], m = mg.get(i), pa = m ? A[m[0]] : null;
    let tags = new Set([...(T?.tags ?? []), ...(T?.articles?.[i]?.tags ?? [])]);
    if (args['split-dialect']) tags = new Set([...tags].map((t) => (t.startsWith('dialect:') ? t : `${T.dialect}/${t}`)));
    for (const t of tags) pr.tags.add(t);
    const r = { page: key, i, tags, gLen: gt[i].length, matched: !!pa, good: false, hOk: false, fOk: 0, fN: 0, edits: gt[i].length, err: null, gold: ga.headline, got: pa?.headline ?? null };
    if (pa) {
      r.good = m[1] >= 0.9;
      r.edits = lev(gt[i], pt[m[0]]);
      r.hOk = norm(ga.headline) === norm(pa.headline);
      for (const k of ['byline', 'attribution', 'section']) { r.fN++; if (norm(ga[k]) === norm(pa[k])) r.fOk++; }
      for (const k of ['subheadlines', 'captions']) { r.fN++; if (norm((ga[k] ?? []).join('|')) === norm((pa[k] ?? []).join('|'))) r.fOk++; }
    }
    r.err = r.hOk ? null : headlineError(ga, pa, otherHeads, furn);
    recs.push(r);
    pr.good += r.good; pr.hOk += r.hOk; pr.fOk += r.fOk; pr.fN += r.fN; pr.edits += r.edits; pr.gLen += r.gLen;
  }
  pageRecs.push(pr);
}

function headlineError(ga, pa, others, furn) {
  if (!pa) return 'article not found';
  const g = norm(ga.headline), p = norm(pa.headline);
  if (g && !p) return 'headline dropped (pred null)';
  if (!g && p) return others.has(p) ? 'headless article got another\'s headline' : furn.has(p) ? 'headless article got furniture' : 'headless article got a headline';
  if (others.has(p)) return 'another article\'s headline';
  if ((ga.subheadlines ?? []).some((s) => norm(s) === p)) return 'kicker/subtitle taken as headline';
  if (furn.has(p)) return 'furniture taken as headline';
  if (g.startsWith(p) || g.endsWith(p)) return 'part of the headline (broken headline?)';
  if (p.includes(g)) return 'headline joined with more text';
  return 'other text';
}

// ---- 5. consistency with the reference summary
const sum = (xs, f) => xs.reduce((s, x) => s + f(x), 0);
const own = {
  g: recs.length,
  articleR: round(sum(recs, (r) => r.good) / recs.length),
  headline: round(sum(recs, (r) => r.hOk) / recs.length),
  bodyCER: round(sum(recs, (r) => r.edits) / sum(recs, (r) => r.gLen), 4),
  fields: round(sum(recs, (r) => r.fOk) / sum(recs, (r) => r.fN)),
};
const mism = ['articleR', 'headline', 'bodyCER', 'fields'].filter((k) => Math.abs(own[k] - ref.summary[k]) > 1e-9);
if (mism.length) console.error(`warning: the per-article reimplementation disagrees with score.mjs on ${mism.map((k) => `${k} (${own[k]} vs ${ref.summary[k]})`).join(', ')}`);

// ---- 6. breakdown by artifact kind
function stats(rs, prs) {
  const n = rs.length, fN = sum(rs, (r) => r.fN), gLen = sum(rs, (r) => r.gLen);
  const o = { n, recall: n ? sum(rs, (r) => r.good) / n : 0, headline: n ? sum(rs, (r) => r.hOk) / n : 0, fields: fN ? sum(rs, (r) => r.fOk) / fN : 0, bodyCER: gLen ? sum(rs, (r) => r.edits) / gLen : 0 };
  if (prs) Object.assign(o, { pages: prs.length, spurious: sum(prs, (p) => p.spurious), lost: sum(prs, (p) => p.lost), extra: sum(prs, (p) => p.extra) });
  return o;
}
const allTags = [...new Set(recs.flatMap((r) => [...r.tags]))].sort();
const breakdown = allTags.map((t) => ({ tag: t, ...stats(recs.filter((r) => r.tags.has(t)), pageRecs.filter((p) => p.tags.has(t))) }))
  .sort((a, b) => a.headline - b.headline || b.n - a.n || a.tag.localeCompare(b.tag));
const dialects = {};
for (const d of ['raw', 'md']) {
  const prs = pageRecs.filter((p) => p.dialect === d);
  if (!prs.length) continue;
  const rs = recs.filter((r) => r.tags.has(`dialect:${d}`));
  const P = sum(prs, (p) => p.p), G = sum(prs, (p) => p.g), good = sum(prs, (p) => p.good);
  const ap = P ? good / P : 0, ar = G ? good / G : 0;
  dialects[d] = { pages: prs.length, articles: G, articleP: round(ap), articleR: round(ar), articleF1: round(ap + ar ? (2 * ap * ar) / (ap + ar) : 0), ...Object.fromEntries(Object.entries(stats(rs, prs)).filter(([k]) => !['n', 'recall', 'pages'].includes(k)).map(([k, v]) => [k, round(v, k === 'bodyCER' ? 4 : 3)])) };
}
const errKinds = {};
for (const r of recs) if (r.err) {
  const pos = [...r.tags].find((t) => /^headline:(before|after|top-list|far|none)$/.test(t)) ?? 'headline:?';
  errKinds[r.err] ??= { total: 0 };
  errKinds[r.err].total++;
  errKinds[r.err][pos] = (errKinds[r.err][pos] ?? 0) + 1;
}
const badness = (p) => (p.g - p.good) + (p.g - p.hOk) + p.spurious + (p.fN - p.fOk) * 0.25 + (p.gLen ? (10 * p.edits) / p.gLen : 0) + (p.lost + p.extra > 0 ? 1 : 0);
const worst = pageRecs.slice().sort((a, b) => badness(b) - badness(a) || a.page.localeCompare(b.page)).slice(0, 10).map((p) => ({
  page: p.page, dialect: p.dialect, gold: p.g, pred: p.p, good: p.good, headline: `${p.hOk}/${p.g}`, spurious: p.spurious,
  cer: round(p.gLen ? p.edits / p.gLen : 0, 4), lost: p.lost, extra: p.extra, file: path.join(gen.pagesDir, `${p.page}.txt`),
  errors: recs.filter((r) => r.page === p.page && r.err).map((r) => `${r.err}: gold «${r.gold ?? '—'}» pred «${r.got ?? '—'}»`),
}));

if (args.markdown) {
  // the same numbers as Markdown tables, for a README
  console.log(`\`${summaryLine}\`\n`);
  console.log('| dialect | pages | articles | articleP | articleR | articleF1 | headline | fields | bodyCER | spurious | lost | extra |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [d, x] of Object.entries(dialects)) console.log(`| ${d} | ${x.pages} | ${x.articles} | ${x.articleP} | ${x.articleR} | ${x.articleF1} | ${x.headline} | ${x.fields} | ${x.bodyCER} | ${x.spurious} | ${x.lost} | ${x.extra} |`);
  console.log('\n| artifact kind | gold articles | recall | headline | fields | bodyCER | pages | spurious |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const b of breakdown.filter((b) => b.n >= minN)) console.log(`| \`${b.tag}\` | ${b.n} | ${f3(b.recall)} | ${f3(b.headline)} | ${f3(b.fields)} | ${b.bodyCER.toFixed(4)} | ${b.pages} | ${b.spurious} |`);
  console.log('\n| wrong headline: kind | n | by placement |');
  console.log('| --- | ---: | --- |');
  for (const [k, v] of Object.entries(errKinds).sort((a, b) => b[1].total - a[1].total)) {
    const { total, ...byPos } = v;
    console.log(`| ${k} | ${total} | ${Object.entries(byPos).sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p.replace('headline:', '')} ${n}`).join(', ')} |`);
  }
} else if (args.json) {
  console.log(JSON.stringify({ seed, pages, out, bin, parse: { exit: code, seconds: parseS }, checkGold: { mode: gen.checkMode, failures: gen.failures.map((f) => path.basename(f.page)) }, summary: ref.summary, dialects, breakdown: breakdown.map((b) => roundAll(b)), headlineErrors: errKinds, worst }, null, 1));
} else {
  say('');
  say('by dialect:');
  for (const [d, s] of Object.entries(dialects)) say(`  ${d.padEnd(4)} ${Object.entries(s).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  say('');
  say(`by artifact kind (gold articles carrying the tag, article's own tags plus its page's; worst headline first; n < ${minN} left out):`);
  const rows = breakdown.filter((b) => b.n >= minN);
  const W = Math.max(...rows.map((b) => b.tag.length), 10);
  say(`  ${'tag'.padEnd(W)}  ${'n'.padStart(5)}  recall  headline  fields  bodyCER  ${'pages'.padStart(5)}  spurious  ${'lost'.padStart(5)}  ${'extra'.padStart(5)}`);
  for (const b of rows) say(`  ${b.tag.padEnd(W)}  ${String(b.n).padStart(5)}  ${f3(b.recall).padStart(6)}  ${f3(b.headline).padStart(8)}  ${f3(b.fields).padStart(6)}  ${b.bodyCER.toFixed(4).padStart(7)}  ${String(b.pages).padStart(5)}  ${String(b.spurious).padStart(8)}  ${String(b.lost).padStart(5)}  ${String(b.extra).padStart(5)}`);
  say('');
  say('wrong headlines by kind of error (and by where the headline was printed):');
  for (const [k, v] of Object.entries(errKinds).sort((a, b) => b[1].total - a[1].total)) {
    const { total, ...byPos } = v;
    say(`  ${String(total).padStart(5)}  ${k}  (${Object.entries(byPos).sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p.replace('headline:', '')} ${n}`).join(', ')})`);
  }
  say('');
  say('10 worst pages:');
  for (const w of worst) {
    say(`  ${w.file}  ${w.dialect} gold ${w.gold} pred ${w.pred} good ${w.good} headline ${w.headline} spurious ${w.spurious} CER ${w.cer} lost ${w.lost} extra ${w.extra}`);
    for (const e of w.errors.slice(0, 4)) say(`      ${e}`);
  }
  say('');
  say(`gold: ${gen.goldDir}  tags: ${path.join(out, 'tags.json')}  predictions: ${predPath}`);
}
process.exit(gen.failures.length ? 1 : code === 0 ? 0 : 2);

// ---- helpers
function run(cmd, argv, stdoutPath, stderrPath) {
  return new Promise((resolve) => {
    const o = fs.openSync(stdoutPath, 'w'), e = fs.openSync(stderrPath, 'w');
    const ch = spawn(cmd, argv, { stdio: ['ignore', o, e] });
    ch.on('close', (c) => { fs.closeSync(o); fs.closeSync(e); resolve(c); });
    ch.on('error', (err) => { fs.writeSync(e, String(err)); fs.closeSync(o); fs.closeSync(e); resolve(127); });
  });
}
function round(x, d = 3) { return Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : 0; }
function roundAll(o) { return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v, k === 'bodyCER' ? 4 : 3) : v])); }
function f3(x) { return x.toFixed(3); }
function parseArgs(v) {
  const o = {};
  for (let i = 0; i < v.length; i++) {
    const k = v[i].replace(/^--/, '');
    if (['json', 'markdown', 'help', 'h', 'split-dialect'].includes(k)) o[k === 'h' ? 'help' : k] = true;
    else if (k.includes('=')) { const [a, b] = k.split('='); o[a] = b; }
    else o[k] = v[++i];
  }
  return o;
}
