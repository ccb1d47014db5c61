/**
 * Character classes and the canonical-text rules of OUTPUT.md, shared by passes and writers.
 * Widths come from get-east-asian-width so that column estimates agree with how a terminal
 * (and a typesetter) counts CJK as two cells.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** CJK punctuation named by OUTPUT.md, plus the bracket forms OCR also produces. */
export const CJK_PUNCT = '，。、；：？！“”‘’《》（）…—·「」『』【】〈〉〔〕';
const P = escapeClass(CJK_PUNCT);

const HAN = /\p{Script=Han}/u;

/** Visual width in terminal cells, ignoring spaces: ambiguous characters (“ ” …) count wide, as set in CJK text. */
export const visualWidth = (text: string): number => widthUpTo(text, Infinity);

/** Whether visualWidth(text) exceeds `cells`, reading only as far as it takes to know. */
export const widerThan = (text: string, cells: number): boolean => widthUpTo(text, cells) > cells;

/** The visual width of a text, or of as much of it as first exceeds `limit`. */
function widthUpTo(text: string, limit: number): number {
  let w = 0;
  for (let i = 0; i < text.length && w <= limit; i++) {
    let cp = text.charCodeAt(i);
    if (cp === 0x20 || cp === 0x09 || cp === 0x3000) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    w += cellWidth(cp);
  }
  return w;
}

/** The library's answer per BMP code point, remembered: passes ask it for every character. */
const BMP_WIDTH = new Uint8Array(0x10000);
function cellWidth(cp: number): number {
  if (cp > 0xffff) return eastAsianWidth(cp, { ambiguousAsWide: true });
  let w = BMP_WIDTH[cp]!;
  if (w === 0) {
    // stored as width + 1 so that 0 means "not asked yet" (a width can be 0)
    w = eastAsianWidth(cp, { ambiguousAsWide: true }) + 1;
    BMP_WIDTH[cp] = w;
  }
  return w - 1;
}

/**
 * Width as set in a justified CJK column: like visualWidth, but CJK punctuation counts one
 * cell, since typesetters squeeze it (two marks in a row, a mark at a line end) and a line
 * dense with punctuation holds more characters than one without.
 */
export function setWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      w += cellWidth(cp);
      i++;
      continue;
    }
    let k = SET_WIDTH[c]!;
    if (k === 0) {
      const ch = String.fromCharCode(c);
      SET_WIDTH[c] = k = 1 + (c === 0x20 || c === 0x09 || c === 0x3000 ? 0 : CJK_PUNCT.includes(ch) ? 1 : cellWidth(c));
    }
    w += k - 1;
  }
  return w;
}
/** setWidth per BMP code unit, stored as width + 1 so that 0 means "not asked yet" */
const SET_WIDTH = new Uint8Array(0x10000);

const CLOSERS = '”’」』）)"';
const CLAUSE_MARKS = '。！？!?…：:；;';

/** The last character before any closing quotes or brackets, looked at from the end. */
function lastMark(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && isJsSpace(text.charCodeAt(i))) i--;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  return i >= 0 ? text[i]! : '';
}

/** What `\s` matches in a JavaScript regex, for one UTF-16 code unit, without a regex. */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Which kinds of characters a text holds, as bits: each pass that acts on a few kinds asks a
 * line's summary (Line.kinds, made once with the line) before reading its text. Every pass
 * scanned every line for its own characters, most often to find none.
 */
export const CharKind = {
  /** anything `\S` matches */
  Visible: 1,
  /** space, tab, ideographic space: what letter spacing and the spacing rules act on */
  Blank: 2,
  /** half-width marks and full-width letters and digits: what the canonical rules convert */
  Convertible: 4,
  /** what OCR leaves that is not text: controls, zero-width characters, BOM, soft hyphen, U+FFFD, the `■` bullet */
  Glyph: 8,
} as const;

const CHAR_KINDS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (!isJsSpace(c)) CHAR_KINDS[c] = CharKind.Visible;
for (const c of ' \t\u3000') CHAR_KINDS[c.charCodeAt(0)]! |= CharKind.Blank;
for (const c of ',;:()?!') CHAR_KINDS[c.charCodeAt(0)]! |= CharKind.Convertible;
for (const [from, to] of [['Ａ', 'Ｚ'], ['ａ', 'ｚ'], ['０', '９']] as const) {
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) CHAR_KINDS[c]! |= CharKind.Convertible;
}
for (const [from, to] of [[0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x9f], [0x200b, 0x200d]] as const) {
  for (let c = from; c <= to; c++) CHAR_KINDS[c]! |= CharKind.Glyph;
}
for (const c of [0x2060, 0xfeff, 0x00ad, 0xfffd, 0x25a0 /* ■ */]) CHAR_KINDS[c]! |= CharKind.Glyph;

