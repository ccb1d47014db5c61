/** A slice of a corpus: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parse `K/N` (1 ≤ K ≤ N); null when the text is not one. */
export function parseShard(text: string): Shard | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return null;
  return { index, count };
}

/**
 * 32-bit FNV-1a over the UTF-8 bytes of the path as given. It depends on nothing but the
 * string, so every machine of a job array agrees on the split without talking to the others.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const inShard = (path: string, shard: Shard): boolean => fnv1a(path) % shard.count === shard.index - 1;
