/**
 * The bigrams of some texts (a page's headlines), numbered from 0, and a scan for them in
 * other text (the bodies): what match-headlines compares headlines and bodies by. Ids are
 * small integers, so flags and weights live in arrays; a bigram itself (two code points) is
 * beyond the small-integer range, and every set or map lookup with one allocated a boxed number.
 */
import { isKeptCode } from '../model/chars.js';

export class BigramIndex {
  /**
   * For the scan, which reads it for every character of every body, and for idsOf: the first
   * code points (BMP) of the wanted bigrams in an open-addressing hash (-1: an empty slot), and
   * at the same slot a list of second code point, id (arrays: iterating a map's entries
   * allocates). Each index has its own, in typed and plain arrays: a table shared between
   * indexes had to be stamped anew before each scan, and a table per code unit (128 KB) was
   * mapped and unmapped for each page.
   */
  private readonly firstKeys: Int32Array;
  private readonly secondLists: number[][];
  private readonly hashShift: number;
  /** wanted bigrams whose first code point is astral (rare): maps keyed by code points */
  private readonly astral = new Map<number, Map<number, number>>();
  /** bigrams met by idsOf that the index was not made from, with ids past `wanted` */
  private readonly own = new Map<number, Map<number, number>>();
  private count = 0;
  /** per id, the idsOf call that last met it: each id is listed once, without a Set per call */
  private readonly metIn: number[] = [];
  private calls = 0;
  /** how many bigrams the scan looks for: those of the texts the index was made from */
  readonly wanted: number;

  constructor(texts: readonly string[]) {
    const points = texts.map(keptCodePoints);
    // Sized before the first code points are known, for as many as the texts have bigrams, at
    // most a quarter full: a scan's usual miss stops at the first slot.
    let pairs = 0;
    for (const cps of points) pairs += Math.max(0, cps.length - 1);
    let bits = 2;
    while (1 << bits < 4 * pairs) bits++;
    this.hashShift = 32 - bits;
    this.firstKeys = new Int32Array(1 << bits).fill(-1);
    this.secondLists = new Array<number[]>(1 << bits).fill(NO_LIST);
    for (const cps of points) {
      for (let i = 1; i < cps.length; i++) {
        const a = cps[i - 1]!;
        const b = cps[i]!;
        if (this.wantedId(a, b) >= 0) continue;
        if (a > 0xffff) addTo(this.astral, a, b, this.count);
        else {
          const h = this.slotOf(a);
          if (this.firstKeys[h] !== a) {
            this.firstKeys[h] = a;
            this.secondLists[h] = [];
          }
          this.secondLists[h]!.push(b, this.count);
        }
        this.count++;
      }
    }
    this.wanted = this.count;
  }

  /** The slot of a first code point in the hash: where it is, or the empty slot where it would go. */
  private slotOf(first: number): number {
    const keys = this.firstKeys;
    const mask = keys.length - 1;
    let h = Math.imul(first, 0x9e3779b1) >>> this.hashShift;
    for (let key = keys[h]!; key !== first && key !== -1; key = keys[h]!) h = (h + 1) & mask;
    return h;
  }

  /** The id of wanted bigram (a, b), or -1. */
  private wantedId(a: number, b: number): number {
    if (a > 0xffff) return idIn(this.astral, a, b);
    const h = this.slotOf(a);
    if (this.firstKeys[h] !== a) return -1;
    const list = this.secondLists[h]!;
    for (let k = 0; k < list.length; k += 2) if (list[k] === b) return list[k + 1]!;
    return -1;
  }

  /**
   * The ids of a text's bigrams, each once, in order of first appearance. A bigram the index
   * was not made from gets an id of its own, which no scan finds.
   */
  idsOf(text: string): number[] {
    const out: number[] = [];
    const call = ++this.calls;
    const cps = keptCodePoints(text);
    for (let i = 1; i < cps.length; i++) {
      const a = cps[i - 1]!;
      const b = cps[i]!;
      let id = this.wantedId(a, b);
      if (id < 0) id = idIn(this.own, a, b);
      if (id < 0) this.count = addTo(this.own, a, b, (id = this.count));
      if (this.metIn[id] !== call) {
        this.metIn[id] = call;
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
    if (typeof text === 'string') this.scan(text, found, -1);
    else {
      let prev = -1;
      for (let i = 0; i < text.length; i++) prev = this.scan(text[i]!, found, prev);
    }
    return found;
  }

  /** Flags the wanted bigrams of `text`, the first made with `prev`; returns the last code point kept. */
  private scan(text: string, found: Uint8Array, prev: number): number {
    const keptUnits = KEPT_UNITS;
    const keys = this.firstKeys;
    const mask = keys.length - 1;
    const shift = this.hashShift;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      // the table read in line: this loop meets every character of every body
      const kept = keptUnits[cp]!;
      if (kept !== Kept.Yes) {
        if (kept === Kept.No) continue;
        cp = keptCodePoint(text, i);
        if (cp < 0) continue;
        if (cp > 0xffff) i++;
      }
      if (prev > 0xffff) {
        const id = idIn(this.astral, prev, cp);
        if (id >= 0) found[id] = 1;
      } else if (prev >= 0) {
        // slotOf in line
        let h = Math.imul(prev, 0x9e3779b1) >>> shift;
        let key = keys[h]!;
        while (key !== prev && key !== -1) key = keys[(h = (h + 1) & mask)]!;
        if (key === prev) {
          const list = this.secondLists[h]!;
          for (let k = 0; k < list.length; k += 2) {
            if (list[k] === cp) {
              found[list[k + 1]!] = 1;
              break;
            }
          }
        }
      }
      prev = cp;
    }
    return prev;
  }
}

/**
 * The share of a heading's bigrams that texts hold (read as if joined), or null when the
 * heading has none: what a heading names of the text under it.
 */
export function namedShare(heading: string, texts: readonly string[]): number | null {
  const index = new BigramIndex([heading]);
  if (index.wanted === 0) return null;
  const found = index.occurrences(texts);
  let named = 0;
  for (let g = 0; g < found.length; g++) named += found[g]!;
  return named / index.wanted;
}

/** What the scan knows of a BMP code unit: kept (Han, a letter or a digit) or not, or to be asked. */
const Kept = { Unknown: 0, Yes: 1, No: 2 } as const;

/**
 * Per BMP code unit, whether it is kept, learnt on first use (kindsOf tests the Han script
 * then): one byte a unit, so the table the scan reads for every character is a quarter of the
 * size of the CharKind table. High surrogates stay Unknown: the code point decides.
 */
const KEPT_UNITS = new Uint8Array(0x10000);

const NO_LIST: number[] = [];

/** The code point at `i` when it is kept (Han, a letter or a digit), else -1. */
function keptCodePoint(text: string, i: number): number {
  let cp = text.charCodeAt(i);
  if (cp >= 0xd800 && cp <= 0xdbff) {
    if (i + 1 < text.length) cp = text.codePointAt(i)!;
    return isKeptCode(cp) ? cp : -1;
  }
  let kept = KEPT_UNITS[cp]!;
  if (kept === Kept.Unknown) KEPT_UNITS[cp] = kept = isKeptCode(cp) ? Kept.Yes : Kept.No;
  return kept === Kept.Yes ? cp : -1;
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
