import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, cliEnv, jsonl, ROOT, RUN_DIR, tempDir } from '../helpers.js';
import { pageFiles, prepareWriters, writePageFiles } from '../../src/writers/files.js';
import { parseText } from '../helpers.js';
import { expandInputs } from '../../src/read/inputs.js';

/** The page directories bulletin wrote, without its manifest of what it wrote. */
// the page directories: not the manifest, nor the warnings report beside them
const pageDirs = (out: string) => fs.readdirSync(out).filter((d) => d !== '.bulletin-manifest.json' && d !== 'warnings.jsonl').sort();

const SEED = fs.readFileSync(path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0]!), 'utf8');

/** Every file below dir, relative, sorted, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const p = path.join(dir, rel);
    if (fs.statSync(p).isFile()) out.set(rel, fs.readFileSync(p));
  }
  return out;
}

describe('bad input files', () => {
  test('an empty file (or one of only blank lines) gives a page record with no articles and a warning', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'blank.txt'), '\r\n  \n\u3000\n');
    const r = cli(['parse', dir, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    const recs = jsonl(r.stdout);
    expect(recs.map((x) => x.type)).toEqual(['page', 'page']);
    for (const p of recs) {
      expect(p.articles).toBe(0);
      expect(p.warnings).toEqual([{ line: null, origin: 'pipeline', kind: 'empty-page', severity: 'warning', message: 'the page has no text' }]);
    }
    expect(r.stderr).toContain(`${path.join(dir, 'empty.txt')}: warning: the page has no text`);
  });

  test('a binary file is skipped with an error naming it; the other pages are written; exit 1', () => {
    const dir = tempDir();
    const out = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), SEED);
    fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    fs.writeFileSync(path.join(dir, 'c.txt'), SEED);
    const r = cli(['parse', dir, '-o', out, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path.join(dir, 'b.txt')}: error: binary file (contains NUL bytes), skipped\n`);
    expect(pageDirs(out)).toEqual(['a', 'c']);
    expect(fs.existsSync(path.join(out, 'c', '01.json'))).toBe(true);
  });

  test('a missing path is a usage error naming it: exit 2, and nothing is written', () => {
    const dir = tempDir();
    const out = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), SEED);
    const missing = path.join(dir, 'no such.txt');
    const r = cli(['parse', missing, path.join(dir, 'a.txt'), '-o', out, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${missing}: error: no such file or directory`);
    expect(pageDirs(out)).toEqual([]);
  });

  test('an unreadable file is an error naming it; the others are written; exit 1', () => {
    const dir = tempDir();
    const out = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), SEED);
    fs.writeFileSync(path.join(dir, 'locked.txt'), SEED);
    fs.chmodSync(path.join(dir, 'locked.txt'), 0o000);
    // Root reads a chmod 000 file anyway (CAP_DAC_OVERRIDE), so as root the run drops to the
    // unprivileged uid 65534 (nobody), for whom the mode bits hold.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [dir, out]) fs.chmodSync(d, 0o777);
    const r = spawnSync(process.execPath, [BIN, 'parse', dir, '-o', out, '-q'], {
      cwd: RUN_DIR,
      env: cliEnv(),
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.stderr.toString()).toBe(`${path.join(dir, 'locked.txt')}: error: cannot read: permission denied\n`);
    expect(r.status).toBe(1);
    expect(pageDirs(out)).toEqual(['a']);
    expect(fs.existsSync(path.join(out, 'a', 'page.json'))).toBe(true);
  });

  test('names with spaces and CJK characters work as inputs, output directories and ids', () => {
    const dir = tempDir();
    const out = path.join(tempDir(), 'out put 输出');
    fs.mkdirSync(path.join(dir, '第 12 期'));
    const file = path.join(dir, '第 12 期', '新闻 稿 01.txt');
    fs.writeFileSync(file, SEED);
    const r = cli(['parse', file, '-o', out, '--format', 'all', '-q']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const first = JSON.parse(fs.readFileSync(path.join(out, '新闻 稿 01', '01.json'), 'utf8'));
    expect(first.id).toBe('新闻 稿 01/01');
    expect(first.source).toBe(file);
    expect(jsonl(fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8'))[0].id).toBe('新闻 稿 01/01');
    // the same file reached through a directory with a space and a glob
    const viaGlob = cli(['parse', path.join(dir, '第 12 期', '*.txt'), '--format', 'jsonl', '-q']);
    expect(viaGlob.status).toBe(0);
    expect(jsonl(viaGlob.stdout).at(-1).source).toBe(file);
  });

  test('two inputs with the same stem do not overwrite each other', () => {
    const dir = tempDir();
    const out = tempDir();
    for (const sub of ['a', 'b']) fs.mkdirSync(path.join(dir, sub));
    fs.writeFileSync(path.join(dir, 'a', 'x.txt'), '甲文章。\n');
    fs.writeFileSync(path.join(dir, 'b', 'x.txt'), '乙文章。\n');
    fs.writeFileSync(path.join(dir, 'a', '.x.txt'), '丙文章。\n');
    fs.writeFileSync(path.join(dir, 'a', '_x.txt'), '丁文章。\n');
    const r = cli(['parse', dir, path.join(dir, 'a', '.x.txt'), '-o', out, '-q', '--format', 'json']);
    expect(r.status).toBe(0);
    const bodies = pageDirs(out).map((d) => JSON.parse(fs.readFileSync(path.join(out, d, '01.json'), 'utf8')).body[0].text);
    expect(bodies.sort()).toEqual(['丁文章。', '丙文章。', '乙文章。', '甲文章。']);
  });

  test('a single 20 MB line is parsed in seconds, and nothing is lost', () => {
    const dir = tempDir();
    const unit = '民政部发布通知，要求各地做好 3 月 23 日 A20 全球关爱儿童 活动, 社 会 工 作 者 (据民政部网站) \uFFFD\uFFFD■';
    const line = unit.repeat(Math.ceil((20 << 20) / Buffer.byteLength(unit)));
    fs.writeFileSync(path.join(dir, 'long.txt'), line);
    expect(fs.statSync(path.join(dir, 'long.txt')).size).toBeGreaterThanOrEqual(20 << 20);
    const started = Date.now();
    const r = cli(['parse', path.join(dir, 'long.txt'), '--format', 'jsonl', '-q']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.status).toBe(0);
    expect(seconds).toBeLessThan(20);
    const text = jsonl(r.stdout).filter((x) => x.type === 'article').flatMap((a) => a.body.map((b: any) => b.text)).join('');
    const han = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;
    expect(han(text)).toBe(han(line));
  });

  test('200,000 headline-shaped lines in one run do not overflow the call stack of any pass', () => {
    const lines = ['第一段写完了。', ''];
    for (let i = 0; i < 200_000; i++) lines.push(i % 2 ? '县里开了个会' : '村里修了条路');
    const p = parseText(lines.join('\n'));
    expect(p.messages.filter((m) => /failed/.test(m.message))).toEqual([]);
    // the run is one headline-shaped block: kept, whole, as furniture
    expect(p.furniture.map((f) => f.lines)).toEqual([[3, 200_002]]);
  });

  test('a directory of 10,000 files is parsed, one page record each', () => {
    const dir = tempDir();
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(dir, `p${String(i).padStart(5, '0')}.txt`), `第${i}篇文章，要求各地做好工作。\n`);
    const started = Date.now();
    const r = cli(['parse', dir, '--format', 'jsonl', '-q']);
    const seconds = (Date.now() - started) / 1000;
    expect(r.status).toBe(0);
    const pages = jsonl(r.stdout).filter((x) => x.type === 'page');
    expect(pages.length).toBe(10_000);
    expect(pages[9999].source).toBe(path.join(dir, 'p09999.txt'));
    expect(seconds).toBeLessThan(60);
  });
});

describe('inputs', () => {
  test('a directory however spelled gives the paths path.join would, each file once', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    for (const f of ['b.txt', 'a.txt', 'sub/c.txt', 'sub/deeper/d.txt', 'skip.md']) fs.writeFileSync(path.join(dir, f), 'x\n');
    const own = ['a.txt', 'b.txt', 'sub/c.txt', 'sub/deeper/d.txt'];
    const relative = path.relative(process.cwd(), dir);
    for (const spelling of [dir, `${dir}/`, `${dir}/./`, `${dir}//`, relative, `./${relative}/`, `${dir}/sub/..`]) {
      const { files } = await expandInputs([spelling]);
      expect(files.map((f) => f.path)).toEqual(own.map((f) => path.join(spelling, f)));
    }
    const twice = await expandInputs([dir, `${relative}/`, path.join(dir, 'a.txt')]);
    expect(twice.files.map((f) => f.path)).toEqual(own.map((f) => path.join(dir, f)));
  });
});

describe('usage errors exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown format', ['parse', 'seeds', '--format', 'xml'], /unknown format "xml"/],
    ['unknown format in a list', ['parse', 'seeds', '--format', 'json,xml'], /unknown format "xml"/],
    ['unknown pass', ['parse', 'seeds', '--passes', 'strip-glyphs,nope', '--format', 'jsonl'], /unknown pass "nope"/],
    ['files to stdout', ['parse', 'seeds', '--format', 'json', '-o', '-'], /give a directory with --out/],
    ['bad --jobs', ['parse', 'seeds', '--jobs', '0'], /--jobs/],
    ['unknown option', ['parse', 'seeds', '--frobnicate'], /unknown option/],
    ['unknown command', ['frobnicate'], /unknown command/],
    ['missing plugin file', ['parse', 'seeds', '--plugin', '/nonexistent/plugin.mjs'], /cannot load plugin \/nonexistent\/plugin\.mjs/],
  ];
  test.each(cases)('%s', (_name, args, pattern) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
  });
});

describe('writes stay inside --out', () => {
  test('input names that look like paths (.., ../x, /abs, hidden, backslashes) land inside --out', () => {
    const root = tempDir();
    const inDir = path.join(root, 'in');
    const out = path.join(root, 'out');
    fs.mkdirSync(inDir);
    const names = ['..txt', '...txt', '.hidden.txt', '..\\..\\x.txt', '-rf.txt', 'a b.txt'];
    for (const n of names) fs.writeFileSync(path.join(inDir, n), '民政部发布通知。\n');
    const r = cli(['parse', ...names.map((n) => path.join(inDir, n)), '-o', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(['in', 'out']);
    expect(fs.readdirSync(inDir).sort()).toEqual([...names].sort());
    const dirs = pageDirs(out);
    expect(dirs.length).toBe(names.length);
    for (const d of dirs) {
      expect(d.startsWith('.')).toBe(false);
      expect(fs.readdirSync(path.join(out, d)).sort()).toEqual(['01.json', '01.md', 'page.json']);
    }
  });

  test('stems from anywhere (standard input, a plugin, a future reader) cannot climb out', async () => {
    await prepareWriters(['json', 'md']);
    const root = tempDir();
    const out = path.join(root, 'out');
    for (const stem of ['..', '../x', '../../etc/passwd', '/etc/passwd', 'a/../../b', '.', '', '\\..\\..\\y', 'ok\0x']) {
      const page = { ...parseText('民政部发布通知。\n', 'p'), stem };
      writePageFiles(out, pageFiles(page, ['json', 'md']));
    }
    expect(fs.readdirSync(root)).toEqual(['out']);
    for (const d of pageDirs(out)) expect(d).not.toMatch(/^\.|[/\\\0]/);
    expect(() => writePageFiles(out, new Map([['../escape.json', '{}']]))).toThrow(/refusing to write outside/);
    expect(() => writePageFiles(out, new Map([[path.join(root, 'abs.json'), '{}']]))).toThrow(/refusing to write outside/);
    expect(fs.readdirSync(root)).toEqual(['out']);
  });
});

describe('reproducible output', () => {
  test('a second run over the same input gives byte-identical files, in a new or the same directory', () => {
    const a = tempDir();
    const b = tempDir();
    expect(cli(['parse', 'seeds', '-o', a, '--format', 'all', '-q']).status).toBe(0);
    const first = tree(a);
    expect(first.size).toBeGreaterThan(10);
    expect(cli(['parse', 'seeds', '-o', b, '--format', 'all', '-q']).status).toBe(0);
    expect(tree(b)).toEqual(first);
    expect(cli(['parse', 'seeds', '-o', a, '--format', 'all', '-q']).status).toBe(0);
    expect(tree(a)).toEqual(first);
  });
});
