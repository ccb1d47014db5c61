import path from 'node:path';
import escapeHtml from 'escape-html';
import { splitLines } from '../../model/page.js';
import { safeStem } from '../../model/stem.js';
import type { Article, LineSpan, Message, Page } from '../../model/types.js';
import { articleId, pageRecord } from '../records.js';
import { SourceIndex } from './locate.js';
import { anchorText, overrideEntry, pageKeyLine, type Decision, type Override } from './snippets.js';
import { PAGE_SCRIPT, STYLE } from './assets.js';

/** What the index says of a page, and where its view is. */
export interface ReviewEntry {
  source: string;
  /** the page view, relative to the site's root (POSIX) */
  file: string;
  articles: number;
  warnings: number;
  /** match-headlines' close calls: a headline whose runner-up article scored nearly as well */
  closeCalls: number;
  /** entries of the overrides file applied to the page (the page record's `overrides`) */
  overrides: number;
  /** for the index's filter: a page is found by its headlines too */
  headlines: string[];
}

export interface ReviewPage {
  entry: ReviewEntry;
  html: string;
}

/** One output block of the page view, with the source lines it came from. */
interface ViewBlock {
  kind: 'section' | 'headline' | 'subheadline' | 'byline' | 'paragraph' | 'subhead' | 'caption' | 'attribution' | 'furniture';
  text: string;
  /** null: the text was not found in the source (a plugin may have rewritten it) */
  lines: LineSpan | null;
  decisions: Decision[];
  /** the article's first body block: undoing its start joins the article to the one before */
  opensArticle?: boolean;
}

/** A close call of match-headlines, read back from its message (the pass's only record of it). */
export interface CloseCall {
  headline: string;
  chosenLine: number;
  chosenScore: number;
  runnerUpLine: number;
  runnerUpScore: number;
  why: string;
}

