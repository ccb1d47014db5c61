import { definePass, type Report } from './pass.js';
import { joinLines } from '../model/join.js';
import { setWidth } from '../model/width.js';
import { blockWith, makeBlock, pageWith, type BlockExtras } from '../model/page.js';
import type { Block, Line, Page } from '../model/types.js';
import { endsClause, endsWithCredit, isAttributionLine, isCreditLine, isFurnitureLine, isTitleLike, splitTeasers } from '../model/shapes.js';

interface Options {
  shortLineCells: number;
  indentCells: number;
  fullLineCells: number;
  columnWindow: number;
  columnQuantile: number;
  minNeighbours: number;
  subheadRatio: number;
  maxCaptionChars: number;
  [key: string]: unknown;
}

/**
 * Group lines into blocks. Raw OCR: a blank line after an unfinished sentence is a column or
 * picture break, a short last line that ends a sentence ends the paragraph, and runs of
 * headline-shaped lines become `heading` blocks to be placed later. Markdown: one paragraph
 * per line, rejoined where a page or picture cut it, with the picture's caption set aside.
 */
export const rejoinLines = definePass<Options>({
  name: 'rejoin-lines',
  description: 'Join wrapped lines into paragraphs; a blank line after an unfinished sentence is a column break',
  options: {
    shortLineCells: { default: 4, description: "a paragraph's last line falls this far short of its column to end the paragraph", unit: 'cells', min: 0, integer: true },
    indentCells: { default: 3, description: "a paragraph's first line falls this far short of the next (its two-character indent, less squeezed punctuation)", unit: 'cells', min: 1, integer: true },
    fullLineCells: { default: 1, description: 'a line within this many cells of its column fills it', unit: 'cells', min: 0, integer: true },
    columnWindow: { default: 6, description: "lines on each side that estimate a line's column width", unit: 'lines', min: 1, max: 1000, integer: true },
    columnQuantile: { default: 0.75, description: 'the quantile of the neighbouring widths taken as the column (not the maximum: lines dense with punctuation hold more)', unit: 'share', min: 0, max: 1 },
    minNeighbours: { default: 3, description: "fewer neighbouring lines than this, and the page's own column width is taken", unit: 'lines', min: 1, integer: true },
    subheadRatio: { default: 0.7, description: 'a heading-shaped run at most this share of the column is an in-body subhead', unit: 'share of the column', min: 0, max: 1 },
    maxCaptionChars: { default: 60, description: 'a caption dropped into a Markdown sentence is at most this long', unit: 'characters', min: 1, integer: true },
  },
  run(page, options, { report }) {
    if (page.blocks.length > 0) return page;
    const blocks = page.dialect === 'markdown' ? markdownBlocks(page, options, report) : rawBlocks(page, options, report);
    return pageWith(page, { blocks });
  },
});

// ---------------------------------------------------------------- raw OCR columns

/** A line that closes its sentence, or closes its article with a credit or source note. */
const finished = (text: string): boolean => endsClause(text) || endsWithCredit(text);

type Role = 'body' | 'heading' | 'subhead' | 'byline' | 'credit' | 'attribution' | 'furniture';

interface Segment {
  lines: Line[];
  /** the segment was cut short by a lead line that follows it directly */
  beforeLead: boolean;
  /** a source note or credit on a line of its own stands between this segment and the one before */
  afterArticleEnd: boolean;
}

