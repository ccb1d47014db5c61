import type { Article, Block, BlockKind, Line, LineSpan, Message, Page, Severity } from './types.js';

export function createPage(source: string, stem: string, text: string, encoding = 'utf-8'): Page {
  const lines = splitLines(text).map((t, i) => makeLine(i + 1, t));
  return { source, stem, encoding, dialect: 'raw', lines, blocks: [], articles: [], furniture: [], messages: [] };
}

/**
 * A line with every field of the model present, set or not, in one order. All lines then share
 * one hidden class, so code that reads them stays monomorphic: a line that gained `lead` or
 * `indent` in a different order used to cost a deoptimisation and a recompile per pass.
 */
export function makeLine(no: number, text: string): Line {
  return { no, text, lead: undefined, bullet: undefined, indent: undefined, heading: undefined };
}

/** A block with every field present, for the same reason as makeLine. */
export function makeBlock(kind: BlockKind, text: string, lines: LineSpan, extra: BlockExtras = {}): Block {
  return { kind, text, lines, parts: extra.parts, level: extra.level, lead: extra.lead, endsArticle: extra.endsArticle };
}
export type BlockExtras = Partial<Pick<Block, 'parts' | 'level' | 'lead' | 'endsArticle'>>;

/** Split on LF, CRLF or a lone CR; a final line ending does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function message(origin: string, text: string, line: number | null, severity: Severity = 'warning'): Message {
  return { severity, origin, message: text, line };
}

export function spanOf(items: { lines: LineSpan }[]): LineSpan {
  let first = Infinity;
  let last = -Infinity;
  for (const it of items) {
    if (it.lines[0] === 0) continue;
    first = Math.min(first, it.lines[0]);
    last = Math.max(last, it.lines[1]);
  }
  return Number.isFinite(first) ? [first, last] : [0, 0];
}

export function emptyArticle(body: Block[] = []): Article {
  return {
    headline: null,
    subheadlines: [],
    byline: null,
    section: null,
    body,
    captions: [],
    attribution: null,
    lines: spanOf(body),
  };
}

/** Every string an article carries, in the order a reader meets them. */
export function articleStrings(a: Article): string[] {
  const out: string[] = [];
  if (a.section) out.push(a.section);
  if (a.headline) out.push(a.headline);
  out.push(...a.subheadlines);
  if (a.byline) out.push(a.byline);
  for (const b of a.body) out.push(b.text);
  out.push(...a.captions);
  if (a.attribution) out.push(a.attribution);
  return out;
}
