import { definePass } from './pass.js';
import { endsClause, joinWrapped, visualWidth } from '../model/text.js';
import { message } from '../model/page.js';
import type { Block, Line, Message, Page } from '../model/types.js';
import { endsWithCredit, isAttributionLine, isFurnitureLine, isTitleLike } from '../model/shapes.js';

interface Options {
  /** cells a paragraph's last line must fall short of the column to end the paragraph */
  shortLineCells: number;
  /** how many lines on each side estimate a line's column width */
  columnWindow: number;
  /** a heading-shaped run at most this share of the column is an in-body subhead */
  subheadRatio: number;
  /** a caption dropped into a Markdown sentence is at most this many characters */
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
  defaults: { shortLineCells: 3, columnWindow: 6, subheadRatio: 0.7, maxCaptionChars: 60 },
  run(page, options) {
    if (page.blocks.length > 0) return page;
    const messages: Message[] = [];
    const blocks = page.dialect === 'markdown' ? markdownBlocks(page, options, messages) : rawBlocks(page, options, messages);
    return { ...page, blocks, messages: [...page.messages, ...messages] };
  },
});

// ---------------------------------------------------------------- raw OCR columns

type Role = 'body' | 'heading' | 'subhead' | 'byline' | 'attribution' | 'furniture';

interface Segment {
  lines: Line[];
  /** the segment was cut short by a lead line that follows it directly */
  beforeLead: boolean;
}

function rawBlocks(page: Page, o: Options, messages: Message[]): Block[] {
  const lines = page.lines;
  const textLines = lines.filter((l) => l.text !== '');
  const width = new Map(textLines.map((l) => [l.no, visualWidth(l.text)]));
  const column = columnWidths(textLines, width, o.columnWindow);
  const role = new Map<number, Role>();

  const special = (l: Line): Role | null => {
    if (l.bullet) return 'byline';
    if (isAttributionLine(l.text)) return 'attribution';
    if (isFurnitureLine(l.text)) return 'furniture';
    return null;
  };

  // Segments: runs of non-blank lines, cut before a lead line and around special lines.
  const segments: Segment[] = [];
  let current: Line[] = [];
  const flush = (beforeLead: boolean) => {
    if (current.length) segments.push({ lines: current, beforeLead });
    current = [];
  };
  for (const l of lines) {
    if (l.text === '') { flush(false); continue; }
    const s = special(l);
    if (s) { flush(false); role.set(l.no, s); continue; }
    if (l.lead) flush(true);
    current.push(l);
  }
  flush(false);

  const nextTextAfter = (no: number): Line | undefined => textLines.find((l) => l.no > no && !role.has(l.no));
  const nextAnyAfter = (no: number): Line | undefined => textLines.find((l) => l.no > no);
  const prevBodyBefore = (no: number): Line | undefined => {
    for (let i = textLines.length - 1; i >= 0; i--) {
      const l = textLines[i]!;
      if (l.no < no && role.get(l.no) === 'body') return l;
    }
    return undefined;
  };
  const isIndentedStart = (l: Line, after: Line | undefined): boolean =>
    after !== undefined && width.get(l.no)! + o.shortLineCells <= width.get(after.no)!;

  // An article has ended at the page top and after an attribution: what follows may be a headline.
  let articleEnded = true;
  let lastRoleNo = 0;
  const endedBefore = (no: number): boolean => {
    for (let n = lastRoleNo + 1; n < no; n++) if (role.get(n) === 'attribution') return true;
    const prev = [...textLines].reverse().find((l) => l.no < no);
    return prev !== undefined && role.get(prev.no) === 'body' && endsWithCredit(prev.text);
  };

  for (const seg of segments) {
    const first = seg.lines[0]!;
    const last = seg.lines[seg.lines.length - 1]!;
    if (endedBefore(first.no)) articleEnded = true;
    const following = nextAnyAfter(last.no);
    const followedByStart = seg.beforeLead || following === undefined || following.bullet === true
      || (following.lead === true) || role.get(following.no) === 'attribution' && false;
    const allTitle = seg.lines.every((l) => isTitleLike(l.text));
    let headingCount = 0;

    if (articleEnded || first.lead !== true && (first.indent ?? 0) > 0) {
      // Headline-shaped lines at the start of an article, up to where the body begins: a
      // non-headline line, or an indented paragraph start (narrower than the line after it).
      let prefix = 0;
      while (prefix < seg.lines.length && !seg.lines[prefix]!.lead && isTitleLike(seg.lines[prefix]!.text)) prefix++;
      if (prefix === seg.lines.length && (seg.beforeLead || articleEnded || allTitle)) headingCount = prefix;
      else {
        headingCount = prefix;
        for (let k = 0; k < prefix; k++) {
          const l = seg.lines[k]!;
          const after = seg.lines[k + 1] ?? nextTextAfter(l.no);
          if (k > 0 && (l.indent ?? 0) > 0) continue;
          if (isIndentedStart(l, after) && (l.indent ?? 0) === 0) { headingCount = k; break; }
        }
      }
      if (articleEnded && headingCount === 0 && prefix === 0) articleEnded = false;
    } else if (allTitle) {
      const widest = Math.max(...seg.lines.map((l) => width.get(l.no)!));
      const col = Math.max(...seg.lines.map((l) => column.get(l.no)!));
      const prev = prevBodyBefore(first.no);
      const afterFinished = prev === undefined || endsClause(prev.text);
      if (afterFinished && (followedByStart || widest > col + o.shortLineCells)) headingCount = seg.lines.length;
      else if (afterFinished && blankAround(lines, first.no, last.no) && widest <= col * o.subheadRatio) {
        for (const l of seg.lines) role.set(l.no, 'subhead');
        lastRoleNo = last.no;
        continue;
      }
    }

    seg.lines.forEach((l, i) => role.set(l.no, i < headingCount ? 'heading' : 'body'));
    if (headingCount < seg.lines.length) articleEnded = false;
    else if (headingCount > 0) articleEnded = true;
    lastRoleNo = last.no;
  }

  return rawToBlocks(lines, role, width, column, o, messages);
}