const CLOSE_CALL = /^close call: headline "(.*)" put on the article at line (\d+) \(score (-?[\d.]+)\), not the one at line (\d+) \(score (-?[\d.]+), (.*)\)$/s;
/** markdown-subheads' close calls: a heading read one way that nearly went the other */
const HEADING_CALL = /^close call: heading "(.*)" read as (a subhead|a new article's headline)/s;

export function parseCloseCall(m: Pick<Message, 'origin' | 'message'>): CloseCall | null {
  if (m.origin !== 'match-headlines') return null;
  const x = CLOSE_CALL.exec(m.message);
  if (!x) return null;
  return { headline: x[1]!, chosenLine: Number(x[2]), chosenScore: Number(x[3]), runnerUpLine: Number(x[4]), runnerUpScore: Number(x[5]), why: x[6]! };
}

/** The page's key in the overrides file: its path relative to the working directory, POSIX separators. */
export function overridesKey(source: string, cwd = process.cwd()): string {
  if (source === '-') return source;
  return path.relative(cwd, path.resolve(cwd, source)).split(path.sep).join('/');
}

/** Where a page's view is written, relative to the site's root: one file per input, by its (unique) stem. */
export const pageViewFile = (stem: string): string => `pages/${safeStem(stem)}.html`;

/**
 * A page's view: its source lines, numbered, beside its articles, every block tagged with the
 * lines it came from, every warning at its line, every decision with the override entry
 * that would change it. `sourceText` is the decoded page as read: the anchors of overrides
 * are its lines, not the lines as passes tidied them.
 */
export function reviewPage(page: Page, sourceText: string, key = overridesKey(page.source)): ReviewPage {
  const raw = splitLines(sourceText);
  const textOf = (n: number) => anchorText(raw[n - 1] ?? '');
  const at = (line: number, o: Omit<Override, 'line' | 'text'>): string => overrideEntry({ line, text: textOf(line), ...o });
  const index = new SourceIndex(raw);
  // lines of body blocks and furniture, and lines a field was found on: see SourceIndex.find
  const body = new Set<number>();
  const claimed = new Set<number>();
  const cover = (s: LineSpan | null, set: Set<number>) => {
    if (s) for (let n = s[0]; n <= s[1]; n++) set.add(n);
  };
  for (const a of page.articles) for (const b of a.body) cover(b.lines, body);
  for (const f of page.furniture) cover(f.lines, claimed);

  const calls = page.messages.map((m) => ({ m, call: parseCloseCall(m) }));
  const callAt = new Map<number, CloseCall>();
  for (const { m, call } of calls) if (call && m.line !== null) callAt.set(m.line, call);

  const views = page.articles.map((a, i) => articleBlocks(a, i));
  function articleBlocks(a: Article, i: number): ViewBlock[] {
    const blocks: ViewBlock[] = [];
    const anchor = a.body[0]?.lines[0] ?? a.lines[0];
    const find = (text: string) => {
      // a byline joined from credits printed apart (`本报记者 甲` on top, `（乙）` at the end) is
      // not found whole: it is tagged with where its longest first words stand
      let s = index.find(text, a.lines, claimed, body);
      const words = text.split(' ');
      for (let k = words.length - 1; s === null && k > 0; k--) s = index.find(words.slice(0, k).join(' '), a.lines, claimed, body);
      cover(s, claimed);
      return s;
    };
    const field = (kind: 'section' | 'byline' | 'attribution', text: string | null) => {
      if (text === null) return;
      const lines = find(text);
      const label = kind === 'section' ? 'the article has no section' : kind === 'byline' ? 'the article has no byline' : 'the article has no source note';
      blocks.push({ kind, text, lines, decisions: [{ label: `${label} (or write the right one in place of null)`, entry: at(anchor, { kind: 'set', [kind]: null }) }] });
    };
    field('section', a.section);
    if (a.headline !== null) {
      const lines = find(a.headline);
      const decisions: Decision[] = [];
      if (lines) {
        decisions.push({ label: 'not a headline: body text where it stands', entry: at(lines[0], { kind: 'body' }) });
        decisions.push({ label: 'not a headline: page furniture', entry: at(lines[0], { kind: 'furniture' }) });
        const call = callAt.get(lines[0]);
        if (call) decisions.push({ label: `the headline of the runner-up, the article at line ${call.runnerUpLine} (score ${call.runnerUpScore.toFixed(2)} against ${call.chosenScore.toFixed(2)})`, entry: at(lines[0], { kind: 'headline', of: call.runnerUpLine }) });
      }
      blocks.push({ kind: 'headline', text: a.headline, lines, decisions });
    }
    for (const s of a.subheadlines) {
      const lines = find(s);
      const decisions: Decision[] = lines
        ? [
            { label: 'not a subheadline: body text where it stands', entry: at(lines[0], { kind: 'body' }) },
            { label: "this article's main headline", entry: at(lines[0], { kind: 'headline', of: anchor }) },
          ]
        : [];
      blocks.push({ kind: 'subheadline', text: s, lines, decisions });
    }
    field('byline', a.byline);
    a.body.forEach((b, j) => {
      const start = b.lines[0];
      const decisions: Decision[] = [];
      if (j === 0 && i > 0) decisions.push({ label: 'no article starts here: this text joins the article before', entry: at(start, { kind: 'no-article-start' }) });
      if (j > 0 && b.kind !== 'subhead') decisions.push({ label: 'no paragraph starts here: this line continues the one before', entry: at(start, { kind: 'no-paragraph-start' }) });
      if (b.kind === 'subhead') {
        decisions.push({ label: 'not a subhead: body text where it stands', entry: at(start, { kind: 'body' }) });
        decisions.push({ label: 'a new article starts here, under this heading', entry: at(start, { kind: 'article-start' }) });
      }
      blocks.push({ kind: b.kind === 'subhead' ? 'subhead' : 'paragraph', text: b.text, lines: b.lines, decisions, ...(j === 0 ? { opensArticle: true } : {}) });
    });
    for (const c of a.captions) blocks.push({ kind: 'caption', text: c, lines: find(c), decisions: [] });
    field('attribution', a.attribution);
    return blocks;
  }

  // a line of the article nearest a furniture line: where a stray headline would go
  const firsts = page.articles.map((a) => a.body[0]?.lines[0] ?? a.lines[0]);
  const nearestArticle = (line: number) => firsts.find((f) => f > line) ?? firsts[firsts.length - 1];
  const furniture: ViewBlock[] = page.furniture.map((f) => {
    const target = nearestArticle(f.lines[0]);
    const decisions: Decision[] = [{ label: 'not furniture: body text where it stands', entry: at(f.lines[0], { kind: 'body' }) }];
    if (target !== undefined) decisions.push({ label: `the headline of the article at line ${target} (change of: for another article)`, entry: at(f.lines[0], { kind: 'headline', of: target }) });
    return { kind: 'furniture', text: f.text, lines: f.lines, decisions };
  });

  const warningsAt = new Map<number, Message[]>();
  const pageWarnings: Message[] = [];
  for (const m of page.messages) {
    if (m.line === null || m.line < 1 || m.line > raw.length) pageWarnings.push(m);
    else warningsAt.set(m.line, [...(warningsAt.get(m.line) ?? []), m]);
  }
  const record = pageRecord(page) as ReturnType<typeof pageRecord> & { overrides?: number };
  const entry: ReviewEntry = {
    source: page.source,
    file: pageViewFile(page.stem),
    articles: page.articles.length,
    warnings: page.messages.length,
    closeCalls: calls.filter((c) => c.m.origin === 'match-headlines' && c.m.kind === 'close-call').length,
    overrides: record.overrides ?? 0,
    headlines: page.articles.flatMap((a) => (a.headline === null ? [] : [a.headline])),
  };

  const warningHtml = (m: Message) => {
    const decisions: Decision[] = [];
    const call = parseCloseCall(m);
    let detail = '';
    if (call) {
      detail =
        `<dl class="call"><dt>chosen</dt><dd><a href="#" data-goto="${call.chosenLine}">the article at line ${call.chosenLine}</a>, score ${call.chosenScore.toFixed(2)}</dd>` +
        `<dt>runner-up</dt><dd><a href="#" data-goto="${call.runnerUpLine}">the article at line ${call.runnerUpLine}</a>, score ${call.runnerUpScore.toFixed(2)} (${escapeHtml(call.why)})</dd></dl>`;
      decisions.push({ label: `put it on the runner-up, the article at line ${call.runnerUpLine}`, entry: at(m.line!, { kind: 'headline', of: call.runnerUpLine }) });
      decisions.push({ label: 'not a headline: body text where it stands', entry: at(m.line!, { kind: 'body' }) });
    } else if (m.line !== null && m.origin === 'markdown-subheads') {
      const h = HEADING_CALL.exec(m.message);
      if (h?.[2] === 'a subhead') decisions.push({ label: 'a new article starts here, under this heading', entry: at(m.line, { kind: 'article-start' }) });
      if (h?.[2] === "a new article's headline") decisions.push({ label: 'no article starts here: the heading is a subhead of the article before', entry: at(m.line, { kind: 'no-article-start' }) });
    }
    return (
      `<div class="warning ${m.severity}" data-line="${m.line ?? ''}"><span class="origin">${escapeHtml(m.origin)}</span> ` +
      `<span class="msg">${escapeHtml(m.message)}</span>${detail}${decisionsHtml(decisions)}</div>`
    );
  };

  const sourceHtml = raw
    .map((text, i) => {
      const n = i + 1;
      const ws = warningsAt.get(n);
      return `<li id="L${n}" data-line="${n}"${ws ? ' class="warned"' : ''}><span class="no">${n}</span><span class="t">${escapeHtml(text)}</span>${ws ? ws.map(warningHtml).join('') : ''}</li>`;
    })
    .join('\n');

  let blockNo = 0;
  const blockHtml = (b: ViewBlock) => {
    const span = b.lines ? `${b.lines[0]}-${b.lines[1]}` : '';
    const tag = b.lines ? (b.lines[0] === b.lines[1] ? `line ${b.lines[0]}` : `lines ${b.lines[0]}–${b.lines[1]}`) : 'not found in the source';
    const element = b.kind === 'headline' ? 'h3' : b.kind === 'subhead' ? 'h4' : 'p';
    return (
      `<div class="block ${b.kind}" id="b${++blockNo}" data-kind="${b.kind}" data-lines="${span}"${b.opensArticle ? ' data-opens="1"' : ''} tabindex="0">` +
      `<span class="tag"><span class="kind">${b.kind}</span> <span class="lines">${tag}</span></span>` +
      `<${element} class="text">${escapeHtml(b.text)}</${element}>${decisionsHtml(b.decisions)}</div>`
    );
  };
  // the article's fields as they are, to edit one and paste: the byline, source note or section a rule missed
  const setFields = (a: Article): Decision => ({
    label: "set this article's byline, attribution or section: edit a value (null clears it; leave out the ones that stay)",
    entry: at(a.body[0]?.lines[0] ?? a.lines[0], { kind: 'set', byline: a.byline, attribution: a.attribution, section: a.section }),
  });
  const articlesHtml = page.articles
    .map((a, i) => {
      const id = articleId(page.stem, i);
      return (
        `<article class="art" id="a${i + 1}" data-lines="${a.lines[0]}-${a.lines[1]}">` +
        `<header class="art-head" tabindex="0"><span class="id">${escapeHtml(id)}</span> <span class="lines">lines ${a.lines[0]}–${a.lines[1]}</span>${decisionsHtml([setFields(a)])}</header>` +
        `${views[i]!.map(blockHtml).join('')}</article>`
      );
    })
    .join('\n');
  const furnitureHtml = furniture.length ? `<section class="furniture-list"><h2>Page furniture</h2>${furniture.map(blockHtml).join('')}</section>` : '';
  const pageWarningsHtml = pageWarnings.length ? `<section class="page-warnings"><h2>Warnings of the whole page</h2>${pageWarnings.map(warningHtml).join('')}</section>` : '';

  const title = `${page.source} — bulletin review`;
  const html = `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body class="page-view">
<header class="top">
<a href="../index.html">← all pages</a>
<h1>${escapeHtml(page.source)}</h1>
<p class="counts"><span>${counted(entry.articles, 'article')}</span> <span>${counted(entry.warnings, 'warning')}</span> <span>${counted(entry.closeCalls, 'close call')}</span> <span>${counted(entry.overrides, 'override')} applied</span> <span>${escapeHtml(page.encoding)}, ${escapeHtml(page.dialect)}</span></p>
<p class="key">Entries go under this page's key in <code>bulletin.overrides.yaml</code> (<code>pages:</code>): ${snippetHtml(pageKeyLine(key))}</p>
</header>
<main>
<section class="source"><h2>Source</h2><ol class="src">
${sourceHtml}
</ol></section>
<section class="output"><h2>Articles</h2>
${pageWarningsHtml}
${articlesHtml}
${furnitureHtml}
</section>
</main>
<aside id="panel" hidden><button type="button" class="close" aria-label="close">×</button><div class="body"></div></aside>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
  return { entry, html };
}

export const counted = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function decisionsHtml(decisions: readonly Decision[]): string {
  if (decisions.length === 0) return '';
  const items = decisions.map((d) => `<li><span class="why">${escapeHtml(d.label)}</span>${snippetHtml(d.entry)}</li>`).join('');
  return `<details class="fix"><summary>override…</summary><ul>${items}</ul></details>`;
}

function snippetHtml(text: string): string {
  return `<span class="snippet"><code>${escapeHtml(text)}</code><button type="button" class="copy" data-copy="${escapeHtml(text)}">copy</button></span>`;
}
