import type { LineSpan } from '../../model/types.js';

/**
 * Where a field's text stands in the source. The model keeps lines for blocks, articles and
 * furniture, but a headline, subheadline, byline, section, caption or attribution is a string
 * once it is placed: the review finds it again by its letters, digits and Han characters,
 * which canonical text never changes (rule 6 of OUTPUT.md: only spaces, glyphs and the width
 * of punctuation and ASCII do). A headline joined from three printed lines is found across
 * them; a byline's `■` or a credit's brackets do not stand in the way.
 */
const EMPTY: ReadonlySet<number> = new Set();

export class SourceIndex {
  /** every source line's key, concatenated */
  private readonly all: string;
  /** where each line's key starts in `all` (one more entry: the end) */
  private readonly starts: number[];

  constructor(lines: readonly string[]) {
    const keys = lines.map(keyOf);
    this.starts = [];
    let at = 0;
    for (const k of keys) {
      this.starts.push(at);
      at += k.length;
    }
    this.starts.push(at);
    this.all = keys.join('');
  }

  /**
   * The lines `text` stands on, of its places in the source the first that lies within
   * `within` (the article's span) and on no line in `claimed` (another field's) or `body`
   * (a body block's), then relaxing those in that order: a trailing source note shares its
   * line with the last sentence, but a line another article's note was found on is never its
   * own. Null when the text has no letters to look for, or is not there (a plugin may have
   * rewritten it).
   */
  find(text: string, within: LineSpan | null, claimed: ReadonlySet<number>, body: ReadonlySet<number> = EMPTY): LineSpan | null {
    const key = keyOf(text);
    if (key === '') return null;
    const places: LineSpan[] = [];
    for (let at = this.all.indexOf(key); at >= 0; at = this.all.indexOf(key, at + 1)) places.push([this.lineAt(at), this.lineAt(at + key.length - 1)]);
    if (places.length === 0) return null;
    const inside = (s: LineSpan) => within !== null && s[0] >= within[0] && s[1] <= within[1];
    const off = (set: ReadonlySet<number>) => (s: LineSpan) => {
      for (let n = s[0]; n <= s[1]; n++) if (set.has(n)) return false;
      return true;
    };
    const unclaimed = off(claimed);
    const notBody = off(body);
    const tiers: ((s: LineSpan) => boolean)[] = [
      (s) => inside(s) && unclaimed(s) && notBody(s),
      (s) => inside(s) && unclaimed(s),
      (s) => unclaimed(s) && notBody(s),
      unclaimed,
      inside,
    ];
    for (const tier of tiers) {
      const found = places.find(tier);
      if (found) return found;
    }
    return places[0]!;
  }

  /** The 1-based line holding character `at` of `all`. */
  private lineAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    // the last line whose key starts at or before `at` and is not empty there
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    while (lo > 0 && this.starts[lo + 1] === this.starts[lo]) lo--;
    return lo + 1;
  }
}

/** A string's letters, digits and Han characters, full-width forms folded to ASCII (NFKC). */
export function keyOf(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}
