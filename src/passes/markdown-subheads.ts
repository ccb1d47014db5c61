import { definePass } from './pass.js';
import { UNMARKED_HEADING, blockWith, pageWith } from '../model/page.js';
import { namedShare } from './bigram-index.js';
import { isSectionLabelShaped, isSubtitleShaped, namePrefix, namesPlace, opensWithPlace } from '../model/shapes.js';
import type { Block } from '../model/types.js';
import { fixedChoices, isFixedHeadline } from '../model/overrides.js';

interface Options {
  maxNamedShare: number;
  maxSubheadChars: number;
  [key: string]: unknown;
}

/**
 * A converter marks an article's in-body subheads as headings too, a size below its headline,
 * and so it marks the headline of the next article printed without a source note between.
 * Which one a heading is, only the text tells. A headline names its story: the text below it
 * holds most of its words (the premise match-headlines places headlines on). A subhead names a
 * turn of the story in a phrase of its own (`攻克海底“硬骨头”`), whose words the paragraphs
 * below seldom repeat. (How much the text below shares with the story above tells nothing:
 * two reports on one page's subject share as many words as two parts of one report.) So a
 * single heading set smaller than the running article's headline, between two paragraphs, is
 * a subhead when the text below it, up to the next heading, holds few of its words — or when
 * it is one of several such headings of one size in the running article (a report's turns
 * are set alike), unless it is also listed elsewhere on the page, as headlines are.
 */
export const markdownSubheads = definePass<Options>({
  name: 'markdown-subheads',
  description: 'Read a smaller Markdown heading inside a running article as its subhead when the text below holds few of its words',
  options: {
    maxNamedShare: { default: 0.35, description: 'a heading is a subhead when the text below it holds less than this share of its words', unit: 'share of bigrams', min: 0, max: 1 },
    maxSubheadChars: { default: 24, description: 'a subhead is at most this long', unit: 'characters', min: 1, integer: true },
  },
  run(page, options, { report }) {
    if (page.dialect !== 'markdown' || page.blocks.length === 0) return page;
    const blocks = page.blocks;
    // a heading an editor named a headline stays one
    const fixed = fixedChoices(page);

    // The sizes the page sets its headlines in, told by headings that stand alone where an
    // article starts (after text, over a byline or a dateline): a heading of such a size reads
    // as a headline unless the text below names almost none of its words.
    const headlineLevels = new Set<number>();
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const prev = blocks[i - 1];
      const next = blocks[i + 1];
      if (b.kind === 'heading' && b.level && b.level < UNMARKED_HEADING && prev?.kind !== 'heading' && (next?.kind === 'byline' || (next?.kind === 'paragraph' && next.lead))) headlineLevels.add(b.level);
    }
    // A report's turns are set alike: single headings of one size between its paragraphs,
    // with nothing between them that ends or opens an article (a heading group, a lead or
    // dateline, a source note), are sibling subheads when no heading of their size opens an
    // article anywhere on the page, however many of the words below each one names.
    // (a picture's caption lifted out of the paragraph above stands after it, and so does the
    // furniture of a page break that cut it)
    const single = (i: number) => {
      let k = i - 1;
      while (blocks[k]?.kind === 'caption' || blocks[k]?.kind === 'furniture') k--;
      return blocks[k]?.kind === 'paragraph' && blocks[i + 1]?.kind === 'paragraph' && !blocks[i + 1]!.lead;
    };
    const siblings = new Map<number, number>();
    {
      let run: number[] = [];
      const close = () => {
        for (const i of run) siblings.set(i, run.filter((k) => blocks[k]!.level === blocks[i]!.level).length);
        run = [];
      };
      for (let i = 0; i < blocks.length; i++) {
        const b = blocks[i]!;
        if (b.kind === 'heading' && single(i)) run.push(i);
        else if (b.kind === 'heading' || (b.kind === 'paragraph' && b.lead) || b.endsArticle || b.kind === 'attribution') close();
      }
      close();
    }
    // a heading also listed elsewhere on the page (in the headline list at its top) is a headline
    const printed = new Map<string, number>();
    for (const b of blocks) if (b.kind === 'heading') printed.set(b.text, (printed.get(b.text) ?? 0) + 1);
    const out: Block[] = [];
    // the size of the running article's headline (Infinity: no article with a headline runs)
    let headlineLevel = Infinity;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.kind === 'heading') {
        const prev = blocks[i - 1];
        if (single(i) && printed.get(b.text) === 1 && !isFixedHeadline(fixed, b.lines[0]) && (b.level ?? 0) > headlineLevel && [...b.text].length <= options.maxSubheadChars) {
          // the text below, up to the next heading or the article's end
          const below: string[] = [];
          for (let k = i + 1; k < blocks.length && (blocks[k]!.kind === 'paragraph' || blocks[k]!.kind === 'caption'); k++) {
            if (k > i + 1 && blocks[k]!.lead) break;
            if (blocks[k]!.kind === 'paragraph') below.push(blocks[k]!.text);
          }
          // the heading's own words (bigrams, as match-headlines counts them): a headline's fill
          // the text below it, a subhead's name a turn of the story in a phrase of its own
          const share = namedShare(b.text, below) ?? 1;
          const level = b.level ?? 0;
          const sibling = (siblings.get(i) ?? 0) >= 2;
          const bar = headlineLevels.has(level) ? options.maxNamedShare / 2 : sibling ? Infinity : options.maxNamedShare;
          // a news headline's form, a place and a colon (`湖北十堰：…`), over text that names the
          // place, opens a report of its own (a roundup's turns, set alike, are siblings)
          const place = !sibling && opensWithPlace(b.text) ? namePrefix(b.text.slice(0, Math.max(b.text.indexOf('：'), b.text.indexOf(':')) + 1)) : null;
          if (share < bar && !(place !== null && below.some((t) => namesPlace(t, place)))) {
            out.push(blockWith(b, { kind: 'subhead', level: undefined, parts: undefined }));
            if (share >= bar / 2) report(`close call: heading "${b.text}" read as a subhead; the text below it holds ${Math.round(share * 100)}% of its words`, { line: b.lines[0], kind: 'close-call' });
            continue;
          }
          if (share < bar * 1.5) report(`close call: heading "${b.text}" read as a new article's headline; the text below it holds only ${Math.round(share * 100)}% of its words`, { line: b.lines[0], kind: 'close-call' });
        }
        // a heading that opens an article (or a group of them): its largest is the headline,
        // but for a column's label over the articles under it (`## 地方动态` over `### …`)
        if (prev?.kind !== 'heading') headlineLevel = b.level ?? Infinity;
        else if (blocks[i - 2]?.kind !== 'heading' && (prev.level ?? 0) < (b.level ?? 0) && (b.level ?? 0) < UNMARKED_HEADING && isSectionLabelShaped(prev.text) && !isSubtitleShaped(b.text)) headlineLevel = b.level ?? Infinity;
        else headlineLevel = Math.min(headlineLevel, b.level ?? Infinity);
        out.push(b);
        continue;
      }
      // a dateline opens a report of its own, printed without a headline; a source note ends one
      if ((b.kind === 'paragraph' && b.lead) || b.endsArticle || b.kind === 'attribution') headlineLevel = Infinity;
      out.push(b);
    }
    return pageWith(page, { blocks: out });
  },
});
