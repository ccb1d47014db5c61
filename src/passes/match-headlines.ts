import { definePass } from './pass.js';
import { articleWith, listFrom, makeLine, pageWith, spanOf } from '../model/page.js';
import { joinLines } from '../model/join.js';
import { setWidth } from '../model/width.js';
import { BigramIndex } from './bigram-index.js';
import { isKickerShaped, isPlaceLine, isSubtitleShaped, leavesOpen, namePrefix, namesPlace, opensWithPlace } from '../model/shapes.js';
import { bestAssignment } from './assign.js';
import type { Article, Block, Furniture, Line } from '../model/types.js';
import { articleHolding, fixedChoices, isFixedHeadline, type FixedChoices } from '../model/overrides.js';

interface Options {
  minScore: number;
  weakScore: number;
  confidentScore: number;
  nextBonus: number;
  prevBonus: number;
  growCells: number;
  biggerTypeShare: number;
  sheetArticles: number;
  separateMargin: number;
  maxHeadlineChars: number;
  maxWiderBelowChars: number;
  minSubtitleChars: number;
  maxBrokenHeadingChars: number;
  mainMargin: number;
  lowMargin: number;
  [key: string]: unknown;
}

/** A doubt found while deciding, told only if the decision it belongs to is kept. */
interface Note {
  text: string;
  line: number;
  /** the report's kind (Place.kind) */
  kind: string;
}

interface Unit {
  text: string;
  lines: Line[];
  block: number;
  index: number;
  /** printed as a box of its own (the line started indented): a main headline */
  boxed: boolean;
  /** the Markdown heading level (1 the largest); 0 in raw columns */
  level: number;
  /** an unmarked kicker, told by its place and words: it goes where the line below it goes */
  kicker?: boolean;
}

/**
 * Give each article its headline. Markdown prints a headline right before its body. Raw OCR
 * prints headlines before their body, after it, or in a list at the top of the page in
 * another order, so there a headline goes to the body that shares most of its words
 * (character bigrams weighted by how rare they are on the page), one to one. When two
 * headlines both belong to one body, that body is two articles printed without a boundary:
 * it is cut where each part best matches its own headline.
 */
export const matchHeadlines = definePass<Options>({
  name: 'match-headlines',
  description: 'Place each headline on the article whose body shares its words; subtitles become subheadlines',
  options: {
    minScore: { default: 0.35, description: "a headline belongs to a body holding at least this share of its words", unit: 'share of weighted bigrams', min: 0, max: 1 },
    weakScore: { default: 0.15, description: "a headline left over goes to a body left without one that holds at least this share of its words", unit: 'share of weighted bigrams', min: 0, max: 1 },
    confidentScore: { default: 0.45, description: 'a match below this share is reported as a guess; a headline above it may cut a body in two; an unmarked line over a wider one whose body holds less of its words is its kicker', unit: 'share of weighted bigrams', min: 0, max: 1 },
    nextBonus: { default: 0.15, description: 'added to the score of the body printed right after the headline', unit: 'share', min: 0, max: 1 },
    prevBonus: { default: 0.05, description: 'added to the score of the body printed right before the headline', unit: 'share', min: 0, max: 1 },
    separateMargin: { default: 0.2, description: "two lines printed as one headline are two when each holds its own article's words by this much more than the other's", unit: 'share of weighted bigrams', min: 0, max: 1 },
    maxHeadlineChars: { default: 32, description: 'two lines longer than this together are a headline and its subtitle, not one headline broken in two', unit: 'characters', min: 1, integer: true },
    maxWiderBelowChars: { default: 24, description: 'two lines whose second is wider than the first (by more than growCells) are one broken headline only when together at most this long: a broken headline fills its first line, a subtitle in smaller type holds more', unit: 'characters', min: 1, integer: true },
    minSubtitleChars: { default: 6, description: 'a line shorter than this is a piece of a broken headline, never a subtitle of its own', unit: 'characters', min: 1, integer: true },
    maxBrokenHeadingChars: { default: 16, description: 'two Markdown headings of one size, one right under the other over one body, are one headline broken in two when together at most this long (or one is shorter than minSubtitleChars)', unit: 'characters', min: 0, integer: true },
    lowMargin: { default: 0.05, description: 'a headline whose runner-up article scores within this of its own is reported, naming both', unit: 'share of weighted bigrams', min: 0, max: 1 },
    mainMargin: { default: 0.5, description: "a later unmarked line of a headline group is the main headline only when it holds this much more of the body's words than the first", unit: 'share of weighted bigrams', min: 0, max: 1 },
    sheetArticles: { default: 200, description: 'a page of more articles than this is matched in sheets of this many, each with the headlines printed among them', unit: 'articles', min: 1, integer: true },
    growCells: { default: 2, description: "a line wider than a headline's shorter last line by more than this starts a new headline", unit: 'cells', min: 0, integer: true },
    biggerTypeShare: { default: 0.6, description: 'two lines that together fill at most this share of the line above them are set in bigger type: the main headline under its kicker, broken unevenly', unit: 'share of the line above', min: 0, max: 1 },
  },
  run(page, options, { report }) {
    const headings = page.blocks.filter((b) => b.kind === 'heading');
    if (headings.length === 0) return page;
    const rest = page.blocks.filter((b) => b.kind !== 'heading');
    const notes: Note[] = [];
    const markdown = page.dialect === 'markdown';
    const articles = listFrom(page.articles);
    const fixed = fixedChoices(page);
    const units = markdown ? headingGroups(headings, articles) : headings.flatMap((b, i) => splitUnits(b, i, options, fixed));
    if (fixed) notes.push(...unplaceable(fixed, units, articles));
    const furniture = listFrom(page.furniture);
    const placed: Article[] = [];
    for (const sheet of sheetsOf(units, articles, options.sheetArticles)) placed.push(...placeOnSheet(sheet.units, sheet.articles, markdown, options, furniture, notes, fixed));
    for (const n of notes) report(n.text, { line: n.line, kind: n.kind });
    return pageWith(page, { articles: placed, blocks: rest, furniture });
  },
});

