import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, jsonl, ROOT, tempDir } from '../helpers.js';
import { builtinPasses } from '../../src/passes/registry.js';
import { parsePage } from '../../src/pipeline.js';

/**
 * Plugin passes can neither end the run, freeze it, nor quietly gut it (issue 14 item 6,
 * issue 15 items 11 to 13). Every run here is hermetic: its own directory as the working
 * directory, so no bulletin.config.yaml of the checkout is read.
 */
const SEEDS = path.join(ROOT, 'seeds');
const seedNames = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedText = fs.readFileSync(path.join(SEEDS, seedNames[0]!), 'utf8');

/** A plugin file in `dir` whose pass does `body` (with `page` in scope). */
function plugin(dir: string, name: string, body: string, extra = ''): string {
  const file = path.join(dir, `${name}.mjs`);
  fs.writeFileSync(file, `export default { name: ${JSON.stringify(name)}, description: 'a test plugin', ${extra} run(page) { ${body} } };\n`);
  return file;
}

/** A project: pages a..e (the same seed text), in a directory of its own. */
function project(stems = ['a', 'b', 'c', 'd', 'e']) {
  const dir = tempDir();
  for (const s of stems) fs.writeFileSync(path.join(dir, `${s}.txt`), seedText);
  return { dir, pages: stems.map((s) => `${s}.txt`) };
}

const run = (dir: string, args: string[]) => cli(args, { cwd: dir });
const pageRecords = (stdout: string) => jsonl(stdout).filter((x) => x.type === 'page');

describe('issue 14, item 6: a plugin that throws fails the run', () => {
  test('exit 1; the page is written without the pass; the error names the pass, its file and the page; the next run tries it again', () => {
    const { dir, pages } = project(['a', 'b', 'c']);
    const file = plugin(dir, 'boom', "if (page.stem === 'b') throw new Error('kaput'); return page;");
    const out = path.join(dir, 'out');
    const r = run(dir, ['parse', ...pages, '-o', out, '--format', 'json', '--plugin', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`b.txt: error: pass boom (${file}) failed and was skipped: kaput`);
    expect(r.stderr).toMatch(/3 pages, .*1 failed/);
    // written, as a run without the pass writes it
    const plain = run(dir, ['parse', 'b.txt', '-o', path.join(dir, 'plain'), '--format', 'json', '-q']);
    expect(plain.status).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(out, 'b', 'page.json'), 'utf8'));
    const without = JSON.parse(fs.readFileSync(path.join(dir, 'plain', 'b', 'page.json'), 'utf8'));
    expect(written.articles).toEqual(without.articles);
    expect(written.warnings.at(-1)).toEqual({ line: null, origin: 'pipeline', kind: 'pass-failed', severity: 'error', message: `pass boom (${file}) failed and was skipped: kaput` });
    for (const s of ['a', 'c']) expect(fs.existsSync(path.join(out, s, 'page.json'))).toBe(true);
    // not recorded as done: a second run is not "up to date", and says it again
    const again = run(dir, ['parse', ...pages, '-o', out, '--format', 'json', '--plugin', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`b.txt: error: pass boom (${file})`);
    expect(again.stderr).toMatch(/2 unchanged/);
  });

  test('the error is said under --quiet too', () => {
    const { dir } = project(['b']);
    const file = plugin(dir, 'boom', "throw new Error('kaput');");
    const r = run(dir, ['parse', 'b.txt', '--format', 'jsonl', '--plugin', file, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`b.txt: error: pass boom (${file}) failed and was skipped: kaput\n`);
  });

  test('--plugin-errors warn, or plugin-errors: warn in the config, keeps it a warning (exit 0)', () => {
    const { dir } = project(['b']);
    const file = plugin(dir, 'boom', "throw new Error('kaput');");
    // named as the config names it, relative to the directory, so that the records compare
    const flag = run(dir, ['parse', 'b.txt', '--format', 'jsonl', '--plugin', path.basename(file), '--plugin-errors', 'warn']);
    expect(flag.status).toBe(0);
    expect(flag.stderr).toContain('b.txt: warning: pass boom (boom.mjs) failed and was skipped: kaput');
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'plugins: [boom.mjs]\nplugin-errors: warn\n');
    const config = run(dir, ['parse', 'b.txt', '--format', 'jsonl']);
    expect(config.status).toBe(0);
    expect(config.stdout).toBe(flag.stdout);
    // the flag beats the file
    expect(run(dir, ['parse', 'b.txt', '--format', 'jsonl', '--plugin-errors', 'error']).status).toBe(1);
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'plugins: [boom.mjs]\nplugin-errors: maybe\n');
    const bad = run(dir, ['parse', 'b.txt', '--format', 'jsonl']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bulletin: bulletin.config.yaml:2: plugin-errors must be error or warn, not "maybe"\n');
    fs.rmSync(path.join(dir, 'bulletin.config.yaml'));
    const flagBad = run(dir, ['parse', 'b.txt', '--format', 'jsonl', '--plugin-errors', 'maybe']);
    expect(flagBad.status).toBe(2);
    expect(flagBad.stderr).toMatch(/option '--plugin-errors <mode>' argument 'maybe' is invalid/);
  });
});

