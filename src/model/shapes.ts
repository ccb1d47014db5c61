import { endsClause } from './text.js';

/**
 * What kinds of printed line look like, independent of any one page: a source note in
 * brackets, a teaser pointing at another page, a headline (no clause punctuation), an
 * author credit. Passes share these so that one notion of "headline-shaped" holds everywhere.
 */

/** `（据民政部网站）`, `（《某某日报》）`: a source note on a line of its own. */
const ATTRIBUTION_LINE = /^[（(]\s*(据[^（）()]*|《[^》]+》[^（）()]{0,12})\s*[）)]$/;
const TRAILING_BRACKET = /[（(]\s*([^（）()]{1,30}?)\s*[）)]$/;

/**
 * The bracket a paragraph ends with (an author credit or a source note): its content and
 * where it starts. Only the paragraph's tail can hold one, so only the tail is searched.
 */
export function trailingBracket(text: string): { inner: string; start: number } | null {
  const last = text.charAt(text.length - 1);
  if (last !== '）' && last !== ')') return null;
  const from = Math.max(0, text.length - 64);
  const m = TRAILING_BRACKET.exec(text.slice(from));
  return m ? { inner: m[1]!, start: from + m.index } : null;
}

export const isAttributionLine = (text: string): boolean => ATTRIBUTION_LINE.test(text.trim());

/** `（王某某）` on a line of its own: the author credit that closes an article. */
export function isCreditLine(text: string): boolean {
  const m = /^[（(]\s*([^（）()]{1,30}?)\s*[）)]$/.exec(text.trim());
  return m !== null && creditName(m[1]!) !== null;
}

/** What is inside a source note, without its outer brackets, or null when it is not one. */
export function attributionText(inner: string): string | null {
  const t = inner.trim();
  if (/^据/.test(t)) return t;
  if (/^《[^》]+》[^（）()]{0,12}$/.test(t)) return t;
  return null;
}

/** An author credit: a personal name of two to four Han characters, or a reporter line. */
export function creditName(inner: string): string | null {
  const t = inner.trim();
  if (/^\p{Script=Han}{2,4}$/u.test(t)) return t;
  if (/^(本报)?(记者|通讯员|特约记者|实习生)[\s\p{Script=Han}·]{2,20}$/u.test(t)) return t;
  return null;
}

/** A teaser pointing at another page (`…… 09 版`), or a short Latin section label (`News`). */
export function isFurnitureLine(text: string): boolean {
  const t = text.trim();
  if (/\d{1,3}\s*版/.test(t) && !/[，。；！？]/.test(t)) return true;
  return /^[A-Za-z][A-Za-z &'’.\-]{1,30}$/.test(t);
}

/** A teaser line can run two teasers together: each ends at its page reference. */
export function splitTeasers(text: string): string[] {
  return text.split(/(?<=\d{1,3}\s*版)\s*/).map((t) => t.trim()).filter(Boolean);
}

/** Clause punctuation a headline does not carry; a colon may follow a short place name. */
const CLAUSE_MARKS = /[，。；、！？,;!?]/;

/** A line shaped like a headline or subhead: no clause punctuation, no trailing colon. */
export function isTitleLike(text: string): boolean {
  const t = text.trim();
  if ([...t].length < 2) return false;
  if (CLAUSE_MARKS.test(t)) return false;
  if (/[：:]$/.test(t)) return false;
  const colon = t.search(/[：:]/);
  if (colon >= 0 && (colon > 8 || /[：:]/.test(t.slice(colon + 1)))) return false;
  if (!/\p{Script=Han}/u.test(t)) return false;
  return true;
}

/** A paragraph that ends with a source note or an author credit: its article ends there. */
export function endsWithCredit(text: string): boolean {
  const t = text.trim();
  const m = trailingBracket(t);
  if (!m) return false;
  // a credit follows the last sentence; `…村（社区）` inside a sentence is no credit
  const before = t.slice(0, m.start).trimEnd();
  if (before !== '' && !endsClause(before)) return false;
  return attributionText(m.inner) !== null || creditName(m.inner) !== null;
}