/**
 * A page is matched in sheets of `sheetArticles` articles, each with the headlines printed
 * among them: no printed page holds more, and a headline is looked for on its own sheet,
 * so a file of thousands of articles costs sheets, not the square of its articles. (The
 * sheets' edges follow the articles: a sheet starts after the last article of the one before.)
 */
function sheetsOf(units: Unit[], articles: Article[], size: number): { units: Unit[]; articles: Article[] }[] {
  if (articles.length <= size) return [{ units, articles }];
  const sheets: { units: Unit[]; articles: Article[] }[] = [];
  for (let i = 0; i < articles.length; i += size) sheets.push({ units: [], articles: articles.slice(i, i + size) });
  let k = 0;
  for (const u of units) {
    const no = u.lines[0]!.no;
    while (k + 1 < sheets.length && no > sheets[k]!.articles[sheets[k]!.articles.length - 1]!.lines[1]) k++;
    sheets[k]!.units.push(u);
  }
  return sheets;
}

/** Place one sheet's headlines on its articles; unplaced ones go to `furniture`. */
function placeOnSheet(sheetUnits: Unit[], sheetArticles: Article[], markdown: boolean, options: Options, furniture: Furniture[], notes: Note[], fixed: FixedChoices | null): Article[] {
  if (sheetUnits.length === 0) return sheetArticles;
  let articles = sheetArticles;
  let units = sheetUnits;
  let assigned: (number | undefined)[] = [];
  let sc: Scorer | undefined;
  // A converted page whose every article is printed right under its headings needs no
  // matching by words: each heading group is the article's below it.
  const positional = markdown ? byPosition(units, articles) : undefined;
  if (positional) {
    const place = fixedPlaces(units, articles, fixed);
    assigned = place ? positional.map((a, ui) => place.get(units[ui]!)?.article ?? a) : positional;
  }
  else {
    const vocab = vocabulary(units);
    sc = scorer(articles, vocab);
    // a converter keeps each heading on a line of its own: only raw lists run headlines together
    if (!markdown) units = separateByTopic(units, sc, options);
    // each cut makes one more article: at most one cut per headline
    let cuts = 0;
    for (;;) {
      const found = byContent(units, articles, sc, options, fixedPlaces(units, articles, fixed));
      let cut: ReturnType<typeof splitArticle> = null;
      if (found.split && cuts < units.length) cut = splitArticle(articles, found.split, units, sc, options, fixed);
      cuts++;
      if (!cut) {
        assigned = found.assigned;
        notes.push(...found.notes);
        break;
      }
      articles = cut.articles;
      sc = scorer(articles, vocab);
      notes.push(cut.note);
    }
  }

  // the headlines an editor placed: theirs is the main headline, or a subheadline as they said
  const place = fixedPlaces(units, articles, fixed);
  const byArticle = new Map<number, Unit[]>();
  units.forEach((u, i) => {
    const a = assigned[i];
    if (a === undefined) {
      furniture.push({ text: u.text, lines: unitSpan(u) });
      notes.push({ text: `headline "${u.text}" matches no article; kept as page furniture`, line: u.lines[0]!.no, kind: 'unmatched-headline' });
    } else byArticle.set(a, [...(byArticle.get(a) ?? []), u]);
  });
  for (const [ai, us] of byArticle) {
    us.sort((x, y) => x.lines[0]!.no - y.lines[0]!.no);
    const a = articles[ai]!;
    const candidates = place ? us.filter((u) => place.get(u)?.sub !== true) : us;
    if (candidates.length === 0) {
      articles[ai] = articleWith(a, { subheadlines: [...us.map((u) => u.text), ...a.subheadlines], lines: spanOf([a, ...us.map((u) => ({ lines: unitSpan(u) }))]) });
      continue;
    }
    // The main headline is the one not marked as a kicker (ending in a dash or colon) or a
    // subtitle (hanging from a dash); in raw columns, a line in a box of its own beats one above it.
    // In Markdown the converter's heading levels rank them: the main headline is the largest.
    let main = candidates.filter(isMainShaped);
    if (markdown && main.length) {
      const top = Math.min(...main.map((u) => u.level));
      main = main.filter((u) => u.level === top);
    }
    const pool = main.length ? main : candidates;
    // Between unmarked raw lines, one set in big type (letter-spaced) or in a box of its own
    // beats the lines around it; else the main headline is the one that names the story.
    // (and a later one opening with its place, `修水：…`, the form of a main headline, beats a
    // first one that does not: that one is its kicker)
    // (its place may stand on the line above, a name and colon of its own: `南京宁海路街道：`)
    const placed = (u: Unit) => opensWithPlace(u.text) || namePrefix(us[us.indexOf(u) - 1]?.text ?? '') !== null;
    // (and in a full stack, kicker over main headline over a subtitle hanging from its dash,
    // the line the subtitle hangs from is the main one: two unmarked lines over it are a kicker
    // and its headline, once they are told apart as two headlines and not one broken in two)
    const adjacent = (x: Unit | undefined, y: Unit | undefined) => x !== undefined && y !== undefined && x.block === y.block && x.index + 1 === y.index;
    const stacked = (u: Unit) => {
      const at = us.indexOf(u);
      return at > 0 && adjacent(us[at - 1], u) && pool.includes(us[at - 1]!) && adjacent(u, us[at + 1]) && isSubtitleShaped(us[at + 1]!.text);
    };
    const standsOut = pool.find((u) => u.lines.some((l) => l.spaced)) ?? pool.slice(1).find((u) => u.boxed && !pool[0]!.boxed) ??
      (placed(pool[0]!) ? undefined : pool.slice(1).find(placed)) ?? (pool.length === 2 ? pool.slice(1).find(stacked) : undefined);
    const best = () => pool.reduce((x, y) => (sc!.score(y, sc!.bodies[ai]!) > sc!.score(x, sc!.bodies[ai]!) + options.mainMargin ? y : x));
    const head = (place ? candidates.find((u) => place.has(u)) : undefined) ?? (markdown || !sc ? pool[0]! : standsOut ?? best());
    // a short name and colon on the line above, in the same box and named again in the body,
    // is the headline's own place (`霍尔果斯：` + `中欧班列通行量持续攀升`), not a kicker
    const above = us[us.indexOf(head) - 1];
    // (a group's first line may carry the space OCR leaves before a block)
    const adjoins = above !== undefined && above.lines[above.lines.length - 1]!.no === head.lines[0]!.no - 1 &&
      ((above.lines[0]!.indent ?? 0) === (head.lines[0]!.indent ?? 0) || (above.index === 0 && (head.lines[0]!.indent ?? 0) === 0));
    const name = adjoins ? namePrefix(above!.text) : null;
    const opens = name !== null && !place?.has(above!) && a.body.some((b) => namesPlace(b.text, name));
    // A converter sets each line of a headline broken in two as a heading of its own: the
    // next heading in the same type, with nothing between, is the rest of it when the two make
    // a short headline together (a subtitle is a clause of its own), or one is too short to be a subtitle
    const rest = markdown && !place ? us[us.indexOf(head) + 1] : undefined;
    const broken = rest !== undefined && rest.level === head.level && rest.block === head.block && rest.index === head.index + 1 && isMainShaped(rest) &&
      onePhrase(head.text, rest.text, options.maxBrokenHeadingChars, options.minSubtitleChars);
    const headline = opens ? joinLines([above!.text, head.text]) : broken ? joinLines([head.text, rest.text]) : head.text;
    articles[ai] = articleWith(a, {
      headline,
      subheadlines: [...us.filter((u) => u !== head && !(opens && u === above) && !(broken && u === rest)).map((u) => u.text), ...a.subheadlines],
      lines: spanOf([a, ...us.map((u) => ({ lines: unitSpan(u) }))]),
    });
  }
  return articles;
}

