import fc from 'fast-check';
import { eastAsianWidth } from 'get-east-asian-width';
import { CJK_PUNCT, CharKind, charKinds } from '../../src/model/chars.js';
import { canonicalize, canonicalizeLines, collapseLetterSpacing, mayChange } from '../../src/model/canonical.js';
import { joinLines } from '../../src/model/join.js';
import { createPage } from '../../src/model/page.js';
import { endsClause, isTitleLike } from '../../src/model/shapes.js';
import { setWidth, widerThan } from '../../src/model/width.js';
import { BigramIndex } from '../../src/passes/bigram-index.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { runPass } from '../pass-tester.js';

/**
 * The text helpers run on every line of every page, so they take short cuts. These are the
 * plain versions they replaced: the short cuts must agree with them on any string.
 */
const P = CJK_PUNCT.replace(/[\]\\^-]/g, '\\$&');
const reference = {
  visualWidth(text: string): number {
    let w = 0;
    for (const ch of text) {
      if (ch === ' ' || ch === '\t' || ch === '\u3000') continue;
      w += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true });
    }
    return w;
  },
  canonicalize(text: string): string {
    const HALF: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };
    let s = text.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    s = s.replace(/[ \t\u3000]+/g, ' ');
    for (;;) {
      const next = s
        .replace(new RegExp(`[ \\t\\u3000]+(?=[${P}])|(?<=[${P}])[ \\t\\u3000]+`, 'gu'), '')
        .replace(/(?<=\p{Script=Han})[ \t\u3000]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])[ \t\u3000]+(?=\p{Script=Han})/gu, '')
        .replace(new RegExp(`(?<=[\\p{Script=Han}${P}][ \\t]*)[,;:()?!]|[,;:()?!](?=[ \\t]*[\\p{Script=Han}${P}])`, 'gu'), (c) => HALF[c]!);
      if (next === s) break;
      s = next;
    }
    return s.trim();
  },
  collapseLetterSpacing(text: string, minRun = 3): string {
    const run = new RegExp(`(?:[\\p{Script=Han}${P}][ \\t\\u3000]+){${minRun - 1},}[\\p{Script=Han}${P}]`, 'gu');
    return text.replace(run, (m) => m.replace(/[ \t\u3000]+/g, ''));
  },
  isTitleLike(text: string, commas = 0): boolean {
    const t = text.trim();
    if ([...t].length < 2) return false;
    // someone's words opened and never closed: a paragraph's first line
    if (t.startsWith('“') && !t.includes('”')) return false;
    if ((t.match(/，/g) ?? []).length > commas) return false;
    if (/[。；！？,;!?]/.test(t)) return false;
    // an enumeration comma only inside a quoted phrase (a quote runs to its closing mark or the
    // end), or after a part's number opening the line (`一、`, `3、`), which enumerates nothing;
    // a subtitle hanging from a dash may list (`——出土陶器、石器等遗物`)
    const subtitle = /^(?:——|─|－－)/.test(t);
    if (!subtitle && /、/.test(t.replace(/^(?:[一二三四五六七八九十]{1,3}|\d{1,2})、/, '').replace(/“[^”]*(”|$)/g, ''))) return false;
    if ((t.match(/[：:]/g) ?? []).length > 1) return false;
    const colon = t.search(/[：:]/);
    // a topic in quoted words may run longer before its colon, unless speech opens after it
    const quotedTopic = colon > 0 && t[colon - 1] === '”' && t[colon + 1] !== '“';
    if (colon > 12 && colon !== t.length - 1 && !quotedTopic) return false;
    return /\p{Script=Han}/u.test(t);
  },
  endsClause(text: string): boolean {
    const m = /([^\s”’」』）)"])[”’」』）)"]*\s*$/.exec(text);
    return m !== null && '。！？!?…：:；;'.includes(m[1]!);
  },
  /** rule 1, one seam at a time */
  joinWrapped(left: string, right: string): string {
    const l = left.trimEnd();
    const r = right.trimStart();
    if (!l || !r) return l + r;
    if (/[A-Za-z]-$/.test(l) && /^[a-z]/.test(r)) return l.slice(0, -1) + r;
    if (/[A-Za-z.,;:!?)]$/.test(l) && /^[A-Za-z]/.test(r)) return `${l} ${r}`;
    if (/[A-Za-z]$/.test(l) && /^[0-9]+[A-Za-z]/.test(r)) return `${l} ${r}`;
    return l + r;
  },
  hanBigrams(text: string): number[] {
    const kept = [...text].filter((c) => /\p{Script=Han}/u.test(c) || /[A-Za-z0-9]/.test(c)).map((c) => c.codePointAt(0)!);
    const out: number[] = [];
    for (let i = 0; i + 1 < kept.length; i++) out.push(kept[i]! * 0x110000 + kept[i + 1]!);
    return out;
  },

};

