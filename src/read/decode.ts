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
  /** utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 or big5: what the page record reports */
  encoding: string;
  /** invalid sequences, each decoded as one or more U+FFFD; callers must report them */
  invalid: InvalidSequence[];
  /**
   * Set when no supported encoding gives plausible text: why, naming the encoding the bytes
   * look like. The page is not parsed then (mojibake is not a corpus); `--encoding` overrides.
   */
  implausible?: string;
}

/** What `--encoding` may force. UTF-16 is told by its BOM, which every UTF-16 page has. */
export const ENCODINGS = ['utf-8', 'gb18030', 'big5'] as const;
export type ForcedEncoding = (typeof ENCODINGS)[number];

/**
 * Bytes to text. A BOM decides UTF-8 or UTF-16. Otherwise strict UTF-8; where that fails,
 * a legacy Chinese encoding (GB18030, a superset of GBK and GB2312, what mainland OCR tools
 * write; or Big5, traditional Chinese) when its byte structure holds better than UTF-8's; when
 * neither is clean, whichever has fewer invalid sequences (UTF-8 on a tie), because one stray
 * byte in a UTF-8 page must not turn the whole page into mojibake. Which legacy encoding, and
 * whether either is plausible at all, is judged by chardet (see judgeLegacy). `forced` skips
 * every guess but the BOM's for UTF-8.
 */
export function decode(bytes: Uint8Array, forced?: ForcedEncoding): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8Bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (forced === 'utf-8') return utf8Bom ? utf8(buf, 'utf-8-bom', 3) : utf8(buf, 'utf-8', 0);
  if (forced === 'gb18030') return gb18030(buf, invalidGb18030(buf));
  if (forced === 'big5') return big5(buf);
  if (utf8Bom) return utf8(buf, 'utf-8-bom', 3);
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf, 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf, 'utf-16be');
  const asUtf8 = utf8(buf, 'utf-8', 0);
  if (asUtf8.invalid.length === 0) return asUtf8;
  const gbInvalid = invalidGb18030(buf);
  if (gbInvalid.length >= asUtf8.invalid.length) return asUtf8;
  const verdict = judgeLegacy(buf, gbInvalid);
  if (verdict.encoding === 'big5') return big5(buf);
  const asGb = gb18030(buf, gbInvalid);
  return verdict.implausible ? { ...asGb, implausible: verdict.implausible } : asGb;
}

function gb18030(buf: Buffer, invalid: { offset: number; length: number }[]): Decoded {
  return { text: iconv().decode(buf, 'gb18030'), encoding: 'gb18030', invalid: withLines(buf, invalid, 0) };
}

/** iconv-lite, loaded with the first GB18030 page: every worker imports this module, few need it. */
let iconvModule: typeof import('iconv-lite') | undefined;
const iconv = (): typeof import('iconv-lite') => (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));
/** chardet, loaded with the first page that is not UTF-8. */
let chardetModule: typeof import('chardet') | undefined;
const chardet = (): typeof import('chardet') => (chardetModule ??= createRequire(import.meta.url)('chardet') as typeof import('chardet'));

/**
 * The multi-byte encodings of East Asia that chardet tells apart by their common characters.
 * When one of them is clearly what the bytes are, reading them as GB18030 gives mojibake: a
 * Big5, Shift_JIS or EUC-KR page is almost all valid GB18030 byte structure, so structure
 * alone cannot tell, while the frequencies of each language's common characters can.
 */
const CJK_DETECTED = new Set(['Big5', 'Shift_JIS', 'EUC-JP', 'EUC-KR']);
/** chardet's confidence (0–100) from which a rival encoding's verdict is believed... */
const BELIEVED = 50;
/**
 * ...when it beats GB18030's by this much. On slices of 32 to 400 characters of every seed and
 * fixture page in GB18030, no rival came within 10 points of GB18030 in 20,000 samples but one
 * (9 points above, EUC-KR, on 37 characters); on a Big5, Shift_JIS or EUC-KR page the rival
 * leads by about 90.
 */
const MARGIN = 30;
/**
 * A page with fewer multi-byte characters than this is read as GB18030 without a verdict: on a
 * line or two, one common character more or less swings chardet's confidence by 60 points.
 */
const MIN_JUDGED_CHARS = 32;
/** How much of a page chardet reads: its verdict is settled long before, and its cost is linear. */
const JUDGED_BYTES = 1 << 16;

/**
 * Which legacy encoding a page that is not UTF-8 is in. chardet (an ICU port) scores each
 * encoding by how many of that language's most common characters the bytes give. It judges the
 * bytes GB18030 can read at all: stray bytes a GB18030 page picked up are reported one by one
 * anyway, and must not tip the verdict (chardet gives up on an encoding after a few bad bytes).
 * Big5 is chosen when it clearly scores above GB18030 and its own structure holds at least as
 * well; a page that clearly scores as another language's encoding is implausible as GB18030.
 */
