import type { Root, RootContent } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import type { ArticleRecord } from './records.js';

/**
 * An article as Markdown for static site generators (Hugo, Astro content collections; README,
 * "Output"): YAML front matter with `title` and every field of the record, then the body, each
 * paragraph a Markdown paragraph and each subhead a `##` heading. The headline is not repeated
 * as a `#` in the body: a site renders `title` as the page's heading, and a second one would
 * print it twice. Captions, byline, attribution and subheadlines live in the front matter,
 * where a layout places them (README gives a Hugo and an Astro one); `body_lines` keeps each
 * block's source lines, so that read/article-markdown.ts can give back the record exactly.
 *
 * The body is serialised by mdast-util-to-markdown from a syntax tree whose paragraphs are plain
 * text: it escapes whatever CommonMark would read as syntax (`1.`, `#`, `*`, `_`, `<`, `[`, `\`,
 * `---`, leading spaces) with the escapes CommonMark defines, which render as the text itself
 * and never as a visible backslash.
 */
export function articleToMarkdown(r: ArticleRecord): string {
  const front = frontMatter(r);
  if (r.body.length === 0) return `---\n${front}\n---\n`;
  return `---\n${front}\n---\n\n${r.body.map(blockMarkdown).join('\n\n')}\n`;
}

/**
 * The article as a Markdown syntax tree: front matter, then a paragraph or `##` heading per
 * block. articleToMarkdown writes what mdast-util-to-markdown makes of it (test/properties/
 * markdown-commonmark.test.ts holds the two to the same bytes).
 */
function articleTree(r: ArticleRecord): Root {
  return { type: 'root', children: [{ type: 'yaml', value: frontMatter(r) }, ...r.body.map(blockNode)] };
}

/** The whole tree through the serialiser: what articleToMarkdown must equal. */
export const serialiseTree = (r: ArticleRecord): string => toMarkdown(articleTree(r), SERIALISER);

function blockNode(b: ArticleRecord['body'][number]): RootContent {
  if (b.kind === 'subhead') return { type: 'heading', depth: 2, children: [{ type: 'text', value: b.text }] };
  // An empty paragraph has no Markdown of its own and would vanish; the parser never makes
  // one, but a record that holds one is written faithfully, as a comment no site renders.
  if (b.text === '') return { type: 'html', value: EMPTY_PARAGRAPH };
  return { type: 'paragraph', children: [{ type: 'text', value: b.text }] };
}

/**
 * One block, serialised alone: blocks are joined by a blank line, and what the serialiser
 * escapes in one does not depend on its neighbours. A block whose text holds no ASCII but
 * letters and digits is its text as it stands: the serialiser escapes only at ASCII
 * punctuation, spaces and controls (its "unsafe" patterns). Three paragraphs in four of the
 * seeds and fixtures hold none, and the serialiser costs some 40 µs for an article of 300
 * characters: with this, a Markdown file costs about 20 µs.
 */
function blockMarkdown(b: ArticleRecord['body'][number]): string {
  if (b.text !== '' && NOTHING_TO_ESCAPE.test(b.text)) return b.kind === 'subhead' ? `## ${b.text}` : b.text;
  return toMarkdown(blockNode(b), SERIALISER).replace(/\n$/, '');
}
const NOTHING_TO_ESCAPE = /^[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*$/;

/** What an empty paragraph is written as: an empty HTML comment. */
export const EMPTY_PARAGRAPH = '<!---->';

const SERIALISER: Options = {
  extensions: [frontmatterToMarkdown(['yaml'])],
  // Hugo's and Astro's Markdown is GFM, where `~~x~~` is struck through: a tilde is escaped
  // wherever it is text, as the GFM strikethrough extension of the serialiser would do.
  unsafe: [{ character: '~', inConstruct: 'phrasing', notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'] }],
};

/**
 * YAML front matter in flow style, one `key: value` line per field. Flow style is JSON's
 * syntax, so each value is written by JSON.stringify and its quoting is right by construction;
 * the `yaml` package, Hugo's and Astro's YAML parsers read it. No YAML document is built: per
 * article, that is more work than parsing the article's page.
 */
function frontMatter(r: ArticleRecord): string {
  const fields = {
    title: r.headline ?? r.id,
    id: r.id,
    source: r.source,
    headline: r.headline,
    subheadlines: r.subheadlines,
    byline: r.byline,
    section: r.section,
    captions: r.captions,
    attribution: r.attribution,
    lines: r.lines,
    body_lines: r.body.map((b) => b.lines),
  };
  return Object.entries(fields).map(([key, value]) => `${key}: ${flow(value)}`).join('\n');
}

/** JSON, with spaces after commas, and with the C1 controls YAML wants escaped (JSON does not). */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
