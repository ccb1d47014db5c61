import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleWith, message, pageWith } from '../../src/model/page.js';
import { keyOf, SourceIndex } from '../../src/writers/review/locate.js';
import { overrideEntry } from '../../src/writers/review/snippets.js';
import { byWorstFirst, overridesKey, parseCloseCall, reviewIndex, reviewPage, type ReviewEntry } from '../../src/writers/review/site.js';
import { parseText, ROOT } from '../helpers.js';

/** Every override entry a page offers (its copy buttons), as the YAML an editor would paste. */
function entriesOf(html: string): any[] {
  return [...html.matchAll(/data-copy="([^"]*)"/g)]
    .map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .filter((t) => t.startsWith('- '))
    .map((t) => parseYaml(t)[0]);
}

const KINDS = ['headline', 'subheadline', 'body', 'furniture', 'article-start', 'no-article-start', 'paragraph-start', 'no-paragraph-start', 'caption', 'set'];

describe('SourceIndex: where a placed field stands in the source', () => {
  const lines = [' 北京将选派32家社工', ' 机构支援冀蒙', '', '■本报记者 张熙', '正文第一句。（据民政部网站）', '另一篇。', '（据民政部网站）'];
  const index = new SourceIndex(lines);

  test('a headline joined from two printed lines is found across them, spaces and widths aside', () => {
    expect(index.find('北京将选派３２家社工机构支援冀蒙', null, new Set())).toEqual([1, 2]);
  });

  test("a byline's bullet and a note's brackets do not stand in the way", () => {
    expect(index.find('本报记者 张熙', null, new Set())).toEqual([4, 4]);
    expect(keyOf('（据民政部网站）')).toBe('据民政部网站');
  });

  test("within the article's span first, and never a line another field was found on while another place is free", () => {
    expect(index.find('据民政部网站', [5, 5], new Set())).toEqual([5, 5]);
    expect(index.find('据民政部网站', [6, 7], new Set())).toEqual([7, 7]);
    expect(index.find('据民政部网站', [1, 7], new Set([7]))).toEqual([5, 5]);
    // a line of body text is a note's place only when no other place is free
    expect(index.find('据民政部网站', [1, 7], new Set(), new Set([5]))).toEqual([7, 7]);
  });

  test('text without letters, or not in the source, has no place', () => {
    expect(index.find('（）', null, new Set())).toBeNull();
    expect(index.find('不在这一页上', null, new Set())).toBeNull();
  });
});

describe('override entries', () => {
  test('read back by a YAML parser as the entry they describe, whatever the line holds', () => {
    const tricky = 'a "quote", a # and: a colon \\ - { [x] } <script>';
    const e = overrideEntry({ line: 12, text: tricky, kind: 'headline', of: 15 });
    expect(e).toBe(`- { line: 12, text: ${JSON.stringify(tricky)}, kind: headline, of: 15 }`);
    expect(parseYaml(e)).toEqual([{ line: 12, text: tricky, kind: 'headline', of: 15 }]);
    expect(parseYaml(overrideEntry({ line: 70, to: 71, text: 'x', kind: 'caption' }))).toEqual([{ line: 70, to: 71, text: 'x', kind: 'caption' }]);
    expect(parseYaml(overrideEntry({ line: 3, text: 'y', kind: 'set', byline: null, section: '地方动态' }))).toEqual([{ line: 3, text: 'y', kind: 'set', byline: null, section: '地方动态' }]);
  });

  test('a page is keyed by its path relative to the working directory, with POSIX separators', () => {
    expect(overridesKey('seeds/a.txt', '/w')).toBe('seeds/a.txt');
    expect(overridesKey('/w/seeds/a.txt', '/w')).toBe('seeds/a.txt');
    expect(overridesKey('-', '/w')).toBe('-');
  });
});

