import { definePass } from './pass.js';
import { namedShare } from './bigram-index.js';
import { articleWith, blockWith, emptyArticle, listFrom, makeBlock, pageWith, spanOf } from '../model/page.js';
import type { Article, Block, Furniture, Line, LineSpan } from '../model/types.js';
import { isKickerShaped, isNumberedPart, isRubricShaped, isSectionLabelShaped, isSubtitleShaped, opensWithPlace } from '../model/shapes.js';
import { fixedChoices, isFixedHeadline } from '../model/overrides.js';

/**
 * Cut the block stream into articles. A lead marker, a headline and a leading byline start
 * one; a source note or trailing credit ends one. A short Markdown heading followed directly by
 * a deeper heading, over two or more articles (or over a headline opening with its place, a
 * main headline's form), is a section heading over them; so is one over a single article
 * whose words it does not name, where the page sets its other such labels at its size. Headline blocks stay
 * in `page.blocks` for the headline pass to place.
 */
export const splitArticles = definePass({
  name: 'split-articles',
  description: 'Cut blocks into articles at lead markers, headlines, bylines and source notes',
  run(page, _options, { report }) {
    if (page.blocks.length === 0) return page;
    const articles: Article[] = listFrom(page.articles);
    const unplaced: Block[] = [];
    const furniture: Furniture[] = listFrom(page.furniture);
    let cur: Article | null = null;
    // (typed by its initial value: the helpers below set it, which control flow does not follow)
    // (`level`: the size of its heading; a heading that size or larger ends it, but for a label
    // set at its headlines' own size, which only a larger one or the next label ends)
    let section = null as { text: string; level: number; ownSize: boolean; lines: LineSpan; used: boolean } | null;
    // where each section heading stood, for one whose only article is merged away below
    const sectionLines = new Map<string, LineSpan>();
    // a section heading that no article ends up under is still kept
    const leaveSection = () => {
      if (section && !section.used) furniture.push({ text: section.text, lines: section.lines });
      section = null;
    };
    const close = () => {
      if (cur) articles.push(articleWith(cur, { lines: spanOf([cur, ...cur.body]) }));
      cur = null;
    };
    const open = (): Article => {
      if (!cur) {
        cur = articleWith(emptyArticle(), { section: section?.text ?? null });
        if (section) section.used = true;
      }
      return cur;
    };
    // the article being built is replaced, not changed: model objects keep their hidden class
    const update = (c: Partial<Article>): Article => (cur = articleWith(open(), c));
    const hasBody = () => cur !== null && cur.body.length > 0;
    const blocks = page.blocks;
    // An editor's article starts and non-starts (bulletin.overrides.yaml) are taken as given:
    // a fixed start closes the article before, a fixed non-start goes on with it, even past
    // the source note or credit that closed it.
    const fixed = fixedChoices(page);
    let goesOn = false;

    // A section heading over a single article (`## 观点` over one commentary) is told by its
    // size: the page sets its other column labels, each over several articles, at that size.
    const labelShaped = (k: number): boolean => {
      const b = blocks[k]!;
      const next = blocks[k + 1];
      const prev = blocks[k - 1];
      // (over a deeper heading, or over reports printed without headlines, each opening with its dateline)
      const over = (next?.kind === 'heading' && !!next.level && next.level > (b.level ?? Infinity) && !isSubtitleShaped(next.text)) || (next?.kind === 'paragraph' && next.lead === true);
      return b.kind === 'heading' && !!b.level && b.parts?.some((l) => l.spaced) !== true && !isFixedHeadline(fixed, b.lines[0]) && over &&
        isSectionLabelShaped(b.text) && !(prev?.kind === 'heading' && isKickerShaped(prev.text));
    };
    // A converter may set a column's label at its headlines' size: a short label right over a
    // headline of its own size that opens with its place (`## 地方动态` over `## 浙江：…`: a place
    // opens a headline, no line runs on into it), over two or more headlines and their text. (Its
    // words may be its stories', `社会组织` over the registration of social organisations.)
    const sameSizeLabel = (k: number): boolean => {
      const b = blocks[k]!;
      const next = blocks[k + 1];
      if (b.kind !== 'heading' || !b.level || isFixedHeadline(fixed, b.lines[0]) || !isSectionLabelShaped(b.text) || (blocks[k - 1]?.kind === 'heading' && blocks[k - 1]!.level === b.level)) return false;
      if (next?.kind !== 'heading' || next.level !== b.level || !opensWithPlace(next.text)) return false;
      let headlines = 0;
      for (let j = k + 1; j < blocks.length; j++) {
        const x = blocks[j]!;
        if (x.kind === 'heading' && x.level === b.level) {
          // the next label of this size ends the column
          if (j > k + 1 && blocks[j + 1]?.kind === 'heading' && blocks[j + 1]!.level === b.level && isSectionLabelShaped(x.text)) break;
          if (j === k + 1 || blocks[j - 1]!.kind !== 'heading') headlines++;
        } else if (x.kind === 'heading' && (x.level ?? 0) < b.level) break;
      }
      return headlines >= 2;
    };
    const labelLevels = new Set<number>();
    for (let k = 0; k < blocks.length; k++) if (labelShaped(k) && headsArticles(blocks, k) >= 2) labelLevels.add(blocks[k]!.level!);

    // (after an article: a label at the page's top, over everything, labels the page and is furniture)
    // (asked of headings and subheads, the blocks a label is read as)
    const verdicts = page.dialect === 'raw' ? blocks.map((b, i) => (b.kind === 'heading' || b.kind === 'subhead' ? rawLabelVerdict(page.lines, blocks, i) : null)) : [];
    // A page sets its column labels alike: where one label spread across its line heads its
    // column, another so spread does too, though a story next to it holds its words (a column's
    // name is its stories' subject).
    const spreadLabels = verdicts.some((v, i) => v === 'label' && isSpreadLabel(page.lines, blocks[i]!));
    const rawLabel = (i: number) => page.dialect === 'raw' && !isFixedHeadline(fixed, blocks[i]!.lines[0]) && (articles.length > page.articles.length || hasBody()) &&
      (verdicts[i] === 'label' || (verdicts[i] === 'alike' && spreadLabels));
    const openSection = (text: string, level: number, lines: LineSpan, ownSize = false) => {
      leaveSection();
      section = { text, level, ownSize, lines, used: false };
      sectionLines.set(text, lines);
    };
    // (two characters spread across the line keep their space through letter-spacing)
    const openRawSection = (b: Block) => openSection(b.text.replace(SPREAD_PAIR, '$1$2'), 0, b.lines);

    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const fixedStart = fixed?.articleStart.get(b.lines[0]);
      goesOn = fixedStart === false;
      if (fixedStart === true && cur) close();
      if (goesOn && !cur && articles.length > 0 && articles.length > page.articles.length) cur = articles.pop()!;
      switch (b.kind) {
        case 'heading': {
          // a numbered heading inside a running article (`一、…`, `（二）…`) divides it
          if (b.level && hasBody() && isNumberedPart(b.text) && !isFixedHeadline(fixed, b.lines[0])) {
            cur!.body.push(makeBlock('subhead', b.text, b.lines));
            break;
          }
          if (!goesOn) close();
          const next = blocks[i + 1];
          // a deeper heading hanging from a dash is this headline's subtitle, not an article under
          // a section; and a kicker leads into a main headline, never into a section label;
          // a heading letter-spaced across its line is set in big type, as a short main
          // headline is over its descriptive subtitle; a section label is set as a label
          if (labelShaped(i) && (headsArticles(blocks, i) >= 2 || (next!.kind === 'heading' && opensWithPlace(next!.text)) || (labelLevels.has(b.level!) && !namedBelow(blocks, i)))) {
            openSection(b.text, b.level!, b.lines);
            continue;
          }
          if (sameSizeLabel(i)) {
            openSection(b.text, b.level!, b.lines, true);
            continue;
          }
          // A raw column's label has no size to tell it by: a rubric on a line of its own after
          // an article, right over the next headline, over two or more articles whose words it
          // does not name, is the column's heading over the rest of the page.
          if (!b.level && rawLabel(i)) {
            openRawSection(b);
            continue;
          }
          if (section && b.level && (section.ownSize ? b.level < section.level : b.level <= section.level)) leaveSection();
          unplaced.push(blockWith(b, { level: b.level }));
          break;
        }
        case 'paragraph':
        case 'subhead': {
          // (one read as an in-body subhead, standing between blanks, may be the label too: the
          // next headline right below it says it is none)
          if (b.kind === 'subhead' && rawLabel(i)) {
            close();
            openRawSection(b);
            break;
          }
          if (b.lead && hasBody() && !goesOn) close();
          const a = open();
          if (a.body.length === 0 && a.lines[0] === 0) update({ lines: b.lines });
          a.body.push(b);
          break;
        }
        case 'caption':
          open().captions.push(b.text);
          break;
        case 'byline':
          if (b.endsArticle) {
            update({ byline: withByline(open(), b.text) });
            close();
          } else {
            if (hasBody() && !goesOn) close();
            const a = update({ byline: withByline(open(), b.text) });
            update({ lines: spanOf([a, b]) });
          }
          break;
        case 'attribution': {
          const a = open();
          if (a.attribution) {
            furniture.push({ text: b.text, lines: b.lines });
            report(`a second source note for one article, kept as page furniture: "${b.text}"`, { line: b.lines[0], kind: 'second-attribution' });
          } else update({ attribution: b.text });
          update({ lines: spanOf([a, b]) });
          close();
          break;
        }
        case 'furniture':
          // a column's label under the running head, over the page's articles themselves (not
          // over a list of their headlines or teasers, as the page's own label stands), is their section
          if (page.dialect === 'raw' && !cur && articles.length === page.articles.length && section === null && isTopColumnLabel(page.lines, blocks, i)) {
            openRawSection(b);
            break;
          }
          furniture.push({ text: b.text, lines: b.lines });
          break;
      }
    }
    close();
    leaveSection();
    // an article that is only a credit or a note (no body) belongs to the one before it
    const merged: Article[] = [];
    for (const a of articles) {
      const prev = merged[merged.length - 1];
      if (a.body.length === 0 && prev && !a.headline) {
        if (prev.attribution && a.attribution) {
          furniture.push({ text: a.attribution, lines: a.lines });
          report(`a second source note for one article, kept as page furniture: "${a.attribution}"`, { line: a.lines[0], kind: 'second-attribution' });
        }
        merged[merged.length - 1] = articleWith(prev, {
          byline: [prev.byline, a.byline].filter(Boolean).join(' ') || null,
          attribution: prev.attribution ?? a.attribution,
          captions: [...prev.captions, ...a.captions],
          lines: spanOf([prev, a]),
        });
      } else merged.push(a);
    }
    // a section heading whose only article was a credit merged into one outside the section
    // would be lost with it: it is kept as furniture
    const kept = new Set(merged.map((a) => a.section));
    for (const a of articles) {
      if (a.section === null || kept.has(a.section)) continue;
      kept.add(a.section);
      furniture.push({ text: a.section, lines: sectionLines.get(a.section) ?? a.lines });
    }
    return pageWith(page, { articles: merged, blocks: unplaced, furniture });
  },
});