/** The CharKind bits of the characters in a text. */
export function charKinds(text: string): number {
  let kinds = 0;
  for (let i = 0; i < text.length; i++) kinds |= CHAR_KINDS[text.charCodeAt(i)]!;
  return kinds;
}

/** Whether a text starts or ends with what `trim` removes. */
export function hasEdgeSpace(text: string): boolean {
  return text !== '' && (isJsSpace(text.charCodeAt(0)) || isJsSpace(text.charCodeAt(text.length - 1)));
}

/** A line that finishes a sentence or a lead-in clause (`…提出要求：`). */
export const endsClause = (text: string): boolean => {
  const m = lastMark(text);
  return m !== '' && CLAUSE_MARKS.includes(m);
};

const HALF_MARKS = ',;:()?!';
const FULL_OF_HALF = '，；：（）？！';
const FULLWIDTH_ALNUM = /[Ａ-Ｚａ-ｚ０-９]/g;
const HAS_FULLWIDTH_ALNUM = /[Ａ-Ｚａ-ｚ０-９]/;
const HAS_HALF_MARK = /[,;:()?!]/;
const SPACE_RUN = /[ \t\u3000]+/g;
const HAS_SPACE = /[ \t\u3000]/;
/** a blank that SPACE_RUN would replace by something else: a tab, an ideographic space, a second space */
const NOT_ONE_SPACE = /[\t\u3000]| {2}/;

/**
 * What the rules need to know of a character, per BMP code unit, filled in on first use:
 * the rules run on every line of every page, and a table lookup is far cheaper than a
 * Unicode property regex at each position.
 */
const enum Kind {
  Unknown = 0,
  Other,
  Han,
  /** CJK punctuation of OUTPUT.md */
  Punct,
  /** an ASCII letter or digit */
  Alnum,
}
const KIND = new Uint8Array(0x10000);
const PUNCT_SET = new Set(CJK_PUNCT);
function kindOf(cp: number): Kind {
  if (cp > 0xffff) return HAN.test(String.fromCodePoint(cp)) ? Kind.Han : Kind.Other;
  let k = KIND[cp]! as Kind;
  if (k === Kind.Unknown) {
    const ch = String.fromCharCode(cp);
    k = PUNCT_SET.has(ch) ? Kind.Punct : HAN.test(ch) ? Kind.Han : /[A-Za-z0-9]/.test(ch) ? Kind.Alnum : Kind.Other;
    KIND[cp] = k;
  }
  return k;
}
/** Whether a code point is Han (\p{Script=Han}), from the table. */
export const isHanCode = (cp: number): boolean => kindOf(cp) === Kind.Han;

/** The code point that ends with code unit `lo`, `hi` being the unit before it (NaN if none). */
function pointEndingWith(hi: number, lo: number): number {
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000 : lo;
}

/** The code point that ends just before index `end` (a surrogate pair counts as one). */
const codePointBefore = (s: string, end: number): number => pointEndingWith(s.charCodeAt(end - 2), s.charCodeAt(end - 1));
const isCjkAt = (cp: number): boolean => {
  const k = kindOf(cp);
  return k === Kind.Han || k === Kind.Punct;
};
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Rule 5: a half-width mark next to CJK text (OCR's stray space between them does not part
 * them) becomes full-width. A converted mark is CJK punctuation to the mark beside it, so a
 * chain of marks converts whole when either end touches CJK.
 */
function convertHalfMarks(s: string): string {
  return s.replace(HALF_CHAIN, (chain: string, at: number) => {
    let before = at;
    while (before > 0 && isBlank(s.charCodeAt(before - 1))) before--;
    let after = at + chain.length;
    while (after < s.length && isBlank(s.charCodeAt(after))) after++;
    const touches = (before > 0 && isCjkAt(codePointBefore(s, before))) || (after < s.length && isCjkAt(s.codePointAt(after)!));
    if (!touches) return chain;
    if (chain.length === 1) return FULL_OF_HALF[HALF_MARKS.indexOf(chain)]!;
    return chain.replace(HALF_MARK, (c) => FULL_OF_HALF[HALF_MARKS.indexOf(c)]!);
  });
}
/** marks with at most blanks between them, ending on a mark */
const HALF_CHAIN = /[,;:()?!](?:[ \t]*[,;:()?!])*/g;
const HALF_MARK = /[,;:()?!]/g;

