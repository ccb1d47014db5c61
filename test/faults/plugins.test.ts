import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';
import { defaultPassNames } from '../../src/passes/registry.js';
import { processFile } from '../../src/run/process.js';

const SEEDS = path.join(ROOT, 'seeds');
const seedFile = path.join(SEEDS, fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()[0]!);

const plugin = (name: string, run: string) =>
  `export default { name: ${JSON.stringify(name)}, description: 'test plugin', defaults: {}, run(page, options) { ${run} } };\n`;

/** Plugins that go wrong in the ways a user's code does. */
const BAD: Record<string, [string, RegExp]> = {
  'throws.mjs': [plugin('boom', "page.lines.length = 0; page.articles.push('junk'); throw new Error('kaput');"), /pass boom \(.*throws\.mjs\) failed and was skipped: kaput/],
  'throws-string.mjs': [plugin('boom2', "throw 'just a string';"), /pass boom2 \(.*throws-string\.mjs\) failed and was skipped: just a string/],
  'null.mjs': [plugin('nothing', 'return null;'), /pass nothing \(.*null\.mjs\) returned a malformed page \(not an object\) and was skipped/],
  'async.mjs': [plugin('later', 'return Promise.resolve(page);'), /pass later \(.*async\.mjs\) returned a malformed page \(a Promise: run must be synchronous\)/],
  'bad-article.mjs': [plugin('badart', "return { ...page, articles: [...page.articles, { headline: 3, body: [{ kind: 'paragraph', text: 'x', lines: [1, 1] }] }] };"), /pass badart \(.*bad-article\.mjs\) returned a malformed page \(an article field is neither text nor null\)/],
  'bad-block.mjs': [plugin('badblock', "return { ...page, blocks: [{ kind: 'paragraph', text: null }], articles: page.articles.map((a) => ({ ...a, body: [{ kind: 'paragraph', text: null }] })) };"), /pass badblock \(.*bad-block\.mjs\) returned a malformed page \(a block has no kind, text or lines\)/],
  'proxy.mjs': [plugin('trap', "return new Proxy(page, { get(t, k) { if (k === 'articles') throw new Error('trapped'); return t[k]; } });"), /pass trap \(.*proxy\.mjs\) returned a malformed page \(reading it threw: trapped\)/],
  'bad-lines.mjs': [plugin('badlines', 'return { ...page, lines: page.lines.map((l) => ({ ...l, text: undefined })) };'), /pass badlines \(.*bad-lines\.mjs\) returned a malformed page \(a line has no number or text\)/],
};

