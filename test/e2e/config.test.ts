import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';

const SEED = fs.readdirSync(path.join(ROOT, 'seeds')).sort()[0]!;

/** A working directory with one seed page in pages/ and the given config file. */
function project(config: string, name = 'bulletin.config.yaml') {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pages'));
  fs.copyFileSync(path.join(ROOT, 'seeds', SEED), path.join(dir, 'pages', SEED));
  fs.writeFileSync(path.join(dir, name), config);
  return dir;
}

describe('bulletin.config.yaml', () => {
  test('gives inputs, output directory and formats when no flag does', () => {
    const dir = project('inputs: [pages]\nout: built\nformat: [json]\n');
    const r = cli(['parse', '-q'], { cwd: dir });
    expect(r.status).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'built', SEED.replace(/\.txt$/, ''))).sort();
    expect(files).toContain('01.json');
    expect(files).toContain('page.json');
    expect(files.some((f) => f.endsWith('.md'))).toBe(false);
  });

  test('flags override it', () => {
    const dir = project('inputs: [pages]\nout: built\nformat: [json]\n');
    const r = cli(['parse', '-q', '--format', 'md', '-o', 'other'], { cwd: dir });
    expect(r.status).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'other', SEED.replace(/\.txt$/, ''))).sort();
    expect(files).toContain('01.md');
    expect(files).not.toContain('01.json');
    expect(fs.existsSync(path.join(dir, 'built'))).toBe(false);
    const stream = cli(['parse', '-q', '--format', 'jsonl', '-o', '-'], { cwd: dir });
    expect(jsonl(stream.stdout).filter((x) => x.type === 'page')).toHaveLength(1);
  });

  test('--config FILE reads paths relative to that file', () => {
    const dir = project('inputs: [pages]\nformat: jsonl\npasses: [strip-glyphs]\n', 'ci.yaml');
    const sub = path.join(dir, 'elsewhere');
    fs.mkdirSync(sub);
    const r = cli(['parse', '-q', '--config', '../ci.yaml'], { cwd: sub });
    expect(r.status).toBe(0);
    const records = jsonl(r.stdout);
    expect(records[records.length - 1].source).toBe(path.join('..', 'pages', SEED));
    // strip-glyphs alone finds no articles: every line becomes loose paragraphs of one article
    expect(records.filter((x) => x.type === 'article')).toHaveLength(1);
  });

  test('passes with options run in the given order; a plugin from the file is loaded', () => {
    const dir = project(
      [
        'inputs: pages',
        'format: jsonl',
        'plugins: [./tag.mjs]',
        'passes:',
        '  - detect-dialect',
        '  - strip-glyphs',
        '  - rejoin-lines: { maxCaptionChars: 10 }',
        '  - split-articles',
        '  - tag: { label: "[T]" }',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'tag.mjs'),
      `export default { name: 'tag', description: 'prefix every headline', defaults: { label: '*' },
        run: (page, o) => ({ ...page, articles: page.articles.map((a) => ({ ...a, headline: o.label + (a.headline ?? '') })) }) };\n`,
    );
    const r = cli(['parse', '-q'], { cwd: dir });
    expect(r.status).toBe(0);
    const articles = jsonl(r.stdout).filter((x) => x.type === 'article');
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.every((a) => a.headline.startsWith('[T]'))).toBe(true);

    const listed = cli(['passes', '--json'], { cwd: dir });
    expect(listed.status).toBe(0);
    const tag = JSON.parse(listed.stdout).find((p: any) => p.name === 'tag');
    // its place in this run, its default and the value the config gives it
    expect(tag).toEqual({ name: 'tag', description: 'prefix every headline', position: 5, defaults: { label: '*' }, options: { label: { value: '[T]', default: '*' } }, plugin: 'tag.mjs' });
  });

  test('bulletin passes shows each option with its meaning, unit, range, default and the value in force', () => {
    const plain = cli(['passes'], { cwd: tempDir() });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^ 4\. letter-spacing +Remove the spaces/m);
    expect(plain.stdout).toMatch(/^ +minRun = 3 +this many single-spaced characters in a row are letter-spacing, not phrase spaces \[characters; whole, at least 2\]$/m);
    expect(plain.stdout).toMatch(/^ +columnQuantile += 0\.75 +the quantile .* \[share; 0 to 1\]$/m);

    const dir = project('passes:\n  - detect-dialect\n  - letter-spacing: { minRun: 5 }\n  - rejoin-lines\noptions:\n  rejoin-lines: { columnWindow: 9 }\n');
    const r = cli(['passes'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ 2\. letter-spacing /m);
    expect(r.stdout).toMatch(/^ +minRun = 5 \(default 3\) +this many single-spaced/m);
    expect(r.stdout).toMatch(/^ +columnWindow += 9 \(default 6\) +lines on each side/m);
    // the passes the config leaves out, after the run's
    expect(r.stdout).toMatch(/^ -\. match-headlines +.* \(not run\)$/m);
    const listed = JSON.parse(cli(['passes', '--json'], { cwd: dir }).stdout);
    expect(listed.map((p: any) => p.position).slice(0, 4)).toEqual([1, 2, 3, null]);
    const rejoin = listed.find((p: any) => p.name === 'rejoin-lines');
    expect(rejoin.options.columnWindow).toEqual({ value: 9, default: 6, description: "lines on each side that estimate a line's column width", unit: 'lines', min: 1, max: 1000, integer: true });
    expect(rejoin.defaults.columnWindow).toBe(6);
    // --passes reorders the listing as it would the run
    const flagged = JSON.parse(cli(['passes', '--json', '--passes', 'rejoin-lines,detect-dialect'], { cwd: dir }).stdout);
    expect(flagged.slice(0, 2).map((p: any) => [p.name, p.position])).toEqual([['rejoin-lines', 1], ['detect-dialect', 2]]);
    expect(flagged.find((p: any) => p.name === 'rejoin-lines').options.columnWindow.value).toBe(9);
  });

  const invalid: [string, string, RegExp][] = [
    ['an unknown key', 'inputs: [pages]\nouput: x\n', /bulletin\.config\.yaml:2: unknown key "ouput"/],
    ['a wrong type', 'inputs: [pages]\nformat: json\nout: [a, b]\n', /bulletin\.config\.yaml:3: out must be a non-empty string/],
    ['an unknown format', 'format: [json, pdf]\n', /bulletin\.config\.yaml:1: unknown format "pdf"/],
    ['an unknown pass', 'inputs: [pages]\npasses:\n  - strip-glyphs\n  - rejoin-line\n', /bulletin\.config\.yaml:4: unknown pass "rejoin-line"/],
    ['a bad option type', 'inputs: [pages]\noptions:\n  rejoin-lines:\n    columnWindow: wide\n', /bulletin\.config\.yaml:4: option rejoin-lines\.columnWindow must be a number/],
    ['an unknown option', 'inputs: [pages]\noptions:\n  letter-spacing:\n\n    minRun: 2\n    maxRun: 9\n', /bulletin\.config\.yaml:6: pass letter-spacing has no option "maxRun"/],
    ['an option below its range', 'inputs: [pages]\noptions:\n  letter-spacing:\n    minRun: 1\n', /bulletin\.config\.yaml:4: option letter-spacing\.minRun must be at least 2, not 1/],
    ['an option above its range', 'inputs: [pages]\npasses:\n  - rejoin-lines: { columnQuantile: 1.5 }\n', /bulletin\.config\.yaml:3: option rejoin-lines\.columnQuantile must be at most 1, not 1\.5/],
    ['a fraction where a whole number is due', 'inputs: [pages]\noptions:\n  rejoin-lines: { columnWindow: 2.5 }\n', /bulletin\.config\.yaml:3: option rejoin-lines\.columnWindow must be a whole number, not 2\.5/],
    ['broken YAML', 'inputs: [pages\nout: x\n', /bulletin\.config\.yaml:\d+: /],
  ];
  test.each(invalid)('%s is a usage error naming the line', (_, config, message) => {
    const dir = project(config);
    const r = cli(['parse', '-q'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'corpus'))).toBe(false);
  });

  test('a missing --config file is a usage error', () => {
    const r = cli(['parse', '--config', 'no-such.yaml'], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such\.yaml: no such config file/);
  });
});
