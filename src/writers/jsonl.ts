import type { Article, LineSpan, Page } from '../model/types.js';
import { articleId } from './records.js';

/**
 * A page as JSON Lines: one compact object per line, each line ending in `\n`. The lines are
 * the records of records.ts, byte for byte (a property test holds the two together), but are
 * written field by field: JSON.stringify of the record objects spent more time walking a
 * page's ten or so objects and their keys than on the text in them.
 */
export function pageToJsonl(page: Page): string {
  const source = json(page.source);
  let out = '';
  for (let i = 0; i < page.articles.length; i++) out += articleLine(page, page.articles[i]!, i, source);
  return out + pageLine(page, source);
}

const json = JSON.stringify as (value: string | number | null | readonly string[]) => string;

function articleLine(page: Page, a: Article, index: number, source: string): string {
  let body = '';
  for (const b of a.body) {
    body += `${body ? ',' : ''}{"kind":"${b.kind === 'subhead' ? 'subhead' : 'paragraph'}","text":${json(b.text)},"lines":${span(b.lines)}}`;
  }
  return (
    `{"type":"article","id":${json(articleId(page.stem, index))},"source":${source},"headline":${json(a.headline)},` +
    `"subheadlines":${json(a.subheadlines)},"byline":${json(a.byline)},"section":${json(a.section)},"body":[${body}],` +
    `"captions":${json(a.captions)},"attribution":${json(a.attribution)},"lines":${span(a.lines)}}\n`
  );
}

function pageLine(page: Page, source: string): string {
  let furniture = '';
  for (const f of page.furniture) furniture += (furniture ? ',' : '') + json(f.text);
  let warnings = '';
  for (const m of page.messages) {
    warnings += `${warnings ? ',' : ''}{"line":${json(m.line)},"origin":${json(m.origin)},"severity":${json(m.severity)},"message":${json(m.message)}}`;
  }
  return (
    `{"type":"page","source":${source},"articles":${json(page.articles.length)},"furniture":[${furniture}],` +
    `"warnings":[${warnings}],"encoding":${json(page.encoding)},"dialect":${json(page.dialect)}}\n`
  );
}

const span = (s: LineSpan): string => `[${json(s[0])},${json(s[1])}]`;
