import { definePass, type Report } from './pass.js';
import { joinLines } from '../model/join.js';
import { setWidth } from '../model/width.js';
import { UNMARKED_HEADING, blockWith, makeBlock, pageWith, type BlockExtras } from '../model/page.js';
import type { Block, Line, Page } from '../model/types.js';
import { fixedChoices, type FixedChoices, type FixedRole } from '../model/overrides.js';
import { endsClause, endsWithBracket, endsWithCredit, endsWithPhotoCredit, isAttributionLine, isBylineLine, isCreditLine, isDateLine, isDottedName, isFolioLine, isFurnitureLine, isKickerShaped, isNumberedPart, isPhotoCreditLine, isRubricShaped, isRunningHeadLine, isSubtitleShaped, isPlaceName, isTitleLike, namePrefix, opensWithTime, splitTeasers, startsAfterPushDown, startsWithDateline } from '../model/shapes.js';

interface Options {
  shortLineCells: number;
  indentCells: number;
  fullLineCells: number;
  columnWindow: number;
  columnQuantile: number;
  minNeighbours: number;
  subheadRatio: number;
  maxCaptionChars: number;
  maxCaptionLines: number;
  maxTitleChars: number;
  maxSubheadChars: number;
  minIndentEvidence: number;
  rubricRatio: number;
  maxRunningHeadChars: number;
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
    maxSubheadChars: { default: 20, description: 'a plain Markdown line between two paragraphs is a subhead when headline-shaped and at most this long', unit: 'characters', min: 0, integer: true },
    maxTitleChars: { default: 40, description: 'a plain Markdown line next to a heading is a kicker or subtitle when at most this long', unit: 'characters', min: 1, integer: true },
    minIndentEvidence: { default: 2, description: "paragraph starts a page must show before its paragraphs are taken to start full, not indented", unit: 'paragraph starts', min: 1, integer: true },
    maxCaptionLines: { default: 3, description: 'a caption set into a raw column is at most this many lines', unit: 'lines', min: 0, integer: true },
    maxRunningHeadChars: { default: 10, description: "a Markdown line next to a page number, between the halves of a sentence, is the page's running head when headline-shaped and at most this long", unit: 'characters', min: 0, integer: true },
    rubricRatio: { default: 3, description: "a rubric-shaped line at the page's top, right above a line this many times its length, is a section label, not a broken headline's first part", unit: 'times', min: 1 },
  },
  run(page, options, { report }) {
    if (page.blocks.length > 0) return page;
    const blocks = page.dialect === 'markdown' ? markdownBlocks(page, options, report) : rawBlocks(page, options, report);
    return pageWith(page, { blocks });
  },
});

// ---------------------------------------------------------------- raw OCR columns

/**
 * A closing credit or source note is short: a narrow column breaks it over at most this many
 * lines (a column of five characters sets a note of twenty-odd over five).
 */
const CREDIT_LINES = 6;

/** A running head's line, pieces run together, is at most this long (the page's width), and holds a page number or date. */
const RUNNING_HEAD_CHARS = 40;

/** A line that closes its sentence, or closes its article with a credit or source note. */
const finished = (text: string): boolean => endsClause(text) || endsWithCredit(text);

