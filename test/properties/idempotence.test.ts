import fc from 'fast-check';
import { articleStrings, createPage } from '../../src/model/page.js';
import { canonicalize } from '../../src/model/canonical.js';
import { joinLines } from '../../src/model/join.js';
import { runSteps } from '../../src/pipeline.js';
import { findPass } from '../../src/passes/registry.js';
import type { Page } from '../../src/model/types.js';
import { parseText } from '../helpers.js';
import { page } from './pages.js';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/**
 * Idempotence, as defined here: bulletin's output is a fixed point of its text rules.
 * (a) canonicalize(canonicalize(s)) = canonicalize(s) on any generated text;
 * (b) every string of the output is unchanged by the line passes (strip-glyphs, letter-spacing,
 *     canonical-text) when fed back as lines of a page;
 * (c) canonical-text on a finished page returns the same articles and furniture.
 * Re-parsing the output text as a new page is not required to give the same articles: which
 * line is a headline depends on the layout the output no longer has.
 */
const step = (name: string) => {
  const pass = findPass(name)!;
  return { pass, options: { ...pass.defaults } };
};
const LINE_PASSES = ['strip-glyphs', 'letter-spacing', 'canonical-text'].map(step);


const strings = (p: Page) => [...p.articles.flatMap(articleStrings), ...p.furniture.map((f) => f.text)];

describe('idempotence', () => {
  test('(a) canonicalize is idempotent, and joinLines of canonical halves is canonical and stable', () => {
    fc.assert(
      fc.property(page, fc.nat(), ({ text }, cut) => {
        const once = canonicalize(text.replace(/[\r\n]+/g, ' '));
        expect(canonicalize(once)).toBe(once);
        const at = cut % (once.length + 1);
        const joined = joinLines([once.slice(0, at), once.slice(at)]);
        expect(canonicalize(joined)).toBe(joined);
        expect(joinLines([joined, ''])).toBe(joined);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('(b) the line passes change no output string', () => {
    fc.assert(
      fc.property(page, ({ text }) => {
        const out = strings(parseText(text));
        const again = runSteps(createPage('x.txt', 'x', out.join('\n')), LINE_PASSES);
        expect(again.lines.map((l) => l.text)).toEqual(out);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('(c) canonical-text on a finished page changes nothing', () => {
    fc.assert(
      fc.property(page, ({ text }) => {
        const done = parseText(text);
        const again = runSteps(done, [step('canonical-text')]);
        expect(again.articles).toEqual(done.articles);
        expect(again.furniture).toEqual(done.furniture);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
