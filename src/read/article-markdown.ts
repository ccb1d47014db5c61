import type { Heading, Paragraph, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse } from 'yaml';
import type { ArticleRecord } from '../model/records.js';

export class ArticleMarkdownError extends Error {}

/** writers/markdown.ts's stand-in for an empty paragraph (a record may hold one; a page never does). */
const EMPTY_PARAGRAPH = '<!---->';

/**
 * Read back an article file that bulletin wrote (writers/markdown.ts) with a CommonMark
 * parser: front matter for the fields, the body for paragraphs and subheads. Only bulletin's
 * own shape is read; anything else is an error rather than a guess.
 */
export function readArticleMarkdown(md: string): ArticleRecord {
  if (!md.endsWith('\n')) throw new ArticleMarkdownError('not a bulletin article: no final newline');
  const tree = fromMarkdown(md, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
  const [head, ...blocks] = tree.children;
  if (head?.type !== 'yaml') throw new ArticleMarkdownError('not a bulletin article: no front matter');
  const front = (parse(head.value) ?? {}) as Record<string, unknown>;
  if (typeof front.id !== 'string' || !('body_lines' in front)) throw new ArticleMarkdownError('not a bulletin article: its front matter has no id or body_lines');
  const bodyLines = (front.body_lines ?? []) as [number, number][];
  if (blocks.length !== bodyLines.length) throw new ArticleMarkdownError(`${blocks.length} blocks but ${bodyLines.length} body_lines`);
  const body = blocks.map((block, i): ArticleRecord['body'][number] => ({ ...readBlock(block, i), lines: bodyLines[i]! }));
  return {
    type: 'article',
    id: front.id,
    source: String(front.source),
    headline: (front.headline ?? null) as string | null,
    subheadlines: (front.subheadlines ?? []) as string[],
    byline: (front.byline ?? null) as string | null,
    section: (front.section ?? null) as string | null,
    body,
    captions: (front.captions ?? []) as string[],
    attribution: (front.attribution ?? null) as string | null,
    lines: front.lines as [number, number],
  };
}

function readBlock(block: RootContent, i: number): { kind: 'paragraph' | 'subhead'; text: string } {
  if (block.type === 'heading' && block.depth === 2) return { kind: 'subhead', text: plainText(block, i) };
  if (block.type === 'paragraph') return { kind: 'paragraph', text: plainText(block, i) };
  if (block.type === 'html' && block.value === EMPTY_PARAGRAPH) return { kind: 'paragraph', text: '' };
  throw new ArticleMarkdownError(`block ${i + 1} is a ${block.type === 'heading' ? `level-${block.depth} heading` : block.type}, not a paragraph or a ## subhead`);
}

/** A block bulletin wrote holds text only; markup in it means the file was edited into something else. */
function plainText(block: Paragraph | Heading, i: number): string {
  for (const child of block.children) {
    if (child.type !== 'text') throw new ArticleMarkdownError(`block ${i + 1} holds ${child.type} markup, not plain text`);
  }
  return toString(block);
}