type Role = 'body' | 'heading' | 'subhead' | 'byline' | 'credit' | 'attribution' | 'furniture' | 'caption';

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
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '') continue;
    position[l.no] = textLines.length;
    width[l.no] = setWidth(l.text);
    textLines.push(l);
  }
  const column = columnWidths(textLines, width, o);
  // an editor's fixed roles (bulletin.overrides.yaml): the shapes are not asked about those lines
  const fixed = fixedChoices(page);
  // A page whose OCR kept the paragraph indents says where every paragraph starts: there a
  // blank line before a line without its indent is a column or picture break.
  let keptIndents = 0;
  for (const l of textLines) if (l.opensParagraph) keptIndents++;
  const indentsKept = keptIndents >= o.minIndentEvidence;
  const startsIndented = indentsKept || paragraphsStartIndented(textLines, width, column, o);
  // per source line number, as the position and width arrays are
  const role: (Role | undefined)[] = new Array(lines.length + 2).fill(undefined);
  const textAt = (no: number, step: 1 | -1): Line | undefined => textLines[position[no]! + step];
  /** a line that opens a report with its dateline (read with the line after it: a narrow column cuts it) */
  // per line number, asked at most once each: 0 not asked yet, 1 yes, -1 no
  const titleAt: number[] = new Array(lines.length + 2).fill(0);
  const listingAllowed = (l: Line): boolean => {
    if ((l.indent ?? 0) > 0) return true;
    const next = textAt(l.no, 1);
    return next !== undefined && next.lead === true && next.no === l.no + 1 && !finished(l.text);
  };
  const titled = (l: Line): boolean => {
    // a line that kept its paragraph indent is a paragraph's first, whatever its shape
    // (a line set in from the column's edge is centred, as no body line is, and one right on
    // the next report's lead ends no paragraph, its sentence unfinished: either may list with
    // enumeration commas, as a headline's lines do, `稳得住、能致富`)
    if (titleAt[l.no] === 0) titleAt[l.no] = !l.opensParagraph && isTitleLike(l.text, 0, listingAllowed(l)) && !fixed?.role.has(l.no) ? 1 : -1;
    return titleAt[l.no] === 1;
  };
  const reportAt: number[] = new Array(lines.length + 2).fill(0);
  // A dateline broken over two lines is read with the next line; a lead below starts its own
  // paragraph, and a line right above one (a headline's last) is not the start of its dateline.
  const opensReport = (l: Line): boolean => {
    if (reportAt[l.no] === 0) {
      const next = textAt(l.no, 1);
      reportAt[l.no] = startsWithDateline(next && !next.lead ? l.text + next.text : l.text) ? 1 : -1;
    }
    return reportAt[l.no] === 1;
  };
  /** a body line with the body lines just before it: a narrow column breaks a closing credit over lines */
  const tailText = (l: Line): string => {
    const parts = [l.text];
    for (let p = textAt(l.no, -1); p && parts.length < CREDIT_LINES && (role[p.no] ?? 'body') === 'body' && lines[p.no]!.text !== ''; p = textAt(p.no, -1)) parts.unshift(p.text);
    return joinLines(parts);
  };
  /** a line that ends a sentence, or its article with a credit or source note */
  const closes = (l: Line): boolean => finished(l.text) || (endsWithBracket(l.text) && endsWithCredit(tailText(l)));
  // A paragraph's first line lost its two-character indent: it falls short of the line after it
  // by about an indent, and that line fills the column. (A headline broken unevenly has no full
  // line after it; a headline's last line set right on its body falls shorter than an indent.)
  const narrowerThan = (l: Line, after: Line | undefined): boolean => {
    if (after === undefined) return false;
    // measured against the fuller of the two (squeezed punctuation makes a full line narrower),
    // but no further than a full line: one dense with half-width digits says no more of an indent
    const short = Math.min(Math.max(width[after.no]!, column[l.no]!), column[l.no]! + o.fullLineCells) - width[l.no]!;
    return short >= o.indentCells && short <= 2 * o.indentCells && width[after.no]! + o.fullLineCells >= column[after.no]!;
  };
  /**
   * A headline-shaped line wider than its column: no body line is. Nor is one letter-spaced
   * that fills its column when the line below does not show why a justified line was left short
   * (a mark no line may start with moved down with the character before it, an opening mark, a
   * Latin word that did not fit): a typesetter spreads only such a line, so one spread though
   * nothing was moved off it is set in big type, a headline's.
   */
  const wideTitle = (l: Line | undefined): boolean => {
    if (l === undefined || l.lead) return false;
    const wide = width[l.no]! > column[l.no]! + o.shortLineCells;
    if (!wide && !(l.spaced === true && width[l.no]! + o.fullLineCells >= column[l.no]!)) return false;
    if (!wide && startsAfterPushDown(textAt(l.no, 1)?.text ?? '')) return false;
    return titled(l);
  };
  /**
   * Under a headline set right on its body, the body opens: with a lead, a byline or a
   * dateline, or a first line short by its dropped indent; the headline's own further lines
   * may come first. A full line after a paragraph's end is then no headline when the text
   * below runs on: that paragraph started full.
   */
  const bodyOpensBelow = (l: Line): boolean => bodyOpeningBelow(l, true) >= 0;
  /**
   * How many headline lines stand between the line and the body opening below it (by a lead,
   * a byline or a dateline, or with `byIndent` a first line short by its dropped indent), or
   * -1 where text that is no headline's comes first.
   */
  const bodyOpeningBelow = (l: Line, byIndent: boolean): number => {
    let next = textAt(l.no, 1);
    for (let k = 0; next !== undefined && k < MAX_HEADLINE_LINES; k++, next = textAt(next.no, 1)) {
      if (next.lead || next.bullet || isBylineLine(next.text) || opensReport(next) || (byIndent && narrowerThan(next, textAt(next.no, 1)))) return k;
      if (!titled(next)) return -1;
    }
    return -1;
  };
  /**
   * Whether another headline follows the line, over a report's lead, byline or dateline: a run
   * of headline lines above it is a headline too (of the article before, printed after it, or
   * the next one's kicker), not a paragraph's first lines.
   */
  const headsHeadedReport = (l: Line): boolean => bodyOpeningBelow(l, false) > 0;
  // A headline set right on its body sits inside a run of text lines. After a finished sentence
  // it is a headline-shaped line set in a box or wider than the column (or a headline-shaped
  // kicker above such a line, whatever its own width); or, after a paragraph's
  // short last line, one too full to start the next (indented) paragraph; or a headline-shaped
  // run that the next article's lead, byline or dateline ends.
  const fitsBeside = (a: Line, b: Line): boolean => width[a.no]! + width[b.no]! <= column[b.no]!;
  const fills = (l: Line): boolean => width[l.no]! + o.fullLineCells >= column[l.no]!;
  const segments = splitAtHeadlines(cutSegments(lines, role, fixed, o.rubricRatio, fitsBeside, fills), (prev, l) => {
    // a headline starts after a finished sentence: asked first, since most lines of a column
    // follow one that runs on, and the rest of the asking reads lines below
    if (l.lead || !closes(prev)) return false;
    // the measures next: they are comparisons, where the shapes read the text
    const placed = (l.indent ?? 0) > 0 || width[l.no]! > column[l.no]! + o.shortLineCells ||
      (startsIndented && width[prev.no]! + o.shortLineCells <= column[prev.no]! && width[l.no]! + o.fullLineCells >= column[l.no]! && bodyOpensBelow(l)) ||
      // a line short of its column by more than a lost indent, its sentence unfinished, with text
      // set right under it: no line of a justified paragraph is, a headline's is
      (width[l.no]! + 2 * o.indentCells < column[l.no]! && !finished(l.text) && !endsWithPhotoCredit(l.text) && bodyOpensBelow(l)) ||
      // or lines ending no sentence right over the next report's lead, byline or dateline: a
      // paragraph's last line finishes its sentence before a report starts
      (!finished(l.text) && !endsWithPhotoCredit(l.text) && bodyOpeningBelow(l, false) >= 0);
    // (or a kicker set right above such a line: a blank between, and the wide line is a caption's)
    if (!placed && !wideTitle(lines[l.no])) return false;
    return titled(l) && !opensReport(l);
  }, (run, seg) => {
    const after = textAt(run[run.length - 1]!.no, 1);
    const opens = seg.beforeLead || (after !== undefined && (after.bullet === true || opensReport(after)));
    return opens && run.every((l) => !l.lead && titled(l) && !opensReport(l));
  });
  // A headline of two phrases holds a comma, as a line of body text does: it is read as one
  // only where an article has ended and the run stands alone, blank above and below (or
  // before the next article's start), at most a headline group's lines, and its last line
  // short of the column or set in a box, where a paragraph cut by a column break ends full.
  const twoPhraseHeadline = (seg: Segment, following: Line | undefined): boolean => {
    const ls = seg.lines;
    const last = ls[ls.length - 1]!;
    if (ls.length > MAX_HEADLINE_LINES || ls.some((l) => l.lead || opensReport(l))) return false;
    const apart = (l: Line | undefined) => l === undefined || role[l.no] === 'furniture' || role[l.no] === 'byline';
    const alone = (blankAt(lines, ls[0]!.no - 1) || apart(textAt(ls[0]!.no, -1))) && (blankAt(lines, last.no + 1) || seg.beforeLead || apart(following));
    if (!alone || !isTitleLike(joinLines(ls.map((l) => l.text)), 1)) return false;
    // (or one of its lines wider than the column, as no body line is; or the next report's lead
    // right below it, where a paragraph a column break cut would go on)
    return seg.beforeLead || following?.lead === true || (last.indent ?? 0) > 0 || width[last.no]! + o.shortLineCells <= column[last.no]! || ls.some((l) => width[l.no]! > column[l.no]! + o.shortLineCells);
  };
  /** headline lines of one or two phrases each: a headline group's, if anything stands where they do */
  const isPhrasedGroup = (ls: Line[]): boolean =>
    ls.length <= MAX_HEADLINE_LINES && ls.every((l) => !l.lead && !l.opensParagraph && !opensReport(l) && isTitleLike(l.text, 1) && !SENTENCE_END.test(l.text) && !fixed?.role.has(l.no));
  /** the first ordinary text line after `no`, skipping bylines, notes and furniture */
  const nextText = (no: number): Line | undefined => {
    for (let i = position[no]! + 1; i < textLines.length; i++) if (role[textLines[i]!.no] === undefined) return textLines[i];
    return undefined;
  };

  // An article has ended at the page top and after a source note or credit: what follows
  // may be a headline, for this article (printed after it) or for the next.
  let articleEnded = true;
  let lastBody: Line | undefined;

  for (let si = 0; si < segments.length; si++) {
    let seg = segments[si]!;
    // A column break can cut a closing source note or credit (`（据某某局微信公众` + `号）`):
    // the segment's first line that closes it ends the body before, and the article with it.
    if (lastBody && !finished(lastBody.text) && endsWithBracket(seg.lines[0]!.text) && lastBody.no === textAt(seg.lines[0]!.no, -1)?.no &&
      endsWithCredit(joinLines([tailText(lastBody), seg.lines[0]!.text]))) {
      const closing = seg.lines[0]!;
      role[closing.no] = 'body';
      lastBody = closing;
      articleEnded = true;
      if (seg.lines.length === 1) continue;
      seg = { ...seg, lines: seg.lines.slice(1), afterArticleEnd: true };
    }
    const first = seg.lines[0]!;
    const last = seg.lines[seg.lines.length - 1]!;
    const before = textAt(first.no, -1);
    if (seg.afterArticleEnd || (before && role[before.no] === 'body' && endsWithBracket(before.text) && endsWithCredit(tailText(before)))) articleEnded = true;
    const following = textAt(last.no, 1);
    const followedByStart = seg.beforeLead || following === undefined || following.lead === true || following.bullet === true || role[following.no] === 'byline' || opensReport(following);
    // the next report's lead right below the run (a blank between or not), and the body text
    // before it ending a sentence: what stands round a headline group set between two reports
    const overNextLead = seg.beforeLead || following?.lead === true;
    const afterFinished = lastBody === undefined || finished(lastBody.text);
    // a lead or a dateline opens a body: a run it starts is never a headline's or a subhead's
    let allTitle = !first.lead && !opensReport(first);
    if (allTitle) for (const l of seg.lines) {
      if (titled(l)) continue;
      allTitle = false;
      break;
    }
    let headingCount = 0;

    // A picture set into a column cuts a sentence: its caption is a line or two that cannot be
    // part of the sentence around it (it does not fill the column, or is wider than it, or ends
    // with the photographer's credit), and the sentence goes on after it.
    // Between two paragraphs, only the credit tells a caption.
    if (lastBody && seg.lines.length <= o.maxCaptionLines && !(fixed && seg.lines.some((l) => fixed.role.has(l.no)))) {
      const text = joinLines(seg.lines.map((l) => l.text));
      const cutsSentence = !articleEnded && !finished(lastBody.text) && following !== undefined && !following.lead && !opensReport(following);
      // (a sentence runs on past a column break only from a full line, and no line of it is
      // wider than its column: a run that ends short of the column, or holds a line wider than
      // it, set off by blanks, cannot be the sentence's middle)
      const offColumn = Math.abs(width[first.no]! - column[first.no]!) >= o.shortLineCells || width[last.no]! + o.fullLineCells < column[last.no]! ||
        seg.lines.some((l) => width[l.no]! > column[l.no]! + o.fullLineCells);
      // a credit closes a caption even of two sentences; without one, a caption is a phrase
      if (!finished(text) && (endsWithPhotoCredit(text) || (cutsSentence && offColumn && !SENTENCE_END.test(text)))) {
        for (const l of seg.lines) role[l.no] = 'caption';
        continue;
      }
    }

    if (articleEnded || (first.indent ?? 0) > 0) {
      // Headline-shaped lines at the start of an article, up to where the body begins: the
      // first line that is not headline-shaped, or an indented paragraph start (a line
      // narrower than the one after it; a headline's own lines are not indented).
      let prefix = 0;
      while (prefix < seg.lines.length && !seg.lines[prefix]!.lead && titled(seg.lines[prefix]!) && !opensReport(seg.lines[prefix]!)) prefix++;
      headingCount = prefix;
      // (only when the comma comes in the first line: after a plain headline line, a line with a comma is the body's first)
      // (an article has ended, or a finished paragraph and the next report's lead stand round the run)
      if (prefix === 0 && (articleEnded || (afterFinished && overNextLead)) && twoPhraseHeadline(seg, following)) headingCount = seg.lines.length;
      // ...but headline lines whose last holds a comma and ends no sentence, right above the
      // next report's lead, are a list of headlines: a body's first line would go on below
      else if (prefix > 0 && prefix < seg.lines.length && overNextLead && !finished(last.text) && isPhrasedGroup(seg.lines)) headingCount = seg.lines.length;
      else if (!(prefix === seg.lines.length && (seg.beforeLead || articleEnded))) {
        // Below a byline the body begins: a headline-shaped line that fills the column and runs
        // on into the body is the body's first line (set without its indent), not a headline's.
        const afterByline = before !== undefined && role[before.no] === 'byline';
        // set right under the byline, with no blank between, a line is the body's: a byline
        // stands between a headline and its body
        const full = (l: Line) => Math.abs(width[l.no]! - column[l.no]!) <= o.fullLineCells;
        const fillsColumn = (l: Line) => afterByline && (l.no === before.no + 1 || full(l));
        // Lines set flush that fill the column and run on, unfinished, into the text below are
        // the body's, at the article's start or under a headline set in a box of its own (its
        // first line set in): a headline broken in its box ends short, and no body line is
        // boxed. (A brief printed without a headline starts so.) But a line below that opens
        // with when it happened (`6 月 7 日，`) starts the text: the full line above it is a headline.
        const runsOnBelow = prefix > 0 && prefix < seg.lines.length && !finished(seg.lines[prefix - 1]!.text) && !opensWithTime(seg.lines[prefix]!.text);
        const runsOnFlush = (k: number) => runsOnBelow && (k === 0 || (first.indent ?? 0) > 0) && seg.lines.slice(k, prefix).every((l) => (l.indent ?? 0) === 0 && full(l));
        for (let k = 0; k < prefix; k++) {
          const l = seg.lines[k]!;
          if ((l.indent ?? 0) !== 0) continue;
          if (narrowerThan(l, seg.lines[k + 1] ?? nextText(l.no)) || (k === prefix - 1 && prefix < seg.lines.length && fillsColumn(l)) || runsOnFlush(k)) {
            headingCount = k;
            break;
          }
        }
      }
    } else if (!allTitle) {
      // Headline-shaped lines wider than their column cannot be body text: a headline set
      // right on its article's first paragraph.
      // A kicker may stand above them and a subtitle (hanging from a dash) below: the group is
      // set in the headline's box, whatever the kicker's own width. (A paragraph's first line
      // has no headline-shaped line wider than the column under it.)
      const wide = wideTitle;
      const marked = (l: Line | undefined, shaped: (text: string) => boolean) => l !== undefined && !l.lead && titled(l) && shaped(l.text);
      let run = !wide(seg.lines[0]!) && !seg.lines[0]!.lead && titled(seg.lines[0]!) && seg.lines[1] !== undefined && wide(seg.lines[1]) ? 1 : 0;
      while (run < seg.lines.length && wide(seg.lines[run]!)) run++;
      if (run > 0) while (run < Math.min(seg.lines.length - 1, MAX_HEADLINE_LINES) && marked(seg.lines[run], isSubtitleShaped)) run++;
      // or headline-shaped lines right above a dateline, which opens the report they head
      let headed = 0;
      while (headed < Math.min(seg.lines.length, MAX_HEADLINE_LINES) && !seg.lines[headed]!.lead && titled(seg.lines[headed]!) && !opensReport(seg.lines[headed]!)) headed++;
      if (headed > run && headed < seg.lines.length && opensReport(seg.lines[headed]!)) run = headed;
      // or headline lines right on a body whose first line starts a paragraph by its dropped
      // indent: the first of them falls short of the column by more than a lost indent and ends
      // no sentence (a headline broken unevenly), or is set wider than the column, as no
      // paragraph's first line is
      // (right under a byline the body begins: a byline stands between a headline and its body)
      else if (headed > run && !finished(first.text) && !(before !== undefined && role[before.no] === 'byline') &&
        (width[first.no]! + 2 * o.indentCells < column[first.no]! || width[first.no]! > column[first.no]! + o.fullLineCells)) {
        // (the body's first line may be headline-shaped itself: it is the one its indent marks)
        for (let k = 1; k <= headed && k < seg.lines.length; k++) {
          const opening = seg.lines[k]!;
          if (finished(opening.text) || !narrowerThan(opening, seg.lines[k + 1] ?? nextText(opening.no))) continue;
          if (k > run) run = k;
          break;
        }
      }
      if (run > 0 && afterFinished) headingCount = run;
      // A headline of two phrases holds a comma, as a line of body text does; a run of such lines
      // between a finished paragraph and the next report's lead, blank above it, ending no
      // sentence, is that report's headline group (a paragraph's lines end a sentence)
      else if (run === 0 && afterFinished && overNextLead && blankAt(lines, first.no - 1) && isPhrasedGroup(seg.lines)) headingCount = seg.lines.length;
    } else {
      // a loop, not Math.max(...): a page of one unbroken run can have more lines than a call has room for arguments
      let widest = -Infinity;
      let col = -Infinity;
      for (const l of seg.lines) {
        widest = Math.max(widest, width[l.no]!);
        col = Math.max(col, column[l.no]!);
      }
      // A subhead stands between two paragraphs: narrow, or followed by a paragraph that
      // starts indented, so the line cannot be that paragraph's first, or short of the column,
      // where a column break cuts a sentence only after a full line.
      const next = nextText(last.no);
      const opensParagraph = next !== undefined && narrowerThan(next, nextText(next.no));
      const shortfall = column[last.no]! - width[last.no]!;
      const cannotRunOn = shortfall > (startsIndented ? 2 * o.indentCells : o.fullLineCells);
      // a kicker's mark over a second line, or a subtitle's dash, marks a headline group: a subhead is a line or two of its own
      // (a subtitle set off by a blank below counts as well)
      const subtitleBelow = following !== undefined && isSubtitleShaped(following.text) && titled(following);
      // (but a short label and its colon over one line, `一张床：` over `把专业护理搬到家门口`, with
      // text going on below, is a report's turn, set as a subhead: a place so set opens a report)
      const label = seg.lines.length === 2 ? namePrefix(first.text) : null;
      const turn = label !== null && following !== undefined && !isPlaceName(label);
      // (nor does a colon after a part's number, `三、评了有什么用：`, make a kicker: it divides the report)
      const numbered = isNumberedPart(first.text);
      const grouped = subtitleBelow || (seg.lines.length > 1 && ((isKickerShaped(first.text) && !turn && !numbered) || seg.lines.slice(1).some((l) => isSubtitleShaped(l.text))));
      // (a subhead heads text: one with only the page's furniture below it is a headline printed after its article)
      const lastOnPage = next === undefined || role[next.no] === 'furniture';
      if (afterFinished && (followedByStart || grouped || widest > col + o.shortLineCells || headsHeadedReport(last) || lastOnPage)) headingCount = seg.lines.length;
      else if (afterFinished && blankAround(lines, first.no, last.no) && (widest <= col * o.subheadRatio || opensParagraph || cannotRunOn || turn || numbered)) {
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

  // what an editor fixed stands, whatever the shapes said
  if (fixed) for (const [no, r] of fixed.role) if (no <= lines.length) role[no] = roleOf(r);
  return rawToBlocks(lines, role, { width, column, startsIndented, indentsKept, opensReport, narrowerThan, fixed }, o, report);
}

const roleOf = (r: FixedRole): Role => (r === 'headline' || r === 'subheadline' ? 'heading' : r);

/**
 * Segments: runs of non-blank lines, cut before a lead line and around lines that are
 * bylines, source notes or furniture (whose role is settled here).
 */
function cutSegments(
  lines: Line[],
  role: (Role | undefined)[],
  fixed: FixedChoices | null,
  rubricRatio: number,
  fitsBeside: (a: Line, b: Line) => boolean,
  fills: (l: Line) => boolean,
): Segment[] {
  const segments: Segment[] = [];
  let current: Line[] = [];
  let sawArticleEnd = false;
  const flush = (beforeLead: boolean) => {
    if (current.length) segments.push({ lines: current, beforeLead, afterArticleEnd: sawArticleEnd });
    if (current.length) sawArticleEnd = false;
    current = [];
  };
  // above the page's first text, a rubric on a line of its own labels the page (one of two
  // names joined by a middle dot, `慈善·公益`, right under the running head's page number or
  // date, is the running head's, whatever stands below it)
  let pageTop = true;
  let lastText: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '') { flush(false); continue; }
    const previous = lastText;
    lastText = l;
    // a source note a narrow column broke over lines, each of them the note's
    const note = noteLines(lines, i, fills);
    if (note > 1 && !(fixed && lines.slice(i, i + note).some((n) => fixed.role.has(n.no)))) {
      flush(false);
      for (let k = i; k < i + note; k++) role[lines[k]!.no] = 'attribution';
      sawArticleEnd = true;
      lastText = lines[i + note - 1];
      i += note - 1;
      continue;
    }
    // a line an editor fixed is cut out as bylines are (a headline as after an article's end),
    // or, fixed as body, is not asked what its shape is
    const forced = fixed?.role.get(l.no);
    if (forced !== undefined && forced !== 'body') {
      flush(false);
      role[l.no] = roleOf(forced);
      if (role[l.no] === 'heading') sawArticleEnd = true;
      if (forced !== 'furniture') pageTop = false;
      continue;
    }
    // the running head over the page's first text (its page number, its date, or its pieces set
    // far apart across the page on one line, or run together: `养老服务·第05版`) and the page
    // number under its last, or the running head's pieces there, are the page's
    const runningHead = forced !== 'body' && ((pageTop && l.gapped === true) || ((isFolioLine(l.text) || isDateLine(l.text)) && (pageTop || (isFolioLine(l.text) && atFoot(lines, i)))) ||
      ((pageTop || (l.text.length <= RUNNING_HEAD_CHARS && /\d/.test(l.text) && atFoot(lines, i))) && isRunningHeadLine(l.text)));
    const s: Role | null = forced === 'body' ? null
      : runningHead ? 'furniture'
      : l.bullet || isBylineLine(l.text) ? 'byline'
      : isAttributionLine(l.text) ? 'attribution'
      // a reporter's name in brackets after an unfinished line is the dateline's, not a closing credit
      : isCreditLine(l.text) && (previous === undefined || finished(previous.text)) ? 'credit'
      : isFurnitureLine(l.text) || (pageTop && isRubricShaped(l.text) && (setApart(lines, i, rubricRatio, role, fitsBeside) || (l.text.includes('·') && previous !== undefined && role[previous.no] === 'furniture'))) ||
        (pageTop && isDottedName(l.text) && nextToRunningHead(lines, i, role)) ? 'furniture'
      : null;
    if (s === null) pageTop = false;
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

/**
 * Whether line `i` is set apart: blank or furniture below it, or the headline boxes below it
 * set in, or a line below it many times its length (a headline breaks at a phrase, not after a
 * word or two), or one that would hold it beside it (`fitsBeside`, by the column's width).
 */
function setApart(lines: readonly Line[], i: number, rubricRatio: number, role: readonly (Role | undefined)[], fitsBeside: (a: Line, b: Line) => boolean): boolean {
  const l = lines[i]!;
  // (the running head's page number or date may stand right above it)
  if (i > 0 && lines[i - 1]!.text !== '' && role[lines[i - 1]!.no] !== 'furniture') return false;
  const below = lines[i + 1];
  return below === undefined || below.text === '' || isFurnitureLine(below.text) || isFolioLine(below.text) || isDateLine(below.text) || ((below.indent ?? 0) > 0 && (l.indent ?? 0) === 0) ||
    [...below.text].length >= rubricRatio * [...l.text].length ||
    // (or one the line below would hold beside it: a headline is broken only where it does not
    // fit its line, so a rubric that would fit beside the line under it is no first part of it)
    (!isRubricShaped(below.text) && fitsBeside(l, below));
}

/**
 * Whether line `i` stands right on the running head's date or page number, above or below it:
 * so a paper's or a page's name is set (`中国社会工作周刊·深度` over `2026年4月23日 第16期`).
 */
function nextToRunningHead(lines: readonly Line[], i: number, role: readonly (Role | undefined)[]): boolean {
  const above = lines[i - 1];
  const below = lines[i + 1];
  return (above !== undefined && above.text !== '' && role[above.no] === 'furniture') ||
    (below !== undefined && (isDateLine(below.text) || isFolioLine(below.text) || isRunningHeadLine(below.text)));
}

/** Whether line `i` stands at the page's foot: only blank lines, or its running head's, below it. */
function atFoot(lines: readonly Line[], i: number): boolean {
  if (i > 0 && lines[i - 1]!.text !== '') return false;
  for (let k = i + 1; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (t !== '' && !isDateLine(t) && !isFurnitureLine(t)) return false;
  }
  return true;
}

/**
 * How many lines from `i` on make a source note on lines of its own (`（据《四川` + `交通报》）`):
 * 0 when line `i` does not open one that closes within CREDIT_LINES lines.
 */
function noteLines(lines: Line[], i: number, fills: (l: Line) => boolean): number {
  const text = lines[i]!.text;
  // most lines open with no bracket: passed over before any string is made
  const c = text.charCodeAt(0);
  if (c !== 0xff08 && c !== 0x28 && c !== 0x20) return unbracketedNoteLines(lines, i, fills);
  const first = text.trimStart();
  if (!NOTE_OPENING.test(first) || endsWithBracket(first.trimEnd())) return 0;
  const parts = [first];
  for (let k = i + 1; k < lines.length && k < i + CREDIT_LINES; k++) {
    if (lines[k]!.text === '') return 0;
    parts.push(lines[k]!.text);
    if (isAttributionLine(joinLines(parts))) return parts.length;
  }
  return 0;
}
const NOTE_OPENING = /^[（(]\s*(?:据|《)/;

/**
 * A source note set without brackets (`来源：北京市西城区人` + `民政府网站`) is broken over two
 * lines only where its first line fills the column; its second then ends the article, a blank
 * or the page's end under it. (A line that falls short of the column ends the note: the line
 * under it is what follows the article, a headline printed after it.)
 */
function unbracketedNoteLines(lines: Line[], i: number, fills: (l: Line) => boolean): number {
  const l = lines[i]!;
  const next = lines[i + 1];
  if (next === undefined || next.text === '' || !SOURCE_OPENING.test(l.text) || !fills(l)) return 0;
  const after = lines[i + 2];
  if (after !== undefined && after.text !== '') return 0;
  return isAttributionLine(joinLines([l.text, next.text])) ? 2 : 0;
}
const SOURCE_OPENING = /^(?:稿件|信息|文章)?来源\s*[：:]/;

/**
 * A headline set right on its body, with no blank line around it, sits inside a run of text
 * lines: it is cut out where `startsHeadline` says a line begins one, or where the segment's
 * last lines after a finished sentence are a headline for what follows (`endsWithHeadline`).
 * The part from there on starts as after an article's end.
 */
function splitAtHeadlines(
  segments: Segment[],
  startsHeadline: (prev: Line, line: Line) => boolean,
  endsWithHeadline: (run: Line[], seg: Segment) => boolean,
): Segment[] {
  const out: Segment[] = [];
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si]!;
    const cuts: number[] = [];
    for (let k = 1; k < seg.lines.length; k++) if (startsHeadline(seg.lines[k - 1]!, seg.lines[k]!)) cuts.push(k);
    // the shortest headline-shaped tail after the last cut (headlines run one to three lines)
    const last = cuts.length ? cuts[cuts.length - 1]! : 0;
    for (let k = Math.max(last + 1, seg.lines.length - MAX_HEADLINE_LINES); k < seg.lines.length; k++) {
      if (!finished(seg.lines[k - 1]!.text) || !endsWithHeadline(seg.lines.slice(k), seg)) continue;
      cuts.push(k);
      break;
    }
    let from = 0;
    for (const k of cuts) {
      out.push({ lines: seg.lines.slice(from, k), beforeLead: false, afterArticleEnd: from === 0 ? seg.afterArticleEnd : true });
      from = k;
    }
    out.push(from === 0 ? seg : { lines: seg.lines.slice(from), beforeLead: seg.beforeLead, afterArticleEnd: true });
  }
  return out;
}

/** A headline group (kicker, main headline over up to three lines, subtitle) is this many lines at most. */
const MAX_HEADLINE_LINES = 5;

/**
 * Whether this page's paragraphs start short of the column (their indent dropped), as seen
 * where a paragraph certainly starts: after a short line that finished a sentence. Where they
 * start full, a full line after a blank tells nothing, and a blank after a sentence ends the
 * paragraph. Too few such starts, and they are taken to be indented, as printed.
 */
function paragraphsStartIndented(textLines: Line[], width: readonly number[], column: readonly number[], o: Options): boolean {
  let starts = 0;
  let shortStarts = 0;
  for (let i = 1; i < textLines.length; i++) {
    const a = textLines[i - 1]!;
    const b = textLines[i]!;
    if (b.lead || a.bullet || b.bullet || width[a.no]! + o.shortLineCells > column[a.no]! || !finished(a.text)) continue;
    starts++;
    if (width[b.no]! + o.indentCells <= column[b.no]!) shortStarts++;
  }
  return starts < o.minIndentEvidence || 2 * shortStarts >= starts;
}

function blankAround(lines: Line[], first: number, last: number): boolean {
  return blankAt(lines, first - 1) && blankAt(lines, last + 1);
}

/** Whether source line `no` is blank or beyond the page's edge. */
function blankAt(lines: Line[], no: number): boolean {
  const l = lines[no - 1];
  return l === undefined || l.text === '';
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
  for (let i = 0; i < textLines.length; i++) {
    const l = textLines[i]!;
    if (l.bullet || (l.indent ?? 0) !== 0) continue;
    ordinary.push(l);
    widths.push(width[l.no]!);
  }
  // the page's own quartile, for a line with too few neighbours: rare, so found only when asked
  let fallback: number | undefined;
  const pageQuartile = () => (fallback ??= widths.length ? quantile(widths.slice().sort((a, b) => a - b), o.columnQuantile) : 0);
  const out: number[] = new Array(width.length).fill(0);
  const win = new SortedWindow(2 * window + 1);
  let j = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < textLines.length; i++) {
    const l = textLines[i]!;
    while (j < ordinary.length && ordinary[j]!.no < l.no) j++;
    for (const end = Math.min(ordinary.length, j + window + 1); hi < end; ) win.add(widths[hi++]!);
    for (const start = Math.max(0, j - window); lo < start; ) win.remove(widths[lo++]!);
    // a line is not its own neighbour
    const self = j < ordinary.length && ordinary[j]!.no === l.no ? widths[j]! : undefined;
    const count = self === undefined ? win.size : win.size - 1;
    if (count < o.minNeighbours) {
      out[l.no] = pageQuartile() || width[l.no]!;
      continue;
    }
    const k = Math.floor((count - 1) * o.columnQuantile);
    // leaving the line's own width out of the sorted window moves the k-th one up a place
    // exactly when its width comes first at or before k, that is when win[k] >= it
    out[l.no] = win.at(self !== undefined && win.at(k) >= self ? k + 1 : k);
  }
  measureOneSide(textLines, ordinary, widths, out, o);
  return out;
}

