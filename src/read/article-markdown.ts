import { parse } from 'yaml';
import type { ArticleRecord } from '../model/records.js';

export class ArticleMarkdownError extends Error {}

/**
 * Read back an article file that bulletin wrote (writers/markdown.ts): front matter for the
 * fields, the body for paragraphs, subheads and captions. Only bulletin's own shape is read;
 * anything else is an error rather than a guess.
 */
export function readArticleMarkdown(md: string): ArticleRecord {
  const m = /^---\n([\s\S]*?\n)?---\n\n([\s\S]*)\n$/.exec(md);
  if (!m) throw new ArticleMarkdownError('not a bulletin article: no front matter, or no final newline');
  const front = (parse(m[1] ?? '') ?? {}) as Record<string, unknown>;
  const bodyLines = (front.body_lines ?? []) as [number, number][];
  const headline = (front.headline ?? null) as string | null;
  const chunks = m[2] === '' ? [] : m[2]!.split('\n\n');
  if (headline !== null) {
    if (chunks[0] !== `# ${headline}`) throw new ArticleMarkdownError('the headline in the body differs from the front matter');
    chunks.shift();
  }
  let captions: string[] = [];
  if (chunks.length && chunks[chunks.length - 1]!.startsWith('>')) {
    captions = chunks.pop()!.split('\n>\n').map((c) => c.replace(/^> ?/, ''));
  }
  const body = chunks.map((chunk, i): ArticleRecord['body'][number] => {
    const lines = bodyLines[i];
    if (!lines) throw new ArticleMarkdownError(`block ${i + 1} has no entry in body_lines`);
    if (chunk.startsWith('## ')) return { kind: 'subhead', text: chunk.slice(3), lines };
    return { kind: 'paragraph', text: chunk.startsWith('\\') ? chunk.slice(1) : chunk, lines };
  });
  if (body.length !== bodyLines.length) throw new ArticleMarkdownError(`${body.length} blocks but ${bodyLines.length} body_lines`);
  return {
    type: 'article',
    id: String(front.id),
    source: String(front.source),
    headline,
    subheadlines: (front.subheadlines ?? []) as string[],
    byline: (front.byline ?? null) as string | null,
    section: (front.section ?? null) as string | null,
    body,
    captions,
    attribution: (front.attribution ?? null) as string | null,
    lines: front.lines as [number, number],
  };
}