/**
 * How many articles open under the heading at `at` (with headings set smaller than it, or a
 * dateline) before a heading as large as it: a section label heads a column of articles, where a short main
 * headline over its subtitle heads one.
 */
function headsArticles(blocks: readonly Block[], at: number): number {
  const own = blocks[at]!.level!;
  let count = 0;
  for (let k = at + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    const opens = k === at + 1 || blocks[k - 1]!.kind !== 'heading';
    // a report printed without a headline opens with its dateline
    if (b.kind === 'paragraph' && b.lead && opens) count++;
    if (b.kind !== 'heading' || !b.level) continue;
    if (b.level <= own) break;
    if (opens) count++;
  }
  return count;
}

/**
 * A raw label: one line, blank above and below, over a headline and its text or over a lead,
 * heading two or more articles, naming none, nor the one above: `label`. One spread across its
 * line that names the article above or below, or stands right over text, is a label only if
 * the page's other labels are set alike: `alike`.
 */
function rawLabelVerdict(lines: readonly Line[], blocks: readonly Block[], at: number): 'label' | 'alike' | null {
  const b = blocks[at]!;
  const next = blocks[at + 1];
  // (the headline right below it over its own text: over a list of headlines a label is the page's)
  const body = blocks[at + 2];
  // (or right over a report's lead: briefs printed without headlines)
  const overHeadline = next?.kind === 'heading' && (body?.kind === 'paragraph' || body?.kind === 'byline');
  const overLead = next?.kind === 'paragraph' && next.lead === true;
  // (a column's name spread across its line in display type may run to six characters: `志 愿 者 风 采`)
  const spreadLabel = isSpreadLabel(lines, b);
  // (or, spread, right over a paragraph: briefs printed with neither headlines nor leads, which
  // only the page's other labels can tell from a short headline's text)
  const overText = spreadLabel && next?.kind === 'paragraph';
  if (b.lines[0] !== b.lines[1] || !(overHeadline || overLead || overText) || !(isRubricShaped(b.text.replace(SPREAD_PAIR, '$1$2')) || spreadLabel)) return null;
  const blank = (no: number) => lines[no - 1] === undefined || lines[no - 1]!.text === '';
  if (!blank(b.lines[0] - 1) || !blank(b.lines[0] + 1)) return null;
  if (overText && !overLead) return 'alike';
  let count = 0;
  const below: string[] = [];
  for (let k = at + 1; k < blocks.length; k++) {
    const x = blocks[k]!;
    const opens = blocks[k - 1]!.kind !== 'heading' || k === at + 1;
    if ((x.kind === 'heading' && opens) || (x.kind === 'paragraph' && x.lead && opens)) count++;
    if (count === 1 && x.kind === 'paragraph') below.push(x.text);
  }
  // (nor the article above it: a short headline printed after its article names that one)
  const above: string[] = [];
  for (let k = at - 1; k >= 0 && blocks[k]!.kind !== 'heading'; k--) {
    const x = blocks[k]!;
    if (x.kind === 'paragraph') above.unshift(x.text);
    if (x.kind === 'paragraph' && x.lead) break;
  }
  // (a label in display type names its column's subject, which its stories share: it names a
  // story only when that holds most of it)
  const named = (texts: string[]) => (spreadLabel ? (namedShare(b.text, texts) ?? 0) > TOPIC_NAMED_SHARE : names(b.text, texts));
  if (count < 2) return null;
  if (!named(below) && !named(above)) return 'label';
  return spreadLabel ? 'alike' : null;
}
const SPREAD_PAIR = /^(\p{Script=Han})\s+(\p{Script=Han})$/u;