describe('a plugin that fails is reported by name and file, the page goes on without it, and the run fails', () => {
  const dir = tempDir();
  for (const [file, [src]] of Object.entries(BAD)) fs.writeFileSync(path.join(dir, file), src);
  const baseline = cli(['parse', seedFile, '--format', 'jsonl', '-q']);
  const records = jsonl(baseline.stdout);

  test.each(Object.keys(BAD))('%s', (file) => {
    const [, pattern] = BAD[file]!;
    // first, so that a malformed page would reach every built-in pass; then in the default place, last
    for (const first of [true, false]) {
      const name = /name: "([^"]+)"/.exec(BAD[file]![0])![1]!;
      const args = first ? ['--passes', [name, ...defaultPassNames()].join(',')] : [];
      const r = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', path.join(dir, file), ...args]);
      // CI must notice that a pass stopped working (issue 14, item 6)
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).toContain(`${seedFile}: error: pass ${name} (${path.join(dir, file)})`);
      const got = jsonl(r.stdout);
      expect(got.slice(0, -1)).toEqual(records.slice(0, -1));
      const page = got[got.length - 1];
      const { warnings, ...rest } = page;
      const { warnings: baseWarnings, ...baseRest } = records[records.length - 1];
      expect(rest).toEqual(baseRest);
      expect(warnings).toEqual([...baseWarnings, { line: null, origin: 'pipeline', kind: 'pass-failed', severity: 'error', message: expect.stringMatching(pattern) }]);
      if (first) continue;
      // --plugin-errors warn: the same page, and the run succeeds with a warning
      const warned = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', path.join(dir, file), '--plugin-errors', 'warn']);
      expect(warned.status).toBe(0);
      expect(warned.stdout).toBe(r.stdout);
      expect(warned.stderr).toContain(`${seedFile}: warning: pass ${name} (${path.join(dir, file)})`);
    }
  });

  test('a plugin that edits line text in place, keeping the rest of each line, has its lines read afresh', () => {
    // kinds (the summary of a line's characters) would say "nothing to strip" for the old text
    const dir = tempDir();
    const file = path.join(dir, 'bullets.mjs');
    fs.writeFileSync(file, plugin('zwsp', "return { ...page, lines: page.lines.map((l) => (l.text ? { ...l, text: l.text.slice(0, 1) + '\\u200b\\u00ad' + l.text.slice(1) } : l)) };"));
    const r = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', file, '--passes', 'zwsp,strip-glyphs,canonical-text,rejoin-lines,split-articles']);
    expect(r.status).toBe(0);
    const text = jsonl(r.stdout).filter((x) => x.type === 'article').flatMap((a) => a.body.map((b: { text: string }) => b.text)).join('');
    expect(text.length).toBeGreaterThan(100);
    expect(text).not.toMatch(/[\u200b\u00ad]/);
  });

  test('a plugin that fails on one page only: the other pages keep its work', () => {
    const file = path.join(dir, 'picky.mjs');
    fs.writeFileSync(file, plugin('picky', "if (page.stem === 'b') throw new Error('not this one'); return { ...page, furniture: [...page.furniture, { text: 'PICKY', lines: [1, 1] }] };"));
    const pages = tempDir();
    for (const s of ['a', 'b', 'c']) fs.copyFileSync(seedFile, path.join(pages, `${s}.txt`));
    const r = cli(['parse', pages, '--format', 'jsonl', '--plugin', file]);
    expect(r.status).toBe(1);
    const pageRecs = jsonl(r.stdout).filter((x) => x.type === 'page');
    expect(pageRecs.map((p) => p.furniture.includes('PICKY'))).toEqual([true, false, true]);
    expect(pageRecs[1].warnings.at(-1).message).toBe(`pass picky (${file}) failed and was skipped: not this one`);
    expect(r.stderr).toContain(`${path.join(pages, 'b.txt')}: error: pass picky (${file}) failed and was skipped: not this one`);
    expect(r.stderr).toMatch(/3 pages, .*, 1 failed in/);
  });

  test('a plugin file that cannot be loaded, or exports no pass, is a usage error (exit 2)', () => {
    const syntax = path.join(dir, 'syntax.mjs');
    fs.writeFileSync(syntax, 'export default {{;\n');
    const empty = path.join(dir, 'empty.mjs');
    fs.writeFileSync(empty, 'export const x = 1;\n');
    const missing = path.join(dir, 'missing.mjs');
    const a = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', syntax]);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(`bulletin: ${syntax}:1:17: plugin does not parse: SyntaxError: Unexpected token '{'\n`);
    expect(a.stdout).toBe('');
    const b = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', empty]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain(`plugin ${empty} exports no pass`);
    const c = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', missing]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain(`bulletin: cannot load plugin ${missing}: Error: Cannot find module`);
  });

  test('a syntax error is placed by file and line, deep in an ES module or in a CommonJS one', () => {
    const esm = path.join(dir, 'deep.mjs');
    fs.writeFileSync(esm, "export default {\n  name: 'deep',\n  run(page) { return page; },\n  oops: 1 +* 2,\n};\n");
    const cjs = path.join(dir, 'old.cjs');
    fs.writeFileSync(cjs, "module.exports = {\n  name: 'old',\n  run(page) { return page +* 1; },\n};\n");
    const a = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', esm]);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(`bulletin: ${esm}:4:12: plugin does not parse: SyntaxError: Unexpected token '*'\n`);
    const b = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', cjs]);
    expect(b.status).toBe(2);
    expect(b.stderr).toBe(`bulletin: ${cjs}:3: plugin does not parse: SyntaxError: Unexpected token '*'\n`);
  });

  test('a plugin pass named like a built-in one is a usage error naming both, not a second copy', () => {
    const file = path.join(dir, 'impostor.mjs');
    fs.writeFileSync(file, plugin('rejoin-lines', 'return page;'));
    for (const command of [['parse', seedFile, '--format', 'jsonl'], ['passes']]) {
      const r = cli([...command, '--plugin', file]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`bulletin: plugin ${file} exports a pass named "rejoin-lines", the name of the built-in pass rejoin-lines: a plugin adds passes and cannot replace one, so give it a name of its own\n`);
    }
  });

  test('two plugins with passes of one name are a usage error naming both files', () => {
    const one = path.join(dir, 'one.mjs');
    const two = path.join(dir, 'two.mjs');
    fs.writeFileSync(one, plugin('twin', 'return page;'));
    fs.writeFileSync(two, plugin('twin', 'return page;'));
    const r = cli(['parse', seedFile, '--format', 'jsonl', '--plugin', one, '--plugin', two]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`bulletin: plugin ${two} exports a pass named "twin", the name of a pass of plugin ${one}: give each a name of its own\n`);
    // the same file twice is one plugin
    expect(cli(['parse', seedFile, '--format', 'jsonl', '--plugin', one, '--plugin', one, '-q']).status).toBe(0);
  });
});