function rawBlocks(page: Page, o: Options, report: Report): Block[] {
  const lines = page.lines;
  // per source line number: where it stands among the text lines, and its set width
  // (loops, not filter and forEach: optimised code calls those builtins' callbacks line by line)
  const textLines: Line[] = [];
  const position: number[] = new Array(lines.length + 2).fill(0);
  const width: number[] = new Array(lines.length + 2).fill(0);
  for (const l of lines) {
    if (l.text === '') continue;
    position[l.no] = textLines.length;
    width[l.no] = setWidth(l.text);
    textLines.push(l);
  }
  const column = columnWidths(textLines, width, o);
  // per source line number, as the position and width arrays are
  const role: (Role | undefined)[] = new Array(lines.length + 2).fill(undefined);
  const segments = cutSegments(lines, role);

  const textAt = (no: number, step: 1 | -1): Line | undefined => textLines[position[no]! + step];
  /** the first ordinary text line after `no`, skipping bylines, notes and furniture */
  const nextText = (no: number): Line | undefined => {
    for (let i = position[no]! + 1; i < textLines.length; i++) if (role[textLines[i]!.no] === undefined) return textLines[i];
    return undefined;
  };
  const narrowerThan = (l: Line, after: Line | undefined): boolean =>
    after !== undefined && width[l.no]! + o.indentCells <= width[after.no]!;

  // An article has ended at the page top and after a source note or credit: what follows
  // may be a headline, for this article (printed after it) or for the next.
  let articleEnded = true;
  let lastBody: Line | undefined;

  for (const seg of segments) {
    const first = seg.lines[0]!;
    const last = seg.lines[seg.lines.length - 1]!;
    const before = textAt(first.no, -1);
    if (seg.afterArticleEnd || (before && role[before.no] === 'body' && endsWithCredit(before.text))) articleEnded = true;
    const following = textAt(last.no, 1);
    const followedByStart = seg.beforeLead || following === undefined || following.bullet === true;
    let allTitle = true;
    for (const l of seg.lines) {
      if (isTitleLike(l.text)) continue;
      allTitle = false;
      break;
    }
    let headingCount = 0;

    if (articleEnded || (first.indent ?? 0) > 0) {
      // Headline-shaped lines at the start of an article, up to where the body begins: the
      // first line that is not headline-shaped, or an indented paragraph start (a line
      // narrower than the one after it; a headline's own lines are not indented).
      let prefix = 0;
      while (prefix < seg.lines.length && !seg.lines[prefix]!.lead && isTitleLike(seg.lines[prefix]!.text)) prefix++;
      headingCount = prefix;
      if (!(prefix === seg.lines.length && (seg.beforeLead || articleEnded))) {
        for (let k = 0; k < prefix; k++) {
          const l = seg.lines[k]!;
          if ((l.indent ?? 0) === 0 && narrowerThan(l, seg.lines[k + 1] ?? nextText(l.no))) {
            headingCount = k;
            break;
          }
        }
      }
    } else if (!allTitle) {
      // Headline-shaped lines wider than their column cannot be body text: a headline set
      // right on its article's first paragraph.
      const wide = (l: Line) => !l.lead && isTitleLike(l.text) && width[l.no]! > column[l.no]! + o.shortLineCells;
      let run = 0;
      while (run < seg.lines.length && wide(seg.lines[run]!)) run++;
      if (run > 0 && (lastBody === undefined || finished(lastBody.text))) headingCount = run;
    } else {
      // a loop, not Math.max(...): a page of one unbroken run can have more lines than a call has room for arguments
      let widest = -Infinity;
      let col = -Infinity;
      for (const l of seg.lines) {
        widest = Math.max(widest, width[l.no]!);
        col = Math.max(col, column[l.no]!);
      }
      const afterFinished = lastBody === undefined || finished(lastBody.text);
      // A subhead stands between two paragraphs: narrow, or followed by a paragraph that
      // starts indented, so the line cannot be that paragraph's first.
      const next = nextText(last.no);
      const opensParagraph = next !== undefined && narrowerThan(next, nextText(next.no));
      if (afterFinished && (followedByStart || widest > col + o.shortLineCells)) headingCount = seg.lines.length;
      else if (afterFinished && blankAround(lines, first.no, last.no) && (widest <= col * o.subheadRatio || opensParagraph)) {
        for (const l of seg.lines) role[l.no] = 'subhead';
        continue;
      }
    }

    for (let i = 0; i < seg.lines.length; i++) role[seg.lines[i]!.no] = i < headingCount ? 'heading' : 'body';
    if (headingCount < seg.lines.length) {
      articleEnded = false;
      lastBody = last;
    } else if (headingCount > 0) articleEnded = true;
  }

  return rawToBlocks(lines, role, width, column, o, report);
}

/**
 * Segments: runs of non-blank lines, cut before a lead line and around lines that are
 * bylines, source notes or furniture (whose role is settled here).
 */
function cutSegments(lines: Line[], role: (Role | undefined)[]): Segment[] {
  const segments: Segment[] = [];
  let current: Line[] = [];
  let sawArticleEnd = false;
  const flush = (beforeLead: boolean) => {
    if (current.length) segments.push({ lines: current, beforeLead, afterArticleEnd: sawArticleEnd });
    if (current.length) sawArticleEnd = false;
    current = [];
  };
  for (const l of lines) {
    if (l.text === '') { flush(false); continue; }
    const s: Role | null = l.bullet ? 'byline'
      : isAttributionLine(l.text) ? 'attribution'
      : isCreditLine(l.text) ? 'credit'
      : isFurnitureLine(l.text) ? 'furniture'
      : null;
    if (s) {
      flush(false);
      role[l.no] = s;
      if (s === 'attribution' || s === 'credit') sawArticleEnd = true;
      continue;
    }
    if (l.lead) flush(true);
    current.push(l);
  }
  flush(false);
  return segments;
}