/**
 * The widths of a window of lines that slides down the page, kept sorted so that a quantile is
 * read off in place: one insertion and one removal a step, no sort for each line.
 */
class SortedWindow {
  private readonly items: number[];
  size = 0;
  constructor(capacity: number) {
    this.items = new Array<number>(capacity + 1).fill(0);
  }
  add(w: number): void {
    const items = this.items;
    let i = this.size++;
    for (; i > 0 && items[i - 1]! > w; i--) items[i] = items[i - 1]!;
    items[i] = w;
  }
  remove(w: number): void {
    const items = this.items;
    let i = 0;
    while (items[i] !== w) i++;
    for (this.size--; i < this.size; i++) items[i] = items[i + 1]!;
  }
  at(k: number): number {
    return this.items[k]!;
  }
  quantile(q: number): number {
    return this.items[Math.floor((this.size - 1) * q)]!;
  }
}

/**
 * For each end e from 0 to widths.length, the quantile q of the `span` widths before it
 * (fewer at the top of the page), or NaN where there are fewer than `least`.
 */
function quantilesBefore(widths: readonly number[], span: number, q: number, least: number): Float64Array {
  const out = new Float64Array(widths.length + 1);
  const win = new SortedWindow(span);
  for (let e = 0; e <= widths.length; e++) {
    if (e > 0) win.add(widths[e - 1]!);
    if (e > span) win.remove(widths[e - 1 - span]!);
    out[e] = win.size < least ? NaN : win.quantile(q);
  }
  return out;
}

