/**
 * The character classes of the text model: every set of characters the rules of OUTPUT.md
 * ("Canonical text") and the line shapes act on is spelled once here, and one table says, per
 * BMP code unit, which of the sets a character is in. Rules read the table (one typed-array
 * load per character) rather than testing a regex or a string at each position; the regexes
 * some rules still use are built from these sets with `classSource`.
 */

/** A set of characters: the characters themselves, or ranges of BMP code points, both ends in. */
type CharSet = string | readonly (readonly [number, number])[];

/** CJK punctuation named by OUTPUT.md, plus the bracket forms OCR also produces. */
export const CJK_PUNCT = '，。、；：？！“”‘’《》（）…—·「」『』【】〈〉〔〕';
/** What letter spacing and the spacing rules act on: space, tab, ideographic space. */
export const BLANKS = ' \t\u3000';
/** Half-width marks that become full-width next to CJK text (rule 5)... */
export const HALF_MARKS = ',;:()?!';
/** ...and what each becomes, in the same order. */
export const FULL_MARKS = '，；：（）？！';
/** Full-width letters and digits: each is its ASCII letter or digit plus FULLWIDTH_OFFSET (rule 5). */
export const FULLWIDTH_ALNUM: CharSet = [[0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a]];
export const FULLWIDTH_OFFSET = 0xfee0;
/** ASCII letters, lower case, digits. */
export const ASCII_LETTERS: CharSet = [[0x41, 0x5a], [0x61, 0x7a]];
const ASCII_LOWER: CharSet = [[0x61, 0x7a]];
const ASCII_DIGITS: CharSet = [[0x30, 0x39]];
/** Controls, zero-width characters, the word joiner, BOM and soft hyphen: not text (rule 4). */
export const INVISIBLES: CharSet = [[0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x9f], [0x200b, 0x200d], [0x2060, 0x2060], [0xfeff, 0xfeff], [0x00ad, 0x00ad]];
/** The zero-width joiner, one of the INVISIBLES... */
export const ZWJ = '\u200D';
/**
 * ...but part of an emoji sequence (`👨‍👩‍👧`, `🏳️‍🌈`, `👩🏽‍💻`) between an emoji (with any variation
 * selector or skin tone) and the next pictograph: a regex source for such a joiner (rule 4).
 */
export const EMOJI_JOINER = '(?<=[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\uFE0F])\\u200D(?=\\p{Extended_Pictographic})';
/** U+FFFD, which OCR leaves where a lead paragraph's indent was. */
export const REPLACEMENT = '\uFFFD';
/** The byline bullet. */
export const BULLET = '■';
/** Brackets around a source note or an author credit. */
export const OPEN_BRACKETS = '（(';
export const CLOSE_BRACKETS = '）)';
/** Closing quotes and brackets: a sentence's last mark may stand before them. */
const CLOSERS = '”’」』）)"';
/** Marks that finish a sentence or a lead-in clause. */
const CLAUSE_MARKS = '。！？!?…：:；;';
/** Clause punctuation a headline does not carry (the enumeration comma `、` it carries inside quotes only: isTitleLike). */
const TITLE_STOPS = '，。；！？,;!?';
/** Colons: a headline may hold one, after a short place name. */
const COLONS = '：:';
/** Marks inside a sentence or at its end: a teaser line (`…… 09 版`) has none. */
const SENTENCE_MARKS = '，。；！？';
/** Latin punctuation after which a Latin word is a new word: `.,;:!?)`. */
const LATIN_STOPS = '.,;:!?)';
/** The regex source of the Han script: what OUTPUT.md calls a CJK (Han) character. */
export const HAN_CLASS = '\\p{Script=Han}';
const HAN = new RegExp(HAN_CLASS, 'u');

/** Membership of the sets above, as bits of a table entry. */
export const CharKind = {
  /** anything `\S` matches */
  Visible: 1,
  /** BLANKS */
  Blank: 2,
  /** HALF_MARKS and FULLWIDTH_ALNUM: what the canonical rules convert */
  Convertible: 4,
  /** what OCR leaves that is not text: INVISIBLES, REPLACEMENT and BULLET */
  Glyph: 8,
  /** HALF_MARKS */
  HalfMark: 0x10,
  /** CJK_PUNCT */
  Punct: 0x20,
  /** the Han script (never for a character of CJK_PUNCT) */
  Han: 0x40,
  /** an ASCII letter (two bits: Alnum asks for either) */
  Letter: 0x80,
  Digit: 0x100,
  /** an ASCII letter or digit */
  Alnum: 0x80 | 0x100,
  Lower: 0x200,
  OpenBracket: 0x400,
  CloseBracket: 0x800,
  Closer: 0x1000,
  ClauseMark: 0x2000,
  TitleStop: 0x4000,
  Colon: 0x8000,
  SentenceMark: 0x10000,
  LatinStop: 0x20000,
  /**
   * Set in a table entry once its Han bit is known: testing the script property for every BMP
   * code point at start-up costs tens of milliseconds a worker, so kindsOf tests it on first use.
   */
  HanKnown: 0x40000000,
} as const;

/**
 * The kinds a line sums up (Line.kinds): each pass that acts on a few kinds asks a line's
 * summary, made once with the line, before reading its text. Every pass scanned every line for
 * its own characters, most often to find none.
 */
const LINE_KINDS = CharKind.Visible | CharKind.Blank | CharKind.Convertible | CharKind.Glyph;
const HAN_KNOWN = CharKind.HanKnown;

