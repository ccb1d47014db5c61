import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

/** A run of bytes that is not valid in the chosen encoding. */
export interface InvalidSequence {
  /** byte offset from the start of the file (a BOM included) */
  offset: number;
  length: number;
  /** 1-based line of the decoded text the sequence falls on */
  line: number;
}

export interface Decoded {
  text: string;
  /** utf-8, utf-8-bom, utf-16le, utf-16be or gb18030: what the page record reports */
  encoding: string;
  /** invalid sequences, each decoded as one or more U+FFFD; callers must report them */
  invalid: InvalidSequence[];
}

/**
 * Bytes to text. A BOM decides UTF-8 or UTF-16. Otherwise strict UTF-8; where that fails,
 * GB18030 (a superset of GBK and GB2312, what Chinese OCR tools write) when its byte
 * structure holds; when neither is clean, whichever has fewer invalid sequences (UTF-8 on a
 * tie), because one stray byte in a UTF-8 page must not turn the whole page into mojibake.
 */
export function decode(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf, 'utf-8-bom', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf, 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf, 'utf-16be');
  const asUtf8 = utf8(buf, 'utf-8', 0);
  if (asUtf8.invalid.length === 0) return asUtf8;
  const gbInvalid = invalidGb18030(buf);
  if (gbInvalid.length < asUtf8.invalid.length) {
    return { text: iconv().decode(buf, 'gb18030'), encoding: 'gb18030', invalid: withLines(buf, gbInvalid, 0) };
  }
  return asUtf8;
}

/** iconv-lite, loaded with the first GB18030 page: every worker imports this module, few need it. */
let iconvModule: typeof import('iconv-lite') | undefined;
const iconv = (): typeof import('iconv-lite') => (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

function utf8(buf: Buffer, encoding: string, start: number): Decoded {
  const body = buf.subarray(start);
  // validation in native code, then a plain decode: the common case costs one pass each
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding, invalid: [] };
  const invalid = invalidUtf8(body).map((s) => ({ ...s, offset: s.offset + start }));
  return { text: new TextDecoder('utf-8').decode(body), encoding, invalid: withLines(buf, invalid, start) };
}

/**
 * The invalid sequences of bytes in one encoding. `step` reads the multi-byte character at
 * `i` (ASCII is valid in every encoding here) and says how many bytes it takes when valid, or
 * minus how many bytes make one error; adjacent bad bytes make one sequence.
 */
function invalidBy(bytes: Uint8Array, step: (bytes: Uint8Array, i: number) => number): { offset: number; length: number }[] {
  const out: { offset: number; length: number }[] = [];
  let i = 0;
  while (i < bytes.length) {
    const n = bytes[i]! < 0x80 ? 1 : step(bytes, i);
    if (n > 0) { i += n; continue; }
    const last = out[out.length - 1];
    if (last && last.offset + last.length === i) last.length -= n;
    else out.push({ offset: i, length: -n });
    i -= n;
  }
  return out;
}

/**
 * Invalid sequences of UTF-8, by the Unicode well-formedness table (no overlongs, no
 * surrogates, nothing above U+10FFFF); adjacent bad bytes make one sequence.
 */
export const invalidUtf8 = (bytes: Uint8Array) => invalidBy(bytes, utf8Step);

function utf8Step(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
  else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
  else return -1;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    const [l, h] = k === 1 ? [lo, hi] : [0x80, 0xbf];
    // a truncated sequence: the lead and the continuation bytes it did have are one error
    if (c === undefined || c < l || c > h) return -k;
  }
  return need + 1;
}

/** Invalid sequences of GB18030: one byte 00–7F, two bytes 81–FE 40–7E|80–FE, four bytes 81–FE 30–39 81–FE 30–39. */
export const invalidGb18030 = (bytes: Uint8Array) => invalidBy(bytes, gb18030Step);

function gb18030Step(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b === 0x80 || b === 0xff) return -1;
  const c = bytes[i + 1];
  if (c !== undefined && ((c >= 0x40 && c <= 0x7e) || (c >= 0x80 && c <= 0xfe))) return 2;
  if (c !== undefined && c >= 0x30 && c <= 0x39) {
    const d = bytes[i + 2];
    const e = bytes[i + 3];
    if (d !== undefined && e !== undefined && d >= 0x81 && d <= 0xfe && e >= 0x30 && e <= 0x39) return 4;
  }
  return -1;
}

/**
 * UTF-16 after its BOM. Node's decoder turns lone surrogates into U+FFFD silently, so the
 * code units are checked here first; an odd trailing byte is invalid too.
 */
function utf16(buf: Buffer, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const le = encoding === 'utf-16le';
  const unit = (i: number) => (le ? buf[i]! | (buf[i + 1]! << 8) : (buf[i]! << 8) | buf[i + 1]!);
  const invalid: InvalidSequence[] = [];
  let line = 1;
  let prevCr = false;
  let text = '';
  const parts: string[] = [];
  let i = 2;
  for (; i + 1 < buf.length; i += 2) {
    const u = unit(i);
    if (u === 0x0a) { if (!prevCr) line++; }
    else if (u === 0x0d) line++;
    prevCr = u === 0x0d;
    if (u >= 0xd800 && u <= 0xdbff && i + 3 < buf.length) {
      const v = unit(i + 2);
      if (v >= 0xdc00 && v <= 0xdfff) {
        parts.push(String.fromCharCode(u, v));
        i += 2;
        continue;
      }
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      invalid.push({ offset: i, length: 2, line });
      parts.push('\uFFFD');
      continue;
    }
    parts.push(String.fromCharCode(u));
    if (parts.length >= 8192) { text += parts.join(''); parts.length = 0; }
  }
  if (i < buf.length) {
    invalid.push({ offset: i, length: 1, line });
    parts.push('\uFFFD');
  }
  text += parts.join('');
  return { text, encoding, invalid };
}

/**
 * Give each sequence its line. In UTF-8 and GB18030 the bytes 0A and 0D only ever stand for
 * LF and CR, so lines can be counted on the bytes: LF, CRLF or a lone CR, as splitLines does.
 */
function withLines(buf: Uint8Array, seqs: { offset: number; length: number }[], start: number): InvalidSequence[] {
  const out: InvalidSequence[] = [];
  let line = 1;
  let pos = start;
  for (const s of seqs) {
    for (; pos < s.offset; pos++) {
      const b = buf[pos];
      if (b === 0x0a) line++;
      else if (b === 0x0d && buf[pos + 1] !== 0x0a) line++;
    }
    out.push({ offset: s.offset, length: s.length, line });
  }
  return out;
}

/** A warning's text for one invalid sequence, with the bytes shown so a user can find them. */
export function describeInvalid(s: InvalidSequence, encoding: string, bytes: Uint8Array): string {
  const shown = [...bytes.subarray(s.offset, s.offset + Math.min(s.length, 8))]
    .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
    .join(' ');
  return `invalid ${encoding.replace(/-bom$/, '')} byte sequence at byte offset ${s.offset} (${shown}${s.length > 8 ? ' …' : ''}), decoded as U+FFFD`;
}
