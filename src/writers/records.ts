import type { ArticleRecord, PageRecord } from '../model/records.js';
import type { Article, Message, Page } from '../model/types.js';

export type { ArticleRecord, PageRecord, WarningLine, WarningRecord } from '../model/records.js';

export const articleId = (stem: string, index: number): string => `${stem}/${String(index + 1).padStart(2, '0')}`;

export function articleRecord(page: Page, a: Article, index: number): ArticleRecord {
  return {
    type: 'article',
    id: articleId(page.stem, index),
    source: page.source,
    headline: a.headline,
    subheadlines: a.subheadlines,
    byline: a.byline,
    section: a.section,
    body: a.body.map((b) => ({ kind: b.kind === 'subhead' ? 'subhead' : 'paragraph', text: b.text, lines: b.lines })),
    captions: a.captions,
    attribution: a.attribution,
    lines: a.lines,
  };
}

export function pageRecord(page: Page): PageRecord {
  const record: PageRecord = {
    type: 'page',
    source: page.source,
    articles: page.articles.length,
    furniture: page.furniture.map((f) => f.text),
    warnings: page.messages.map((m) => ({ line: m.line, origin: m.origin, kind: kindOf(m), severity: m.severity, message: m.message })),
    encoding: page.encoding,
    dialect: page.dialect,
  };
  // only on a corrected page: the output of a page without overrides stays as it was
  const overrides = page.overrides?.length ?? 0;
  if (overrides > 0) record.overrides = overrides;
  return record;
}

/** A message's kind; one a plugin added to the page itself, without report(), is its origin's. */
export const kindOf = (m: Message): string => (typeof m.kind === 'string' && m.kind !== '' ? m.kind : m.origin);

/** Every record of a page in stream order: its articles in reading order, then the page. */
export function pageRecords(page: Page): (ArticleRecord | PageRecord)[] {
  return [...page.articles.map((a, i) => articleRecord(page, a, i)), pageRecord(page)];
}