function blankAround(lines: Line[], first: number, last: number): boolean {
  const before = lines[first - 2];
  const after = lines[last];
  return (before === undefined || before.text === '') && (after === undefined || after.text === '');
}

/** Each line's column width: the widest ordinary body line among its neighbours. */
function columnWidths(textLines: Line[], width: Map<number, number>, window: number): Map<number, number> {
  const ordinary = textLines.filter((l) => !isTitleLike(l.text) && !l.bullet);
  const all = ordinary.map((l) => width.get(l.no)!).sort((a, b) => a - b);
  const fallback = all.length ? all[Math.floor(all.length * 0.75)]! : 0;
  const out = new Map<number, number>();
  let j = 0;
  for (const l of textLines) {
    while (j < ordinary.length && ordinary[j]!.no < l.no) j++;
    let best = 0;
    for (let k = Math.max(0, j - window); k < Math.min(ordinary.length, j + window + 1); k++) {
      if (ordinary[k]!.no !== l.no) best = Math.max(best, width.get(ordinary[k]!.no)!);
    }
    out.set(l.no, best || fallback || width.get(l.no)!);
  }
  return out;
}

function rawToBlocks(
  lines: Line[],
  role: Map<number, Role>,
  width: Map<number, number>,
  column: Map<number, number>,
  o: Options,
  messages: Message[],
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
    if (heading.length) blocks.push({ ...linesBlock('heading', heading), parts: heading });
    heading = [];
  };
  let prev: Line | undefined;
  let blankSince = false;

  for (const l of lines) {
    if (l.text === '') { blankSince = true; if (heading.length) headingBlank = true; continue; }
    const r = role.get(l.no) ?? 'body';
    if (r !== 'heading') closeHeading();
    if (r === 'body') {
      if (para.length && prev) {
        const brk = l.lead || !endsClause(prev.text)
          ? l.lead === true
          : blankSince || width.get(prev.no)! + o.shortLineCells <= column.get(prev.no)!;
        if (brk) closePara();
        else if (blankSince && endsClause(prev.text) === false && para.length) {
          // a blank line inside a sentence: a column or picture break, joined
        }
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
          blocks[blocks.length - 1] = { ...lastBlock, text: joinWrapped(lastBlock.text, l.text), lines: [lastBlock.lines[0], l.no] };
        } else blocks.push(linesBlock('subhead', [l]));
      } else {
        blocks.push(linesBlock(r, [l]));
      }
    }
    headingBlank = false;
    blankSince = false;
  }
  closePara();
  closeHeading();
  void messages;
  return blocks;
}

function linesBlock(kind: Block['kind'], ls: Line[], extra: Partial<Block> = {}): Block {
  const text = ls.reduce((acc, l) => joinWrapped(acc, l.text), '');
  return { kind, text, lines: [ls[0]!.no, ls[ls.length - 1]!.no], ...extra };
}

// ---------------------------------------------------------------- Markdown

function markdownBlocks(page: Page, o: Options, messages: Message[]): Block[] {
  const raw: Block[] = [];
  for (const l of page.lines) {
    if (l.text === '') continue;
    if (l.heading) raw.push({ kind: 'heading', text: l.text, lines: [l.no, l.no], level: l.heading, parts: [l] });
    else if (l.bullet) raw.push({ kind: 'byline', text: l.text, lines: [l.no, l.no] });
    else if (isAttributionLine(l.text)) raw.push({ kind: 'attribution', text: l.text, lines: [l.no, l.no] });
    else raw.push({ kind: 'paragraph', text: l.text, lines: [l.no, l.no] });
  }
  // A paragraph that stops mid-sentence continues in the next paragraph; a short unpunctuated
  // paragraph between the two halves is the caption of a picture that cut the sentence.
  const out: Block[] = [];
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    const prev = out[out.length - 1];
    if (b.kind === 'paragraph' && prev?.kind === 'paragraph' && !endsClause(prev.text)) {
      const after = raw[i + 1];
      if (isCaptionLike(b.text, o.maxCaptionChars) && after?.kind === 'paragraph') {
        out.push({ ...b, kind: 'caption' });
        messages.push(message('rejoin-lines', `took "${short(b.text)}" out of a sentence as a picture caption`, b.lines[0]));
        const mended: Block = { ...prev, text: joinWrapped(prev.text, after.text), lines: [prev.lines[0], after.lines[1]] };
        out.splice(out.indexOf(prev), 1, mended);
        i++;
        continue;
      }
      out[out.length - 1] = { ...prev, text: joinWrapped(prev.text, b.text), lines: [prev.lines[0], b.lines[1]] };
      continue;
    }
    out.push(b);
  }
  return out;
}

function isCaptionLike(text: string, maxChars: number): boolean {
  return [...text].length <= maxChars && !endsClause(text) && !/[。！？；]/.test(text);
}

const short = (s: string) => ([...s].length > 16 ? [...s].slice(0, 16).join('') + '…' : s);