/**
 * Each article is set in a column of its own width. Where the few lines before a line and
 * those after it are set to widths further apart than two short-line margins, its window mixes
 * two columns; the line is measured against one side instead: after a blank line, the column it
 * opens (a headline's body, a new column), elsewhere the side nearer its own width.
 */
function measureOneSide(textLines: Line[], ordinary: Line[], widths: readonly number[], out: number[], o: Options): void {
  const window = o.columnWindow;
  const near = o.minNeighbours;
  const apart = 2 * o.shortLineCells;
  const n = ordinary.length;
  const q = o.columnQuantile;
  // a side of `span` lines from `from` on is the window before from + span; the last few sides
  // of the page are cut short by its end and measured alone
  const before = quantilesBefore(widths, window, q, o.minNeighbours);
  const side = (from: number, to: number): number => {
    if (to - from < o.minNeighbours) return NaN;
    const win = new SortedWindow(to - from);
    for (let i = from; i < to; i++) win.add(widths[i]!);
    return win.quantile(q);
  };
  const sideFrom = (from: number, span: number): number => (from + span <= n && span === window ? before[from + span]! : side(from, Math.min(n, from + span)));
  let j = 0;
  for (let t = 0; t < textLines.length; t++) {
    const l = textLines[t]!;
    while (j < n && ordinary[j]!.no < l.no) j++;
    const self = j < n && ordinary[j]!.no === l.no;
    const above = before[j]!;
    if (Number.isNaN(above)) continue;
    const next = self ? j + 1 : j;
    const below = sideFrom(next, window);
    if (Number.isNaN(below) || Math.abs(above - below) <= apart) continue;
    const afterBlank = t > 0 && textLines[t - 1]!.no !== l.no - 1;
    const own = widths[j]!;
    const choice = afterBlank || !self ? below : Math.abs(own - below) < Math.abs(own - above) ? below : above;
    // the side's nearest lines must be set to it too: a picture's narrow stretch further on is a third width
    const nearest = choice === below ? sideFrom(next, near) : side(Math.max(0, j - near), j);
    if (!Number.isNaN(nearest) && Math.abs(nearest - choice) <= apart) out[l.no] = choice;
  }
}

