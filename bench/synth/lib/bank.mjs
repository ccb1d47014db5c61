// Loads the text banks (every *.json in ../texts), normalises the few forms a writer may
// reasonably vary (a "■ " on a byline, brackets around a source note or credit, string
// keys of subheads), and rejects any article whose text is not canonical by OUTPUT.md,
// since the gold is built from it verbatim.
import fs from 'node:fs';
import path from 'node:path';
import { canonProblems, CJKP } from './text.mjs';

const strip = (s) => (typeof s === 'string' ? s.trim() : s);
const orNull = (s) => (typeof s === 'string' && s.trim() ? s.trim() : null);
const unbracket = (s) => {
  if (!s) return s;
  const m = /^[（(](.*)[）)]$/.exec(s);
  return m ? m[1].trim() : s;
};

export function loadBanks(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const articles = [], rejected = [], sources = [], canonicalized = [];
  for (const f of files) {
    let data;
    try { data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); }
    catch (e) { rejected.push({ file: f, id: null, problems: [`unreadable JSON: ${e.message}`] }); continue; }
    const list = Array.isArray(data) ? data : Array.isArray(data?.articles) ? data.articles : [];
    let n = 0;
    for (const [i, a0] of list.entries()) {
      const a = normalise(a0, f, i);
      const problems = vet(a);
      if (problems.length) { rejected.push({ file: f, id: a.id, problems }); continue; }
      if (a.canonicalized.length) canonicalized.push({ id: a.id, fields: a.canonicalized });
      articles.push(a); n++;
    }
    sources.push({ file: f, articles: n, of: list.length });
  }
  return { articles, rejected, sources, canonicalized };
}

/**
 * The canonical form of a writer's string, by rules 2 and 5 of OUTPUT.md only (spaces next
 * to CJK punctuation or between CJK and ASCII letters/digits go; half-width , ; : ( ) ? !
 * next to CJK text become full-width; full-width ASCII letters/digits become ASCII). A
 * writer's "“适老扶手” 三千户" is kept as the printed form, and its canonical form
 * "“适老扶手”三千户" goes to the gold.
 */
const HW = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
export function canonicalize(s) {
  if (typeof s !== 'string') return s;
  let t = s.replace(/[\s\u3000]+/g, ' ').trim();
  t = t.replace(/[\uFF10-\uFF19\uFF21-\uFF3a\uFF41-\uFF5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const P = `[${CJKP}]`;
  t = t.replace(new RegExp(` +(?=${P})|(?<=${P}) +`, 'g'), '');
  t = t.replace(/(?<=\p{Script=Han}) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=\p{Script=Han})/gu, '');
  const side = /[\p{Script=Han}，。、；：？！“”‘’《》（）…—·]/u;
  const g = [...t];
  for (let i = 0; i < g.length; i++) if (HW[g[i]] && (side.test(g[i - 1] ?? '') || side.test(g[i + 1] ?? ''))) g[i] = HW[g[i]];
  return g.join('');
}

function normalise(a0, file, i) {
  const a = normaliseRaw(a0, file, i);
  a.print = {};
  a.canonicalized = [];
  for (const k of ['headline', 'kicker', 'subtitle', 'byline', 'dateline', 'attribution', 'credit']) {
    if (!a[k]) continue;
    const c = canonicalize(a[k]);
    if (c !== a[k]) { a.canonicalized.push(k); if (['headline', 'kicker', 'subtitle'].includes(k)) a.print[k] = a[k].replace(/\s+/g, ' '); a[k] = c; }
  }
  a.paragraphs = a.paragraphs.map((p, j) => { const c = canonicalize(p); if (c !== p) a.canonicalized.push(`paragraphs[${j}]`); return c; });
  a.captions = a.captions.map((p, j) => { const c = canonicalize(p); if (c !== p) a.canonicalized.push(`captions[${j}]`); return c; });
  for (const k of Object.keys(a.subheads)) { const c = canonicalize(a.subheads[k]); if (c !== a.subheads[k]) a.canonicalized.push(`subheads[${k}]`); a.subheads[k] = c; }
  return a;
}

function normaliseRaw(a, file, i) {
  const subheads = {};
  if (a?.subheads && typeof a.subheads === 'object') {
    for (const [k, v] of Object.entries(a.subheads)) if (orNull(v) && Number.isInteger(Number(k))) subheads[Number(k)] = v.trim();
  }
  let byline = orNull(a?.byline);
  if (byline) byline = byline.replace(/^■\s*/, '').trim() || null;
  return {
    id: `${file.replace(/\.json$/, '')}:${a?.id ?? i}`,
    headline: orNull(a?.headline),
    kicker: orNull(a?.kicker),
    subtitle: orNull(a?.subtitle),
    byline,
    dateline: orNull(a?.dateline),
    paragraphs: Array.isArray(a?.paragraphs) ? a.paragraphs.map(strip).filter(Boolean) : [],
    subheads,
    attribution: unbracket(orNull(a?.attribution)),
    credit: unbracket(orNull(a?.credit)),
    captions: Array.isArray(a?.captions) ? a.captions.map(strip).filter(Boolean) : [],
  };
}

function vet(a) {
  const p = [];
  if (!a.headline) p.push('no headline');
  if (!a.paragraphs.length) p.push('no paragraphs');
  const check = (where, s) => { for (const x of canonProblems(s)) p.push(`${where}: ${x}`); };
  for (const k of ['headline', 'kicker', 'subtitle', 'byline', 'dateline', 'attribution', 'credit']) if (a[k]) check(k, a[k]);
  a.paragraphs.forEach((s, i) => check(`paragraphs[${i}]`, s));
  a.captions.forEach((s, i) => check(`captions[${i}]`, s));
  for (const [k, v] of Object.entries(a.subheads)) {
    check(`subheads[${k}]`, v);
    if (Number(k) < 0 || Number(k) >= a.paragraphs.length) p.push(`subheads[${k}]: no such paragraph`);
  }
  if (a.dateline) check('dateline+paragraph', joinDateline(a.dateline, a.paragraphs[0] ?? ''));
  return p;
}

/** the first paragraph as printed after a dateline: "本报讯 近日…", "本报讯（记者 甲）近日…" */
export function joinDateline(d, p) {
  if (!d) return p;
  if (/^据.*报道$/.test(d)) return `${d}，${p}`;
  // a phrase space only between two Han characters ("本报讯 近日"); anything else would not be canonical
  if (/\p{Script=Han}$/u.test(d) && /^\p{Script=Han}/u.test(p)) return `${d} ${p}`;
  return d + p;
}
