import fc from 'fast-check';
import { readArticleMarkdown } from '../../src/read/article-markdown.js';
import { articleToMarkdown } from '../../src/writers/markdown.js';
import { articleRecord, type ArticleRecord } from '../../src/writers/records.js';
import { parseText } from '../helpers.js';
import { page } from './pages.js';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** One line of any text: what a record's strings may hold, Markdown and YAML syntax included. */
const oneLine = fc.string({ unit: fc.oneof(fc.constantFrom('#', '>', '\\', '-', '*', '1.', ' ', ':', '"', "'", '---', '民', 'null', '~', '|', '{', '['), fc.string({ unit: 'grapheme', maxLength: 3 })), maxLength: 12 })
  .map((s) => s.replace(/[\r\n\u2028\u2029\u0085]/g, ''));
const span = fc.tuple(fc.nat(500), fc.nat(500)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);

const record: fc.Arbitrary<ArticleRecord> = fc.record({
  type: fc.constant('article' as const),
  id: oneLine,
  source: oneLine,
  headline: fc.option(oneLine, { nil: null }),
  subheadlines: fc.array(oneLine, { maxLength: 3 }),
  byline: fc.option(oneLine, { nil: null }),
  section: fc.option(oneLine, { nil: null }),
  body: fc.array(fc.record({ kind: fc.constantFrom('paragraph' as const, 'subhead' as const), text: oneLine, lines: span }), { maxLength: 6 }),
  captions: fc.array(oneLine, { maxLength: 3 }),
  attribution: fc.option(oneLine, { nil: null }),
  lines: span,
});

describe('Markdown round trip: read(write(record)) is the record', () => {
  test('on the articles of generated pages', () => {
    fc.assert(
      fc.property(page, ({ text }) => {
        const p = parseText(text, 'gen');
        p.articles.forEach((a, i) => {
          const r = articleRecord(p, a, i);
          expect(readArticleMarkdown(articleToMarkdown(r))).toEqual(r);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('on arbitrary records whose strings look like Markdown or YAML syntax', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(readArticleMarkdown(articleToMarkdown(r))).toEqual(r);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('front matter holds any string, control characters and line separators included', () => {
    // Only the body is Markdown; the fields in the front matter may hold anything a file name can.
    const anyText = fc.string({ unit: 'binary', maxLength: 16 });
    const bare = { type: 'article' as const, headline: null, body: [], captions: [], lines: [1, 1] as [number, number] };
    fc.assert(
      fc.property(anyText, anyText, fc.array(anyText, { maxLength: 3 }), fc.option(anyText, { nil: null }), fc.option(anyText, { nil: null }), fc.option(anyText, { nil: null }),
        (id, source, subheadlines, byline, section, attribution) => {
          const r: ArticleRecord = { ...bare, id, source, subheadlines, byline, section, attribution };
          expect(readArticleMarkdown(articleToMarkdown(r))).toEqual(r);
        }),
      { numRuns: NUM_RUNS },
    );
  });

  test('a file that is not bulletin article Markdown is an error, not a guess', () => {
    expect(() => readArticleMarkdown('# just a heading\n')).toThrow(/not a bulletin article/);
    const md = articleToMarkdown({ type: 'article', id: 'p/01', source: 'p.txt', headline: '标题', subheadlines: [], byline: null, section: null, body: [{ kind: 'paragraph', text: '正文。', lines: [2, 3] }], captions: [], attribution: null, lines: [1, 3] });
    expect(md).toBe('---\ntitle: "标题"\nid: "p/01"\nsource: "p.txt"\nheadline: "标题"\nsubheadlines: []\nbyline: null\nsection: null\ncaptions: []\nattribution: null\nlines: [1, 3]\nbody_lines: [[2, 3]]\n---\n\n正文。\n');
    expect(() => readArticleMarkdown(md.replace('正文。', '# 正文。'))).toThrow(/level-1 heading/);
    expect(() => readArticleMarkdown(md.replace('正文。', '正文。\n\n多一段'))).toThrow(/body_lines/);
    expect(() => readArticleMarkdown(md.replace('正文。', '*正文*。'))).toThrow(/emphasis markup/);
  });
});