/** The article an editor put a headline on, and whether as a subheadline. */
interface FixedPlace {
  article: number;
  sub: boolean;
}

/**
 * Per unit holding a line an editor named a headline or subheadline, the article holding the
 * line they named; null when the page has no such override.
 */
function fixedPlaces(units: readonly Unit[], articles: readonly Article[], fixed: FixedChoices | null): Map<Unit, FixedPlace> | null {
  if (!fixed || fixed.headlineOf.size === 0) return null;
  const out = new Map<Unit, FixedPlace>();
  for (const u of units) {
    for (const l of u.lines) {
      const h = fixed.headlineOf.get(l.no);
      if (!h) continue;
      const article = articleHolding(articles, h.of);
      if (article >= 0) out.set(u, { article, sub: h.sub });
      break;
    }
  }
  return out.size ? out : null;
}

/** The headline overrides a page cannot honour: the line is no headline's, or the article line in none. */
function unplaceable(fixed: FixedChoices, units: readonly Unit[], articles: readonly Article[]): Note[] {
  const notes: Note[] = [];
  const inUnits = new Set(units.flatMap((u) => u.lines.map((l) => l.no)));
  for (const [no, h] of fixed.headlineOf) {
    if (!inUnits.has(no)) notes.push({ text: `the ${h.sub ? 'subheadline' : 'headline'} override of line ${no} (${h.origin}) is not applied: the line is no headline line after the earlier passes`, line: no, kind: 'override-not-applied' });
    else if (articleHolding(articles, h.of) < 0) notes.push({ text: `the ${h.sub ? 'subheadline' : 'headline'} override of line ${no} (${h.origin}) is not applied: no article holds line ${h.of}`, line: no, kind: 'override-not-applied' });
  }
  return notes;
}

/**
 * Whether two headline lines read as one headline broken in two, not a headline and its
 * subtitle. A headline of two phrases is set with a space between them, and broken, when it
 * must be, at that space: a line that still holds one is a headline whole. (canonical-text has
 * taken out every other space: beside punctuation and digits, and letter-spacing.)
 */
function onePhrase(first: string, second: string, maxTogether: number, minSubtitle: number): boolean {
  // a line broken inside a book title or a quotation goes on in the next
  if (leavesOpen(first)) return true;
  const a = [...first].length;
  const b = [...second].length;
  if (Math.min(a, b) < minSubtitle) return true;
  return a + b <= maxTogether && !first.trim().includes(' ') && !second.trim().includes(' ');
}

/** Neither a kicker (ending in a dash or colon) nor a subtitle (hanging from a dash): a main headline's shape. */
const isMainShaped = (u: Unit): boolean => u.kicker !== true && !isKickerShaped(u.text) && !isSubtitleShaped(u.text);

const unitSpan = (u: Unit): [number, number] => [u.lines[0]!.no, u.lines[u.lines.length - 1]!.no];

/**
 * Each heading group goes to the article that starts right after it, when every article
 * starts right after one; undefined when some article has no heading above it, whose
 * headline may be printed after it.
 */
function byPosition(units: Unit[], articles: Article[]): (number | undefined)[] | undefined {
  const order = articles.map((a, i) => ({ start: a.lines[0], i })).sort((x, y) => x.start - y.start);
  const out: (number | undefined)[] = [];
  let u = 0;
  let prevEnd = 0;
  for (const { start, i } of order) {
    const group: Unit[] = [];
    while (u < units.length && units[u]!.lines[0]!.no < start) {
      if (units[u]!.lines[0]!.no < prevEnd) return undefined;
      out.push(i);
      group.push(units[u]!);
      u++;
    }
    if (group.length === 0) return undefined;
    // two headings of the same size over one body, neither a kicker nor a subtitle, are two
    // headlines: one of them belongs to a body printed further on, which only words can tell
    const mains = group.filter(isMainShaped);
    const top = Math.min(...mains.map((g) => g.level));
    if (mains.filter((g) => g.level === top).length > 1) return undefined;
    prevEnd = articles[i]!.lines[1];
  }
  return u === units.length ? out : undefined;
}

/**
 * Markdown headings, one unit each. Headings printed one after another, with no article text
 * between them, are one group: a kicker, headline and subtitle, or one article's headline
 * printed after it and the next one's before.
 */
