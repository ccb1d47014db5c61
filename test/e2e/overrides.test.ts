import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';
import { expectSchema } from '../schemas.js';
import { parseOverrides } from '../../src/read/overrides.js';

/**
 * issue 16, "Corrections": bulletin.overrides.yaml fixes a decision inside the decoder, and the
 * rest of the page is decided around it. For each kind, one page is parsed with and without
 * one entry, and the whole record set is compared: the difference must be exactly what was
 * asked (and what it entails, spelled out here), nothing else.
 */

const PAGES = path.join(ROOT, 'fixtures', 'pages');

/** A working directory with the fixture pages in pages/ and, when given, an overrides file. */
function workdir(overrides?: string): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pages'));
  for (const f of fs.readdirSync(PAGES)) fs.copyFileSync(path.join(PAGES, f), path.join(dir, 'pages', f));
  if (overrides !== undefined) fs.writeFileSync(path.join(dir, 'bulletin.overrides.yaml'), overrides);
  return dir;
}

/** The overrides file for one page, one entry a line (each an inline YAML mapping). */
const overridesFor = (page: string, ...entries: string[]) => `version: 1\npages:\n  pages/${page}.txt:\n${entries.map((e) => `    - ${e}\n`).join('')}`;

type Records = Record<string, Record<string, unknown>>;

/**
 * A page's records keyed by article id (and `page`), with each body block as `kind[first-last]`,
 * and the blocks' texts by that name.
 */
function parsed(dir: string, page: string): { records: Records; texts: Map<string, string> } {
  const r = cli(['parse', `pages/${page}.txt`, '--format', 'jsonl', '-q'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const records: Records = {};
  const texts = new Map<string, string>();
  for (const rec of jsonl(r.stdout)) {
    const { type, id, source, ...fields } = rec;
    if (type !== 'article') {
      records.page = fields;
      continue;
    }
    const name = (b: any) => `${b.kind[0]}[${b.lines[0]}-${b.lines[1]}]`;
    records[id] = { ...fields, body: fields.body.map(name) };
    for (const b of fields.body) texts.set(name(b), b.text);
  }
  return { records, texts };
}

/** Every field that differs between two record sets, as `id.field: [without, with]`. */
function difference(without: Records, withIt: Records): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const id of new Set([...Object.keys(without), ...Object.keys(withIt)])) {
    const a = without[id] ?? {};
    const b = withIt[id] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[`${id}.${key}`] = [a[key], b[key]];
    }
  }
  return out;
}

/** Parse `page` without and with the entries; the difference of the records, and both runs' block texts. */
function applied(page: string, ...entries: string[]) {
  const plain = parsed(workdir(), page);
  const fixed = parsed(workdir(overridesFor(page, ...entries)), page);
  return { diff: difference(plain.records, fixed.records), before: plain.texts, after: fixed.texts };
}

const line = (page: string, no: number) => fs.readFileSync(path.join(PAGES, `${page}.txt`), 'utf8').split('\n')[no - 1]!.trim();
const entry = (page: string, no: number, rest: string) => `{ line: ${no}, text: ${JSON.stringify(line(page, no))}, ${rest} }`;

