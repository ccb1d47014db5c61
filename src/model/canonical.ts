/**
 * The canonical-text rules of OUTPUT.md that act within a line: spacing next to CJK (rule 2),
 * letter spacing (rule 3), half-width marks and full-width letters and digits (rule 5).
 */
import {
  BLANKS, CJK_PUNCT, CharKind, FULLWIDTH_ALNUM, FULLWIDTH_OFFSET, FULL_MARKS, HALF_MARKS, HAN_CLASS,
  charKinds, classSource, codePointBefore, hasEdgeSpace, isCjkCode, kindsOf, unitIs,
} from './chars.js';

const BLANK = `[${classSource(BLANKS)}]`;
const HALF = `[${classSource(HALF_MARKS)}]`;
const FULLWIDTH_ALNUMS = new RegExp(`[${classSource(FULLWIDTH_ALNUM)}]`, 'g');
const HAS_FULLWIDTH_ALNUM = new RegExp(`[${classSource(FULLWIDTH_ALNUM)}]`);
const HAS_HALF_MARK = new RegExp(HALF);
const BLANK_RUN = new RegExp(`${BLANK}+`, 'g');
const HAS_BLANK = new RegExp(BLANK);
/** a blank that BLANK_RUN would replace by something else: one that is not a space, or a second space */
const NOT_ONE_SPACE = new RegExp(`[${classSource(BLANKS.replace(' ', ''))}]| {2}`);
/** marks with at most spaces between them (blanks are single spaces by then), ending on a mark */
const HALF_CHAIN = new RegExp(`${HALF}(?: *${HALF})*`, 'g');
const HALF_MARK = new RegExp(HALF, 'g');

/**
 * Rule 5: a half-width mark next to CJK text (OCR's stray space between them does not part
 * them) becomes full-width. A converted mark is CJK punctuation to the mark beside it, so a
 * chain of marks converts whole when either end touches CJK. Blanks are single spaces here.
 */
function convertHalfMarks(s: string): string {
  return s.replace(HALF_CHAIN, (chain: string, at: number) => {
    let before = at;
    while (before > 0 && s.charCodeAt(before - 1) === 0x20) before--;
    let after = at + chain.length;
    while (after < s.length && s.charCodeAt(after) === 0x20) after++;
    const touches = (before > 0 && isCjkCode(codePointBefore(s, before))) || (after < s.length && isCjkCode(s.codePointAt(after)!));
    if (!touches) return chain;
    if (chain.length === 1) return FULL_MARKS[HALF_MARKS.indexOf(chain)]!;
    return chain.replace(HALF_MARK, (c) => FULL_MARKS[HALF_MARKS.indexOf(c)]!);
  });
}

/**
 * Rule 2: no space next to CJK punctuation, nor between Han and a letter or digit (a percent
 * sign belongs to its number: `10% 的` loses its OCR space like `10 的`). Runs of blanks are
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
    const ka = kindsOf(a);
    const kb = kindsOf(b);
    const drop =
      ((ka | kb) & CharKind.Punct) !== 0 ||
      ((ka & CharKind.Han) !== 0 && (kb & CharKind.Alnum) !== 0) ||
      (((ka & CharKind.Alnum) !== 0 || a === 0x25 /* % */) && (kb & CharKind.Han) !== 0);
    if (drop) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The spacing and punctuation rules, on text whose full-width letters and digits are done. */
function applyRules(text: string): string {
  const spaced = HAS_BLANK.test(text);
  // most blanks are single spaces already: finding none of the others is cheaper than a replace
  let s = spaced && NOT_ONE_SPACE.test(text) ? text.replace(BLANK_RUN, ' ') : text;
  // marks first, then the spaces around them
  if (HAS_HALF_MARK.test(s)) s = convertHalfMarks(s);
  return spaced ? dropSpaces(s) : s;
}

/**
 * Rules 2 and 5 of OUTPUT.md on one string. Idempotent: applying it to its own output changes
 * nothing, which the property tests rely on.
 */
export function canonicalize(text: string): string {
  // Every rule below needs one of these characters to match; most lines of a page have none.
  if (!mayChange(text)) return text;
  return applyRules(halfWidthAlnum(text)).trim();
}

/** Rule 5: full-width letters and digits become ASCII. */
function halfWidthAlnum(text: string): string {
  return HAS_FULLWIDTH_ALNUM.test(text) ? text.replace(FULLWIDTH_ALNUMS, (c) => String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_OFFSET)) : text;
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
 * Rule 3: remove the spaces a justified narrow column put between every character
 * (`众 甚 至 管 理`), keeping an isolated space between two phrases (`善心仁者 与爱同行`).
 * `kinds` is the text's charKinds, when the caller has it.
 */
export function collapseLetterSpacing(text: string, minRun = 3, kinds: number = CharKind.Blank): string {
  if ((kinds & CharKind.Blank) === 0) return text;
  // a run of minRun characters has minRun - 1 gaps: a line with fewer blanks has none
  let blanks = 0;
  for (let i = 0; i < text.length && blanks < minRun - 1; i++) if (unitIs(text.charCodeAt(i), CharKind.Blank)) blanks++;
  if (blanks < Math.max(1, minRun - 1)) return text;
  let run = SPACED_RUN.get(minRun);
  if (!run) {
    const cjk = `[${HAN_CLASS}${classSource(CJK_PUNCT)}]`;
    run = new RegExp(`(?:${cjk}${BLANK}+){${minRun - 1},}${cjk}`, 'gu');
    SPACED_RUN.set(minRun, run);
  }
  return text.replace(run, (m) => m.replace(BLANK_RUN, ''));
}
/** the regex of a letter-spaced run, per minRun */
const SPACED_RUN = new Map<number, RegExp>();
