/**
 * Generated pages for the property tests: what OCR and converters do to a bulletin page,
 * produced at random — CJK and ASCII text wrapped into narrow columns, blank lines in
 * mid-sentence, U+FFFD indent pairs, `■` bullets, letter-spaced lines, half-width and
 * full-width punctuation, headlines, source notes, teasers and Markdown headings.
 */
import fc from 'fast-check';

const COMMON = [...'民政部发布通知要求各地做好儿童保护工作社会组织本报记者据网站日报全国养老服务中心志愿者慈善项目'];
const han = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMON) },
  { weight: 1, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
);
const latin = fc.constantFrom(...'abcdeXYZ', ...'0123456789');
const fullwidth = fc.constantFrom('Ａ', 'ｚ', '０', '９');
const cjkPunct = fc.constantFrom(...'，。、；：？！“”《》（）…—·');
const halfPunct = fc.constantFrom(',', ';', ':', '(', ')', '?', '!', '.', '%', '-', '+');
const space = fc.constantFrom(' ', ' ', '\u3000');

export interface Options {
  /** half-width punctuation and spaces inside the text (see idempotence.test.ts for why they can be left out) */
  loose: boolean;
}

export function pages({ loose }: Options): fc.Arbitrary<GeneratedPage> {
  const char = fc.oneof(
    { weight: 12, arbitrary: han },
    { weight: 3, arbitrary: latin },
    { weight: 1, arbitrary: fullwidth },
    { weight: 2, arbitrary: cjkPunct },
    ...(loose ? [{ weight: 1, arbitrary: halfPunct }, { weight: 1, arbitrary: space }] : []),
  );

  const sentence = fc.array(char, { minLength: 1, maxLength: 30 }).map((cs) => cs.join('') + '。');
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
  const hanRun = (min: number, max: number) => fc.array(han, { minLength: min, maxLength: max }).map((cs) => cs.join(''));

  /** Lines that are not running text: the shapes the passes look for. */
  const shape = fc.oneof(
    hanRun(3, 14),
    fc.tuple(hanRun(2, 8), fc.integer({ min: 1, max: 24 })).map(([s, n]) => `${s} …… ${String(n).padStart(2, '0')} 版`),
    fc.constantFrom('News', 'Focus'),
    fc.tuple(fc.integer({ min: 1, max: 3 }), hanRun(2, 10)).map(([n, s]) => `${VERBATIM}${'#'.repeat(n)} ${s}`),
  );

  /** Source notes, author credits and bylines, alone or after a paragraph, in any order. */
  const note = fc.tuple(
    fc.option(paragraph, { nil: undefined }),
    fc.oneof(
      hanRun(2, 6).map((s) => `（据${s}网站）`),
      hanRun(2, 6).map((s) => `（《${s}日报》）`),
      hanRun(2, 4).map((s) => `（${s}）`),
      hanRun(2, 4).map((s) => `■本报记者 ${s}`),
    ),
  ).map(([a, b]) => (a === undefined ? `${VERBATIM}${b}` : `${a}${SPLIT}${VERBATIM}${b}`));

  /** item separators: two items with one layout; a line kept whole (not wrapped, spaced or broken) */
  const SPLIT = '\u0000';
  const VERBATIM = '\u0001';

  const special = fc.oneof(shape, note);

  interface Item { text: string; width: number; lead: boolean; spaced: boolean; indent: boolean }

  const item = fc.record({
    text: fc.oneof({ weight: 3, arbitrary: paragraph }, { weight: 1, arbitrary: special }),
    width: fc.integer({ min: 5, max: 40 }),
    lead: fc.boolean(),
    spaced: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    indent: fc.boolean(),
  });

  function wrap(it: Item): string[] {
    if (it.text.startsWith(VERBATIM)) return [it.text.slice(1)];
    const chars = [...it.text];
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += it.width) {
      let line = chars.slice(i, i + it.width).join('');
      if (it.spaced) line = [...line].join(' ');
      lines.push(line);
    }
    if (it.lead && lines.length) lines[0] = '\uFFFD \uFFFD' + lines[0];
    else if (it.indent && lines.length) lines[0] = '  ' + lines[0];
    return lines;
  }

  /** A page: items wrapped into columns, blank lines between and inside them, LF, CRLF or CR. */
  return fc
    .record({
      items: fc.array(item, { minLength: 0, maxLength: 12 }),
      breaks: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 64, maxLength: 64 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      finalEol: fc.boolean(),
    })
    .map(({ items, breaks, eol, finalEol }) => {
      const lines: string[] = [];
      let k = 0;
      for (const whole of items) for (const part of whole.text.split(SPLIT)) {
        const it = { ...whole, text: part };
        for (const l of wrap(it)) {
          lines.push(l);
          // a blank line inside a paragraph: a column or picture break
          if (breaks[k++ % breaks.length] === 0 && !it.text.startsWith(VERBATIM)) lines.push('');
        }
        if (breaks[k++ % breaks.length]! < 7) lines.push('');
      }
      return { text: lines.join(eol) + (finalEol && lines.length ? eol : '') };
    });
}

export interface GeneratedPage { text: string }

export const page = pages({ loose: true });