const quantile = (sorted: ArrayLike<number>, q: number): number => sorted[Math.floor((sorted.length - 1) * q)]!;

/** What the page's lines measure: per source line number, its width and its column's. */
interface Layout {
  width: readonly number[];
  column: readonly number[];
  startsIndented: boolean;
  /** the page kept its paragraph indents: only they (and lead markers, datelines) start paragraphs */
  indentsKept: boolean;
  /** whether a line opens a report with its dateline, asked once a line */
  opensReport(line: Line): boolean;
  /** whether a line falls short of the (full) line after it by about a paragraph's indent */
  narrowerThan(line: Line, after: Line | undefined): boolean;
  /** an editor's fixed choices, null when there are none */
  fixed: FixedChoices | null;
}

/** The first non-blank line after source line `no`. */
function nextTextLine(lines: Line[], no: number): Line | undefined {
  for (let i = no; i < lines.length; i++) if (lines[i]!.text !== '') return lines[i];
  return undefined;
}

function rawToBlocks(lines: Line[], role: readonly (Role | undefined)[], layout: Layout, o: Options, report: Report): Block[] {
  const { width, column } = layout;
  const blocks: Block[] = [];
  let para: Line[] = [];
  let heading: Line[] = [];
  let headingBlank = false;
  // a caption cuts a paragraph, which goes on after it: the caption follows the paragraph
  let caption: Line[] = [];
  let captions: Block[] = [];
  const closeCaption = () => {
    if (caption.length) captions.push(linesBlock('caption', caption));
    caption = [];
  };
  const closePara = () => {
    if (para.length) {
      const block = linesBlock('paragraph', para);
      blocks.push(para[0]!.lead === true || startsWithDateline(block.text) ? blockWith(block, { lead: true }) : block);
    }
    for (const c of captions) blocks.push(c);
    captions = [];
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

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '') { blankSince = true; if (heading.length) headingBlank = true; continue; }
    const r = role[l.no] ?? 'body';
    if (r !== 'heading') closeHeading();
    if (r !== 'caption') closeCaption();
    if (r === 'caption') {
      caption.push(l);
      continue;
    }
    if (r === 'body') {
      // A lead marker starts a paragraph. After an unfinished sentence nothing does: a blank
      // line there is a column or picture break. After a finished one, a last line clearly
      // short of the column ends the paragraph, and so does a blank line, unless the line
      // after it fills the column: paragraphs start indented, so a full line goes on.
      // an editor's paragraph start (or its absence) is not weighed
      const fixedStart = layout.fixed?.paragraphStart.get(l.no);
      if (fixedStart !== undefined) {
        if (fixedStart) closePara();
      } else if (para.length && prev) {
        // a dateline opens a report: after a finished sentence, it starts a paragraph (and an article)
        let brk = l.lead === true || l.opensParagraph === true || (finished(prev.text) && layout.opensReport(l)) ||
          // a credit after the last sentence closes its article, even with the next one's text
          // set on the line below: the paragraph ends there, and trailing-credits ends the article
          // (a narrow column breaks the credit over the paragraph's last lines)
          (endsWithBracket(prev.text) && endsWithCredit(joinLines(para.slice(-CREDIT_LINES).map((x) => x.text))));
        // Where the indents were kept they are the paragraph starts, and a blank line before an
        // unindented line is a column or picture break: the widths are not asked.
        // (`short` is asked first: a comparison, where `finished` reads the text.)
        if (!brk && !layout.indentsKept) {
          // with no blank, a paragraph also starts after a full line that ends a sentence, where
          // its first line falls short of the next by the indent it lost
          if (!blankSince) brk = finished(prev.text) && (short(prev) || (layout.startsIndented && layout.narrowerThan(l, nextTextLine(lines, l.no))));
          else if (finished(prev.text)) {
            if (layout.startsIndented && !short(prev) && full(l)) {
              report('a blank line after a finished sentence, then a full line: read as a column break, not a paragraph end', { line: l.no, kind: 'column-break' });
            } else brk = true;
          }
        }
        if (brk) closePara();
      }
      para.push(l);
      prev = l;
    } else {
      closePara();
      prev = undefined;
      if (r === 'heading') {
        // a blank line inside a run of headline lines separates two headlines, but a subtitle
        // hangs from the headline above it by its dash, blank or not
        if (heading.length && headingBlank && !isSubtitleShaped(l.text)) closeHeading();
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
        const lastBlock = blocks[blocks.length - 1];
        // the later lines of a source note broken over lines
        if (r === 'attribution' && lastBlock?.kind === 'attribution' && lastBlock.lines[1] === l.no - 1 && !endsWithBracket(lastBlock.text)) {
          blocks[blocks.length - 1] = blockWith(lastBlock, { text: joinLines([lastBlock.text, l.text]), lines: [lastBlock.lines[0], l.no] });
        } else blocks.push(linesBlock(r, [l]));
      }
    }
    headingBlank = false;
    blankSince = false;
  }
  closeCaption();
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
  const fixed = fixedChoices(page);
  let pageTop = true;
  let afterFolio = false;
  for (let i = 0; i < page.lines.length; i++) {
    const l = page.lines[i]!;
    if (l.text === '') continue;
    const at: [number, number] = [l.no, l.no];
    const forced = fixed?.role.get(l.no);
    if (forced !== undefined) {
      const lastBlock = raw[raw.length - 1];
      // the later lines of one fixed caption
      if (forced === 'caption' && lastBlock?.kind === 'caption' && fixed!.role.get(lastBlock.lines[1]) === 'caption' && fixed!.role.get(l.no - 1) === 'caption') {
        raw[raw.length - 1] = blockWith(lastBlock, { text: joinLines([lastBlock.text, l.text]), lines: [lastBlock.lines[0], l.no] });
      } else raw.push(fixedMarkdownBlock(l, forced));
      if (forced !== 'furniture') pageTop = false;
      continue;
    }
    // (above the page's first text, a date is the running head's, whatever its form, even set
    // as a heading: no headline is a date alone)
    if ((!l.heading && (isFurnitureLine(l.text) || (pageTop && (isRubricShaped(l.text) || isRunningHeadLine(l.text))))) || (pageTop && isDateLine(l.text))) {
      for (const piece of splitTeasers(l.text)) raw.push(makeBlock('furniture', piece, at));
      continue;
    }
    // A page break leaves the page number, and often the paper's running head next to it,
    // between the halves of a sentence: a short line of no sentence beside the number is the head.
    if (!l.heading && isFolioLine(l.text)) {
      const before = raw[raw.length - 1];
      const cut = raw[raw.length - 2];
      if (before?.kind === 'paragraph' && isRunningHead(before.text, o) && cut?.kind === 'paragraph' && !finished(cut.text)) raw[raw.length - 1] = blockWith(before, { kind: 'furniture' });
      raw.push(makeBlock('furniture', l.text, at));
      afterFolio = true;
      continue;
    }
    if (afterFolio && !l.heading && isRunningHead(l.text, o) && unfinishedBefore(raw)) {
      afterFolio = false;
      raw.push(makeBlock('furniture', l.text, at));
      continue;
    }
    afterFolio = false;
    pageTop = false;
    if (l.heading) raw.push(makeBlock('heading', l.text, at, { level: l.heading, parts: [l] }));
    else if (l.bullet || isBylineLine(l.text)) raw.push(makeBlock('byline', l.text, at));
    else if (isAttributionLine(l.text)) raw.push(makeBlock('attribution', l.text, at));
    else raw.push(makeBlock('paragraph', l.text, at, { lead: startsWithDateline(l.text) }));
  }
  // A converter marks a headline by its type size, and may leave the smaller kicker above it or
  // the subtitle below it as plain lines: a short headline-shaped line next to a heading is one
  // of its group, ranked below every marked heading.
  const marked = (j: number) => raw[j]?.kind === 'heading' && raw[j]!.level !== UNMARKED_HEADING;
  /** a plain line shaped like a headline, kicker or subtitle, and no longer than one (an author's bracketed credit closes the article above) */
  const titleLine = (b: Block): boolean => !b.lead && !fixed?.role.has(b.lines[0]) && b.text.length <= 2 * o.maxTitleChars && [...b.text].length <= o.maxTitleChars &&
    (isTitleLike(b.text) || isKickerShaped(b.text) || isSubtitleShaped(b.text)) && !SENTENCE_END.test(b.text) && !endsWithPhotoCredit(b.text) && !isCreditLine(b.text);
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    // A subtitle has its article's text below it, a kicker its headline; text below that goes
    // on from a Latin word or a mark is the rest of a sentence a page break cut.
    const below = raw[i + 1];
    const textBelow = below !== undefined && below.kind !== 'heading' && !RUNS_ON.test(below.text);
    if (b.kind !== 'paragraph' || !((marked(i - 1) && textBelow) || marked(i + 1)) || !titleLine(b)) continue;
    raw[i] = blockWith(b, { kind: 'heading', level: UNMARKED_HEADING, parts: [page.lines[b.lines[0] - 1]!] });
  }
  // At the page's top, above its first heading, plain headline-shaped lines set among teasers
  // and labels are a list of the page's headlines, as a raw page's top block is: each is
  // placed by its words, not read as an article of one line.
  let top = 0;
  while (top < raw.length && (raw[top]!.kind === 'furniture' || (raw[top]!.kind === 'paragraph' && titleLine(raw[top]!)))) top++;
  if (raw[top]?.kind === 'heading' && raw.slice(0, top).some((b) => b.kind === 'furniture')) {
    for (let i = 0; i < top; i++) if (raw[i]!.kind === 'paragraph') raw[i] = blockWith(raw[i]!, { kind: 'heading', level: UNMARKED_HEADING, parts: [page.lines[raw[i]!.lines[0] - 1]!] });
  }
  // A paragraph that stops mid-sentence continues in the next paragraph; a short unpunctuated
  // paragraph between the two halves is the caption of a picture that cut the sentence.
  const out: Block[] = [];
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    // a page break leaves the page's furniture (a running head, a page number) between the
    // halves, and a caption lifted out of the paragraph before stands after it
    let at = out.length - 1;
    while (at >= 0 && (out[at]!.kind === 'furniture' || out[at]!.kind === 'caption') && b.kind === 'paragraph') at--;
    const prev = out[at];
    const fixedStart = fixed?.paragraphStart.get(b.lines[0]);
    const after = raw[i + 1];
    const afterStarts = after !== undefined && fixed?.paragraphStart.get(after.lines[0]) === true;
    // a photographer's credit on the line right under this one, which closes its caption
    const creditBelow = after?.kind === 'paragraph' && after.lines[0] === b.lines[1] + 1 && !fixed?.role.has(after.lines[0]) && isPhotoCreditLine(after.text);
    // a caption an editor fixed between the halves of a sentence: the sentence is mended round it
    if (b.kind === 'caption' && prev?.kind === 'paragraph' && after?.kind === 'paragraph' && !afterStarts && !finished(prev.text)) {
      out[at] = blockWith(prev, { text: joinLines([prev.text, after.text]), lines: [prev.lines[0], after.lines[1]] });
      out.push(b);
      i++;
      continue;
    }
    // Between finished paragraphs only its credit tells a picture's caption: a short line that
    // ends with one, or a short line with the credit on the line right under it.
    if (b.kind === 'paragraph' && !b.lead && fixedStart === undefined && !fixed?.role.has(b.lines[0]) && (prev?.kind !== 'paragraph' || finished(prev.text)) &&
      codePointsAtMost(b.text, o.maxCaptionChars) && !isPhotoCreditLine(b.text)) {
      if (creditBelow || (endsWithPhotoCredit(b.text) && after?.kind !== 'heading')) {
        out.push(makeBlock('caption', creditBelow ? joinLines([b.text, after!.text]) : b.text, creditBelow ? [b.lines[0], after!.lines[1]] : b.lines));
        report(`took "${short(b.text)}" from between two paragraphs as a picture caption, by its credit`, { line: b.lines[0], kind: 'caption-lifted' });
        if (creditBelow) i++;
        continue;
      }
    }
    // A short headline-shaped line between a finished paragraph and one that opens a sentence
    // (and holds one: not a caption's line) is a subhead; a page break that cut a paragraph so
    // soon after its start is rarer, and leaves a picture's caption or the sentence's rest below.
    const next = raw[i + 1];
    if (b.kind === 'paragraph' && !b.lead && !fixed?.role.has(b.lines[0]) && fixedStart === undefined && prev?.kind === 'paragraph' && finished(prev.text) && next?.kind === 'paragraph' && !RUNS_ON.test(next.text) && SENTENCE_END.test(next.text) &&
      codePointsAtMost(b.text, o.maxSubheadChars) && isTitleLike(b.text) && !isKickerShaped(b.text)) {
      out.push(blockWith(b, { kind: 'subhead' }));
      continue;
    }
    if (b.kind === 'paragraph' && prev?.kind === 'paragraph' && (fixedStart === false || (fixedStart === undefined && !finished(prev.text)))) {
      // A caption of a sentence or two and its photographer's credit on the line right under
      // it (`…观摩。` + `某某 摄`), the sentence's rest below them: the caption is both lines.
      const rest = raw[i + 2];
      if (fixedStart === undefined && !fixed?.role.has(b.lines[0]) && creditBelow && codePointsAtMost(b.text, o.maxCaptionChars) &&
        rest?.kind === 'paragraph' && fixed?.paragraphStart.get(rest.lines[0]) !== true && !rest.lead) {
        out[at] = blockWith(prev, { text: joinLines([prev.text, rest.text]), lines: [prev.lines[0], rest.lines[1]] });
        out.push(makeBlock('caption', joinLines([b.text, after.text]), [b.lines[0], after.lines[1]]));
        report(`took "${short(b.text)}" and its credit out of a sentence as a picture caption`, { line: b.lines[0], kind: 'caption-lifted' });
        i += 2;
        continue;
      }
      if (fixedStart === undefined && !fixed?.role.has(b.lines[0]) && !afterStarts && isCaptionLike(b.text, o.maxCaptionChars) && after?.kind === 'paragraph') {
        // the paragraph is mended where it stands, before the caption (an index, not a search:
        // a converted page can hold thousands of captions)
        out[at] = blockWith(prev, { text: joinLines([prev.text, after.text]), lines: [prev.lines[0], after.lines[1]] });
        out.push(blockWith(b, { kind: 'caption' }));
        report(`took "${short(b.text)}" out of a sentence as a picture caption`, { line: b.lines[0], kind: 'caption-lifted' });
        i++;
        continue;
      }
      out[at] = blockWith(prev, { text: joinLines([prev.text, b.text]), lines: [prev.lines[0], b.lines[1]] });
      continue;
    }
    out.push(b);
  }
  return out;
}

