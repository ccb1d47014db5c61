import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  /** byte offsets of sequences that are invalid in the chosen encoding */
  invalid: number[];
}

/**
 * Bytes to text: a BOM decides UTF-8 or UTF-16; otherwise strict UTF-8, and where that fails,
 * GB18030 (a superset of GBK and GB2312, what Chinese OCR tools write) if it decodes cleanly.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 'utf-8-bom', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', invalid: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', invalid: [] };
  const asUtf8 = utf8(bytes, 'utf-8', 0);
  if (asUtf8.invalid.length === 0) return asUtf8;
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (!gb.includes('\uFFFD')) return { text: gb, encoding: 'gb18030', invalid: [] };
  return asUtf8;
}

function utf8(bytes: Uint8Array, encoding: string, base: number): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding, invalid: [] };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding, invalid: invalidUtf8Offsets(bytes).map((o) => o + base) };
  }
}

/** Offsets of bytes that do not start or continue a valid UTF-8 sequence. */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) { out.push(i); i++; continue; }
    let ok = true;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (!ok) { out.push(i); i++; continue; }
    i += need + 1;
  }
  return out;
}
