/**
 * How wide a line is printed. Widths come from get-east-asian-width so that column estimates
 * agree with how a terminal (and a typesetter) counts CJK as two cells; blanks count none.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { CharKind, kindsOf, unitIs } from './chars.js';

/** Whether a text's visual width exceeds `cells`, reading only as far as it takes to know. */
export const widerThan = (text: string, cells: number): boolean => widthUpTo(text, cells) > cells;

/**
 * The visual width in terminal cells, ignoring blanks, of a text, or of as much of it as first
 * exceeds `limit`: ambiguous characters (“ ” …) count wide, as set in CJK text.
 */
function widthUpTo(text: string, limit: number): number {
  let w = 0;
  for (let i = 0; i < text.length && w <= limit; i++) {
    let cp = text.charCodeAt(i);
    if (unitIs(cp, CharKind.Blank)) continue;
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
 * Width as set in a justified CJK column: like the visual width, but CJK punctuation counts one
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
      const kinds = kindsOf(c);
      SET_WIDTH[c] = k = 1 + ((kinds & CharKind.Blank) !== 0 ? 0 : (kinds & CharKind.Punct) !== 0 ? 1 : cellWidth(c));
    }
    w += k - 1;
  }
  return w;
}
/** setWidth per BMP code unit, stored as width + 1 so that 0 means "not asked yet" */
const SET_WIDTH = new Uint8Array(0x10000);