/** A running head: the paper's or the page's name, a short line of no sentence. */
function isRunningHead(text: string, o: Options): boolean {
  return codePointsAtMost(text, o.maxRunningHeadChars) && isTitleLike(text) && !SENTENCE_END.test(text);
}

/** Whether the last paragraph before the page's furniture at the end of `raw` stops mid-sentence. */
function unfinishedBefore(raw: readonly Block[]): boolean {
  let at = raw.length - 1;
  while (at >= 0 && raw[at]!.kind === 'furniture') at--;
  return raw[at]?.kind === 'paragraph' && !finished(raw[at]!.text);
}

/** A Markdown line as an editor fixed it: a heading of its group, a paragraph, furniture or a caption. */
function fixedMarkdownBlock(l: Line, r: FixedRole): Block {
  const at: [number, number] = [l.no, l.no];
  if (r === 'headline' || r === 'subheadline') return makeBlock('heading', l.text, at, { level: l.heading || UNMARKED_HEADING, parts: [l] });
  if (r === 'body') return makeBlock('paragraph', l.text, at, { lead: startsWithDateline(l.text) });
  return makeBlock(r, l.text, at);
}

const SENTENCE_END = /[。！？；]/;
/** Text that cannot open a paragraph: it goes on from a Latin word or after a mark. */
const RUNS_ON = /^[A-Za-z0-9，。、；：？！”’）,.;:?!)]/;


/**
 * What a picture's caption dropped into a sentence reads like: a phrase, not a sentence (a
 * sentence's half would end one), or a sentence or two that the photographer's credit closes.
 */
function isCaptionLike(text: string, maxChars: number): boolean {
  if (!codePointsAtMost(text, maxChars)) return false;
  return (!finished(text) && !SENTENCE_END.test(text)) || endsWithPhotoCredit(text);
}

/** Whether a text has at most `max` characters, without listing them (a paragraph can be long). */
function codePointsAtMost(text: string, max: number): boolean {
  if (text.length <= max) return true;
  let n = 0;
  for (const _ of text) if (++n > max) return false;
  return true;
}

const short = (s: string) => ([...s].length > 16 ? [...s].slice(0, 16).join('') + '…' : s);
