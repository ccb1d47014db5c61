/**
 * Scoring against gold files, by the definitions of the reference scorer
 * (../shared/tools/score.mjs): a change here that it does not share makes `bulletin eval`
 * disagree with it, which test/e2e/eval.test.ts catches.
 */
import { countKept } from '../model/chars.js';

export interface GoldBlock { kind?: string; text: string }
export interface ScoredArticle {
  id?: string;
  headline?: string | null;
  subheadlines?: string[];
  byline?: string | null;
  section?: string | null;
  body?: GoldBlock[];
  captions?: string[];
  attribution?: string | null;
}
export interface GoldPage { source?: string; articles: ScoredArticle[]; furniture?: string[] }
export interface PredPage { articles: ScoredArticle[]; furniture?: string[] | null }

interface Tally {
  g: number; p: number; good: number; gLen: number; edits: number; hOk: number; fOk: number; fN: number;
  bTp: number; bG: number; bP: number; exact: number; blocks: number; lost: number; extra: number;
}

export interface Metrics {
  articleP: number; articleR: number; articleF1: number;
  headline: number; bodyCER: number; paraF1: number; exact: number; fields: number;
  lost: number | null; extra: number | null;
}

export interface PageScore extends Metrics {
  page: string; gold: number; pred: number; good: number;
  /** one line per gold article and per unmatched prediction */
  detail: string[];
}

export interface Score { summary: Metrics & { pages: number }; pages: PageScore[] }

/*
 * What this port does differently from the reference, on purpose; none of it changes what a
 * metric means, and test/e2e/eval.test.ts holds both to the same numbers:
 * - It scores what it is given in memory (gold and predicted pages keyed by stem, and the
 *   source text), so that `bulletin eval` scores a run without writing its JSON Lines first.
 *   Reading is cli/eval.ts's: inputs as `bulletin parse` takes them (files, directories,
 *   globs), decoded by read/decode.ts (BOM, UTF-16, GB18030); the reference reads
 *   DIR/STEM.txt as UTF-8.
 * - A line of --pred that is not JSON is a usage error naming the line (cli/eval.ts); the
 *   reference skips it and counts it in `badLines`, which this summary does not have.
 * - Each page gets every metric of the summary for itself (`headline` as a share, and
 *   `bodyCER` where the reference says `cer`); the reference gives a page its counts, `cer`
 *   and `headline` as `k/n`. The kept-character count is model/'s countKept, the same rule as
 *   the reference's KEEP.
 */

/** Articles match when the Dice coefficient of their text bigrams is at least this ... */
const MATCH = 0.3;
/** ... and count as correctly found at this. */
const GOOD = 0.9;
/** characters that must survive, whatever the punctuation rules do */

export const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s\uFFFD]+/g, '');
const bodyText = (a: ScoredArticle) => (a.body ?? []).map((b) => b.text).join('');
const articleText = (a: ScoredArticle) => norm(bodyText(a)) || norm(a.headline);

/**
 * Score predicted pages against gold pages, both keyed by stem. `sources` holds the input
 * text of pages whose lost and added characters should be counted.
 */
export function score(gold: ReadonlyMap<string, GoldPage>, pred: ReadonlyMap<string, PredPage>, sources?: ReadonlyMap<string, string>): Score {
  const total = tally();
  const pages: PageScore[] = [];
  for (const [key, g] of gold) {
    const { page, t } = scorePage(key, g, pred.get(key) ?? { articles: [] }, sources?.get(key));
    pages.push(page);
    for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
  }
  const m = metrics(total, sources !== undefined);
  return { summary: { pages: pages.length, ...m }, pages };
}

function tally(): Tally {
  return { g: 0, p: 0, good: 0, gLen: 0, edits: 0, hOk: 0, fOk: 0, fN: 0, bTp: 0, bG: 0, bP: 0, exact: 0, blocks: 0, lost: 0, extra: 0 };
}

function metrics(t: Tally, withSource: boolean): Metrics {
  const prec = t.p ? t.good / t.p : 0;
  const rec = t.g ? t.good / t.g : 0;
  return {
    articleP: round(prec),
    articleR: round(rec),
    articleF1: round(f1(prec, rec)),
    headline: round(t.hOk / t.g),
    bodyCER: round(t.edits / t.gLen, 4),
    paraF1: round(f1(t.bP ? t.bTp / t.bP : 0, t.bG ? t.bTp / t.bG : 0)),
    exact: round(t.exact / t.blocks),
    fields: round(t.fOk / t.fN),
    lost: withSource ? t.lost : null,
    extra: withSource ? t.extra : null,
  };
}

