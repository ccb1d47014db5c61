import { definePass } from './pass.js';
import { articleWith, blockWith, lineKinds, lineWith, pageWith } from '../model/page.js';
import { canonicalize, canonicalizeLines, mayChange } from '../model/canonical.js';
import type { Article, Block, Line } from '../model/types.js';

/**
 * Rules 2 and 5 of OUTPUT.md (spacing next to CJK, half-width punctuation, full-width
 * letters and digits). It runs on lines so that later passes see canonical punctuation, and
 * again on any blocks or articles already built, so it can be placed anywhere in the list.
 */
export const canonicalText = definePass({
  name: 'canonical-text',
  description: 'Apply the canonical spacing and punctuation rules to every line and string',
  run(page) {
    const fixBlock = (b: Block): Block => blockWith(b, { text: canonicalize(b.text) });
    const fix = (s: string | null) => (s === null ? null : canonicalize(s));
    const fixArticle = (a: Article): Article =>
      articleWith(a, {
        headline: fix(a.headline),
        subheadlines: a.subheadlines.map(canonicalize),
        byline: fix(a.byline),
        section: fix(a.section),
        body: a.body.map(fixBlock),
        captions: a.captions.map(canonicalize),
        attribution: fix(a.attribution),
      });
    return pageWith(page, {
      lines: linesCanonical(page.lines),
      blocks: page.blocks.map(fixBlock),
      articles: page.articles.map(fixArticle),
      furniture: page.furniture.map((f) => ({ text: canonicalize(f.text), lines: f.lines })),
    });
  },
});

/** Lines with canonical text; a line the rules leave alone stays the same object. */
function linesCanonical(lines: Line[]): Line[] {
  // Most lines hold nothing the rules change. The others go through the rules together (a line
  // never holds a line break), which costs less than a call per line.
  const touched: number[] = [];
  const before: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!mayChange(lines[i]!.text, lineKinds(lines[i]!))) continue;
    touched.push(i);
    before.push(lines[i]!.text);
  }
  if (touched.length === 0) return lines;
  const after = canonicalizeLines(before);
  let out: Line[] | null = null;
  for (let k = 0; k < touched.length; k++) {
    if (after[k] === before[k]) continue;
    out ??= lines.slice();
    out[touched[k]!] = lineWith(lines[touched[k]!]!, { text: after[k]! });
  }
  return out ?? lines;
}