function headingGroups(headings: Block[], articles: Article[]): Unit[] {
  const starts = articles.map((a) => a.lines[0]).sort((x, y) => x - y);
  let group = 0;
  let index = 0;
  let next = 0;
  return headings.map((b, i) => {
    if (i > 0) {
      // an article starting between the two headings separates them
      while (next < starts.length && starts[next]! <= headings[i - 1]!.lines[1]) next++;
      if (next < starts.length && starts[next]! < b.lines[0]) { group++; index = 0; } else index++;
    }
    const lines = b.parts ?? [makeLine(b.lines[0], b.text)];
    return { text: b.text, lines, block: group, index, boxed: false, level: b.level ?? 0 };
  });
}

/**
 * One block of headline lines can hold several headlines (a list at the top of the page, or
 * one article's headline printed after it and the next one's before). A new headline starts
 * where a line is indented (a box of its own), or where a line is wider than a shorter line
 * that continued a headline: a wrapped headline's last line is its shortest. (A first line
 * may be the shorter one, as typesetters break headlines between phrases.)
 */
function splitUnits(b: Block, block: number, o: Options, fixed: FixedChoices | null): Unit[] {
  const groups: Line[][] = [];
  let prevWidth = Infinity;
  let continued = false;
  let afterKicker = false;
  let afterSpaced = false;
  let prevIndent = 0;
  let groupInBigType = false;
  const parts = b.parts ?? [];
  for (let i = 0; i < parts.length; i++) {
    const l = parts[i]!;
    const w = setWidth(l.text);
    // A place named alone on a line opens a headline broken unevenly at its place (`成都武侯区` /
    // `38 个社区嵌入式` / `服务综合体全部投用`): the line above it, wide enough to have held it and
    // the next line both, is the kicker over that headline, set in smaller type; the wider lines
    // below go on with it, not a subtitle. (A line ending in `村` or `社区` may end a headline
    // instead, `…开进城中村`: a place opens one only with more of the headline below it.)
    const below = parts[i + 1];
    const place = isPlaceLine(l.text) && below !== undefined && !isSubtitleShaped(below.text) && (i === 0 || w + setWidth(below.text) <= prevWidth);
    // Two lines that would fit on the line above them with much to spare are set in bigger type
    // than it: the main headline under a long kicker (`从“等老人上门”到“把服务送进家门”，…` over
    // `老旧小区里长出` / `“一刻钟养老服务圈”`), broken unevenly, its wider line going on with it.
    // (A headline broken unevenly in one type leaves its last lines short, but not both within
    // biggerTypeShare of its first.)
    const biggerType: boolean = i > 0 && below !== undefined && !isSubtitleShaped(below.text) && w + setWidth(below.text) <= o.biggerTypeShare * prevWidth;
    const widens: boolean = continued && w > prevWidth + o.growCells && [...l.text].length >= o.minSubtitleChars && !groupInBigType;
    // a box is set indented, all its lines alike: a new box starts where the indent does
    const indent = l.indent ?? 0;
    const kicker = isKickerShaped(l.text);
    const starts: boolean = groups.length === 0 || (indent > 0 && indent !== prevIndent) || widens || place || biggerType ||
      afterKicker || isSubtitleShaped(l.text) || kicker ||
      // a line opening with a short name and its colon (`修水：…`) opens a main headline: no line runs on into it
      opensWithPlace(l.text) ||
      // a letter-spaced line is a headline set in big type, a unit of its own
      l.spaced === true || afterSpaced ||
      // a line an editor named a headline starts one
      isFixedHeadline(fixed, l.no);
    afterKicker = kicker;
    afterSpaced = l.spaced === true;
    prevIndent = indent;
    if (starts) groups.push([l]);
    else groups[groups.length - 1]!.push(l);
    if (starts) groupInBigType = place || biggerType;
    continued = !starts;
    prevWidth = w;
  }
  // Two lines that would make a headline longer than headlines run are a headline and its
  // subtitle, printed without the dash that often marks one; so are two whose second is the
  // wider, past a shorter length: a headline broken in its box fills the first line.
  const twoUnits = (ls: Line[]) => {
    if (ls.length !== 2) return false;
    const [first, second] = ls as [Line, Line];
    // (a headline opening with its place runs on past the usual length, the place added to it,
    // into a second line narrower than the first it filled)
    const placeRunsOn = opensWithPlace(first.text) && setWidth(second.text) < setWidth(first.text);
    if (!placeRunsOn && !onePhrase(first.text, second.text, o.maxHeadlineChars, o.minSubtitleChars)) return true;
    const a = [...first.text].length;
    const b = [...second.text].length;
    return setWidth(second.text) > setWidth(first.text) + o.growCells && a + b > o.maxWiderBelowChars && Math.min(a, b) >= o.minSubtitleChars;
  };
  const split = groups.flatMap((ls) => (twoUnits(ls) ? [[ls[0]!], [ls[1]!]] : [ls]));
  return split.map((ls, index) => ({
    text: joinLines(ls.map((l) => l.text)),
    lines: ls,
    block,
    index,
    boxed: (ls[0]!.indent ?? 0) > 0,
    level: 0,
  }));
}

/** A headline listed on a line of its own holds at least this many characters: three bigrams, not one word a body holds by chance. */
const MIN_LISTED_CHARS = 4;

/**
 * Lines that the layout rule put in one headline but whose words belong to different
 * articles are two headlines (a list at the top of the page whose entries lost their indent).
 */