/**
 * Rule 2: no space next to CJK punctuation, nor between Han and a letter or digit (a percent
 * sign belongs to its number: `10% 的` loses its OCR space like `10 的`). Runs of spaces are
 * one space already; a space at either end is left for the trim.
 */
function dropSpaces(s: string): string {
  // a loop over indexOf, not replace with a callback: raw OCR has dozens of spaces a page
  let out = '';
  let from = 0;
  for (let i = s.indexOf(' ', 1); i !== -1 && i + 1 < s.length; i = s.indexOf(' ', i + 1)) {
    const b = s.codePointAt(i + 1)!;
    if (b === 0x20) continue;
    const a = codePointBefore(s, i);
    const ka = kindOf(a);
    const kb = kindOf(b);
    const drop =
      ka === Kind.Punct || kb === Kind.Punct ||
      (ka === Kind.Han && kb === Kind.Alnum) ||
      ((ka === Kind.Alnum || a === 0x25) && kb === Kind.Han);
    if (drop) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The spacing and punctuation rules, on text whose full-width letters and digits are done. */
function applyRules(text: string): string {
  const spaced = HAS_SPACE.test(text);
  // most blanks are single spaces already: finding none of the others is cheaper than a replace
  let s = spaced && NOT_ONE_SPACE.test(text) ? text.replace(SPACE_RUN, ' ') : text;
  // marks first, then the spaces around them
  if (HAS_HALF_MARK.test(s)) s = convertHalfMarks(s);
  return spaced ? dropSpaces(s) : s;
}

/**
 * Rules 2, 4 (spacing part) and 5 of OUTPUT.md on one string. Idempotent: applying it to its
 * own output changes nothing, which the property tests rely on.
 */
export function canonicalize(text: string): string {
  // Every rule below needs one of these characters to match; most lines of a page have none.
  if (!mayChange(text)) return text;
  return applyRules(halfWidthAlnum(text)).trim();
}

/** Rule 4: full-width letters and digits become ASCII. */
function halfWidthAlnum(text: string): string {
  return HAS_FULLWIDTH_ALNUM.test(text) ? text.replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : text;
}

/**
 * Whether canonicalize could change a text: only spaces at its ends, blanks, or characters the
 * rules convert make it. `kinds` is the text's charKinds, when the caller has it already.
 */
export function mayChange(text: string, kinds: number = charKinds(text)): boolean {
  return (kinds & (CharKind.Blank | CharKind.Convertible)) !== 0 || hasEdgeSpace(text);
}

/**
 * canonicalize for many lines at once: no rule crosses a line break, so the page goes through
 * the rules in one piece and is cut back into lines. The same as mapping canonicalize.
 */
export function canonicalizeLines(lines: readonly string[]): string[] {
  // no lines join into one empty line
  if (lines.length === 0) return [];
  return applyRules(halfWidthAlnum(lines.join('\n'))).split('\n').map((l) => l.trim());
}

/**
 * Join a line to the text before it (rule 1): no space between CJK, one between Latin words,
 * a hyphenated Latin word mended when the next line starts in lower case.
 */
export function joinWrapped(left: string, right: string): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  if (!l) return r;
  if (!r) return l;
  const { drop, space } = seam(l.charCodeAt(l.length - 2), l.charCodeAt(l.length - 1), r);
  return (drop ? l.slice(0, -drop) : l) + (space ? ' ' : '') + r;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * How two wrapped pieces meet, from the last two code units before the seam (`before`, then
 * `a`; NaN where there is none) and the text after it.
 */
function seam(before: number, a: number, r: string): { drop: number; space: boolean } {
  const b = r.charCodeAt(0);
  if (a === 45 /* - */ && isLetter(before) && isLower(b)) return MEND;
  if (isLetter(b) && (isLetter(a) || isSentencePunct(a))) return SPACE;
  if (isLetter(a) && isDigit(b) && DIGITS_THEN_LETTER.test(r)) return SPACE;
  return JOIN;
}
/** `.,;:!?)`: after one, a Latin word is a new word */
const isSentencePunct = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29;
const DIGITS_THEN_LETTER = /^[0-9]+[A-Za-z]/;
const MEND = { drop: 1, space: false };
const SPACE = { drop: 0, space: true };
const JOIN = { drop: 0, space: false };

/**
 * Join canonical lines into canonical text. The lines are canonical already and the join
 * trims the spaces at each seam, so only a half-width mark meeting CJK text across a seam
 * needs the rules again.
 */
export function joinLines(lines: readonly string[]): string {
  const parts: string[] = [];
  // the last two code units of the text so far (as joined, before any mend), kept as numbers:
  // a slice of every line was a string for the collector
  let last = NaN;
  let beforeLast = NaN;
  let seamNeedsRules = false;
  for (const line of lines) {
    const r = trimmed(line);
    if (!r) continue;
    if (parts.length) {
      const { drop, space } = seam(beforeLast, last, r);
      if (drop) parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -drop);
      if (space) parts.push(' ');
      if (!seamNeedsRules) {
        seamNeedsRules =
          (isHalfMark(last) && isCjkAt(r.codePointAt(0)!)) ||
          (isHalfMark(r.charCodeAt(0)) && isCjkAt(pointEndingWith(beforeLast, last)));
      }
    }
    parts.push(r);
    beforeLast = r.length >= 2 ? r.charCodeAt(r.length - 2) : last;
    last = r.charCodeAt(r.length - 1);
  }
  const text = parts.length === 1 ? parts[0]! : parts.join('');
  return seamNeedsRules ? canonicalize(text) : text;
}

/** `text.trim()`, without making a new string for the usual line that has nothing to trim. */
const trimmed = (text: string): string => (hasEdgeSpace(text) ? text.trim() : text);

const isHalfMark = (c: number): boolean => c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x3f || c === 0x21;

/**
 * Remove the spaces a justified narrow column put between every character (`众 甚 至 管 理`),
 * keeping an isolated space between two phrases (`善心仁者 与爱同行`).
 */
export function collapseLetterSpacing(text: string, minRun = 3, kinds: number = CharKind.Blank): string {
  if ((kinds & CharKind.Blank) === 0) return text;
  // a run of minRun characters has minRun - 1 gaps: a line with fewer blanks has none
  let blanks = 0;
  for (let i = 0; i < text.length && blanks < minRun - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000) blanks++;
  }
  if (blanks < Math.max(1, minRun - 1)) return text;
  let run = SPACED_RUN.get(minRun);
  if (!run) {
    run = new RegExp(`(?:[\\p{Script=Han}${P}][ \\t\\u3000]+){${minRun - 1},}[\\p{Script=Han}${P}]`, 'gu');
    SPACED_RUN.set(minRun, run);
  }
  return text.replace(run, (m) => m.replace(/[ \t\u3000]+/g, ''));
}
const SPACED_RUN = new Map<number, RegExp>();