function scorePage(key: string, g: GoldPage, P: PredPage, source: string | undefined): { page: PageScore; t: Tally } {
  const G = g.articles;
  const A = P.articles;
  const gt = G.map(articleText);
  const pt = A.map(articleText);
  // greedy one-to-one matching, most similar pairs first (a stable sort keeps ties in index order)
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < G.length; i++) {
    for (let j = 0; j < A.length; j++) {
      const s = dice(gt[i]!, pt[j]!);
      if (s >= MATCH) pairs.push([s, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  const matched = new Map<number, [number, number]>();
  const used = new Set<number>();
  for (const [s, i, j] of pairs) {
    if (!matched.has(i) && !used.has(j)) {
      matched.set(i, [j, s]);
      used.add(j);
    }
  }

  const t = tally();
  t.g = G.length;
  t.p = A.length;
  const detail: string[] = [];
  for (let i = 0; i < G.length; i++) {
    const ga = G[i]!;
    const m = matched.get(i);
    const gKeys = boundaryKeys(ga);
    t.gLen += gt[i]!.length;
    t.bG += gKeys.length;
    t.blocks += (ga.body ?? []).length;
    if (!m) {
      t.edits += gt[i]!.length;
      detail.push(`MISSING ${ga.headline ?? '(no headline)'}`);
      continue;
    }
    const pa = A[m[0]]!;
    if (m[1] >= GOOD) t.good++;
    const e = lev(gt[i]!, pt[m[0]]!);
    t.edits += e;
    const hOk = norm(ga.headline) === norm(pa.headline);
    if (hOk) t.hOk++;
    for (const f of ['byline', 'attribution', 'section'] as const) {
      t.fN++;
      if (norm(ga[f]) === norm(pa[f])) t.fOk++;
    }
    for (const f of ['subheadlines', 'captions'] as const) {
      t.fN++;
      if (norm((ga[f] ?? []).join('|')) === norm((pa[f] ?? []).join('|'))) t.fOk++;
    }
    t.bTp += multisetOverlap(gKeys, boundaryKeys(pa));
    const predTexts = new Set((pa.body ?? []).map((b) => b.text));
    for (const b of ga.body ?? []) if (predTexts.has(b.text)) t.exact++;
    detail.push(`${hOk ? 'ok ' : 'HL '} sim ${m[1].toFixed(2)} CER ${pct(e / Math.max(1, gt[i]!.length))} gold «${ga.headline}» pred «${pa.headline}» ${pa.id ?? ''}`);
  }
  for (let j = 0; j < A.length; j++) {
    t.bP += boundaryKeys(A[j]!).length;
    if (!used.has(j)) detail.push(`EXTRA ${A[j]!.id ?? j} «${A[j]!.headline}» ${pt[j]!.slice(0, 30)}`);
  }
  if (source !== undefined) {
    const src = countKept(source);
    // a section heading is printed once but repeated on each of its articles: count it once
    const sections = [...new Set(A.map((a) => a.section).filter((s): s is string => !!s))];
    const got = countKept([...A.flatMap(articleStrings), ...sections, ...(P.furniture ?? [])].join(''));
    for (const [c, n] of src) t.lost += Math.max(0, n - (got.get(c) ?? 0));
    for (const [c, n] of got) t.extra += Math.max(0, n - (src.get(c) ?? 0));
  }
  const m = metrics(t, source !== undefined);
  // a page's CER divides by at least 1, so that a page without gold text does not divide by zero
  const page: PageScore = { page: key, gold: G.length, pred: A.length, good: t.good, ...m, bodyCER: round(t.edits / Math.max(1, t.gLen), 4), detail };
  return { page, t };
}

function articleStrings(a: ScoredArticle): string[] {
  return [a.headline, ...(a.subheadlines ?? []), a.byline, ...(a.body ?? []).map((b) => b.text), ...(a.captions ?? []), a.attribution].filter((s): s is string => !!s);
}

/** A paragraph boundary is named by the first 12 characters of the paragraph after it. */
function boundaryKeys(a: ScoredArticle): string[] {
  return (a.body ?? []).slice(1).map((b) => norm(b.text).slice(0, 12));
}

function multisetOverlap(x: readonly string[], y: readonly string[]): number {
  const m = new Map<string, number>();
  for (const k of y) m.set(k, (m.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of x) {
    const left = m.get(k) ?? 0;
    if (left > 0) {
      n++;
      m.set(k, left - 1);
    }
  }
  return n;
}


/** Dice coefficient of character bigram multisets (UTF-16 units, as the reference does). */
export function dice(a: string, b: string): number {
  if (!a.length || !b.length) return a === b ? 1 : 0;
  const bigrams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const k = s.slice(i, i + 2);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const x = bigrams(a);
  const y = bigrams(b);
  let inter = 0;
  let nx = 0;
  let ny = 0;
  for (const [k, n] of x) {
    nx += n;
    inter += Math.min(n, y.get(k) ?? 0);
  }
  for (const n of y.values()) ny += n;
  return nx + ny ? (2 * inter) / (nx + ny) : 0;
}

/** Levenshtein distance over code points. */
export function lev(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  if (!A.length) return B.length;
  let prev = new Int32Array(B.length + 1);
  let cur = new Int32Array(B.length + 1);
  for (let j = 0; j <= B.length; j++) prev[j] = j;
  for (let i = 1; i <= A.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[B.length]!;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
function round(x: number, d = 3): number {
  return Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : 0;
}
function pct(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}