function separateByTopic(units: Unit[], { score, bodies }: Scorer, o: Options): Unit[] {
  // each line's share of words in every body
  const scoresOf = (l: Line) => {
    const probe: Unit = { text: l.text, lines: [l], block: 0, index: 0, boxed: false, level: 0 };
    return bodies.map((have) => score(probe, have));
  };
  const topOf = (s: number[]) => {
    let top = 0;
    for (let i = 1; i < s.length; i++) if (s[i]! > s[top]!) top = i;
    return top;
  };
  const ownerOf = (s: number[]) => {
    let top = -1;
    for (let i = 0; i < s.length; i++) if (s[i]! >= o.minScore && (top < 0 || s[i]! > s[top]!)) top = i;
    return top;
  };
  const out: Unit[] = [];
  for (const u of units) {
    if (u.lines.length === 1) {
      out.push(u);
      continue;
    }
    const scores = u.lines.map(scoresOf);
    const owners = scores.map(ownerOf);
    // Two lines are two headlines when each holds its own article's words clearly more than the
    // other's: a line of few words can match a second body by chance.
    const charsAt = (i: number) => [...u.lines[i]!.text].length;
    const longApart = (i: number) => {
      const a = owners[i - 1]!;
      const b = owners[i]!;
      if (a >= 0 && b >= 0 && a !== b) return scores[i - 1]![a]! - scores[i - 1]![b]! >= o.separateMargin && scores[i]![b]! - scores[i]![a]! >= o.separateMargin;
      return weaklyApart(u.lines[i - 1]!, u.lines[i]!, scores[i - 1]!, scores[i]!);
    };
    // A line of fewer than minSubtitleChars is a piece of a headline broken in two, whose few
    // words another body may hold by chance. But in lines already shown to list headlines (two
    // of them each at home in a body of its own), a short line whose words are all at home in
    // another body, and none in the body the line beside it names, is one more entry of the
    // list (`暖心驿站` listed under a long headline).
    const shortApart = (i: number) => {
      const a = owners[i - 1]!;
      const b = owners[i]!;
      return Math.min(charsAt(i - 1), charsAt(i)) >= MIN_LISTED_CHARS && a >= 0 && b >= 0 && a !== b && scores[i - 1]![a]! >= o.confidentScore &&
        scores[i]![b]! >= o.confidentScore && scores[i - 1]![b]! < o.weakScore && scores[i]![a]! < o.weakScore;
    };
    let listed: boolean | undefined;
    const isList = () => (listed ??= u.lines.some((_, i) => i > 0 && Math.min(charsAt(i - 1), charsAt(i)) >= o.minSubtitleChars && longApart(i)));
    const apart = (i: number) => (Math.min(charsAt(i - 1), charsAt(i)) < o.minSubtitleChars ? shortApart(i) && isList() : longApart(i));
    // Two lines that each hold weakScore of their words in a body of their own, and that much
    // less in the other's, are two headlines of few words, not one broken in two, when one of
    // them is at home (minScore) or, read as one headline, they have no body to go to.
    const weaklyApart = (x: Line, y: Line, sx: number[], sy: number[]) => {
      const a = topOf(sx);
      const b = topOf(sy);
      if (a === b || sx[a]! < o.weakScore || sy[b]! < o.weakScore) return false;
      if (sx[a]! - sx[b]! < o.weakScore || sy[b]! - sy[a]! < o.weakScore) return false;
      if (sx[a]! >= o.minScore || sy[b]! >= o.minScore) return true;
      const both: Unit = { text: joinLines([x.text, y.text]), lines: [x, y], block: 0, index: 0, boxed: false, level: 0 };
      return bodies.every((have) => score(both, have) < o.minScore);
    };
    // A kicker without a mark is set above the main headline in smaller type, so the line
    // below is the wider; it names the story's theme, not what the body is about, so few of
    // its words are in the body the line below names. A headline broken unevenly at a phrase
    // starts with what the story is about (a place, a body of people), whose words the body holds.
    const kickerOver = (x: Line, y: Line, sx: number[], sy: number[]) => {
      if (setWidth(y.text) <= setWidth(x.text) + o.growCells) return false;
      if ([...x.text].length < o.minSubtitleChars) return false;
      const b = topOf(sy);
      return sy[b]! >= o.minScore && sx[b]! < o.confidentScore;
    };
    // (two lines each at home in a body of its own are two headlines, whatever their widths)
    const firstApart = apart(1);
    const kickerFirst = !firstApart && kickerOver(u.lines[0]!, u.lines[1]!, scores[0]!, scores[1]!);
    let start = 0;
    for (let i = 1; i <= u.lines.length; i++) {
      if (i < u.lines.length && !(i === 1 ? firstApart || kickerFirst : apart(i))) continue;
      const ls = u.lines.slice(start, i);
      const piece: Unit = { ...u, text: joinLines(ls.map((l) => l.text)), lines: ls, boxed: (ls[0]!.indent ?? 0) > 0 };
      out.push(start === 0 && kickerFirst ? { ...piece, kicker: true } : piece);
      start = i;
    }
  }
  // keep block-relative positions consecutive for the sibling rule
  return out.map((u, i) => ({ ...u, index: i }));
}

/** The unit a unit's chain of kickers and subtitles ends at (-1: it hangs from none). */
function hangsTo(hangsFrom: Int32Array, ui: number): number {
  let to = hangsFrom[ui]!;
  for (let hops = 0; to >= 0 && hangsFrom[to]! >= 0 && hops < hangsFrom.length; hops++) to = hangsFrom[to]!;
  return to;
}

/** The article that starts first after a line, and the one that ends last before it. */
function neighbours(no: number, articles: Article[]): { next?: number; prev?: number } {
  let next: number | undefined;
  let prev: number | undefined;
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    if (a.lines[0] > no && (next === undefined || a.lines[0] < articles[next]!.lines[0])) next = i;
    if (a.lines[1] < no && (prev === undefined || a.lines[1] > articles[prev]!.lines[1])) prev = i;
  }
  return { next, prev };
}

/**
 * Share of a headline's words found in a text, each word weighted by its rarity among the
 * page's bodies. Words are bigram ids of the page's vocabulary; a text's words are a flag per
 * id (BigramIndex.occurrences), and bodies' flags are made once per page.
 */
interface Scorer {
  bodies: Uint8Array[];
  /** a paragraph's words alone */
  paragraph(b: Block): Uint8Array;
  /** a headline's words (ids, each once, in order), their weights and the weights' sum */
  weighed(unit: Unit): Weighed;
  score(unit: Unit, have: Uint8Array): number;
}
interface Weighed {
  grams: number[];
  /** typed, for the reason byContent's score rows are */
  weights: Float64Array;
  total: number;
}