/** Characters that must survive every rule: the conservation tests count these. */
const KEPT = /[\p{Script=Han}A-Za-z0-9]/u;

export function countKept(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const ch of text.normalize('NFKC')) if (KEPT.test(ch)) into.set(ch, (into.get(ch) ?? 0) + 1);
  return into;
}

/**
 * The bigrams of some texts (a page's headlines), numbered from 0, and a scan for them in
 * other text (the bodies). Ids are small integers, so flags and weights live in arrays; a
 * bigram itself (two code points) is beyond the small-integer range, and every set or map
 * lookup with one allocated a boxed number.
 */
export class BigramIndex {
  /**
   * Per first code point, its bigrams' second code points and ids: maps keyed by code points,
   * which are small integers (a bigram as one number was not, and every lookup boxed it).
   */
  private readonly byFirst = new Map<number, Map<number, number>>();
  /** bigrams met by idsOf that the index was not made from, with ids past `wanted` */
  private readonly own = new Map<number, Map<number, number>>();
  private count = 0;
  /**
   * The first code points (BMP) of the wanted bigrams, and for each a list of second code
   * point, id: arrays, since a scan stamps them all and iterating a map's entries allocates.
   */
  private readonly firstCodes: number[] = [];
  private readonly firstLists: number[][] = [];
  /** how many bigrams the scan looks for: those of the texts the index was made from */
  readonly wanted: number;