/** A one-line block spread across its line in display type (two characters keep their space). */
function isSpreadLabel(lines: readonly Line[], b: Block): boolean {
  if (b.lines[0] !== b.lines[1]) return false;
  // (a heading keeps its line; a subhead's is the page's)
  const line = b.parts?.[0] ?? lines[b.lines[0] - 1];
  return (line?.spaced === true && SPREAD_LABEL.test(b.text)) || SPREAD_PAIR.test(b.text);
}
/** a letter-spaced column label: at most this many Han characters (its spaces gone by now) */
const SPREAD_LABEL = /^\p{Script=Han}{2,6}$/u;

/** A Han rubric of two to four characters (a Latin label, `News`, labels a page, not a column). */
const HAN_RUBRIC = /^\p{Script=Han}{2,4}$/u;

/**
 * A raw page's column label at its top: a Han rubric set aside as furniture, with nothing but
 * the running head above it and a blank line below (a rubric set right on a headline is its
 * story's), over an article's start (its text, its byline, or one
 * headline over its text) rather than over a headline list or teasers, heading two or more
 * articles, most of whose words the first does not hold (a rubric its story names is the story's topic).
 */
function isTopColumnLabel(lines: readonly Line[], blocks: readonly Block[], at: number): boolean {
  const b = blocks[at]!;
  if (b.lines[0] !== b.lines[1] || !HAN_RUBRIC.test(b.text.replace(SPREAD_PAIR, '$1$2'))) return false;
  // (line numbers count from 1: the line below is at index `no`)
  if (lines[b.lines[0]]?.text !== '') return false;
  for (let k = 0; k < at; k++) if (blocks[k]!.kind !== 'furniture') return false;
  const next = blocks[at + 1];
  if (next === undefined || next.kind === 'furniture' || next.kind === 'caption') return false;
  if (next.kind === 'heading') {
    // one headline over its own text: a group marked by its subtitle's dash or its kicker's,
    // or lines the text names, but for a kicker over three or more, where a list of headlines
    // printed together names the story below in one line at most
    let k = at + 2;
    while (blocks[k]?.kind === 'byline') k++;
    const body = blocks[k];
    if (body?.kind !== 'paragraph') return false;
    const lines = next.parts?.map((l) => l.text) ?? [next.text];
    const marked = lines.some((l, n) => (n > 0 && isSubtitleShaped(l)) || (n < lines.length - 1 && isKickerShaped(l)));
    const named = lines.filter((l) => names(l, [body.text])).length;
    if (!marked && named < (lines.length >= 3 ? lines.length - 1 : lines.length)) return false;
  }
  let starts = 0;
  const below: string[] = [];
  for (let k = at + 1; k < blocks.length; k++) {
    const x = blocks[k]!;
    const prev = blocks[k - 1]!;
    const opens = k === at + 1 || (prev.kind !== 'heading' && prev.kind !== 'byline');
    if (opens && (x.kind === 'heading' || x.kind === 'byline' || (x.kind === 'paragraph' && (x.lead || prev.kind === 'attribution' || prev.endsArticle === true)))) starts++;
    if (starts <= 1 && x.kind === 'paragraph') below.push(x.text);
  }
  // (a column's label may share a word with the story under it, `慈善动态` over a charity's award:
  // it is the story's topic only when the story holds most of it)
  return starts >= 2 && (namedShare(b.text, below) ?? 0) <= TOPIC_NAMED_SHARE;
}
/** a rubric whose words the story under it holds more than this share of is that story's topic */
const TOPIC_NAMED_SHARE = 1 / 2;

/**
 * Whether the text under the heading at `at` (up to the next heading as large) holds most of
 * its words: a short main headline names its story, a column's label (`观点`) does not.
 */
function namedBelow(blocks: readonly Block[], at: number): boolean {
  const own = blocks[at]!;
  const below: string[] = [];
  for (let k = at + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'heading' && b.level && b.level <= own.level!) break;
    if (b.kind === 'paragraph') below.push(b.text);
  }
  return names(own.text, below);
}

/** Whether texts hold at least LABEL_NAMED_SHARE of a heading's words (bigrams). */
function names(heading: string, texts: readonly string[]): boolean {
  return (namedShare(heading, texts) ?? 0) >= LABEL_NAMED_SHARE;
}
/** a heading whose words the text below holds at least this share of names its story */
const LABEL_NAMED_SHARE = 1 / 3;

/** A second credit (a trailing name after a leading reporter line) adds an author. */
function withByline(a: Article, text: string): string {
  return a.byline ? `${a.byline} ${text}` : text;
}