function blankAround(lines: Line[], first: number, last: number): boolean {
  const before = lines[first - 2];
  const after = lines[last];
  return (before === undefined || before.text === '') && (after === undefined || after.text === '');
}

/**
 * Each line's column width, from the lines around it (not bylines or indented headline
 * boxes): the upper quartile, not the maximum, because a line dense with punctuation holds
 * more characters than the column and would make every honest line look short.
 */
function columnWidths(textLines: Line[], width: readonly number[], o: Options): number[] {
  const window = o.columnWindow;
  const ordinary: Line[] = [];
  const widths: number[] = [];
  for (const l of textLines) {
    if (l.bullet || (l.indent ?? 0) !== 0) continue;
    ordinary.push(l);
    widths.push(width[l.no]!);
  }
  // the page's own quartile, for a line with too few neighbours: rare, so found only when asked
  let fallback: number | undefined;
  const pageQuartile = () => (fallback ??= widths.length ? quantile(widths.slice().sort((a, b) => a - b), o.columnQuantile) : 0);
  const out: number[] = new Array(width.length).fill(0);
  // The window slides with the lines: keep it sorted, one insertion and one removal a step.
  const win: number[] = new Array(2 * window + 2).fill(0);
  let n = 0;
  const add = (w: number) => {
    let i = n++;
    for (; i > 0 && win[i - 1]! > w; i--) win[i] = win[i - 1]!;
    win[i] = w;
  };
  const remove = (w: number) => {
    let i = 0;
    while (win[i] !== w) i++;
    for (n--; i < n; i++) win[i] = win[i + 1]!;
  };
  let j = 0;
  let lo = 0;
  let hi = 0;
  for (const l of textLines) {
    while (j < ordinary.length && ordinary[j]!.no < l.no) j++;
    for (const end = Math.min(ordinary.length, j + window + 1); hi < end; ) add(widths[hi++]!);
    for (const start = Math.max(0, j - window); lo < start; ) remove(widths[lo++]!);
    // a line is not its own neighbour
    const self = j < ordinary.length && ordinary[j]!.no === l.no ? widths[j]! : undefined;
    const count = self === undefined ? n : n - 1;
    if (count < o.minNeighbours) {
      out[l.no] = pageQuartile() || width[l.no]!;
      continue;
    }
    const k = Math.floor((count - 1) * o.columnQuantile);
    // leaving the line's own width out of the sorted window moves the k-th one up a place
    // exactly when its width comes first at or before k, that is when win[k] >= it
    const at = self !== undefined && win[k]! >= self ? k + 1 : k;
    out[l.no] = win[at]!;
  }
  return out;
}

const quantile = (sorted: ArrayLike<number>, q: number): number => sorted[Math.floor((sorted.length - 1) * q)]!;

