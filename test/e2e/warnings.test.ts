import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';
import { expectSchema } from '../schemas.js';

/**
 * issue 16, "A warnings report": every run with an output directory writes OUT/warnings.jsonl,
 * one line per warning of its pages; the summary counts warnings by kind; --max-warnings N
 * makes the exit 1 above N.
 */

const MANIFEST = '.bulletin-manifest.json';
const WARNINGS = 'warnings.jsonl';

/** Pages that give warnings of several kinds (seen on the fixtures), and some that give none. */
const PAGES = ['md-page-break-caption.txt', 'raw-column-break.txt', 'md-headline-subtitle.txt', 'raw-caption.txt', 'md-sections.txt'];

/** A working directory with copies of PAGES in pages/, and a page of invalid UTF-8. */
function project(): { dir: string; pages: string } {
  const dir = tempDir();
  const pages = path.join(dir, 'pages');
  fs.mkdirSync(pages);
  const fixtures = path.join(ROOT, 'fixtures', 'pages');
  for (const name of PAGES) fs.copyFileSync(path.join(fixtures, name), path.join(pages, name));
  // a page of no warnings of its own with an invalid byte at the end of lines 3 and 5: decode's warnings
  fs.writeFileSync(path.join(pages, 'bytes.txt'), withInvalidBytes(fs.readFileSync(path.join(fixtures, 'md-sections.txt')), [3, 5]));
  return { dir, pages };
}

/** The page with a byte 0xFF (never valid UTF-8) at the end of each of the given lines. */
function withInvalidBytes(page: Buffer, lines: number[]): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let no = 1; start <= page.length; no++) {
    let end = page.indexOf(0x0a, start);
    if (end < 0) end = page.length;
    parts.push(page.subarray(start, end));
    if (lines.includes(no)) parts.push(Buffer.from([0xff]));
    if (end < page.length) parts.push(Buffer.from([0x0a]));
    start = end + 1;
  }
  return Buffer.concat(parts);
}

const readLines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/**
 * What warnings.jsonl should hold, made from the page records (page.json, in the order of the
 * pages' input paths): each page's warnings by line, the page's own (line null) first.
 */
function fromPageRecords(out: string, pagesDir: string, cwd: string) {
  const records = fs.readdirSync(out).filter((d) => fs.statSync(path.join(out, d)).isDirectory())
    .map((d) => JSON.parse(fs.readFileSync(path.join(out, d, 'page.json'), 'utf8')))
    .sort((a, b) => (path.resolve(cwd, a.source) < path.resolve(cwd, b.source) ? -1 : 1));
  expect(records.length).toBe(fs.readdirSync(pagesDir).length);
  return records.flatMap((p) => [...p.warnings]
    .map((w: any, i: number) => ({ w, i }))
    .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.i - b.i)
    .map(({ w }) => ({ source: p.source, line: w.line, pass: w.origin, kind: w.kind, severity: w.severity, message: w.message })));
}

const countOf = (lines: { kind: string }[]) => {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.kind, (m.get(l.kind) ?? 0) + 1);
  return m;
};

