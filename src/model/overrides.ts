import type { Article, Override, Page } from './types.js';

/** The role an override gives a source line: what the line is, whatever its shape says. */
export type FixedRole = 'headline' | 'subheadline' | 'body' | 'furniture' | 'caption';

/**
 * A page's overrides, looked up by source line: what each deciding pass asks. Made once per
 * page (a page's overrides never change while it is parsed) and null on a page without any,
 * so that the passes pay one check on every page nobody corrected.
 */
export interface FixedChoices {
  /** per source line, the role an override gives it */
  role: ReadonlyMap<number, FixedRole>;
  /** per headline (or subheadline) line, the line of the article it belongs to */
  headlineOf: ReadonlyMap<number, { of: number; sub: boolean; origin: string }>;
  /** per source line: true, a paragraph starts there; false, the line goes on with the one before */
  paragraphStart: ReadonlyMap<number, boolean>;
  /** per source line: true, an article starts there; false, it goes on with the one before */
  articleStart: ReadonlyMap<number, boolean>;
  /** `set` entries, in file order */
  set: readonly Override[];
}

const made = new WeakMap<readonly Override[], FixedChoices>();

export function fixedChoices(page: Page): FixedChoices | null {
  const list = page.overrides;
  if (!list || list.length === 0) return null;
  let fixed = made.get(list);
  if (!fixed) made.set(list, (fixed = index(list)));
  return fixed;
}

function index(list: readonly Override[]): FixedChoices {
  const role = new Map<number, FixedRole>();
  const headlineOf = new Map<number, { of: number; sub: boolean; origin: string }>();
  const paragraphStart = new Map<number, boolean>();
  const articleStart = new Map<number, boolean>();
  const set: Override[] = [];
  for (const o of list) {
    switch (o.kind) {
      case 'headline':
      case 'subheadline':
        role.set(o.line, o.kind);
        headlineOf.set(o.line, { of: o.of!, sub: o.kind === 'subheadline', origin: o.origin });
        break;
      case 'body':
      case 'furniture':
        role.set(o.line, o.kind);
        break;
      case 'caption':
        for (let no = o.line; no <= (o.to ?? o.line); no++) role.set(no, 'caption');
        break;
      case 'paragraph-start':
      case 'no-paragraph-start':
        paragraphStart.set(o.line, o.kind === 'paragraph-start');
        break;
      case 'article-start':
      case 'no-article-start':
        articleStart.set(o.line, o.kind === 'article-start');
        // an article starts with a paragraph of its own
        if (o.kind === 'article-start' && !paragraphStart.has(o.line)) paragraphStart.set(o.line, true);
        break;
      case 'set':
        set.push(o);
        break;
    }
  }
  return { role, headlineOf, paragraphStart, articleStart, set };
}

/** Whether a line is forced to be a headline or subheadline line. */
export const isFixedHeadline = (fixed: FixedChoices | null, no: number): boolean => {
  const r = fixed?.role.get(no);
  return r === 'headline' || r === 'subheadline';
};

/**
 * The index of the article holding source line `no`: the one whose body has a block over
 * it, else the one whose span covers it (its headline, byline or source note); -1 if none.
 */
export function articleHolding(articles: readonly Article[], no: number): number {
  for (let i = 0; i < articles.length; i++) {
    for (const b of articles[i]!.body) if (b.lines[0] <= no && no <= b.lines[1]) return i;
  }
  for (let i = 0; i < articles.length; i++) {
    const [first, last] = articles[i]!.lines;
    if (first <= no && no <= last) return i;
  }
  return -1;
}
