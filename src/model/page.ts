import { charKinds } from './chars.js';
import type { Article, Block, BlockKind, Line, LineSpan, Message, Override, Page, Severity } from './types.js';

export function createPage(source: string, stem: string, text: string, encoding = 'utf-8'): Page {
  const texts = splitLines(text);
  const lines: Line[] = [];
  for (let i = 0; i < texts.length; i++) lines.push(makeLine(i + 1, texts[i]!));
  return { source, stem, encoding, dialect: 'raw', lines, blocks: [], articles: [], furniture: [], messages: [], overrides: NO_OVERRIDES };
}

/*
 * Model objects are made here, each kind by object literals with every field present, in one
 * order, holding values of the kind it will keep (literals alike in that share a hidden class). Passes derive new objects with the
 * `…With` functions below rather than with spreads. V8 then gives each kind one hidden class,
 * and the passes' property reads stay monomorphic: with spreads a page's lines had eleven
 * classes, the reads went megamorphic, and each new class met in optimised code cost a
 * deoptimisation and a recompile, in every worker.
 */

export function makeLine(no: number, text: string): Line {
  return { no, text, lead: false, bullet: false, indent: 0, opensParagraph: false, heading: 0, spaced: false, gapped: false, kinds: charKinds(text) };
}

/**
 * A line with some fields changed (its number never changes). A changed text's kinds are left
 * to be counted by a pass that asks (lineKinds): most lines a pass changes, none asks about.
 */
export function lineWith(l: Line, c: Partial<Omit<Line, 'no' | 'kinds'>>): Line {
  const text = c.text ?? l.text;
  return {
    no: l.no,
    text,
    lead: c.lead ?? l.lead ?? false,
    bullet: c.bullet ?? l.bullet ?? false,
    indent: c.indent ?? l.indent ?? 0,
    opensParagraph: c.opensParagraph ?? l.opensParagraph ?? false,
    heading: c.heading ?? l.heading ?? 0,
    spaced: c.spaced ?? l.spaced ?? false,
    gapped: c.gapped ?? l.gapped ?? false,
    kinds: text === l.text ? (l.kinds ?? UNCOUNTED) : UNCOUNTED,
  };
}

/**
 * The heading level of a line a converter left unmarked but that belongs to a heading group
 * (a plain kicker or subtitle line): below `######`, so every marked heading outranks it.
 */
export const UNMARKED_HEADING = 7;

export function makeBlock(kind: BlockKind, text: string, lines: LineSpan, extra: BlockExtras = {}): Block {
  return { kind, text, lines, parts: extra.parts, level: extra.level, lead: extra.lead, endsArticle: extra.endsArticle };
}
export type BlockExtras = Partial<Pick<Block, 'parts' | 'level' | 'lead' | 'endsArticle'>>;

export function blockWith(b: Block, c: Partial<Block>): Block {
  return makeBlock(c.kind ?? b.kind, c.text ?? b.text, c.lines ?? b.lines, {
    parts: c.parts ?? b.parts,
    level: c.level ?? b.level,
    lead: c.lead ?? b.lead,
    endsArticle: c.endsArticle ?? b.endsArticle,
  });
}

/** `c.x` when given (null included), else `a.x`. */
const pick = <T>(given: T | undefined, had: T): T => (given === undefined ? had : given);

export function articleWith(a: Article, c: Partial<Article>): Article {
  return {
    headline: pick(c.headline, a.headline),
    subheadlines: pick(c.subheadlines, a.subheadlines),
    byline: pick(c.byline, a.byline),
    section: pick(c.section, a.section),
    body: pick(c.body, a.body),
    captions: pick(c.captions, a.captions),
    attribution: pick(c.attribution, a.attribution),
    lines: pick(c.lines, a.lines),
  };
}

export function pageWith(p: Page, c: Partial<Page>): Page {
  return {
    source: pick(c.source, p.source),
    stem: pick(c.stem, p.stem),
    encoding: pick(c.encoding, p.encoding),
    dialect: pick(c.dialect, p.dialect),
    lines: pick(c.lines, p.lines),
    blocks: pick(c.blocks, p.blocks),
    articles: pick(c.articles, p.articles),
    furniture: pick(c.furniture, p.furniture),
    messages: pick(c.messages, p.messages),
    overrides: pick(c.overrides, p.overrides ?? NO_OVERRIDES),
  };
}

/** The overrides of a page nobody corrected: one shared, frozen list. */
const NO_OVERRIDES: Override[] = Object.freeze([]) as unknown as Override[];

/** `kinds` of a line whose text's kinds have not been counted. */
const UNCOUNTED = -1;

/** A line's CharKind bits: as made with the line, or counted now. */
export function lineKinds(l: Line): number {
  const k = l.kinds;
  return k === undefined || k < 0 ? charKinds(l.text) : k;
}

/**
 * A page a user's pass returned, rebuilt with the model's own objects: whatever made them
 * (a clone, a spread, a class), the passes after it see the usual hidden classes.
 */
export function normalizePage(p: Page): Page {
  return pageWith(p, {
    // a plugin may have changed a line's text and kept its kinds: they are counted again
    lines: p.lines.map((l) => lineWith({ ...l, kinds: UNCOUNTED }, {})),
    blocks: p.blocks.map((b) => blockWith(b, {})),
    articles: p.articles.map((a) => articleWith(a, { body: a.body.map((b) => blockWith(b, {})) })),
    furniture: p.furniture.map((f) => ({ text: f.text, lines: f.lines })),
  });
}

/** Split on LF, CRLF or a lone CR; a final line ending does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * `lines` with `change` applied to each; the same array when it changed none. Most passes
 * change few lines of a page, and a copy of every page's lines per pass was garbage.
 */
export function mapLines(lines: Line[], change: (line: Line) => Line): Line[] {
  let out: Line[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const changed = change(line);
    if (out) out.push(changed);
    else if (changed !== line) {
      out = lines.slice(0, i);
      out.push(changed);
    }
  }
  return out ?? lines;
}

/**
 * A copy of a model list, to add to. A spread of an empty list copies its elements kind (small
 * integers), so the first object pushed changes the copy's hidden class and deoptimises the
 * pass that pushed it; a list begun from this literal holds objects from the first page on.
 */
export function listFrom<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const x of items) out.push(x);
  return out;
}

export function message(origin: string, text: string, line: number | null, severity: Severity = 'warning', column?: number, endLine?: number, kind?: string): Message {
  const m: Message = { severity, origin, message: text, line };
  if (kind !== undefined) m.kind = kind;
  if (column !== undefined) m.column = column;
  if (endLine !== undefined) m.endLine = endLine;
  return m;
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
  return { headline: null, subheadlines: [], byline: null, section: null, body, captions: [], attribution: null, lines: spanOf(body) };
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
