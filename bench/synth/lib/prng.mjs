// Seeded randomness: mulberry32 plus the few helpers the layouts need.
// Every page gets its own stream, derived from (seed, page index), so page i is the
// same whether 10 or 10,000 pages are generated.

export function mulberry32(a) {
  a >>>= 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a over a string: used to derive independent seeds. */
export function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  constructor(seed) { this.next = mulberry32(seed); }
  static for(...parts) { return new Rng(hash32(parts.join('\u0001'))); }
  float() { return this.next(); }
  /** integer in [lo, hi] inclusive */
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  /** weighted choice over an object {key: weight} or array of [value, weight] */
  weighted(w) {
    const entries = Array.isArray(w) ? w : Object.entries(w);
    let total = 0;
    for (const [, x] of entries) total += x;
    let r = this.next() * total;
    for (const [k, x] of entries) { if ((r -= x) < 0) return k; }
    return entries[entries.length - 1][0];
  }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** a hex string of n digits, for page names */
  hex(n) { let s = ''; while (s.length < n) s += Math.floor(this.next() * 16).toString(16); return s; }
}
