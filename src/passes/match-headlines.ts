import { definePass } from './pass.js';
import { message, spanOf } from '../model/page.js';
import { hanBigrams, joinWrapped, visualWidth } from '../model/text.js';
import type { Article, Block, Line, Message } from '../model/types.js';

interface Options {
  /** weighted share of a headline's bigrams that must occur in a body to call it that body's */
  minScore: number;
  /** below this share of shared words a match is reported as a guess */
  confidentScore: number;
  /** extra score for the body printed right after the headline */
  nextBonus: number;
  /** extra score for the body printed right before the headline */
  prevBonus: number;
  [key: string]: unknown;
}

interface Unit {
  text: string;
  lines: Line[];
  block: number;
  index: number;
}

/**
 * Give each article its headline. Markdown prints a headline right before its body. Raw OCR
 * prints headlines before their body, after it, or in a list at the top of the page in
 * another order, so there a headline goes to the body that shares most of its words
 * (character bigrams weighted by how rare they are on the page), one to one.
 */
export const matchHeadlines = definePass<Options>({
  name: 'match-headlines',
  description: 'Place each headline on the article whose body shares its words; subtitles become subheadlines',
  defaults: { minScore: 0.35, confidentScore: 0.45, nextBonus: 0.15, prevBonus: 0.05 },
  run(page, options) {
    const headings = page.blocks.filter((b) => b.kind === 'heading');
    if (headings.length === 0) return page;
    const rest = page.blocks.filter((b) => b.kind !== 'heading');
    const messages: Message[] = [];
    const articles = page.articles.map((a) => ({ ...a, subheadlines: [...a.subheadlines] }));
    const units = page.dialect === 'markdown' ? headings.map((b, i) => unitOf(b, i, 0)) : headings.flatMap(splitUnits);
    const assigned = page.dialect === 'markdown' ? byPosition(units, articles) : byContent(units, articles, options, messages);

    const furniture = [...page.furniture];
    const byArticle = new Map<number, Unit[]>();
    units.forEach((u, i) => {
      const a = assigned[i];
      if (a === undefined) {
        furniture.push({ text: u.text, lines: [u.lines[0]!.no, u.lines[u.lines.length - 1]!.no] });
        messages.push(message('match-headlines', `headline "${u.text}" matches no article; kept as page furniture`, u.lines[0]!.no));
      } else byArticle.set(a, [...(byArticle.get(a) ?? []), u]);
    });
    for (const [ai, us] of byArticle) {
      us.sort((x, y) => x.lines[0]!.no - y.lines[0]!.no);
      const a = articles[ai]!;
      const [head, ...subs] = us;
      a.headline = head!.text;
      a.subheadlines = [...subs.map((u) => u.text), ...a.subheadlines];
      a.lines = spanOf([a, ...us.map((u) => ({ lines: [u.lines[0]!.no, u.lines[u.lines.length - 1]!.no] as [number, number] }))]);
    }
    return { ...page, articles, blocks: rest, furniture, messages: [...page.messages, ...messages] };
  },
});

function unitOf(b: Block, block: number, index: number): Unit {
  const lines = b.parts ?? [{ no: b.lines[0], text: b.text }];
  return { text: b.text, lines, block, index };
}

/**
 * One block of headline lines can hold several headlines (a list at the top of the page, or
 * one article's headline printed after it and the next one's before). A new headline starts
 * where a line is indented, or where a line is wider than a shorter line before it: a
 * headline's last line is its shortest.
 */
function splitUnits(b: Block, block: number): Unit[] {
  const parts = b.parts ?? [];
  const groups: Line[][] = [];
  let prevWidth = Infinity;
  let continued = false;
  for (const l of parts) {
    const w = visualWidth(l.text);
    const starts = groups.length === 0 || (l.indent ?? 0) > 0 || (continued && w > prevWidth + 2);
    if (starts) { groups.push([l]); continued = false; } else { groups[groups.length - 1]!.push(l); continued = true; }
    prevWidth = w;
  }
  return groups.map((ls, index) => ({
    text: ls.reduce((acc, l) => joinWrapped(acc, l.text), ''),
    lines: ls,
    block,
    index,
  }));
}

/** The article that starts first after a line, and the one that ends last before it. */
function neighbours(no: number, articles: Article[]): { next?: number; prev?: number } {
  let next: number | undefined;
  let prev: number | undefined;
  articles.forEach((a, i) => {
    if (a.lines[0] > no && (next === undefined || a.lines[0] < articles[next]!.lines[0])) next = i;
    if (a.lines[1] < no && (prev === undefined || a.lines[1] > articles[prev]!.lines[1])) prev = i;
  });
  return { next, prev };
}

function byPosition(units: Unit[], articles: Article[]): (number | undefined)[] {
  return units.map((u) => {
    const { next, prev } = neighbours(u.lines[0]!.no, articles);
    return next ?? prev;
  });
}

function byContent(units: Unit[], articles: Article[], o: Options, messages: Message[]): (number | undefined)[] {
  const bodies = articles.map((a) => new Set(hanBigrams(a.body.map((b) => b.text).join(''))));
  const df = new Map<string, number>();
  for (const set of bodies) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const weight = (g: string) => Math.log(1 + articles.length / Math.max(1, df.get(g) ?? 0.5));

  const pairs: { u: number; a: number; score: number; content: number }[] = [];
  units.forEach((u, ui) => {
    const grams = [...new Set(hanBigrams(u.text))];
    const total = grams.reduce((s, g) => s + weight(g), 0);
    const { next, prev } = neighbours(u.lines[0]!.no, articles);
    articles.forEach((_, ai) => {
      const content = total ? grams.filter((g) => bodies[ai]!.has(g)).reduce((s, g) => s + weight(g), 0) / total : 0;
      const bonus = ai === next ? o.nextBonus : ai === prev ? o.prevBonus : 0;
      pairs.push({ u: ui, a: ai, score: content + bonus, content });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.u - y.u || x.a - y.a);

  const assigned: (number | undefined)[] = units.map(() => undefined);
  const taken = new Set<number>();
  // one headline per article, best matches first
  for (const p of pairs) {
    if (p.score < o.minScore || assigned[p.u] !== undefined || taken.has(p.a)) continue;
    assigned[p.u] = p.a;
    taken.add(p.a);
  }
  for (const p of pairs) {
    if (assigned[p.u] === p.a && p.content < o.confidentScore) {
      const u = units[p.u]!;
      messages.push(message('match-headlines', `weak match: headline "${u.text}" shares only ${Math.round(p.content * 100)}% of its words with its article`, u.lines[0]!.no));
    }
  }
  // a line printed next to an article's headline and sharing its body's words is its subtitle
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of pairs) {
      if (p.score < o.minScore || assigned[p.u] !== undefined) continue;
      const u = units[p.u]!;
      const sibling = units.some((v, vi) => assigned[vi] === p.a && v.block === u.block && Math.abs(v.index - u.index) === 1);
      if (sibling) { assigned[p.u] = p.a; grew = true; }
    }
  }
  // a headline printed right before a body that has none, with few words in common: a guess
  units.forEach((u, ui) => {
    if (assigned[ui] !== undefined) return;
    const { next } = neighbours(u.lines[0]!.no, articles);
    if (next !== undefined && !taken.has(next)) {
      assigned[ui] = next;
      taken.add(next);
      messages.push(message('match-headlines', `weak match: headline "${u.text}" shares few words with the article after it`, u.lines[0]!.no));
    }
  });
  return assigned;
}
