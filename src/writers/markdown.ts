import type { ArticleRecord } from './records.js';

/**
 * An article as Markdown: YAML front matter with its fields, then the body; subheads as `##`,
 * captions as a closing quote. `body_lines` keeps each block's source lines, so that
 * read/article-markdown.ts can give back the record exactly.
 */
export function articleToMarkdown(r: ArticleRecord): string {
  const front = frontMatter({
    id: r.id,
    source: r.source,
    headline: r.headline,
    subheadlines: r.subheadlines,
    byline: r.byline,
    section: r.section,
    attribution: r.attribution,
    lines: r.lines,
    body_lines: r.body.map((b) => b.lines),
  });
  const parts: string[] = [];
  if (r.headline !== null) parts.push(`# ${r.headline}`);
  for (const b of r.body) parts.push(b.kind === 'subhead' ? `## ${b.text}` : escapeParagraph(b.text));
  if (r.captions.length) parts.push(r.captions.map((c) => `> ${c}`).join('\n>\n'));
  return `---\n${front}---\n\n${parts.join('\n\n')}\n`;
}

/**
 * YAML front matter in flow style, one `key: value` line per field. Flow style is JSON's
 * syntax, so each value is written by JSON.stringify and its quoting is right by construction;
 * the `yaml` package reads it back (read/article-markdown.ts). No YAML document is built: per
 * article, that is more work than parsing the article's page.
 */
function frontMatter(fields: Record<string, unknown>): string {
  let out = '';
  for (const [key, value] of Object.entries(fields)) out += `${key}: ${flow(value)}\n`;
  return out;
}

/** JSON, with spaces after commas, and with the C1 controls YAML wants escaped (JSON does not). */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Keep a paragraph from being read back as Markdown syntax (a heading, a list, a quote, an
 * escape of its own) or from vanishing when empty.
 */
export function escapeParagraph(text: string): string {
  return text === '' || /^([#>*+\-\\]|\d+[.)](\s|$))/.test(text) ? `\\${text}` : text;
}