function rawToBlocks(
  lines: Line[],
  role: readonly (Role | undefined)[],
  width: readonly number[],
  column: readonly number[],
  o: Options,
  report: Report,
): Block[] {
  const blocks: Block[] = [];
  let para: Line[] = [];
  let heading: Line[] = [];
  let headingBlank = false;
  const closePara = () => {
    if (para.length) blocks.push(linesBlock('paragraph', para, { lead: para[0]!.lead === true }));
    para = [];
  };
  const closeHeading = () => {
    if (heading.length) blocks.push(linesBlock('heading', heading, { parts: heading }));
    heading = [];
  };
  let prev: Line | undefined;
  let blankSince = false;
  const short = (x: Line) => width[x.no]! + o.shortLineCells <= column[x.no]!;
  const full = (x: Line) => width[x.no]! + o.fullLineCells >= column[x.no]!;

  for (const l of lines) {
    if (l.text === '') { blankSince = true; if (heading.length) headingBlank = true; continue; }
    const r = role[l.no] ?? 'body';
    if (r !== 'heading') closeHeading();
    if (r === 'body') {
      // A lead marker starts a paragraph. After an unfinished sentence nothing does: a blank
      // line there is a column or picture break. After a finished one, a last line clearly
      // short of the column ends the paragraph, and so does a blank line, unless the line
      // after it fills the column: paragraphs start indented, so a full line goes on.
      if (para.length && prev) {
        let brk = l.lead === true;
        // `short` is asked first: a comparison, where `finished` reads the text
        if (!brk && !blankSince) brk = short(prev) && finished(prev.text);
        else if (!brk && finished(prev.text)) {
          if (!short(prev) && full(l)) {
            report('a blank line after a finished sentence, then a full line: read as a column break, not a paragraph end', { line: l.no });
          } else brk = true;
        }
        if (brk) closePara();
      }
      para.push(l);
      prev = l;
    } else {
      closePara();
      prev = undefined;
      if (r === 'heading') {
        // a blank line inside a run of headline lines separates two headlines
        if (heading.length && headingBlank) closeHeading();
        heading.push(l);
      } else if (r === 'subhead') {
        const lastBlock = blocks[blocks.length - 1];
        if (lastBlock?.kind === 'subhead' && lastBlock.lines[1] === l.no - 1) {
          blocks[blocks.length - 1] = blockWith(lastBlock, { text: joinLines([lastBlock.text, l.text]), lines: [lastBlock.lines[0], l.no] });
        } else blocks.push(linesBlock('subhead', [l]));
      } else if (r === 'furniture') {
        for (const piece of splitTeasers(l.text)) blocks.push(makeBlock('furniture', piece, [l.no, l.no]));
      } else if (r === 'credit') {
        blocks.push(linesBlock('paragraph', [l]));
      } else {
        blocks.push(linesBlock(r, [l]));
      }
    }
    headingBlank = false;
    blankSince = false;
  }
  closePara();
  closeHeading();
  return blocks;
}

function linesBlock(kind: Block['kind'], ls: Line[], extra: BlockExtras = {}): Block {
  return makeBlock(kind, joinLines(ls.map((l) => l.text)), [ls[0]!.no, ls[ls.length - 1]!.no], extra);
}

// ---------------------------------------------------------------- Markdown

function markdownBlocks(page: Page, o: Options, report: Report): Block[] {
  const raw: Block[] = [];
  for (const l of page.lines) {
    if (l.text === '') continue;
    const at: [number, number] = [l.no, l.no];
    if (l.heading) raw.push(makeBlock('heading', l.text, at, { level: l.heading, parts: [l] }));
    else if (l.bullet) raw.push(makeBlock('byline', l.text, at));
    else if (isAttributionLine(l.text)) raw.push(makeBlock('attribution', l.text, at));
    else raw.push(makeBlock('paragraph', l.text, at));
  }
  // A paragraph that stops mid-sentence continues in the next paragraph; a short unpunctuated
  // paragraph between the two halves is the caption of a picture that cut the sentence.
  const out: Block[] = [];
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    const prev = out[out.length - 1];
    if (b.kind === 'paragraph' && prev?.kind === 'paragraph' && !finished(prev.text)) {
      const after = raw[i + 1];
      if (isCaptionLike(b.text, o.maxCaptionChars) && after?.kind === 'paragraph') {
        // the paragraph is mended where it stands, before the caption (an index, not a search:
        // a converted page can hold thousands of captions)
        out[out.length - 1] = blockWith(prev, { text: joinLines([prev.text, after.text]), lines: [prev.lines[0], after.lines[1]] });
        out.push(blockWith(b, { kind: 'caption' }));
        report(`took "${short(b.text)}" out of a sentence as a picture caption`, { line: b.lines[0] });
        i++;
        continue;
      }
      out[out.length - 1] = blockWith(prev, { text: joinLines([prev.text, b.text]), lines: [prev.lines[0], b.lines[1]] });
      continue;
    }
    out.push(b);
  }
  return out;
}

const SENTENCE_END = /[。！？；]/;

function isCaptionLike(text: string, maxChars: number): boolean {
  return codePointsAtMost(text, maxChars) && !finished(text) && !SENTENCE_END.test(text);
}

/** Whether a text has at most `max` characters, without listing them (a paragraph can be long). */
function codePointsAtMost(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let n = 0;
  for (const _ of text) if (++n > max) return false;
  return true;
}

const short = (s: string) => ([...s].length > 16 ? [...s].slice(0, 16).join('') + '…' : s);