/**
 * Per page: the headline bigrams, and what each body holds of them (kept across cuts). Only
 * a headline's words are ever looked up, so a body is scanned for them rather than turned
 * into a set of all its words. A body is scanned whole, in one pass over its paragraphs;
 * only a body being cut is scanned paragraph by paragraph. (Maps, not WeakMaps: they live
 * for one page, and weak entries cost the collector more than they save.)
 */
interface Vocabulary {
  index: BigramIndex;
  byBody: Map<Block[], Uint8Array>;
  byBlock: Map<Block, Uint8Array>;
}

function vocabulary(units: Unit[]): Vocabulary {
  return { index: new BigramIndex(units.map((u) => u.text)), byBody: new Map(), byBlock: new Map() };
}

function paragraphFlags(vocab: Vocabulary, b: Block): Uint8Array {
  let found = vocab.byBlock.get(b);
  if (!found) vocab.byBlock.set(b, (found = vocab.index.occurrences(b.text)));
  return found;
}

function scorer(articles: Article[], vocab: Vocabulary): Scorer {
  const { index } = vocab;
  const bodies = articles.map((a) => {
    let found = vocab.byBody.get(a.body);
    if (!found) vocab.byBody.set(a.body, (found = index.occurrences(a.body.map((b) => b.text))));
    return found;
  });
  // per bigram id (small integers from 0): an array of doubles, where a Map boxed each weight
  const weights: number[] = [];
  // A bigram in no body is mostly a junction between two words: it counts as little as a word
  // every body has, so a headline is not held short of its body by the seams between its words.
  const weight = (id: number) => {
    let w = weights[id];
    if (w === undefined) {
      let df = 0;
      for (const found of bodies) if (found[id] === 1) df++;
      weights[id] = w = df === 0 ? Math.log(2) : Math.log(1 + articles.length / df);
    }
    return w;
  };
  // a headline is scored against every body: its words and their weights are found once
  const weighed = new Map<string, Weighed>();
  const weighedOf = (u: Unit) => {
    let entry = weighed.get(u.text);
    if (!entry) {
      const gs = index.idsOf(u.text);
      // a loop, not Float64Array.from(gs, weight): the builtin calls back through its generic path
      const weights = new Float64Array(gs.length);
      let total = 0;
      for (let i = 0; i < gs.length; i++) total += weights[i] = weight(gs[i]!);
      entry = { grams: gs, weights, total };
      weighed.set(u.text, entry);
    }
    return entry;
  };
  return {
    bodies,
    paragraph: (b) => paragraphFlags(vocab, b),
    weighed: weighedOf,
    score: (unit, have) => shareIn(weighedOf(unit), have),
  };
}

/** The share of a headline's weighed words that a text's flags hold. */
function shareIn({ grams: gs, weights, total }: Weighed, have: Uint8Array): number {
  if (!total) return 0;
  let found = 0;
  for (let i = 0; i < gs.length; i++) if (have[gs[i]!] === 1) found += weights[i]!;
  return found / total;
}

/** A pair at the threshold is still worth taking: its value is this much above leaving it. */
const MIN_GAIN = 1e-9;
/** `group`: the units the article holds (its headline, kicker and subtitle), which all name it */
interface SplitRequest { unit: number; article: number; group: number[] }

