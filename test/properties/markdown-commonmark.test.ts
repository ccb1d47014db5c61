import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { articleToMarkdown, serialiseTree } from '../../src/writers/markdown.js';
import type { ArticleRecord } from '../../src/writers/records.js';
import { cli, tempDir } from '../helpers.js';

/**
 * issue 14, "Markdown for static site generators": the article Markdown, read by a CommonMark
 * parser that is not the one that wrote it (markdown-it, in its strict CommonMark preset and in
 * its default one, which adds GFM tables and strikethrough as Hugo and Astro do), gives back
 * each block's text exactly, renders no visible escape, and carries every field in its front
 * matter.
 */

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const PARSERS = { commonmark: new MarkdownIt('commonmark'), gfm: new MarkdownIt('default') };
type Parser = (typeof PARSERS)['commonmark'];

/** Front matter and body of a written article. */
function split(md: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(md);
  if (!m) throw new Error(`no front matter in ${JSON.stringify(md.slice(0, 80))}`);
  return { front: parseYaml(m[1]!), body: m[2]! };
}

/** The blocks a Markdown parser reads from a body: each block's kind and its text, markup refused. */
function blocksOf(body: string, parser: Parser): { kind: string; text: string }[] {
  const tokens = parser.parse(body, {});
  const out: { kind: string; text: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'paragraph_open' || t.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const kinds = new Set(inline.children!.map((c: { type: string }) => c.type));
      for (const k of kinds) if (k !== 'text' && k !== 'text_special') throw new Error(`markup ${k} in ${JSON.stringify(inline.content)}`);
      out.push({ kind: t.type === 'heading_open' ? t.tag : 'p', text: inline.children!.map((c: { content: string }) => c.content).join('') });
      i += 2;
    } else if (t.type === 'html_block' && t.content.trim() === '<!---->') out.push({ kind: 'p', text: '' });
    else throw new Error(`unexpected ${t.type} in ${JSON.stringify(body)}`);
  }
  return out;
}

/** The text a browser shows for rendered HTML: tags gone, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function expectFaithful(r: ArticleRecord, md: string): void {
  // written block by block (plain text as it stands), byte for byte what the serialiser makes of the whole tree
  expect(md).toBe(serialiseTree(r));
  const { front, body } = split(md);
  expect(front).toEqual({
    title: r.headline ?? r.id,
    id: r.id,
    source: r.source,
    headline: r.headline,
    subheadlines: r.subheadlines,
    byline: r.byline,
    section: r.section,
    captions: r.captions,
    attribution: r.attribution,
    lines: r.lines,
    body_lines: r.body.map((b) => b.lines),
  });
  const expected = r.body.map((b) => ({ kind: b.kind === 'subhead' ? 'h2' : 'p', text: b.text }));
  for (const parser of Object.values(PARSERS)) {
    // the headline is the page's title, not a second heading in the body
    expect(blocksOf(body, parser)).toEqual(expected);
    expect(visibleText(parser.render(body))).toBe(r.body.map((b) => (b.text === '' ? '' : `${b.text}\n`)).join(''));
  }
}

describe('the Markdown of every seed and fixture article', () => {
  const dir = tempDir();
  const run = cli(['parse', 'seeds', 'fixtures', '--format', 'json,md', '-o', dir, '-q']);
  const articles: { json: ArticleRecord; md: string; file: string }[] = [];
  for (const stem of fs.readdirSync(dir).filter((d) => !d.startsWith('.')).sort()) {
    const pageDir = path.join(dir, stem);
    if (!fs.statSync(pageDir).isDirectory()) continue;
    for (const name of fs.readdirSync(pageDir).filter((n) => /^\d+\.md$/.test(n))) {
      articles.push({
        json: JSON.parse(fs.readFileSync(path.join(pageDir, name.replace(/\.md$/, '.json')), 'utf8')),
        md: fs.readFileSync(path.join(pageDir, name), 'utf8'),
        file: `${stem}/${name}`,
      });
    }
  }

  test('is written by the built CLI for every article', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(articles.length).toBeGreaterThan(200);
  });

  test('reads back, through markdown-it, as the article record: every field in the front matter, the blocks in the body', () => {
    for (const a of articles) {
      try {
        expectFaithful(a.json, a.md);
      } catch (err) {
        throw new Error(`${a.file}: ${(err as Error).message}`);
      }
    }
  });

  test('has a title on every article, the headline where one is printed', () => {
    for (const a of articles) expect(split(a.md).front.title).toBe(a.json.headline ?? a.json.id);
    expect(articles.some((a) => a.json.headline === null)).toBe(true);
  });
});

/** Text that CommonMark or GFM would read as syntax, mixed with Chinese text. */
const TRICKY = ['1. ', '1) ', '2020. ', '# ', '## ', '* ', '- ', '+ ', '> ', '*', '_', '**', '__', '<', '>', '<b>', '</p>', '[x]', '[x](y)', '![a](b)', '\\', '\\*', '---', '***', '___', '===', '|', ' | ', '|---|', '~', '~~', '```', '`', '&amp;', '&#42;', '&', ' ', '    ', '\t', 'http://a.b/c', '<http://a.b>', 'www.a.b', '{{< x >}}', '$', '$$', '{', '}', ':', '"', "'", '—', '……', '。', '民政部', '社会工作', 'A20', '3月23日', '\u3000', '\u00a0', '\u2028', '😀'];
const tricky = fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
const span = fc.tuple(fc.nat(500), fc.nat(500)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);
const record: fc.Arbitrary<ArticleRecord> = fc.record({
  type: fc.constant('article' as const),
  id: tricky,
  source: tricky,
  headline: fc.option(tricky, { nil: null }),
  subheadlines: fc.array(tricky, { maxLength: 2 }),
  byline: fc.option(tricky, { nil: null }),
  section: fc.option(tricky, { nil: null }),
  body: fc.array(fc.record({ kind: fc.constantFrom('paragraph' as const, 'subhead' as const), text: tricky, lines: span }), { maxLength: 5 }),
  captions: fc.array(tricky, { maxLength: 2 }),
  attribution: fc.option(tricky, { nil: null }),
  lines: span,
});

describe('paragraphs that look like Markdown', () => {
  test('the checker itself sees markup and visible escapes (else the properties below prove nothing)', () => {
    expect(() => blocksOf('a ~~b~~ c\n', PARSERS.gfm)).toThrow(/s_open/);
    expect(() => blocksOf('a *b* c\n', PARSERS.commonmark)).toThrow(/em_open/);
    expect(() => blocksOf('1. x\n', PARSERS.commonmark)).toThrow(/ordered_list_open/);
    // the old writer's escape: a backslash before a digit is no escape and stays visible
    expect(visibleText(PARSERS.commonmark.render('\\1. x\n'))).toBe('\\1. x\n');
  });

  test('a paragraph starting "1. " renders as that text, with no visible backslash', () => {
    const r: ArticleRecord = { type: 'article', id: 'p/01', source: 'p.txt', headline: '标题', subheadlines: [], byline: null, section: null, body: [{ kind: 'paragraph', text: '1. 社会组织要依法登记。', lines: [2, 2] }], captions: [], attribution: null, lines: [1, 2] };
    const { body } = split(articleToMarkdown(r));
    for (const parser of Object.values(PARSERS)) expect(parser.render(body)).toBe('<p>1. 社会组织要依法登记。</p>\n');
  });

  test('any mix of list, heading, emphasis, HTML, link, escape, rule, table and strikethrough syntax round-trips as text', () => {
    fc.assert(
      fc.property(record, (r) => {
        expectFaithful(r, articleToMarkdown(r));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
