import { definePass } from './pass.js';
import { emptyArticle, spanOf } from '../model/page.js';
import type { Article, Block, Furniture } from '../model/types.js';

/**
 * Cut the block stream into articles. A lead marker, a headline and a leading byline start
 * one; a source note or trailing credit ends one. Markdown headings followed directly by a
 * deeper heading are section headings over the articles below them. Headline blocks stay
 * in `page.blocks` for the headline pass to place.
 */
export const splitArticles = definePass({
  name: 'split-articles',
  description: 'Cut blocks into articles at lead markers, headlines, bylines and source notes',
  defaults: {},
  run(page) {
    if (page.blocks.length === 0) return page;
    const articles: Article[] = [...page.articles];
    const unplaced: Block[] = [];
    const furniture: Furniture[] = [...page.furniture];
    let cur: Article | null = null;
    let section: { text: string; level: number } | null = null;
    const close = () => {
      if (cur) articles.push({ ...cur, lines: spanOf([cur, ...cur.body]) });
      cur = null;
    };
    const open = (): Article => {
      cur ??= { ...emptyArticle(), section: section?.text ?? null };
      return cur;
    };
    const hasBody = () => cur !== null && cur.body.length > 0;
    const blocks = page.blocks;

    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      switch (b.kind) {
        case 'heading': {
          close();
          const next = blocks[i + 1];
          if (b.level && next?.kind === 'heading' && next.level && next.level > b.level && isSectionLabel(b.text)) {
            section = { text: b.text, level: b.level };
            continue;
          }
          if (section && b.level && b.level <= section.level) section = null;
          unplaced.push({ ...b, level: b.level });
          break;
        }
        case 'paragraph':
        case 'subhead': {
          if (b.lead && hasBody()) close();
          const a = open();
          if (a.body.length === 0 && a.lines[0] === 0) a.lines = b.lines;
          a.body.push(b);
          break;
        }
        case 'caption':
          open().captions.push(b.text);
          break;
        case 'byline':
          if (b.endsArticle) {
            open().byline = b.text;
            close();
          } else {
            if (hasBody()) close();
            const a = open();
            a.byline = b.text;
            a.lines = b.lines;
          }
          break;
        case 'attribution':
          open().attribution = b.text;
          cur!.lines = spanOf([cur!, b]);
          close();
          break;
        case 'furniture':
          furniture.push({ text: b.text, lines: b.lines });
          break;
      }
    }
    close();
    // an article that is only a credit or a note (no body) belongs to the one before it
    const merged: Article[] = [];
    for (const a of articles) {
      const prev = merged[merged.length - 1];
      if (a.body.length === 0 && prev && !a.headline) {
        merged[merged.length - 1] = {
          ...prev,
          byline: prev.byline ?? a.byline,
          attribution: prev.attribution ?? a.attribution,
          captions: [...prev.captions, ...a.captions],
          lines: spanOf([prev, a]),
        };
      } else merged.push(a);
    }
    return { ...page, articles: merged, blocks: unplaced, furniture };
  },
});

/**
 * A column heading over a group of articles is a short label (`地方动态`); a long heading
 * over a deeper one is a headline with its subtitle.
 */
function isSectionLabel(text: string): boolean {
  return [...text].length <= 8 && !/[：:，。]/.test(text);
}