function byContent(units: Unit[], articles: Article[], { weighed, bodies }: Scorer, o: Options, place: ReadonlyMap<Unit, FixedPlace> | null = null) {
  const notes: Note[] = [];
  const best = new Float64Array(units.length);
  // per unit and article: the share of the headline's words in the body, and that with the bonus
  // for its place. (Typed rows: an array of numbers changes its kind when its first share that
  // is not a whole number is stored, and code compiled for one kind is thrown away at the other.)
  const content = units.map(() => new Float64Array(articles.length));
  const total = units.map(() => new Float64Array(articles.length));
  /** the article printed right after each unit (-1: none), which its place gives a claim to */
  const nextArticle = new Int32Array(units.length);
  /** and the article printed right before it (-1: none) */
  const prevArticle = new Int32Array(units.length);
  /** what a unit's place gives it on an article: printed right before it, or right after it */
  const placeBonus = (ui: number, ai: number): number => (ai === nextArticle[ui] ? o.nextBonus : ai === prevArticle[ui] ? o.prevBonus : 0);
  // loops, not forEach: a closure per unit, and the calls back from the builtin, for a loop every page runs
  for (let ui = 0; ui < units.length; ui++) {
    const { next, prev } = neighbours(units[ui]!.lines[0]!.no, articles);
    nextArticle[ui] = next ?? -1;
    prevArticle[ui] = prev ?? -1;
    const words = weighed(units[ui]!);
    for (let ai = 0; ai < articles.length; ai++) {
      const share = shareIn(words, bodies[ai]!);
      content[ui]![ai] = share;
      total[ui]![ai] = share + placeBonus(ui, ai);
      best[ui] = Math.max(best[ui]!, share);
    }
  }
  /** the article holding most of a unit's words (the first on a tie) */
  const bestByContent = (ui: number): number => content[ui]!.indexOf(best[ui]!);
  /** the article a unit scores best on, place included (the first on a tie), leaving out `except` */
  const topArticle = (ui: number, except = -1): number | undefined => {
    let top: number | undefined;
    const row = total[ui]!;
    for (let ai = 0; ai < row.length; ai++) if (ai !== except && (top === undefined || row[ai]! > row[top]!)) top = ai;
    return top;
  };

  // One headline per article, chosen for the page as a whole: the assignment with the largest
  // total score, where leaving a headline unplaced is worth the threshold.
  // A kicker is printed above its main headline and a subtitle below it: each goes where the
  // line it hangs from goes, and is not a candidate of its own.
  const hangsFrom = Int32Array.from(units, (u, ui) => {
    if (place?.has(u)) return -1;
    const above = units[ui - 1];
    const below = units[ui + 1];
    const onTop = below !== undefined && below.block === u.block && below.index === u.index + 1;
    if (onTop && (u.kicker === true || isKickerShaped(u.text))) return ui + 1;
    // a converter gives a kicker its smaller type: a deeper heading right on a larger one, unless
    // its words are another article's (a headline printed away from its body)
    if (onTop && below.level > 0 && u.level > below.level && (best[ui]! < o.minScore || bestByContent(ui) === bestByContent(ui + 1))) return ui + 1;
    if (isSubtitleShaped(u.text) && above && above.block === u.block && above.index === u.index - 1) return ui - 1;
    return -1;
  });
  // A headline is scored with the lines that hang from it as well: a subtitle names the story
  // that a figurative main headline (`守望者老周`) names in no word of its body.
  // (each unit's chain of kickers and subtitles followed once, to the line it ends at)
  const root = Int32Array.from(units, (_, ui) => hangsTo(hangsFrom, ui));
  const groups = units.map((u, ui) => (hangsFrom[ui]! < 0 ? [u] : []));
  for (let vi = 0; vi < units.length; vi++) if (root[vi]! >= 0) groups[root[vi]!]!.push(units[vi]!);
  for (let ui = 0; ui < units.length; ui++) {
    const group = groups[ui]!;
    if (group.length < 2) continue;
    // (in printed order: a kicker above the headline, a subtitle below it)
    group.sort((x, y) => x.lines[0]!.no - y.lines[0]!.no);
    const words = weighed({ ...units[ui]!, text: joinLines(group.map((u) => u.text)) });
    for (let ai = 0; ai < articles.length; ai++) {
      const share = shareIn(words, bodies[ai]!);
      if (share <= content[ui]![ai]!) continue;
      content[ui]![ai] = share;
      total[ui]![ai] = share + placeBonus(ui, ai);
      best[ui] = Math.max(best[ui]!, share);
    }
  }
  const value = units.map(() => new Float64Array(articles.length).fill(-Infinity));
  for (let ui = 0; ui < units.length; ui++) {
    if (hangsFrom[ui]! >= 0) continue;
    for (let ai = 0; ai < articles.length; ai++) if (total[ui]![ai]! >= o.minScore) value[ui]![ai] = total[ui]![ai]!;
  }
  // An editor's pair is fixed: its headline is no candidate, and its article is no other
  // headline's to take; the page's other headlines are assigned around them.
  const fixedUnits = place ? units.flatMap((u, ui) => (place.has(u) ? [ui] : [])) : [];
  for (const ui of fixedUnits) {
    const p = place!.get(units[ui]!)!;
    value[ui]!.fill(-Infinity);
    if (!p.sub) for (const row of value) row[p.article] = -Infinity;
  }
  const assigned = bestAssignment(value, articles.length, o.minScore - MIN_GAIN);
  const taken = new Map<number, number>();
  assigned.forEach((a, u) => {
    if (a === undefined) return;
    taken.set(a, u);
    const line = units[u]!.lines[0]!.no;
    const share = content[u]![a]!;
    const chosen = total[u]![a]!;
    if (share < o.confidentScore) {
      notes.push({ text: `weak match: headline "${units[u]!.text}" shares only ${Math.round(share * 100)}% of its words with its article`, line, kind: 'weak-match' });
      return;
    }
    // the choice and its runner-up, when they were close
    const second = topArticle(u, a);
    const runnerUp = second === undefined ? -Infinity : total[u]![second]!;
    if (second !== undefined && runnerUp >= o.minScore && chosen - runnerUp < o.lowMargin) {
      const why = runnerUp > chosen ? 'which another headline holds better' : 'a close second';
      notes.push({
        text: `close call: headline "${units[u]!.text}" put on the article at line ${articles[a]!.lines[0]} (score ${chosen.toFixed(2)}), not the one at line ${articles[second]!.lines[0]} (score ${runnerUp.toFixed(2)}, ${why})`,
        line,
        kind: 'close-call',
      });
    }
  });
  for (const ui of fixedUnits) {
    const p = place!.get(units[ui]!)!;
    assigned[ui] = p.article;
    if (!p.sub) taken.set(p.article, ui);
  }
  for (let ui = 0; ui < units.length; ui++) {
    // (a chain, a kicker over a kicker, goes where the line it ends at goes)
    const to = root[ui]!;
    if (to >= 0 && assigned[to] !== undefined) assigned[ui] = assigned[to];
  }
  // A line printed right next to an article's headline is its subtitle or kicker, unless it
  // matches another article better; one that matches none well enough, once nothing else took it.
  const bestArticle = units.map((_, ui) => topArticle(ui));
  // the units placed for standing beside another's headline, not chosen for their words
  const besideOnly = new Uint8Array(units.length);
  const grow = (matchingNone: boolean) => {
    for (let grew = true; grew; ) {
      grew = false;
      units.forEach((u, ui) => {
        if (assigned[ui] !== undefined) return;
        // the neighbours above and below may belong to different articles (a block's units
        // stand next to each other in the list, numbered in order)
        const beside: number[] = [];
        for (const vi of [ui - 1, ui + 1]) {
          const v = units[vi];
          if (v && assigned[vi] !== undefined && v.block === u.block && Math.abs(v.index - u.index) === 1) beside.push(assigned[vi]!);
        }
        const a = beside.find((x) => x === bestArticle[ui]) ?? (matchingNone && best[ui]! < o.minScore ? beside[0] : undefined);
        if (a !== undefined) {
          assigned[ui] = a;
          besideOnly[ui] = 1;
          grew = true;
        }
      });
    }
  };
  grow(false);
  // A strong headline whose best body already has another: two articles printed as one. The
  // headline may have been put on a body it liked less, for the sake of the page, or on none.
  // The best such pair is asked for first (on a tie the earlier headline, then body).
  let split: SplitRequest | undefined;
  let splitScore = -Infinity;
  for (let u = 0; u < units.length; u++) {
    if (hangsFrom[u]! >= 0 || place?.has(units[u]!)) continue;
    for (let a = 0; a < articles.length; a++) {
      const share = content[u]![a]!;
      const at = total[u]![a]!;
      if (share < o.confidentScore || share < best[u]! || at <= splitScore) continue;
      const holder = taken.get(a);
      const own = assigned[u];
      // placed elsewhere, only when this body was its first choice, place included; a line put
      // on this body only for standing next to its headline in a list printed away from the
      // body may be a headline of its own whose body was printed run together with this one
      // (the cut tells: a subtitle names all of it)
      const listedBeside = besideOnly[u] === 1 && own === a && total[u]![a]! === share;
      if (holder === undefined || holder === u || (own !== undefined && !listedBeside && total[u]![own]! >= at)) continue;
      split = { unit: u, article: a, group: units.flatMap((_, vi) => (assigned[vi] === a && vi !== u ? [vi] : [])) };
      splitScore = at;
    }
  }
  // Headlines left over and bodies left without one: a headline's words can be few or
  // figurative, so among those a one-to-one match is taken at a lower bar: by content, or by
  // place for the body printed right after the headline. Every leftover is a headline some
  // body lost, so the match places as many as it can (pairs count from 0, not from the bar):
  // one headline's slight preference does not leave another without a body.
  if (o.weakScore < o.minScore) {
    const leftUnits = units.flatMap((_, ui) => (assigned[ui] === undefined && hangsFrom[ui]! < 0 ? [ui] : []));
    const openArticles = articles.flatMap((_, ai) => (taken.has(ai) ? [] : [ai]));
    if (leftUnits.length && openArticles.length) {
      const weak = leftUnits.map((ui) => openArticles.map((ai) => (content[ui]![ai]! >= o.weakScore || ai === nextArticle[ui] ? total[ui]![ai]! : -Infinity)));
      bestAssignment(weak, openArticles.length, 0).forEach((k, i) => {
        if (k === undefined) return;
        const ui = leftUnits[i]!;
        const ai = openArticles[k]!;
        assigned[ui] = ai;
        taken.set(ai, ui);
        notes.push({ text: `weak match: headline "${units[ui]!.text}" shares only ${Math.round(content[ui]![ai]! * 100)}% of its words with its article`, line: units[ui]!.lines[0]!.no, kind: 'weak-match' });
      });
    }
  }
  grow(true);
  // a headline printed right before a body that has none, with few words in common: a guess
  units.forEach((u, ui) => {
    if (assigned[ui] !== undefined) return;
    const next = nextArticle[ui]!;
    if (next >= 0 && !taken.has(next)) {
      assigned[ui] = next;
      taken.set(next, ui);
      notes.push({ text: `weak match: headline "${u.text}" shares few words with the article after it`, line: u.lines[0]!.no, kind: 'weak-match' });
    }
  });
  return { assigned, notes, split };
}