// Characters the rules care about, a few they do not, and astral and lone surrogates.
const ALPHABET = [...'民政部社工a Zz09 ，。（）“”…—,;:()?!\t\u3000ＡＺａ０９\n\u00a0·■�：、；！？”’」』)"\u2028\ufeff', '𠀀', '😀', '\ud800', '\udc00'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join(''));

describe('text helpers agree with their plain versions', () => {
  test('setWidth counts squeezed CJK punctuation as one cell, CJK two, ASCII one, blanks none', () => {
    expect(setWidth('社工，“站”')).toBe(9);
    expect(setWidth('社工 A1\u3000')).toBe(6);
  });
  test('widerThan is visualWidth compared', () =>
    fc.assert(fc.property(text, fc.nat(60), (t, cells) => widerThan(t, cells) === reference.visualWidth(t) > cells), { numRuns: 3000 }));
  test('canonicalize', () => fc.assert(fc.property(text, (t) => canonicalize(t) === reference.canonicalize(t)), { numRuns: 3000 }));
  test('collapseLetterSpacing, any run length', () =>
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 5 }), (t, n) => collapseLetterSpacing(t, n) === reference.collapseLetterSpacing(t, n)),
      { numRuns: 3000 },
    ));
  test('canonicalizeLines is canonicalize on each line', () =>
    fc.assert(
      fc.property(fc.array(text.map((t) => t.replace(/[\r\n]/g, '')), { maxLength: 8 }), (lines) => {
        expect(canonicalizeLines(lines)).toEqual(lines.map(canonicalize));
      }),
      { numRuns: 3000 },
    ));
  test('isTitleLike', () => fc.assert(fc.property(text, (t) => isTitleLike(t) === reference.isTitleLike(t)), { numRuns: 5000 }));
  test('isTitleLike on short titles with colons', () =>
    fc.assert(fc.property(fc.array(fc.constantFrom(...'民政部社工：:，、“”a 𠀀'), { maxLength: 14 }).map((a) => a.join('')), (t) => isTitleLike(t) === reference.isTitleLike(t)), { numRuns: 5000 }));
  test('isTitleLike on long titles with colons after quotes', () =>
    fc.assert(fc.property(fc.array(fc.constantFrom(...'民政部社工服务站：:“”'), { maxLength: 24 }).map((a) => a.join('')), (t) => isTitleLike(t) === reference.isTitleLike(t)), { numRuns: 5000 }));
  test('isTitleLike allowing commas', () =>
    fc.assert(fc.property(fc.array(fc.constantFrom(...'民政部社工：，，。、“”a'), { maxLength: 14 }).map((a) => a.join('')), fc.integer({ min: 0, max: 2 }), (t, n) => isTitleLike(t, n) === reference.isTitleLike(t, n)), { numRuns: 5000 }));
  test('endsClause', () => fc.assert(fc.property(text, (t) => endsClause(t) === reference.endsClause(t)), { numRuns: 5000 }));
  test('BigramIndex: ids in order of first appearance, and a scan that finds exactly the wanted bigrams', () =>
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), text, fc.array(fc.nat()), (headlines, body, cuts) => {
        const index = new BigramIndex(headlines);
        const wanted = [...new Set(headlines.flatMap((h) => reference.hanBigrams(h)))];
        expect(index.wanted).toBe(wanted.length);
        // a headline's ids are its distinct bigrams, numbered as the index first met them
        expect(index.idsOf(headlines[0]!)).toEqual([...new Set(reference.hanBigrams(headlines[0]!))].map((g) => wanted.indexOf(g)));
        const inBody = new Set(reference.hanBigrams(body));
        expect([...index.occurrences(body)]).toEqual(wanted.map((g) => (inBody.has(g) ? 1 : 0)));
        // the body in pieces (cut anywhere but inside a surrogate pair, as block texts are) is scanned as if joined
        const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((x, y) => x - y);
        const pieces = [0, ...at].map((from, k) => body.slice(from, [...at, body.length][k]));
        if (pieces.every((p, k) => k === 0 || !/^[\udc00-\udfff]/.test(p))) {
          expect([...index.occurrences(pieces)]).toEqual(wanted.map((g) => (inBody.has(g) ? 1 : 0)));
        }
        // the body's ids: the wanted ones it holds, and one of its own, past them, for each other bigram
        const bodyIds = index.idsOf(body);
        expect(bodyIds.length).toBe(inBody.size);
        expect(bodyIds.filter((id) => id < wanted.length).sort((x, y) => x - y)).toEqual(wanted.flatMap((g, i) => (inBody.has(g) ? [i] : [])));
      }),
      { numRuns: 3000 },
    ));
  test('BigramIndex: two indexes alive at once scan independently', () =>
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(text, { minLength: 1, maxLength: 3 }), text, (one, two, body) => {
        const flags = (headlines: string[]) => {
          const inBody = new Set(reference.hanBigrams(body));
          return [...new Set(headlines.flatMap((h) => reference.hanBigrams(h)))].map((g) => (inBody.has(g) ? 1 : 0));
        };
        const a = new BigramIndex(one);
        const b = new BigramIndex(two);
        // scans of one index between the making and the scans of the other
        expect([...b.occurrences(body)]).toEqual(flags(two));
        expect([...a.occurrences(body)]).toEqual(flags(one));
        expect([...b.occurrences([body])]).toEqual(flags(two));
      }),
      { numRuns: 2000 },
    ));
  test('charKinds says which of the classes the passes ask about a text holds', () => {
    const withGlyphs = fc.array(fc.constantFrom(...ALPHABET, '\u0001', '\u000b', '\u0085', '\u200b', '\u2060', '\u00ad', '\u2028', '\u3000'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(text, withGlyphs), (t) => {
        const k = charKinds(t);
        expect((k & CharKind.Visible) !== 0).toBe(/\S/.test(t));
        expect((k & CharKind.Blank) !== 0).toBe(/[ \t\u3000]/.test(t));
        expect((k & CharKind.Convertible) !== 0).toBe(/[,;:()?!Ａ-Ｚａ-ｚ０-９]/.test(t));
        expect((k & CharKind.Glyph) !== 0).toBe(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD\uFFFD■]/.test(t));
      }),
      { numRuns: 5000 },
    );
  });
  test('mayChange, given a text\'s kinds or not, is the regex test it replaced', () =>
    fc.assert(
      fc.property(text, (t) => {
        const was = /^\s|\s$/.test(t) || /[Ａ-Ｚａ-ｚ０-９ \t\u3000,;:()?!]/.test(t);
        expect(mayChange(t)).toBe(was);
        expect(mayChange(t, charKinds(t))).toBe(was);
      }),
      { numRuns: 5000 },
    ));
  test('a text mayChange calls unchanged is left unchanged by canonicalize', () =>
    fc.assert(fc.property(text, (t) => mayChange(t) || canonicalize(t) === t), { numRuns: 5000 }));
  test('strip-glyphs leaves alone exactly the lines without glyphs or edge spaces (the regex its line summary replaced)', () => {
    const glyphs = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD\uFFFD■]|^\s|\s$/;
    const withGlyphs = fc.array(fc.constantFrom(...ALPHABET, '\u0001', '\u000b', '\u0085', '\u200b', '\u2060', '\u00ad', '\ufeff', '\u2028'), { maxLength: 12 }).map((a) => a.join('').replace(/[\r\n\u2028]/g, ''));
    fc.assert(
      fc.property(withGlyphs, (t) => {
        const page = createPage('t.txt', 't', t);
        // a line it has nothing to do on is returned as it was, the page with it
        return (runPass(stripGlyphs, page).page === page) === !page.lines.some((l) => glyphs.test(l.text));
      }),
      { numRuns: 5000 },
    );
  });
  test('joinLines is rule 1 seam after seam (no half-width marks, which joinLines also converts across a seam)', () =>
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...'民政aZz09-.—“', '𠀀', '😀'), { maxLength: 4 }).map((a) => a.join('')), { maxLength: 6 }), (lines) => {
        const kept = lines.filter((l) => l !== '');
        expect(joinLines(lines)).toBe(kept.length ? kept.reduce((x, y) => reference.joinWrapped(x, y)) : '');
      }),
      { numRuns: 5000 },
    ));
  test('joinLines of canonical lines is canonical, astral Han at a seam included', () =>
    fc.assert(
      fc.property(fc.array(text.map((t) => canonicalize(t.replace(/[\r\n]/g, ''))), { maxLength: 6 }), (lines) => {
        const joined = joinLines(lines);
        expect(canonicalize(joined)).toBe(joined);
      }),
      { numRuns: 5000 },
    ));
});