describe('a page view', () => {
  const source = path.join(ROOT, 'fixtures/pages/raw-headline-list.txt');
  const text = fs.readFileSync(source, 'utf8');
  const raw = text.split('\n');
  const page = parseText(text, 'raw-headline-list');
  const { html, entry } = reviewPage(page, text, 'fixtures/pages/raw-headline-list.txt');

  test('shows every source line, numbered, and every article with its id and span', () => {
    const shown = [...html.matchAll(/<li id="L(\d+)" data-line="\d+"[^>]*><span class="no">\d+<\/span>/g)].map((m) => Number(m[1]));
    expect(shown).toEqual(raw.slice(0, raw[raw.length - 1] === '' ? -1 : undefined).map((_, i) => i + 1));
    const articles = [...html.matchAll(/<article class="art" id="a\d+" data-lines="(\d+)-(\d+)">/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(articles).toEqual(page.articles.map((a) => a.lines));
    expect(entry.articles).toBe(page.articles.length);
  });

  test("each headline block is tagged with the lines it was printed on, read from the source as given", () => {
    const headlines = [...html.matchAll(/<div class="block headline"[^>]*data-lines="(\d+)-(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(headlines.length).toBe(page.articles.filter((a) => a.headline !== null).length);
    // the list at the top of this page: two headlines on lines 1 and 2, in another order than their bodies
    expect(headlines.map((h) => h[0]).sort()).toEqual(expect.arrayContaining([1, 2]));
    for (const [first] of headlines) expect(page.articles.some((a) => a.headline && keyOf(raw[first! - 1]!).startsWith(keyOf(a.headline).slice(0, 4)))).toBe(true);
  });

  test('every entry offered anchors to its line with the text the source has there, trimmed', () => {
    const entries = entriesOf(html);
    expect(entries.length).toBeGreaterThan(page.articles.length);
    for (const e of entries) {
      expect(KINDS).toContain(e.kind);
      expect(e.text).toBe(raw[e.line - 1]!.trim());
    }
    // a paragraph start of every paragraph but an article's first; an article start of every article but the page's first
    const paragraphs = page.articles.reduce((n, a) => n + a.body.filter((b, j) => j > 0 && b.kind === 'paragraph').length, 0);
    expect(entries.filter((e) => e.kind === 'no-paragraph-start').length).toBe(paragraphs);
    expect(entries.filter((e) => e.kind === 'no-article-start').map((e) => e.line)).toEqual(page.articles.slice(1).map((a) => a.body[0]!.lines[0]));
  });
});

describe('a byline joined from credits printed apart', () => {
  test('is tagged with where its longest first words stand', () => {
    const text = fs.readFileSync(path.join(ROOT, 'fixtures/pages/raw-headline-list.txt'), 'utf8');
    const parsed = parseText(text, 'p');
    // line 4 opens with 入冬以来; the second credit is printed nowhere on this page
    const page = pageWith(parsed, { articles: parsed.articles.map((a, i) => (i === 0 ? articleWith(a, { byline: '入冬以来 不在此页的名字' }) : a)) });
    expect(reviewPage(page, text, 'p.txt').html).toMatch(/data-kind="byline" data-lines="4-4"/);
  });
});

describe('page text is escaped', () => {
  const text = ' <script>window.hacked = 1</script>标题<b>粗</b>\n\n� � 正文里有 <img src=x onerror="alert(1)"> 和 & 与 "引号"。\n';
  const { html } = reviewPage(parseText(text, 'x'), text, 'x.txt');

  test('no tag of the page reaches the HTML, and the text is there as text', () => {
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;window.hacked = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    // the only scripts are the view's own, which page text never enters
    expect(html.match(/<script/g)?.length).toBe(1);
  });
});

describe('close calls', () => {
  const text = fs.readFileSync(path.join(ROOT, 'fixtures/pages/raw-headline-list.txt'), 'utf8');
  const parsed = parseText(text, 'p');
  const a0 = parsed.articles[0]!;
  const a1 = parsed.articles[1]!;
  const base = reviewPage(parsed, text, 'p.txt');
  const headLine = Number(/<div class="block headline"[^>]*data-lines="(\d+)-/.exec(base.html)![1]);
  const msg = `close call: headline "${a0.headline}" put on the article at line ${a0.body[0]!.lines[0]} (score 0.52), not the one at line ${a1.body[0]!.lines[0]} (score 0.49, a close second)`;
  const page = pageWith(parsed, { messages: [...parsed.messages, message('match-headlines', msg, headLine, 'warning', undefined, undefined, 'close-call')] });
  const { html, entry } = reviewPage(page, text, 'p.txt');

  test('are read back from the message: both articles and both scores', () => {
    expect(parseCloseCall({ origin: 'match-headlines', message: msg })).toEqual({
      headline: a0.headline,
      chosenLine: a0.body[0]!.lines[0],
      chosenScore: 0.52,
      runnerUpLine: a1.body[0]!.lines[0],
      runnerUpScore: 0.49,
      why: 'a close second',
    });
    expect(parseCloseCall({ origin: 'rejoin-lines', message: msg })).toBeNull();
  });

  test('are counted, shown at their line with the pass, and offer the runner-up as an override', () => {
    expect(entry.closeCalls).toBe(1);
    expect(base.entry.closeCalls).toBe(0);
    expect(html).toMatch(new RegExp(`<li id="L${headLine}"[^>]*class="warned"[\\s\\S]*?<span class="origin">match-headlines</span>`));
    expect(html).toContain('<dt>runner-up</dt>');
    expect(html).toContain('score 0.49');
    const runnerUp = entriesOf(html).filter((e) => e.kind === 'headline' && e.of === a1.body[0]!.lines[0] && e.line === headLine);
    // offered at the warning and on the headline's block
    expect(runnerUp.length).toBe(2);
    expect(entriesOf(base.html).some((e) => e.kind === 'headline' && e.line === headLine)).toBe(false);
  });
});

describe('the index', () => {
  const entry = (source: string, warnings: number, closeCalls: number): ReviewEntry => ({ source, file: `pages/${path.basename(source, '.txt')}.html`, articles: 2, warnings, closeCalls, overrides: 0, headlines: ['某地<新闻>'] });
  const entries = [entry('a.txt', 1, 0), entry('b.txt', 3, 0), entry('c 页.txt', 2, 1), entry('d.txt', 0, 0)];

  test('lists pages worst first: close calls, then warnings, then by path', () => {
    expect([...entries].sort(byWorstFirst).map((e) => e.source)).toEqual(['c 页.txt', 'b.txt', 'a.txt', 'd.txt']);
    const html = reviewIndex(entries);
    const order = [...html.matchAll(/<td class="src"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(order).toEqual([
      ['pages/c%20%E9%A1%B5.html', 'c 页.txt'],
      ['pages/b.html', 'b.txt'],
      ['pages/a.html', 'a.txt'],
      ['pages/d.html', 'd.txt'],
    ]);
  });

  test('lets the filter find a page by its headlines, escaped', () => {
    const html = reviewIndex(entries);
    expect(html).toContain('data-filter="a.txt\n某地&lt;新闻&gt;"');
    expect(html).not.toContain('<新闻>');
  });
});
