#!/usr/bin/env node
// Self-test of the generator beyond check-gold (which checks canonical text and character
// conservation, not placement): on N pages, every gold headline, subheadline, byline,
// attribution, caption, furniture string and paragraph must be findable in the page text
// once whitespace, U+FFFD and ■ are removed (NFKC, as the scorer compares), paragraphs after
// taking out the page's captions and furniture; and generation must be deterministic.
// Then the headline forms of lib/forms.mjs are checked for the shape they must have on the
// page (the printed lines around each such article), and each must occur in N ≥ 300 pages.
// Usage: node bench/synth/selftest.mjs [--pages N] [--seed S]
import path from 'node:path';
import { loadBanks } from './lib/bank.mjs';
import { generatePage } from './lib/page.mjs';
import { SYNTH } from './lib/corpus.mjs';
import { widthOf } from './lib/text.mjs';

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : d; };
const N = Number(opt('pages', 300)), seed = Number(opt('seed', 1));
const bank = loadBanks(path.join(SYNTH, 'texts')).articles;
const norm = (s) => (s ?? '').normalize('NFKC').replace(/[\s\uFFFD■#\u200B\u200C\u2060\uFEFF]+/g, '');
let bad = 0;
const FORMS = ['kicker:md-deeper', 'headline:md-split', 'headline:short', 'label:above-headline', 'group:comma', 'group:narrow'];
const seen = {};
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
  p.gold.articles.forEach((a, i) => checkForms(p, a, p.tags.articles[i].tags));
}
for (const t of FORMS) if (N >= 300 && !seen[t]) fail('corpus', `no article with the form ${t} in ${N} pages`);
console.log(FORMS.map((t) => `${t} ${seen[t] ?? 0}`).join(', '));

function checkForms(p, a, tags) {
  const mine = FORMS.filter((t) => tags.includes(t));
  if (!mine.length) return;
  for (const t of mine) seen[t] = (seen[t] ?? 0) + 1;
  const lines = p.text.split('\n');
  const heading = (l) => /^(#+) (.*)$/.exec(l ?? '');
  const nonBlank = (k, step) => { for (k += step; k >= 0 && k < lines.length; k += step) if (lines[k].trim()) return k; return -1; };
  const marked = (s) => /^——|(——|：)$/.test(s);
  const bad = (msg) => fail(p.name, `${mine.join('+')} ${a.headline}: ${msg}`);
  if (tags.includes('kicker:md-deeper')) {
    const h = lines.findIndex((l) => heading(l) && norm(heading(l)[2]) === norm(a.headline));
    const k = nonBlank(h, -1);
    if (h < 0 || !heading(lines[k]) || heading(lines[k])[1].length <= heading(lines[h])[1].length) return bad('no deeper heading right above the headline');
    if (norm(heading(lines[k])[2]) !== norm(a.subheadlines[0]) || marked(a.subheadlines[0])) return bad('the deeper heading is not the unmarked kicker, subheadlines[0]');
  }
  if (tags.includes('headline:md-split')) {
    const h = lines.findIndex((l, k) => heading(l) && heading(lines[nonBlank(k, 1)]) && norm(heading(l)[2] + heading(lines[nonBlank(k, 1)])[2]) === norm(a.headline));
    if (h < 0 || heading(lines[h])[1] !== heading(lines[nonBlank(h, 1)])[1]) return bad('not two headings of one level');
  }
  if (tags.includes('headline:short')) {
    const n = [...a.headline].length;
    const h = lines.findIndex((l) => heading(l) && heading(l)[2].replace(/ /g, '') === a.headline);
    const s = nonBlank(h, 1), sub = a.subheadlines[a.subheadlines.length - 1];
    if (n < 3 || n > 7 || h < 0) return bad('no short (3–7) headline heading');
    if (!heading(lines[s]) || heading(lines[s])[1].length !== heading(lines[h])[1].length + 1 || norm(heading(lines[s])[2]) !== norm(sub) || /^——/.test(sub)) return bad('no unmarked subtitle one level deeper under it');
    if (tags.includes('short:kicker') !== (a.subheadlines.length === 2)) return bad('kicker tag and subheadlines disagree');
    if (tags.includes('short:kicker') && (heading(lines[nonBlank(h, -1)]) || norm(lines[nonBlank(h, -1)]) !== norm(a.subheadlines[0]) || !/：$/.test(a.subheadlines[0]))) return bad('no plain kicker line ending in ： above it');
    if (tags.includes('short:letter-spaced') !== / /.test(heading(lines[h])[2])) return bad('letter-spacing tag and page disagree');
  }
  if (tags.includes('label:above-headline')) {
    const label = p.gold.furniture[0] ?? '';
    if (lines[0].trim() !== label || label.length < 2 || label.length > 4) return bad(`the first line is not the 2–4 character label ${label}`);
    if (p.gold.articles[0] !== a || !lines[1].trim() || !norm(a.headline).startsWith(norm(lines[1]))) return bad('the first headline does not start on the second line');
  }
  if (tags.includes('group:comma') || tags.includes('group:narrow')) {
    // the group: a run of non-blank lines [kicker] headline [subtitle] between blanks, with
    // the previous article's end above and the lead marker on the line right below
    const want = [tags.includes('kicker') && a.subheadlines[0], a.headline, tags.includes('subtitle') && a.subheadlines[a.subheadlines.length - 1]].filter(Boolean);
    const g = lines.findIndex((l, k) => (k === 0 || !lines[k - 1].trim()) && want.every((w, j) => norm(lines[k + j]) === norm(w)) && !lines[k + want.length].trim());
    if (g <= 0 || nonBlank(g, -1) < 0) return bad('no group between blanks after the previous article');
    const lead = nonBlank(g + want.length - 1, 1);
    if (lead !== g + want.length + 1 || !lines[lead].startsWith('\uFFFD \uFFFD')) return bad('the lead marker is not right below the group');
    if (a.subheadlines.some(marked)) return bad('a kicker or subtitle carries a mark');
    if (tags.includes('group:comma') !== a.headline.includes('，')) return bad('comma tag and headline disagree');
    if (tags.includes('group:narrow')) {
      const body = []; for (let k = lead; k < lines.length && lines[k].trim(); k++) body.push(lines[k].replace(/^\uFFFD \uFFFD /, ''));
      const column = Math.max(...body.map(widthOf));
      if (want.length < 2) return bad('a narrow group of one line');
      if (body.length >= 3 && want.some((w, j) => widthOf(lines[g + j]) >= column)) return bad(`a group line is not narrower than the column (${column})`);
    }
  }
}

console.log(bad ? `${bad} problems in ${N} pages` : `ok: ${N} pages`);
process.exit(bad ? 1 : 0);