describe('options given to a plugin are checked like a built-in pass\'s', () => {
  const dir = tempDir();
  fs.copyFileSync(seedFile, path.join(dir, 'page.txt'));
  // no defaults and no option specs: valid, with no options
  fs.writeFileSync(path.join(dir, 'bare.mjs'), "export default { name: 'bare', description: 'no options', run: (page) => page };\n");
  // option specs without defaults, as a plugin written without definePass may give them
  fs.writeFileSync(path.join(dir, 'specs.mjs'), `export default { name: 'specs', description: 'one option',
    options: { share: { default: 0.5, description: 'a share', min: 0, max: 1 } },
    run: (page, options) => ({ ...page, furniture: [...page.furniture, { text: 'share=' + options.share, lines: [1, 1] }] }) };\n`);
  const run = (config: string) => {
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), config);
    return cli(['parse', 'page.txt', '--format', 'jsonl'], { cwd: dir });
  };

  test('a plugin without defaults runs, and has no options', () => {
    expect(run('plugins: [bare.mjs]\n').status).toBe(0);
    const r = run('plugins: [bare.mjs]\noptions:\n  bare:\n    level: 2\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('bulletin: bulletin.config.yaml:4: pass bare has no option "level" (its options: none)\n');
    expect(r.stdout).toBe('');
  });

  test('an option spec gives the default, its type and its range', () => {
    const page = (r: ReturnType<typeof run>) => jsonl(r.stdout).at(-1);
    expect(page(run('plugins: [specs.mjs]\n')).furniture).toContain('share=0.5');
    expect(page(run('plugins: [specs.mjs]\noptions:\n  specs: { share: 0.25 }\n')).furniture).toContain('share=0.25');
    const high = run('plugins: [specs.mjs]\noptions:\n  specs:\n    share: 2\n');
    expect(high.status).toBe(2);
    expect(high.stderr).toBe('bulletin: bulletin.config.yaml:4: option specs.share must be at most 1, not 2\n');
    const word = run('plugins: [specs.mjs]\noptions:\n  specs:\n    share: half\n');
    expect(word.status).toBe(2);
    expect(word.stderr).toBe('bulletin: bulletin.config.yaml:4: option specs.share must be a number, not string "half"\n');
  });
});

describe('one page that breaks the pipeline itself', () => {
  test('is an error naming the file; the run goes on', () => {
    const dir = tempDir();
    const file = path.join(dir, 'page.txt');
    fs.writeFileSync(file, '民政部发布通知。\n');
    // a step whose name cannot even be read: it fails outside the per-pass guard
    const broken = { pass: { get name(): string { throw new Error('no name'); }, description: '', defaults: {}, run: (p: any) => p }, options: {} };
    const r = processFile({ path: file, stem: 'page' }, [broken as any], { jsonl: true, files: [] });
    expect(r.error).toMatch(/^internal error: Error: no name/);
    expect(r.source).toBe(file);
    expect(processFile({ path: file, stem: 'page' }, [], { jsonl: true, files: [] }).error).toBeUndefined();
  });
});

describe('a worker that dies mid-run', () => {
  test('fails only the page it was parsing; the others are parsed, in order, and the run exits 1', () => {
    const dir = tempDir();
    const pages = path.join(dir, 'pages');
    fs.mkdirSync(pages);
    const text = fs.readFileSync(seedFile, 'utf8');
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(pages, `p${String(i).padStart(3, '0')}.txt`), i === 150 ? `STOP\n${text}` : text);
    // the plugin ends its worker thread on the marked page, past the guard on process.exit
    const file = path.join(dir, 'exit.mjs');
    fs.writeFileSync(file, "import { isMainThread } from 'node:worker_threads';\n" + plugin('stopper', "if (!isMainThread && page.lines.some((l) => l.text === 'STOP')) process.reallyExit(3); return page;"));
    const r = cli(['parse', pages, '--format', 'jsonl', '--jobs', '2', '--plugin', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`p150.txt: error: worker exited with code 3; it was in pass stopper (${file})`);
    const sources = jsonl(r.stdout).filter((x) => x.type === 'page').map((x) => path.basename(x.source as string));
    // the other pages the dead worker held were parsed again by a fresh one
    const all = Array.from({ length: 200 }, (_, i) => `p${String(i).padStart(3, '0')}.txt`);
    expect(sources).toEqual(all.filter((s) => s !== 'p150.txt'));
  });
});
