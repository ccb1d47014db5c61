/**
 * Rule 1 of OUTPUT.md: wrapped lines are joined with no space between CJK characters, one
 * space between Latin words, and a Latin word hyphenated at a line end mended when the next
 * line starts in lower case.
 */
import { canonicalize } from './canonical.js';
import { CharKind, isCjkCode, pointEndingWith, trimmed, unitIs } from './chars.js';

/**
 * How two wrapped pieces meet, from the last two code units before the seam (`before`, then
 * `a`; NaN where there is none) and the text after it.
 */
function seam(before: number, a: number, r: string): { drop: number; space: boolean } {
  const b = r.charCodeAt(0);
  if (a === 0x2d /* - */ && !Number.isNaN(before) && unitIs(before, CharKind.Letter) && unitIs(b, CharKind.Lower)) return MEND;
  if (unitIs(b, CharKind.Letter) && unitIs(a, CharKind.Letter | CharKind.LatinStop)) return SPACE;
  if (unitIs(a, CharKind.Letter) && unitIs(b, CharKind.Digit) && digitsThenLetter(r)) return SPACE;
  return JOIN;
}
/** Whether a text starts with digits and then a letter (`4G`): a word of its own after a letter. */
function digitsThenLetter(r: string): boolean {
  let i = 0;
  while (i < r.length && unitIs(r.charCodeAt(i), CharKind.Digit)) i++;
  return i > 0 && i < r.length && unitIs(r.charCodeAt(i), CharKind.Letter);
}
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
          (unitIs(last, CharKind.HalfMark) && isCjkCode(r.codePointAt(0)!)) ||
          (unitIs(r.charCodeAt(0), CharKind.HalfMark) && isCjkCode(pointEndingWith(beforeLast, last)));
      }
    }
    parts.push(r);
    beforeLast = r.length >= 2 ? r.charCodeAt(r.length - 2) : last;
    last = r.charCodeAt(r.length - 1);
  }
  const text = parts.length === 1 ? parts[0]! : parts.join('');
  return seamNeedsRules ? canonicalize(text) : text;
}