function judgeLegacy(buf: Buffer, gbInvalid: { offset: number; length: number }[]): { encoding: 'gb18030' | 'big5'; implausible?: string } {
  const readable = withoutSequences(buf, gbInvalid).subarray(0, JUDGED_BYTES);
  let highBytes = 0;
  for (let i = 0; i < readable.length; i++) if (readable[i]! >= 0x80) highBytes++;
  // two bytes a character, in every encoding judged here but GB18030's rare four-byte ones
  if (highBytes / 2 < MIN_JUDGED_CHARS) return { encoding: 'gb18030' };
  const verdicts = chardet().analyse(readable);
  const confidence = (name: string) => verdicts.find((v) => v.name === name)?.confidence ?? 0;
  const gb = confidence('GB18030');
  const rival = verdicts.find((v) => CJK_DETECTED.has(v.name) && v.confidence >= BELIEVED && v.confidence >= gb + MARGIN);
  if (rival?.name === 'Big5' && invalidBig5(buf).length <= gbInvalid.length) return { encoding: 'big5' };
  if (!rival) return { encoding: 'gb18030' };
  return {
    encoding: 'gb18030',
    implausible:
      `not plausible as GB18030 text: it reads as ${rival.name} (${rival.lang ?? 'unknown language'}, chardet confidence ${rival.confidence} against ${gb} for GB18030)` +
      `; bulletin reads UTF-8, UTF-16 with a BOM, GB18030 and Big5 (--encoding ${ENCODINGS.join('|')} to force one)`,
  };
}

function withoutSequences(buf: Buffer, seqs: { offset: number; length: number }[]): Buffer {
  if (seqs.length === 0) return buf;
  const parts: Buffer[] = [];
  let at = 0;
  for (const s of seqs) {
    parts.push(buf.subarray(at, s.offset));
    at = s.offset + s.length;
  }
  parts.push(buf.subarray(at));
  return Buffer.concat(parts);
}

/**
 * Big5 (with the HKSCS extensions, as the WHATWG standard and iconv-lite define it), decoded
 * one character at a time so that a pair Big5 does not assign is an invalid sequence with its
 * offset, like a malformed one, rather than a silent U+FFFD.
 */
function big5(buf: Buffer): Decoded {
  const invalid: { offset: number; length: number }[] = [];
  const parts: string[] = [];
  let text = '';
  let i = 0;
  const bad = (n: number) => {
    const last = invalid[invalid.length - 1];
    if (last && last.offset + last.length === i) last.length += n;
    else invalid.push({ offset: i, length: n });
    parts.push('\uFFFD');
    i += n;
  };
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      let j = i + 1;
      while (j < buf.length && buf[j]! < 0x80) j++;
      parts.push(buf.toString('latin1', i, j));
      i = j;
    } else if (big5Step(buf, i) === 2) {
      const ch = big5Pair((b << 8) | buf[i + 1]!);
      if (ch === '\uFFFD') bad(2);
      else {
        parts.push(ch);
        i += 2;
      }
    } else bad(1);
    if (parts.length >= 8192) { text += parts.join(''); parts.length = 0; }
  }
  text += parts.join('');
  return { text, encoding: 'big5', invalid: withLines(buf, invalid, 0) };
}

const big5Pairs = new Map<number, string>();
function big5Pair(code: number): string {
  let ch = big5Pairs.get(code);
  if (ch === undefined) big5Pairs.set(code, (ch = iconv().decode(Buffer.of(code >> 8, code & 0xff), 'big5')));
  return ch;
}

/** Big5's byte structure: one byte 00–7F, or a lead 81–FE and a trail 40–7E | A1–FE. */
const invalidBig5 = (bytes: Uint8Array) => invalidBy(bytes, big5Step);

function big5Step(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x81 || b === 0xff) return -1;
  const c = bytes[i + 1];
  return c !== undefined && ((c >= 0x40 && c <= 0x7e) || (c >= 0xa1 && c <= 0xfe)) ? 2 : -1;
}

/**
 * Why a file is not text, or null when it is. NUL bytes (outside UTF-16) mean binary, as
 * for git and grep; so does a file of which more than one byte in a hundred is a control
 * character that text does not hold (everything below U+0020 but tab, line and page breaks;
 * DEL), as in a compressed or encrypted file that happens to hold no NUL. A few stray controls
 * are OCR noise that strip-glyphs removes. Control bytes are counted on the bytes: in UTF-8,
 * GB18030 and Big5 they never occur inside a multi-byte character. Maintained detectors
 * (isbinaryfile, istextorbinary) do not fit: they count every byte that is not UTF-8 as
 * suspect, so that each GB18030 page would be "binary", and read only the first 512 bytes.
 */
export function binaryReason(bytes: Uint8Array): string | null {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return null;
  if (bytes.includes(0)) return 'binary file (contains NUL bytes), skipped';
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) controls++;
  }
  if (controls >= MIN_CONTROLS && controls * 100 > bytes.length) {
    return `binary file (${controls} control characters in ${bytes.length} bytes), skipped`;
  }
  return null;
}
/** Fewer control characters than this are noise, however short the file. */
const MIN_CONTROLS = 4;

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
 * Give each sequence its line. In UTF-8, GB18030 and Big5 the bytes 0A and 0D only ever stand for
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