describe('each kind of override changes what it names, and the page is decided around it', () => {
  test('headline: a headline put on another article; the one it left goes without', () => {
    const page = 'raw-headline-list';
    // line 1 heads the list at the top; the decoder gives it to the article at 43, the editor to the one at 24
    const { diff } = applied(page, entry(page, 1, 'kind: headline, of: 30'));
    expect(diff).toEqual({
      [`${page}/02.headline`]: [null, '汉江市：困难群众救助资金提前发放'],
      [`${page}/02.lines`]: [[24, 41], [1, 41]],
      [`${page}/03.headline`]: ['汉江市：困难群众救助资金提前发放', null],
      [`${page}/03.lines`]: [[1, 59], [43, 59]],
      'page.overrides': [undefined, 1],
    });
  });

  test('subheadline: a headline read as its article\'s subheadline', () => {
    const page = 'raw-headline-list';
    const { diff } = applied(page, entry(page, 1, 'kind: subheadline, of: 43'));
    expect(diff).toEqual({
      [`${page}/03.headline`]: ['汉江市：困难群众救助资金提前发放', null],
      [`${page}/03.subheadlines`]: [[], ['汉江市：困难群众救助资金提前发放']],
      'page.overrides': [undefined, 1],
    });
  });

  test('body: a headline-shaped line is text where it stands', () => {
    const page = 'raw-caption';
    const { diff, after } = applied(page, entry(page, 29, 'kind: body'));
    expect(diff).toEqual({
      // the line closes the article above as a paragraph of its own; the lead at 30 still starts the next
      [`${page}/01.body`]: [['p[2-8]', 'p[10-20]', 'p[22-27]'], ['p[2-8]', 'p[10-20]', 'p[22-27]', 'p[29-29]']],
      [`${page}/01.lines`]: [[1, 27], [1, 29]],
      [`${page}/02.headline`]: ['临河镇为独居老人检修家用电路', null],
      [`${page}/02.lines`]: [[29, 47], [30, 47]],
      'page.overrides': [undefined, 1],
    });
    expect(after.get('p[29-29]')).toBe('临河镇为独居老人检修家用电路');
  });

  test('furniture: a headline-shaped line belongs to no article', () => {
    const page = 'raw-caption';
    const { diff } = applied(page, entry(page, 29, 'kind: furniture'));
    expect(diff).toEqual({
      [`${page}/02.headline`]: ['临河镇为独居老人检修家用电路', null],
      [`${page}/02.lines`]: [[29, 47], [30, 47]],
      'page.furniture': [[], ['临河镇为独居老人检修家用电路']],
      'page.overrides': [undefined, 1],
    });
  });

  test('article-start: an article starts at a paragraph; the source note goes with the part it ends', () => {
    const page = 'raw-column-break';
    const { diff, before, after } = applied(page, entry(page, 28, 'kind: article-start'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[2-10]', 'p[12-20]', 'p[22-27]', 'p[28-35]', 'p[37-44]'], ['p[2-10]', 'p[12-20]', 'p[22-27]']],
      [`${page}/01.lines`]: [[1, 46], [1, 27]],
      [`${page}/01.attribution`]: ['据临川区民政局', null],
      [`${page}/02.headline`]: [undefined, null],
      [`${page}/02.subheadlines`]: [undefined, []],
      [`${page}/02.byline`]: [undefined, null],
      [`${page}/02.section`]: [undefined, null],
      [`${page}/02.body`]: [undefined, ['p[28-35]', 'p[37-44]']],
      [`${page}/02.captions`]: [undefined, []],
      [`${page}/02.attribution`]: [undefined, '据临川区民政局'],
      [`${page}/02.lines`]: [undefined, [28, 46]],
      'page.articles': [1, 2],
      'page.overrides': [undefined, 1],
    });
    for (const b of ['p[28-35]', 'p[37-44]']) expect(after.get(b)).toBe(before.get(b));
  });

  test('no-article-start: a lead paragraph goes on with the article before; its second source note is kept as furniture', () => {
    const page = 'raw-headline-list';
    const { diff } = applied(page, entry(page, 24, 'kind: no-article-start'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[4-11]', 'p[13-20]'], ['p[4-11]', 'p[13-20]', 'p[24-32]', 'p[34-39]']],
      [`${page}/01.lines`]: [[2, 22], [2, 41]],
      // the article at 24 is gone: its place is taken by the one after it
      [`${page}/02.attribution`]: ['据沅北市民政局', '《汉江日报》'],
      [`${page}/02.headline`]: [null, '汉江市：困难群众救助资金提前发放'],
      [`${page}/02.body`]: [['p[24-32]', 'p[34-39]'], ['p[43-49]', 'p[51-59]']],
      [`${page}/02.lines`]: [[24, 41], [1, 59]],
      [`${page}/03.headline`]: ['汉江市：困难群众救助资金提前发放', undefined],
      [`${page}/03.subheadlines`]: [[], undefined],
      [`${page}/03.byline`]: [null, undefined],
      [`${page}/03.section`]: [null, undefined],
      [`${page}/03.body`]: [['p[43-49]', 'p[51-59]'], undefined],
      [`${page}/03.captions`]: [[], undefined],
      [`${page}/03.attribution`]: ['《汉江日报》', undefined],
      [`${page}/03.lines`]: [[1, 59], undefined],
      'page.articles': [3, 2],
      'page.furniture': [[], ['据沅北市民政局']],
      'page.warnings': [[], [{ line: 41, origin: 'split-articles', kind: 'second-attribution', severity: 'warning', message: 'a second source note for one article, kept as page furniture: "据沅北市民政局"' }]],
      'page.overrides': [undefined, 1],
    });
  });

  test('paragraph-start: a paragraph starts after a finished sentence the decoder ran on from', () => {
    const page = 'raw-column-break';
    const { diff, before, after } = applied(page, entry(page, 17, 'kind: paragraph-start'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[2-10]', 'p[12-20]', 'p[22-27]', 'p[28-35]', 'p[37-44]'], ['p[2-10]', 'p[12-16]', 'p[17-20]', 'p[22-27]', 'p[28-35]', 'p[37-44]']],
      'page.overrides': [undefined, 1],
    });
    expect(after.get('p[12-16]')! + after.get('p[17-20]')!).toBe(before.get('p[12-20]'));
    expect(after.get('p[17-20]')!.startsWith('区财政今年安排了专项资金')).toBe(true);
  });

  test('no-paragraph-start: a line goes on with the paragraph before, across a blank line', () => {
    const page = 'raw-column-break';
    const { diff, before, after } = applied(page, entry(page, 28, 'kind: no-paragraph-start'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[2-10]', 'p[12-20]', 'p[22-27]', 'p[28-35]', 'p[37-44]'], ['p[2-10]', 'p[12-20]', 'p[22-35]', 'p[37-44]']],
      'page.overrides': [undefined, 1],
    });
    expect(after.get('p[22-35]')).toBe(before.get('p[22-27]')! + before.get('p[28-35]')!);
  });

  test('caption: two lines are a picture caption, taken out of the body', () => {
    const page = 'raw-column-break';
    const { diff } = applied(page, entry(page, 37, 'to: 38, kind: caption'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[2-10]', 'p[12-20]', 'p[22-27]', 'p[28-35]', 'p[37-44]'], ['p[2-10]', 'p[12-20]', 'p[22-27]', 'p[28-35]', 'p[40-44]']],
      [`${page}/01.captions`]: [[], ['下一步，临川区将把托管服务延伸到12个涉农街道。']],
      // the line after the caption starts a paragraph now (the one before ended a sentence, short):
      // the decoder's doubt about a column break there is gone with the lines it weighed
      'page.warnings': [[{ line: 40, origin: 'rejoin-lines', kind: 'column-break', severity: 'warning', message: 'a blank line after a finished sentence, then a full line: read as a column break, not a paragraph end' }], []],
      'page.overrides': [undefined, 1],
    });
  });

  test('set: byline, section and source note of the article holding a line', () => {
    const page = 'raw-caption';
    const { diff } = applied(page, entry(page, 10, 'kind: set, byline: "周晓岚", section: "社区"'), entry(page, 40, 'kind: set, attribution: null'));
    expect(diff).toEqual({
      [`${page}/01.byline`]: [null, '周晓岚'],
      [`${page}/01.section`]: [null, '社区'],
      [`${page}/02.attribution`]: ['据临河镇人民政府', null],
      'page.overrides': [undefined, 2],
    });
  });

  test('in Markdown: a paragraph start where a page break cut nothing', () => {
    const page = 'md-page-break-caption';
    const { diff, before, after } = applied(page, entry(page, 11, 'kind: paragraph-start'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[5-5]', 'p[7-11]', 'p[13-19]', 'p[21-21]', 'p[23-23]'], ['p[5-5]', 'p[7-7]', 'p[11-11]', 'p[13-19]', 'p[21-21]', 'p[23-23]']],
      'page.overrides': [undefined, 1],
    });
    expect(after.get('p[7-7]')! + after.get('p[11-11]')!).toBe(before.get('p[7-11]'));
  });

  test('in Markdown: a line the decoder took for a caption is body text, and starts no paragraph of its own', () => {
    const page = 'md-page-break-caption';
    const { diff, before, after } = applied(page, entry(page, 17, 'kind: body'), entry(page, 19, 'kind: paragraph-start'));
    expect(diff).toEqual({
      [`${page}/01.body`]: [['p[5-5]', 'p[7-11]', 'p[13-19]', 'p[21-21]', 'p[23-23]'], ['p[5-5]', 'p[7-11]', 'p[13-17]', 'p[19-19]', 'p[21-21]', 'p[23-23]']],
      [`${page}/01.captions`]: [['康复治疗师指导居民使用平衡训练台'], []],
      'page.warnings': [[{ line: 17, origin: 'rejoin-lines', kind: 'caption-lifted', severity: 'warning', message: 'took "康复治疗师指导居民使用平衡训练台" out of a sentence as a picture caption' }], []],
      'page.overrides': [undefined, 2],
    });
    expect(after.get('p[13-17]')).toBe('康复站配备了康复治疗师指导居民使用平衡训练台');
    expect(after.get('p[13-17]')! + after.get('p[19-19]')!).toBe(before.get('p[13-19]')!.replace('康复站配备了', '康复站配备了康复治疗师指导居民使用平衡训练台'));
  });
});