  constructor(texts: readonly string[]) {
    for (const t of texts) {
      const cps = keptCodePoints(t);
      for (let i = 1; i < cps.length; i++) {
        const a = cps[i - 1]!;
        const b = cps[i]!;
        if (idIn(this.byFirst, a, b) < 0) this.count = addTo(this.byFirst, a, b, this.count);
      }
    }
    this.wanted = this.count;
    for (const [first, seconds] of this.byFirst) {
      if (first > 0xffff) continue;
      const list: number[] = [];
      for (const [second, id] of seconds) list.push(second, id);
      this.firstCodes.push(first);
      this.firstLists.push(list);
    }
  }

  /**
   * The ids of a text's bigrams, each once, in order of first appearance. A bigram the index
   * was not made from gets an id of its own, which no scan finds.
   */
  idsOf(text: string): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    const cps = keptCodePoints(text);
    for (let i = 1; i < cps.length; i++) {
      const a = cps[i - 1]!;
      const b = cps[i]!;
      let id = idIn(this.byFirst, a, b);
      if (id < 0) id = idIn(this.own, a, b);
      if (id < 0) this.count = addTo(this.own, a, b, (id = this.count));
      if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
    return out;
  }

  /**
   * A flag (1) per wanted id whose bigram occurs in `text`, or in the texts given one after
   * another as if joined (a bigram may span two of them), without joining them.
   */
  occurrences(text: string | readonly string[]): Uint8Array {
    const found = new Uint8Array(this.wanted);
    if (this.wanted === 0) return found;
    const stamp = nextStamp();
    for (let k = 0; k < this.firstCodes.length; k++) {
      FIRSTS[this.firstCodes[k]!] = stamp;
      SECONDS[this.firstCodes[k]!] = this.firstLists[k];
    }
    if (typeof text === 'string') this.scan(text, found, stamp, -1);
    else {
      let prev = -1;
      for (const t of text) prev = this.scan(t, found, stamp, prev);
    }
    return found;
  }

  /** Flags the wanted bigrams of `text`, the first made with `prev`; returns the last code point kept. */
  private scan(text: string, found: Uint8Array, stamp: number, prev: number): number {
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      // the table read in line: this loop meets every character of every body
      const kind = cp < 0xd800 || (cp > 0xdbff && cp <= 0xffff) ? (KIND[cp]! as Kind) : Kind.Unknown;
      if (kind === Kind.Unknown) {
        cp = keptCodePoint(text, i);
        if (cp < 0) continue;
        if (cp > 0xffff) i++;
      } else if (kind !== Kind.Han && kind !== Kind.Alnum) continue;
      if (prev > 0xffff) {
        const id = idIn(this.byFirst, prev, cp);
        if (id >= 0) found[id] = 1;
      } else if (prev >= 0 && FIRSTS[prev] === stamp) {
        const list = SECONDS[prev]!;
        for (let k = 0; k < list.length; k += 2) {
          if (list[k] === cp) {
            found[list[k + 1]!] = 1;
            break;
          }
        }
      }
      prev = cp;
    }
    return prev;
  }
}

/**
 * Per BMP code unit, the stamp of the last scan whose index has a bigram starting there (a
 * new stamp per scan, so the table never needs clearing), and that index's list for it.
 */
const FIRSTS = new Uint32Array(0x10000);
const SECONDS: (number[] | undefined)[] = new Array(0x10000).fill(undefined);
let stamp = 0;
function nextStamp(): number {
  if (++stamp === 0xffffffff) {
    FIRSTS.fill(0);
    stamp = 1;
  }
  return stamp;
}

/** The code point at `i` when it is Han, a letter or a digit (what KEPT counts), else -1. */
function keptCodePoint(text: string, i: number): number {
  let cp = text.charCodeAt(i);
  if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i)!;
  const k = kindOf(cp);
  return k === Kind.Han || k === Kind.Alnum ? cp : -1;
}

/** The code points bigrams are made of (Han, letters and digits: what headline matching counts), in order. */
function keptCodePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = keptCodePoint(text, i);
    if (cp < 0) continue;
    if (cp > 0xffff) i++;
    out.push(cp);
  }
  return out;
}

/** The id of bigram (a, b) in `index`, or -1. */
function idIn(index: Map<number, Map<number, number>>, a: number, b: number): number {
  return index.get(a)?.get(b) ?? -1;
}

/** Gives bigram (a, b) the id `id` in `index`; returns the next free id. */
function addTo(index: Map<number, Map<number, number>>, a: number, b: number, id: number): number {
  let seconds = index.get(a);
  if (!seconds) index.set(a, (seconds = new Map()));
  seconds.set(b, id);
  return id + 1;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}
