import fc from 'fast-check';
import { countKept } from '../../src/model/chars.js';
import { articleStrings } from '../../src/model/page.js';
import type { Page } from '../../src/model/types.js';
import { parseText } from '../helpers.js';
import { page } from './pages.js';

export const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/**
 * What the output holds, counted as score.mjs counts it: NFKC, Han letters and digits; a
 * section heading repeated on its articles counts once per page.
 */
export function outputCounts(p: Page): Map<string, number> {
  const counts = new Map<string, number>();
  const sections = new Set<string>();
  for (const a of p.articles) {
    if (a.section) sections.add(a.section);
    for (const s of articleStrings({ ...a, section: null })) countKept(s, counts);
  }
  for (const s of sections) countKept(s, counts);
  for (const f of p.furniture) countKept(f.text, counts);
  return counts;
}

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('conservation', () => {
  test('every Han character, ASCII letter and digit of a page appears exactly once in articles plus furniture', () => {
    fc.assert(
      fc.property(page, ({ text }) => {
        expect(sorted(outputCounts(parseText(text)))).toEqual(sorted(countKept(text)));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
