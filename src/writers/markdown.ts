import { stringify } from 'yaml';
import type { ArticleRecord } from './records.js';

/**
 * An article as Markdown: YAML front matter with its fields, then the body; subheads as `##`,
 * captions as a closing quote. `body_lines` keeps each block's source lines, so that
 * read/article-markdown.ts can give back the record exactly.
 */
export function articleToMarkdown(r: ArticleRecord): string {
  const front = stringify(
    {
      id: r.id,
      source: r.source,
      headline: r.headline,
      subheadlines: r.subheadlines,
      byline: r.byline,
      section: r.section,
      attribution: r.attribution,
      lines: r.lines,
      body_lines: r.body.map((b) => b.lines),
    },
    { lineWidth: 0, flowCollectionPadding: false },
  );
  const parts: string[] = [];
  if (r.headline !== null) parts.push(`# ${r.headline}`);
  for (const b of r.body) parts.push(b.kind === 'subhead' ? `## ${b.text}` : escapeParagraph(b.text));
  if (r.captions.length) parts.push(r.captions.map((c) => `> ${c}`).join('\n>\n'));
  return `---\n${front}---\n\n${parts.join('\n\n')}\n`;
}

/**
 * Keep a paragraph from being read back as Markdown syntax (a heading, a list, a quote, an
 * escape of its own) or from vanishing when empty.
 */
export function escapeParagraph(text: string): string {
  return text === '' || /^([#>*+\-\\]|\d+[.)](\s|$))/.test(text) ? `\\${text}` : text;
}