const TABLE = new Uint32Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (!isJsSpace(c)) TABLE[c] = CharKind.Visible;
const mark = (set: CharSet, kinds: number) => {
  for (const [from, to] of rangesOf(set)) for (let c = from; c <= to; c++) TABLE[c]! |= kinds;
};
mark(BLANKS, CharKind.Blank);
mark(HALF_MARKS, CharKind.Convertible | CharKind.HalfMark);
mark(FULLWIDTH_ALNUM, CharKind.Convertible);
mark(INVISIBLES, CharKind.Glyph);
mark(REPLACEMENT + BULLET, CharKind.Glyph);
// a character of CJK_PUNCT or an ASCII letter or digit is no Han character: its Han bit is known
mark(CJK_PUNCT, CharKind.Punct | HAN_KNOWN);
mark(ASCII_LETTERS, CharKind.Letter | HAN_KNOWN);
mark(ASCII_LOWER, CharKind.Lower);
mark(ASCII_DIGITS, CharKind.Digit | HAN_KNOWN);
mark(OPEN_BRACKETS, CharKind.OpenBracket);
mark(CLOSE_BRACKETS, CharKind.CloseBracket);
mark(CLOSERS, CharKind.Closer);
mark(CLAUSE_MARKS, CharKind.ClauseMark);
mark(TITLE_STOPS, CharKind.TitleStop);
mark(COLONS, CharKind.Colon);
mark(SENTENCE_MARKS, CharKind.SentenceMark);
mark(LATIN_STOPS, CharKind.LatinStop);

/** The CharKind bits of one code point: a BMP code unit (a lone surrogate included) or an astral code point. */
export function kindsOf(cp: number): number {
  if (cp > 0xffff) return HAN.test(String.fromCodePoint(cp)) ? CharKind.Visible | CharKind.Han : CharKind.Visible;
  const k = TABLE[cp]!;
  if ((k & HAN_KNOWN) !== 0) return k;
  const known = k | HAN_KNOWN | (HAN.test(String.fromCharCode(cp)) ? CharKind.Han : 0);
  TABLE[cp] = known;
  return known;
}

/**
 * The table itself, for a loop that meets every character of a page and reads it in line (a
 * call per character was not inlined there): an entry without HanKnown must be asked of kindsOf.
 */
export const UNIT_KINDS: ArrayLike<number> = TABLE;

/**
 * Whether code unit `c` is in a set `kinds` names: any CharKind but Han, which needs the code
 * point (kindsOf).
 */
export const unitIs = (c: number, kinds: number): boolean => (TABLE[c]! & kinds) !== 0;

/** The CharKind bits of code unit `c`, but for Han, which needs the code point (kindsOf). */
export const unitKinds = (c: number): number => TABLE[c]!;

/** Whether a text holds a code unit in a set `kinds` names (any CharKind but Han). */
export function hasUnit(text: string, kinds: number): boolean {
  for (let i = 0; i < text.length; i++) if ((TABLE[text.charCodeAt(i)]! & kinds) !== 0) return true;
  return false;
}

/** The CharKind bits of the characters in a text, as a line sums them up (Visible, Blank, Convertible, Glyph). */
export function charKinds(text: string): number {
  let kinds = 0;
  for (let i = 0; i < text.length; i++) kinds |= TABLE[text.charCodeAt(i)]!;
  return kinds & LINE_KINDS;
}

/** Whether a code point is Han (\p{Script=Han}). */
export const isHanCode = (cp: number): boolean => (kindsOf(cp) & CharKind.Han) !== 0;
/** Whether a code point is CJK text: Han, or CJK punctuation. */
export const isCjkCode = (cp: number): boolean => (kindsOf(cp) & (CharKind.Han | CharKind.Punct)) !== 0;
/** Whether a code point is Han, an ASCII letter or a digit: what must survive every rule, and what headlines are matched by. */
export const isKeptCode = (cp: number): boolean => (kindsOf(cp) & (CharKind.Han | CharKind.Alnum)) !== 0;

/** What `\s` matches in a JavaScript regex, for one UTF-16 code unit, without a regex. */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether a text starts or ends with what `trim` removes. */
export function hasEdgeSpace(text: string): boolean {
  return text !== '' && (isJsSpace(text.charCodeAt(0)) || isJsSpace(text.charCodeAt(text.length - 1)));
}

/** `text.trim()`, without making a new string for the usual line that has nothing to trim. */
export const trimmed = (text: string): string => (hasEdgeSpace(text) ? text.trim() : text);

/** The code point that ends with code unit `lo`, `hi` being the unit before it (NaN if none). */
export function pointEndingWith(hi: number, lo: number): number {
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000 : lo;
}

/** The code point that ends just before index `end` (a surrogate pair counts as one). */
export const codePointBefore = (s: string, end: number): number => pointEndingWith(s.charCodeAt(end - 2), s.charCodeAt(end - 1));

/** Counts the kept characters (isKeptCode) of a text after NFKC, as the scorer counts what was lost or added. */
export function countKept(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const ch of text.normalize('NFKC')) if (isKeptCode(ch.codePointAt(0)!)) into.set(ch, (into.get(ch) ?? 0) + 1);
  return into;
}

/** The inside of a regex character class (`[…]`) that matches a set, every character escaped. */
export function classSource(set: CharSet): string {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  return rangesOf(set).map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('');
}

function rangesOf(set: CharSet): readonly (readonly [number, number])[] {
  if (typeof set !== 'string') return set;
  return [...set].map((ch) => [ch.charCodeAt(0), ch.charCodeAt(0)] as const);
}
