import { definePass } from './pass.js';
import { attributionText, creditName, endsClause, trailingBracket, withoutBrackets } from '../model/shapes.js';
import type { Block } from '../model/types.js';
import { blockWith, makeBlock, pageWith } from '../model/page.js';

/**
 * An article often ends with a bracket after its last sentence: a source note
 * (`（据民政部网站）`, `（《某某日报》）`) or the author's name (`（王某某）`). Take it out of the
 * paragraph as an attribution or a trailing byline, and mark that the article ends there.
 */
export const trailingCredits = definePass({
  name: 'trailing-credits',
  description: 'Split a trailing (据…) source note or (Name) author credit off the last sentence',
  run(page) {
    if (page.blocks.length === 0) return page;
    const blocks: Block[] = [];
    for (const b of page.blocks) {
      if (b.kind === 'attribution') {
        blocks.push(blockWith(b, { text: withoutBrackets(b.text), endsArticle: true }));
        continue;
      }
      if (b.kind !== 'paragraph') { blocks.push(b); continue; }
      const m = trailingBracket(b.text);
      const before = m ? b.text.slice(0, m.start).trimEnd() : '';
      if (!m || (before !== '' && !endsClause(before))) { blocks.push(b); continue; }
      const source = attributionText(m.inner);
      const name = source ? null : creditName(m.inner);
      if (!source && !name) { blocks.push(b); continue; }
      if (before) blocks.push(blockWith(b, { text: before }));
      blocks.push(makeBlock(source ? 'attribution' : 'byline', (source ?? name)!, [b.lines[1], b.lines[1]], { endsArticle: true }));
    }
    return pageWith(page, { blocks });
  },
});