describe('issue 15, item 11: a plugin cannot end or freeze the run', () => {
  test.each([['1'], ['2']])('process.exit(0) in a pass, --jobs %s: an error for that page; every page is written and the run exits 1', (jobs) => {
    const { dir, pages } = project();
    const file = plugin(dir, 'quit', "if (page.stem === 'b') process.exit(0); return page;");
    const out = path.join(dir, 'out');
    const r = run(dir, ['parse', ...pages, '-o', out, '--format', 'json', '--jobs', jobs, '--plugin', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`b.txt: error: pass quit (${file}) failed and was skipped: it called process.exit(0), which a pass may not do`);
    expect(r.stderr).toMatch(/5 pages, .*1 failed/);
    for (const s of ['a', 'b', 'c', 'd', 'e']) expect(JSON.parse(fs.readFileSync(path.join(out, s, 'page.json'), 'utf8')).source).toBe(`${s}.txt`);
    // the run finished: its manifest is there, with the four pages that succeeded
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.bulletin-manifest.json'), 'utf8'));
    expect(Object.keys(manifest.pages).map((k) => path.basename(k)).sort()).toEqual(['a.txt', 'c.txt', 'd.txt', 'e.txt']);
  });

  test.each([['1'], ['2']])('a pass that loops forever, --jobs %s: stopped by the page time limit, an error for that page; the other pages are written in order', (jobs) => {
    const { dir, pages } = project();
    const file = plugin(dir, 'spin', "if (page.stem === 'c') for (;;) {} return page;");
    const r = run(dir, ['parse', ...pages, '--format', 'jsonl', '--jobs', jobs, '--plugin', file, '--page-timeout', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`c.txt: error: stopped after 1 s, the time a page may take (--page-timeout); it was in pass spin (${file})`);
    expect(pageRecords(r.stdout).map((p) => path.basename(p.source))).toEqual(['a.txt', 'b.txt', 'd.txt', 'e.txt']);
  });

  test('the time limit applies to standard input, and comes from the config as page-timeout', () => {
    const { dir } = project([]);
    plugin(dir, 'spin', 'for (;;) {}');
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'plugins: [spin.mjs]\npage-timeout: 0.5\n');
    const r = cli(['parse', '-', '--format', 'jsonl'], { cwd: dir, input: seedText });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^-: error: stopped after 0\.5 s, the time a page may take/m);
    expect(r.stdout).toBe('');
    for (const bad of ['0', '-1', 'soon']) {
      fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), `page-timeout: ${bad}\n`);
      const c = run(dir, ['parse', '-', '--format', 'jsonl']);
      expect(c.status).toBe(2);
      expect(c.stderr).toBe('bulletin: bulletin.config.yaml:1: page-timeout must be a number of seconds above 0\n');
    }
    fs.rmSync(path.join(dir, 'bulletin.config.yaml'));
    const flag = run(dir, ['parse', '-', '--format', 'jsonl', '--page-timeout', '0']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe('bulletin: --page-timeout takes a number of seconds above 0, not "0"\n');
  });

  test.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s ends a --jobs 1 run whose plugin loops, at once (exit %i)', async (signal, code) => {
    const { dir, pages } = project();
    const started = path.join(dir, 'started');
    const file = path.join(dir, 'spin.mjs');
    fs.writeFileSync(file, `import fs from 'node:fs';\nexport default { name: 'spin', description: 'loops', run(page) { fs.writeFileSync(${JSON.stringify(started)}, ''); for (;;) {} } };\n`);
    // the default time limit is far longer than this test may take
    const child = spawn(process.execPath, [BIN, 'parse', ...pages, '-o', path.join(dir, 'out'), '--jobs', '1', '--plugin', file, '-q'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (c, s) => resolve({ code: c, signal: s })));
    while (!fs.existsSync(started)) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    // a run that ignores the signal is ended here, so that a failing test leaves no process spinning
    const hung = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20000).unref());
    const result = await Promise.race([exited, hung]);
    if (result === 'still running') child.kill('SIGKILL');
    expect(result).toEqual({ code, signal: null });
  }, 30000);
});