describe('OUT/warnings.jsonl', () => {
  test('holds every warning of the page records, with source, pass and kind, page by page and by line', () => {
    const { dir, pages } = project();
    const r = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    const lines = readLines(path.join(dir, 'out', WARNINGS));
    for (const l of lines) expectSchema('warning', l, WARNINGS);
    expect(lines).toEqual(fromPageRecords(path.join(dir, 'out'), pages, dir));
    // the pages give warnings of several kinds, from passes and from the decoder
    const kinds = countOf(lines);
    expect(kinds.get('invalid-bytes')).toBe(2);
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.source === 'pages/bytes.txt').map((l) => [l.line, l.pass, l.kind])).toEqual([[3, 'decode', 'invalid-bytes'], [5, 'decode', 'invalid-bytes']]);
    // every built-in report names a kind of its own, never just the pass's name
    for (const l of lines) {
      expect(l.kind).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(l.kind).not.toBe(l.pass);
    }
    // the summary counts them by kind, most first
    const summary = /(\d+) warnings \(([^)]*)\)/.exec(r.stderr);
    expect(summary).not.toBeNull();
    expect(Number(summary![1])).toBe(lines.length);
    const said = summary![2]!.split(', ').map((s) => s.split(' '));
    expect(new Map(said.map(([k, n]) => [k!, Number(n)]))).toEqual(kinds);
    const counts = said.map(([, n]) => Number(n));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('is written, empty, for pages without warnings, and named in --check when edited or missing', () => {
    const { dir } = project();
    expect(cli(['parse', 'pages/md-sections.txt', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', WARNINGS), 'utf8')).toBe('');
    expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    const check = () => cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir });
    expect(check().status).toBe(0);
    const file = path.join(dir, 'out', WARNINGS);
    const good = fs.readFileSync(file, 'utf8');
    expect(good).not.toBe('');
    fs.writeFileSync(file, good.split('\n').slice(1).join('\n'));
    expect(check().status).toBe(1);
    expect(check().stdout).toBe(`out: edited ${WARNINGS}\n`);
    // as with a page's file, a plain run leaves an edited report, --force restores it
    expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    expect(check().status).toBe(1);
    expect(cli(['parse', 'pages', '-o', 'out', '-q', '--force'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
    fs.rmSync(file);
    expect(check().stdout).toBe(`out: missing ${WARNINGS}\n`);
    // a deleted report is restored by a plain run, as a deleted page file is
    expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(good);
    expect(check().status).toBe(0);
  });

  test('an incremental run keeps the warnings of the pages it does not parse again, as a fresh run has them', () => {
    const { dir, pages } = project();
    expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    const before = readLines(path.join(dir, 'out', WARNINGS));
    // a new warning on one page (a third invalid byte), none of the others parsed again
    fs.writeFileSync(path.join(pages, 'bytes.txt'), withInvalidBytes(fs.readFileSync(path.join(ROOT, 'fixtures', 'pages', 'md-sections.txt')), [3, 5, 7]));
    const r = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${PAGES.length} unchanged`));
    // the summary counts what this run parsed: the one page's three
    expect(r.stderr).toMatch(/3 warnings \(invalid-bytes 3\)/);
    const after = readLines(path.join(dir, 'out', WARNINGS));
    expect(after.filter((l) => l.source !== 'pages/bytes.txt')).toEqual(before.filter((l) => l.source !== 'pages/bytes.txt'));
    expect(after.filter((l) => l.source === 'pages/bytes.txt').map((l) => l.line)).toEqual([3, 5, 7]);
    expect(after).toEqual(fromPageRecords(path.join(dir, 'out'), pages, dir));
    // byte for byte what a fresh run writes
    expect(cli(['parse', 'pages', '-o', 'fresh', '-q'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', WARNINGS), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'fresh', WARNINGS), 'utf8'));
    // a removed input takes its warnings with it
    fs.rmSync(path.join(pages, 'bytes.txt'));
    expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    expect(readLines(path.join(dir, 'out', WARNINGS))).toEqual(before.filter((l) => l.source !== 'pages/bytes.txt'));
  });

  test('shard runs into one directory, one after the other, make the file of one whole run', () => {
    const { dir } = project();
    expect(cli(['parse', 'pages', '-o', 'whole', '-q'], { cwd: dir }).status).toBe(0);
    expect(cli(['parse', 'pages', '--shard', '1/2', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    const first = readLines(path.join(dir, 'out', WARNINGS));
    const whole = readLines(path.join(dir, 'whole', WARNINGS));
    // the first shard's report holds its own pages only
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(whole.length);
    expect(cli(['parse', 'pages', '--shard', '2/2', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', WARNINGS), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'whole', WARNINGS), 'utf8'));
  });

  test('with corpus.jsonl in the output directory, it holds the warnings of the stream\'s page records', () => {
    const { dir, pages } = project();
    expect(cli(['parse', 'pages', '--format', 'jsonl', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    const records = jsonl(fs.readFileSync(path.join(dir, 'out', 'corpus.jsonl'), 'utf8')).filter((r) => r.type === 'page');
    expect(records).toHaveLength(fs.readdirSync(pages).length);
    const expected = records.flatMap((p) => p.warnings.map((w: any) => ({ source: p.source, line: w.line, pass: w.origin, kind: w.kind, severity: w.severity, message: w.message }))
      .sort((a: any, b: any) => (a.line ?? 0) - (b.line ?? 0)));
    expect(readLines(path.join(dir, 'out', WARNINGS))).toEqual(expected);
    // to standard output, nothing is written anywhere
    const stream = cli(['parse', 'pages', '--format', 'jsonl', '-q'], { cwd: dir });
    expect(stream.status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['out', 'pages']);
  });

  test('a plugin\'s kind is what its report() says, else the pass\'s name', () => {
    const { dir } = project();
    fs.writeFileSync(path.join(dir, 'kinds.mjs'), `export default {
  name: 'kinds',
  description: 'reports with and without a kind',
  defaults: {},
  run(page, options, { report }) {
    report('with a kind', { line: 1, kind: 'odd-line' });
    report('without one', { line: 1 });
    return page;
  },
};
`);
    const r = cli(['parse', 'pages/md-sections.txt', '-o', 'out', '--plugin', 'kinds.mjs'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readLines(path.join(dir, 'out', WARNINGS)).map((l) => [l.pass, l.kind, l.message])).toEqual([['kinds', 'odd-line', 'with a kind'], ['kinds', 'kinds', 'without one']]);
    expect(r.stderr).toMatch(/2 warnings \(kinds 1, odd-line 1\)/);
    const page = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'md-sections', 'page.json'), 'utf8'));
    expect(page.warnings.map((w: any) => w.kind)).toEqual(['odd-line', 'kinds']);
  });
});

describe('--max-warnings N', () => {
  const { dir } = project();
  const first = cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir });
  const total = readLines(path.join(dir, 'out', WARNINGS)).length;

  test('the pages have warnings to count', () => {
    expect(first.status).toBe(0);
    expect(total).toBeGreaterThan(2);
  });

  test.each([
    ['N - 1: exit 1', -1, 1],
    ['N: exit 0', 0, 0],
    ['N + 1: exit 0', 1, 0],
  ])('%s, with files (a full run and an up-to-date one) and with --format jsonl', (_what, delta, status) => {
    const max = String(total + delta);
    const full = cli(['parse', 'pages', '-o', `full${delta}`, '--max-warnings', max], { cwd: dir });
    expect(full.status).toBe(status);
    // the files are written all the same
    expect(fs.existsSync(path.join(dir, `full${delta}`, WARNINGS))).toBe(true);
    const upToDate = cli(['parse', 'pages', '-o', 'out', '--max-warnings', max], { cwd: dir });
    expect(upToDate.stderr).toMatch(/up to date/);
    expect(upToDate.status).toBe(status);
    const stream = cli(['parse', 'pages', '--format', 'jsonl', '--max-warnings', max], { cwd: dir });
    expect(stream.status).toBe(status);
    expect(jsonl(stream.stdout).filter((r) => r.type === 'page')).toHaveLength(PAGES.length + 1);
    const said = `bulletin: error: ${total} warnings, more than --max-warnings ${max} allows`;
    if (status) {
      expect(full.stderr).toContain(said);
      expect(stream.stderr).toContain(said);
      expect(upToDate.stderr).toContain(`bulletin: error: ${total} warnings (${total} of them on pages that were up to date), more than --max-warnings ${max} allows`);
      // even --quiet says why the run failed
      expect(cli(['parse', 'pages', '-o', 'out', '-q', '--max-warnings', max], { cwd: dir }).stderr).toContain('more than --max-warnings');
    } else {
      for (const r of [full, upToDate, stream]) expect(r.stderr).not.toMatch(/max-warnings/);
    }
  });

  test('is a count: anything else is a usage error', () => {
    for (const bad of ['-1', 'x', '1.5']) expect(cli(['parse', 'pages', '-o', 'out', '--max-warnings', bad], { cwd: dir }).status).toBe(2);
  });

  test('--help names it', () => {
    expect(cli(['parse', '--help']).stdout).toMatch(/--max-warnings <n>/);
  });
});

// the manifest is what lets an incremental run write the whole report
test('the manifest records each page\'s warnings', () => {
  const { dir } = project();
  expect(cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'out', MANIFEST), 'utf8'));
  const recorded = Object.values(m.pages).flatMap((e: any) => e.warnings ?? []);
  expect(recorded).toEqual(readLines(path.join(dir, 'out', WARNINGS)));
});

test('a page named like the report (warnings.jsonl.txt) is a clear error for that page, and the report is written', () => {
  const { dir, pages } = project();
  fs.copyFileSync(path.join(pages, 'bytes.txt'), path.join(pages, 'warnings.jsonl.txt'));
  const r = cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/warnings\.jsonl\.txt: error: cannot write output: its page directory warnings\.jsonl would take the name of bulletin's own warnings\.jsonl: rename the input/);
  expect(fs.statSync(path.join(dir, 'out', WARNINGS)).isFile()).toBe(true);
  // the page that could not be written has no warnings in it; the others do
  const lines = readLines(path.join(dir, 'out', WARNINGS));
  expect(lines.some((l) => l.source === 'pages/warnings.jsonl.txt')).toBe(false);
  expect(lines.filter((l) => l.source === 'pages/bytes.txt')).toHaveLength(2);
});