describe('the overrides file', () => {
  test('the format\'s own example loads: one entry of each kind, with its fields', () => {
    const example = [
      'version: 1',
      'pages:',
      '  seeds/002_4ffd5773b4f85cfa.txt:',
      '    - { line: 12, text: "a", kind: headline, of: 15 }',
      '    - { line: 13, text: "b", kind: subheadline, of: 15 }',
      '    - { line: 33, text: "c", kind: body }',
      '    - { line: 34, text: "d", kind: furniture }',
      '    - { line: 40, text: "e", kind: article-start }',
      '    - { line: 52, text: "f", kind: no-article-start }',
      '    - { line: 60, text: "g", kind: paragraph-start }',
      '    - { line: 61, text: "h", kind: no-paragraph-start }',
      '    - { line: 70, to: 71, text: "i", kind: caption }',
      '    - { line: 80, text: "j", kind: set, byline: "k", attribution: null, section: "l" }',
    ].join('\n');
    const loaded = parseOverrides(example, 'dir/bulletin.overrides.yaml');
    expect(loaded.base).toBe(path.resolve('dir'));
    const entries = loaded.pages['seeds/002_4ffd5773b4f85cfa.txt']!;
    expect(entries.map((e) => [e.at, e.text, e.override.kind])).toEqual(
      ['headline', 'subheadline', 'body', 'furniture', 'article-start', 'no-article-start', 'paragraph-start', 'no-paragraph-start', 'caption', 'set'].map((kind, i) => [i + 4, 'abcdefghij'[i], kind]),
    );
    expect(entries[0]!.override).toEqual({ kind: 'headline', line: 12, of: 15, origin: 'dir/bulletin.overrides.yaml' });
    expect(entries[8]!.override).toMatchObject({ line: 70, to: 71 });
    expect(entries[9]!.override).toMatchObject({ byline: 'k', attribution: null, section: 'l' });
    expect(parseOverrides('', 'empty.yaml').pages).toEqual({});
  });

  test('a stale anchor fails its page with the file and line of the entry; the other pages are written', () => {
    const dir = workdir(
      'version: 1\npages:\n' +
        '  pages/raw-caption.txt:\n' +
        `    - ${entry('raw-caption', 29, 'kind: furniture')}\n` +
        '  pages/raw-column-break.txt:\n' +
        '    - { line: 17, text: "这一行已经改了", kind: paragraph-start }\n',
    );
    const r = cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pages/raw-column-break.txt: error: bulletin.overrides.yaml:6: override paragraph-start anchors to line 17 as "这一行已经改了", but the line reads "区财政今年安排了专项资金"');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'out', 'raw-column-break'))).toBe(false);
    const corrected = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'raw-caption', 'page.json'), 'utf8'));
    expect(corrected.furniture).toEqual(['临河镇为独居老人检修家用电路']);
    expect(corrected.overrides).toBe(1);
    expectSchema('page', corrected, 'raw-caption/page.json');
    const pageDirs = fs.readdirSync(path.join(dir, 'out'), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.'));
    expect(pageDirs).toHaveLength(fs.readdirSync(PAGES).length - 1);
  });

  test('a line beyond the page is a stale anchor too', () => {
    const dir = workdir(overridesFor('raw-caption', '{ line: 480, text: "x", kind: body }'));
    const r = cli(['parse', 'pages/raw-caption.txt', '--format', 'jsonl', '-q'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pages\/raw-caption\.txt: error: bulletin\.overrides\.yaml:4: override body anchors to line 480, but the page has 47 lines/);
  });

  test.each([
    ['`of` on a kind that takes none', '    - { line: 3, text: "x", kind: body, of: 4 }\n', 4, 'pages/raw-caption.txt, entry 1: only a headline or subheadline entry takes `of`'],
    ['a headline without its article', '    - { line: 3, text: "x", kind: headline }\n', 4, 'a headline or subheadline entry needs `of`'],
    ['an unknown kind', '    - { line: 3, text: "x", kind: heading }\n', 4, 'kind: must be equal to one of the allowed values: headline, subheadline'],
    ['a set without fields', '    - { line: 3, text: "x", kind: set }\n', 4, 'a set entry gives at least one of byline, attribution, section'],
    ['a line that is no number', '    - { line: three, text: "x", kind: body }\n', 4, 'line: must be integer'],
    ['two roles for one line', '    - { line: 3, text: "x", kind: body }\n    - { line: 3, text: "x", kind: furniture }\n', 5, 'line 3 is already given as body at line 4'],
    ['a stray key', '    - { line: 3, text: "x", kind: body, colour: red }\n', 4, 'unknown key "colour"'],
  ])('%s is a usage error naming the file and line (exit 2, nothing written)', (_what, entries, lineNo, message) => {
    const dir = workdir(`version: 1\npages:\n  pages/raw-caption.txt:\n${entries}`);
    const r = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`bulletin: bulletin.overrides.yaml:${lineNo}: `);
    expect(r.stderr).toContain(message);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('is found beside the config file, or named with --overrides; a named file that is missing is a usage error', () => {
    const dir = workdir();
    fs.mkdirSync(path.join(dir, 'conf'));
    fs.writeFileSync(path.join(dir, 'conf', 'bulletin.config.yaml'), 'format: jsonl\n');
    // keys are relative to the overrides file's own directory
    fs.writeFileSync(path.join(dir, 'conf', 'bulletin.overrides.yaml'), `version: 1\npages:\n  ../pages/raw-caption.txt:\n    - ${entry('raw-caption', 29, 'kind: furniture')}\n`);
    const beside = cli(['parse', 'pages/raw-caption.txt', '--config', 'conf/bulletin.config.yaml', '-q'], { cwd: dir });
    expect(beside.status).toBe(0);
    expect(jsonl(beside.stdout).find((r) => r.type === 'page').overrides).toBe(1);
    fs.copyFileSync(path.join(dir, 'conf', 'bulletin.overrides.yaml'), path.join(dir, 'fixes.yaml'));
    const named = cli(['parse', 'pages/raw-caption.txt', '--format', 'jsonl', '--overrides', 'fixes.yaml', '-q'], { cwd: dir });
    // fixes.yaml sits in dir/, so its key ../pages/… names no input: nothing applies
    expect(jsonl(named.stdout).find((r) => r.type === 'page').overrides).toBeUndefined();
    const missing = cli(['parse', 'pages/raw-caption.txt', '--format', 'jsonl', '--overrides', 'none.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('bulletin: none.yaml: no such overrides file\n');
  });
});

describe('overrides and the manifest', () => {
  const OLD = new Date('2001-01-01T00:00:00Z');
  const files = (out: string) => fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('.') && fs.statSync(path.join(out, f)).isFile()).sort();

  test('editing a page\'s entries makes --check report that page only, and a run rewrite only it; --force keeps them', () => {
    const dir = workdir(overridesFor('raw-caption', entry('raw-caption', 29, 'kind: furniture')));
    expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    const out = path.join(dir, 'out');
    expect(cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir }).status).toBe(0);
    for (const f of files(out)) fs.utimesSync(path.join(out, f), OLD, OLD);

    // one more entry for another page, and one changed for the first: both pages are stale, no other
    fs.writeFileSync(
      path.join(dir, 'bulletin.overrides.yaml'),
      overridesFor('raw-caption', entry('raw-caption', 29, 'kind: body')) + `  pages/raw-column-break.txt:\n    - ${entry('raw-column-break', 17, 'kind: paragraph-start')}\n`,
    );
    const check = cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toBe('pages/raw-caption.txt: overrides changed\npages/raw-column-break.txt: overrides changed\n');

    const rerun = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`, ${fs.readdirSync(PAGES).length - 2} unchanged in`));
    // (OUT/warnings.jsonl, the run's report of every page, is written whole by each run that parses)
    const rewritten = files(out).filter((f) => f !== 'warnings.jsonl' && fs.statSync(path.join(out, f)).mtimeMs > OLD.getTime());
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((f) => f.startsWith('raw-caption/') || f.startsWith('raw-column-break/'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'raw-caption', 'page.json'), 'utf8')).furniture).toEqual([]);
    expect(cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir }).status).toBe(0);

    // --force rebuilds every page with the overrides still applied: the corpus is what it was
    const before = files(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
    expect(cli(['parse', 'pages', '-o', 'out', '--force', '-q'], { cwd: dir }).status).toBe(0);
    expect(files(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'))).toEqual(before);
    expect(cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir }).status).toBe(0);

    // removing the page's entries is a change too
    fs.writeFileSync(path.join(dir, 'bulletin.overrides.yaml'), overridesFor('raw-caption', entry('raw-caption', 29, 'kind: body')));
    expect(cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir }).stdout).toBe('pages/raw-column-break.txt: overrides changed\n');
  });
});