/** Letters, digits and Han characters, counted as a reader would. */
const count = (s: string) => ({
  han: [...s.matchAll(/\p{Script=Han}/gu)].length,
  letters: [...s.matchAll(/\p{L}/gu)].length - [...s.matchAll(/\p{Script=Han}/gu)].length,
  digits: [...s.matchAll(/\p{N}/gu)].length,
});
const articleText = (a: any) => [a.headline, a.byline, a.section, a.attribution, ...a.subheadlines, ...a.captions, ...a.body.map((b: any) => b.text)].filter(Boolean).join('');

describe('issue 15, item 12: text a plugin removes is counted and reported', () => {
  const { dir } = project(['a']);
  const baseline = jsonl(run(dir, ['parse', 'a.txt', '--format', 'jsonl', '-q']).stdout);
  const first = baseline.find((x) => x.type === 'article');
  const lost = count(articleText(first));
  const total = lost.han + lost.letters + lost.digits;
  const drop = plugin(dir, 'drop-first', 'return { ...page, articles: page.articles.slice(1) };');
  const declared = plugin(dir, 'drop-declared', 'return { ...page, articles: page.articles.slice(1) };', 'removesText: true,');

  test('a warning with the count of Han characters, letters and digits it took; exit 0', () => {
    expect(total).toBeGreaterThan(100);
    const r = run(dir, ['parse', 'a.txt', '--format', 'jsonl', '--plugin', drop]);
    expect(r.status).toBe(0);
    const parts = [lost.han && `${lost.han} Han characters`, lost.letters && `${lost.letters} letters`, lost.digits && `${lost.digits} digits`].filter(Boolean).join(', ');
    const text = `pass drop-first (${drop}) removed ${total} characters of text (${parts}) that no article or furniture keeps`;
    expect(r.stderr).toContain(`a.txt: warning: ${text} [pipeline]`);
    expect(pageRecords(r.stdout)[0].warnings.at(-1)).toEqual({ line: null, origin: 'pipeline', kind: 'lost-text', severity: 'warning', message: text });
  });

  test('--strict, or strict: true in the config, makes it an error (exit 1); the page is written all the same', () => {
    const warned = run(dir, ['parse', 'a.txt', '--format', 'jsonl', '--plugin', drop]);
    const r = run(dir, ['parse', 'a.txt', '--format', 'jsonl', '--plugin', drop, '--strict']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`a.txt: error: pass drop-first (${drop}) removed ${total} characters of text`);
    expect(r.stdout).toBe(warned.stdout);
    const sub = path.join(dir, 'strict');
    fs.mkdirSync(sub);
    fs.copyFileSync(path.join(dir, 'a.txt'), path.join(sub, 'a.txt'));
    fs.writeFileSync(path.join(sub, 'bulletin.config.yaml'), `plugins: [${JSON.stringify(drop)}]\nstrict: true\n`);
    expect(run(sub, ['parse', 'a.txt', '--format', 'jsonl']).status).toBe(1);
    fs.writeFileSync(path.join(sub, 'bulletin.config.yaml'), 'strict: yes please\n');
    const bad = run(sub, ['parse', 'a.txt', '--format', 'jsonl']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bulletin: bulletin.config.yaml:1: strict must be true or false\n');
  });

  test('a pass that declares removesText is still counted, and is not an error under --strict', () => {
    const r = run(dir, ['parse', 'a.txt', '--format', 'jsonl', '--plugin', declared, '--strict']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`a.txt: warning: pass drop-declared (${declared}) removed ${total} characters of text`);
    expect(r.stderr).toContain('as it says it does (removesText)');
  });

  test('text moved to furniture, or a character corrected for another, is not removed', () => {
    const move = plugin(dir, 'to-furniture', 'const [a, ...rest] = page.articles; return { ...page, articles: rest, furniture: [...page.furniture, ...a.body.map((b) => ({ text: b.text, lines: b.lines })), { text: a.headline ?? "", lines: a.lines }] };');
    const fix = plugin(dir, 'fix-char', "return { ...page, articles: page.articles.map((a) => ({ ...a, body: a.body.map((b) => ({ ...b, text: b.text.replace(/的/g, '得') })) })) };");
    for (const file of [move, fix]) {
      const r = run(dir, ['parse', 'a.txt', '--format', 'jsonl', '--plugin', file, '--strict']);
      expect(r.stderr).not.toMatch(/removed/);
      expect(r.status).toBe(0);
    }
  });

  test('a pass that empties the lines before any grouping is counted too', () => {
    const bare = plugin(dir, 'blank-lines', 'return { ...page, lines: page.lines.map((l) => ({ ...l, text: "" })) };');
    const r = run(dir, ['parse', 'a.txt', '--format', 'jsonl', '--plugin', bare, '--passes', 'blank-lines,rejoin-lines,split-articles', '--strict']);
    expect(r.status).toBe(1);
    const all = count(seedText);
    expect(r.stderr).toContain(`removed ${all.han + all.letters + all.digits} characters of text`);
  });
});

describe('issue 15, item 13 (first half): option ranges', () => {
  test('rejoin-lines columnWindow -1 or .nan is refused with exit 2, naming the value', () => {
    const { dir } = project(['a']);
    for (const [value, why] of [['-1', 'must be at least 1, not -1'], ['.nan', 'is not a finite number, not NaN'], ['.inf', 'is not a finite number, not Infinity']]) {
      fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), `options:\n  rejoin-lines:\n    columnWindow: ${value}\n`);
      const r = run(dir, ['parse', 'a.txt', '--format', 'jsonl']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`bulletin: bulletin.config.yaml:3: option rejoin-lines.columnWindow ${why}\n`);
      expect(r.stdout).toBe('');
    }
  });

  test('every built-in option at either end of its range parses every seed (no value in range loops)', () => {
    const texts = seedNames.map((n) => fs.readFileSync(path.join(SEEDS, n), 'utf8'));
    for (const pass of builtinPasses) {
      for (const [key, spec] of Object.entries(pass.options ?? {}) as [string, { min?: number; max?: number; integer?: boolean }][]) {
        // an open end is tried far out: a count the size of a page or larger
        for (const value of [spec.min ?? 0, spec.max ?? 1e9]) {
          const steps = builtinPasses.map((p) => ({ pass: p, options: { ...p.defaults, ...(p === pass ? { [key]: value } : {}) } }));
          for (const [i, text] of texts.entries()) {
            const page = parsePage({ source: seedNames[i]!, stem: 'p', text }, steps);
            expect(page.lines.length).toBeGreaterThan(0);
          }
        }
      }
    }
  }, 120000);
});
