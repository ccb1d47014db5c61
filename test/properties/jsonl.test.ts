import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { articleWith, emptyArticle, makeBlock, message, pageWith } from '../../src/model/page.js';
import type { Page } from '../../src/model/types.js';
import { pageToJsonl } from '../../src/writers/jsonl.js';
import { pageRecords } from '../../src/writers/records.js';
import { parseText, ROOT } from '../helpers.js';
import { page as generatedPage } from './pages.js';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/** The definition: each record of records.ts through JSON.stringify, one per line. */
const byRecords = (p: Page): string => pageRecords(p).map((r) => JSON.stringify(r) + '\n').join('');

/** Any string JSON has to escape or may get wrong: quotes, backslashes, controls, lone surrogates, line separators. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\ud800', '\udfff', '民', '/', '</'),
    fc.string({ unit: 'grapheme', maxLength: 2 }),
    fc.string({ unit: 'binary', maxLength: 2 }),
  ),
  maxLength: 10,
});
const span = fc.tuple(fc.nat(9999), fc.nat(9999)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
const maybe = fc.option(anyText, { nil: null });

const anyPage: fc.Arbitrary<Page> = fc
  .record({
    source: anyText,
    stem: anyText,
    encoding: anyText,
    dialect: fc.constantFrom('raw' as const, 'markdown' as const),
    articles: fc.array(
      fc.record({
        headline: maybe,
        subheadlines: fc.array(anyText, { maxLength: 3 }),
        byline: maybe,
        section: maybe,
        body: fc.array(fc.record({ kind: fc.constantFrom('paragraph' as const, 'subhead' as const, 'caption' as const), text: anyText, lines: span }), { maxLength: 4 }),
        captions: fc.array(anyText, { maxLength: 2 }),
        attribution: maybe,
        lines: span,
      }),
      { maxLength: 120 },
    ),
    furniture: fc.array(fc.record({ text: anyText, lines: span }), { maxLength: 3 }),
    messages: fc.array(fc.record({ origin: anyText, message: anyText, line: fc.option(fc.nat(9999), { nil: null }), severity: fc.constantFrom('warning' as const, 'error' as const) }), { maxLength: 3 }),
  })
  .map((g) =>
    pageWith(parseText(''), {
      ...g,
      articles: g.articles.map((a) => articleWith(emptyArticle(), { ...a, body: a.body.map((b) => makeBlock(b.kind, b.text, b.lines)) })),
      messages: g.messages.map((m) => message(m.origin, m.message, m.line, m.severity)),
    }),
  );

describe('JSON Lines are the records, byte for byte', () => {
  test('for any page model, whatever its strings hold (more than 99 articles included)', () => {
    fc.assert(fc.property(anyPage, (p) => expect(pageToJsonl(p)).toBe(byRecords(p))), { numRuns: NUM_RUNS });
  });

  test('for generated pages, parsed', () => {
    fc.assert(fc.property(generatedPage, ({ text }) => {
      const p = parseText(text, 'gen');
      expect(pageToJsonl(p)).toBe(byRecords(p));
    }), { numRuns: NUM_RUNS });
  });

  test('for every seed and fixture page', () => {
    const dirs = ['seeds', 'fixtures/pages', 'fixtures/holdout/pages', 'fixtures/blind/pages'].map((d) => path.join(ROOT, d)).filter((d) => fs.existsSync(d));
    let pages = 0;
    for (const dir of dirs) {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        const p = parseText(fs.readFileSync(path.join(dir, f), 'utf8'), f.replace(/\.txt$/, ''));
        expect(pageToJsonl(p)).toBe(byRecords(p));
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(20);
  });
});