/**
 * Cut an article in two at the paragraph where the earlier-printed headline best matches the
 * part before and the other headline the part after. Its byline stays with the first part,
 * its source note with the second. Null when no cut gives both headlines a real match.
 */
function splitArticle(articles: Article[], req: SplitRequest, units: Unit[], { score, weighed, paragraph }: Scorer, o: Options, fixed: FixedChoices | null) {
  const a = articles[req.article]!;
  if (a.body.length < 2) return null;
  const own = req.group.map((i) => units[i]!);
  const holder: Unit = own.length === 1 ? own[0]! : { ...own[0]!, text: joinLines(own.map((u) => u.text)), lines: own.flatMap((u) => u.lines) };
  const pair = [holder, units[req.unit]!];
  const orders = [pair, [pair[1]!, pair[0]!]];
  const paragraphs = a.body.map(paragraph);
  // A headline's share of words in the first `at` paragraphs, and in the rest, for every cut:
  // each of its words counts before a cut after its first paragraph, after one before its last.
  const shares = (u: Unit) => {
    const before = new Float64Array(a.body.length + 1);
    const after = new Float64Array(a.body.length + 1);
    const { grams, weights, total } = weighed(u);
    for (let i = 0; i < grams.length; i++) {
      const g = grams[i]!;
      const w = weights[i]!;
      const first = paragraphs.findIndex((p) => p[g] === 1);
      if (first < 0) continue;
      let last = paragraphs.length - 1;
      while (paragraphs[last]![g] !== 1) last--;
      for (let at = first + 1; at <= a.body.length; at++) before[at]! += w;
      for (let at = 0; at <= last; at++) after[at]! += w;
    }
    return { head: (at: number) => (total ? before[at]! / total : 0), tail: (at: number) => (total ? after[at]! / total : 0) };
  };
  // Each paragraph leans to the headline whose words it holds more of; the cut that puts the
  // most lean on the right side wins. On a tie the later cut: an article's lead paragraph
  // names its topic, while the previous article's last paragraph may name neither.
  let best: { at: number; value: number; first: Unit; second: Unit } | null = null;
  for (const [first, second] of orders) {
    const one = shares(first!);
    const two = shares(second!);
    const lean = Float64Array.from(paragraphs, (p) => score(first!, p) - score(second!, p));
    let value = 0;
    for (const l of lean) value += l;
    value = -value;
    for (let at = 1; at < a.body.length; at++) {
      value += 2 * lean[at - 1]!;
      // where an editor said no article starts, none is cut
      if (a.body[at]!.kind !== 'paragraph' || fixed?.articleStart.get(a.body[at]!.lines[0]) === false) continue;
      if (one.head(at) < o.minScore || two.tail(at) < o.minScore) continue;
      // each headline names its own part more than the other's: a headline and a subtitle of
      // one article both name all of it
      if (one.head(at) - one.tail(at) < o.separateMargin || two.tail(at) - two.head(at) < o.separateMargin) continue;
      if (!best || value >= best.value) best = { at, value, first: first!, second: second! };
    }
  }
  if (!best) return null;
  const before = a.body.slice(0, best.at);
  const after = a.body.slice(best.at);
  const firstPart = articleWith(a, { body: before, attribution: null, lines: spanOf(before) });
  const secondPart = articleWith(a, { body: after, byline: null, captions: [], subheadlines: [], lines: [after[0]!.lines[0], a.lines[1]] });
  const next = [...articles.slice(0, req.article), firstPart, secondPart, ...articles.slice(req.article + 1)];
  const line = after[0]!.lines[0];
  return {
    articles: next,
    note: { text: `no boundary was printed here, but "${best.second.text}" matches the text from this line on: read as the start of a new article`, line, kind: 'unprinted-boundary' },
  };
}
