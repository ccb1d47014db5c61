import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

const SEEDS = path.join(ROOT, 'seeds');
const OLD = new Date('2001-01-01T00:00:00Z');

/** A working directory with a copy of the seed pages in pages/, parsed once into out/. */
function corpus() {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pages'));
  for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, 'pages', f));
  const first = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
  expect(first.status).toBe(0);
  return dir;
}

function outputs(dir: string): string[] {
  const root = path.join(dir, 'out');
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(root, f)).isFile() && !f.startsWith('.'))
    .sort();
}

/** Age every output file, so that a later write shows as a newer mtime. */
function age(dir: string): void {
  for (const f of outputs(dir)) fs.utimesSync(path.join(dir, 'out', f), OLD, OLD);
}

const rewritten = (dir: string) => outputs(dir).filter((f) => fs.statSync(path.join(dir, 'out', f)).mtimeMs > OLD.getTime());
const stems = fs.readdirSync(SEEDS).map((f) => f.replace(/\.txt$/, '')).sort();

describe('incremental runs', () => {
  test('a re-run with nothing changed writes nothing and says so', () => {
    const dir = corpus();
    age(dir);
    const manifest = fs.readFileSync(path.join(dir, 'out', '.bulletin-manifest.json'), 'utf8');
    const r = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/5 pages up to date/);
    expect(rewritten(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'out', '.bulletin-manifest.json'), 'utf8')).toBe(manifest);
  });

  test('changing one page rewrites only that page\'s files, with the change in them', () => {
    const dir = corpus();
    age(dir);
    const changed = stems[2]!;
    fs.appendFileSync(path.join(dir, 'pages', `${changed}.txt`), '\n增量测试补记一段。\n');
    const r = cli(['parse', 'pages', '-o', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/4 unchanged/);
    const fresh = rewritten(dir);
    expect(fresh.length).toBeGreaterThan(0);
    // the warnings report is written whole by every run that writes, as the manifest is
    expect(fresh).toContain('warnings.jsonl');
    expect(fresh.filter((f) => f !== 'warnings.jsonl').every((f) => f.startsWith(`${changed}/`))).toBe(true);
    expect(fresh).toContain(`${changed}/page.json`);
    const texts = outputs(dir).filter((f) => f.startsWith(`${changed}/`)).map((f) => fs.readFileSync(path.join(dir, 'out', f), 'utf8'));
    expect(texts.some((t) => t.includes('增量测试补记一段'))).toBe(true);
  });

  test('a page whose input is gone loses its outputs; the others stay', () => {
    const dir = corpus();
    const gone = stems[0]!;
    fs.rmSync(path.join(dir, 'pages', `${gone}.txt`));
    expect(cli(['parse', 'pages', '-o', 'out'], { cwd: dir }).status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', gone))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'out')).filter((f) => !f.startsWith('.')).sort()).toEqual([...stems.slice(1), 'warnings.jsonl'].sort());
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'out', '.bulletin-manifest.json'), 'utf8'));
    expect(Object.keys(m.pages).some((k) => k.includes(gone))).toBe(false);
  });

  test('a no-op run does not load the passes: a plugin\'s import side effect does not happen', () => {
    const dir = corpus();
    fs.writeFileSync(
      path.join(dir, 'loud.mjs'),
      `import fs from 'node:fs';\nfs.appendFileSync('loaded.log', 'x');\nexport default { name: 'loud', description: 'logs its import', defaults: {}, run: (p) => p };\n`,
    );
    // the full run loads the plugin once per thread that parses; the no-op runs never do
    expect(cli(['parse', 'pages', '-o', 'out', '--plugin', 'loud.mjs'], { cwd: dir }).status).toBe(0);
    const loads = fs.readFileSync(path.join(dir, 'loaded.log'), 'utf8');
    expect(loads).toMatch(/^x+$/);
    expect(cli(['parse', 'pages', '-o', 'out', '--plugin', 'loud.mjs'], { cwd: dir }).stderr).toMatch(/up to date/);
    expect(cli(['parse', 'pages', '-o', 'out', '--plugin', 'loud.mjs', '--check'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'loaded.log'), 'utf8')).toBe(loads);
  });

  test('--force rewrites every page', () => {
    const dir = corpus();
    age(dir);
    expect(cli(['parse', 'pages', '-o', 'out', '--force'], { cwd: dir }).status).toBe(0);
    expect(rewritten(dir)).toEqual(outputs(dir));
  });

  test('a change of passes, options or plugin file rebuilds every page', () => {
    const dir = corpus();
    const plugin = path.join(dir, 'mark.mjs');
    fs.writeFileSync(plugin, `export default { name: 'mark', description: 'does nothing', defaults: {}, run: (p) => p };\n`);
    expect(cli(['parse', 'pages', '-o', 'out', '--plugin', 'mark.mjs'], { cwd: dir }).status).toBe(0);
    age(dir);
    expect(cli(['parse', 'pages', '-o', 'out', '--plugin', 'mark.mjs'], { cwd: dir }).stderr).toMatch(/up to date/);
    expect(rewritten(dir)).toEqual([]);
    fs.appendFileSync(plugin, '// edited\n');
    // every page rebuilt: the summary counts no unchanged page
    expect(cli(['parse', 'pages', '-o', 'out', '--plugin', 'mark.mjs'], { cwd: dir }).stderr).not.toMatch(/unchanged|up to date/);
    expect(rewritten(dir)).toEqual(outputs(dir));

    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'plugins: [mark.mjs]\noptions:\n  rejoin-lines:\n    columnWindow: 7\n');
    age(dir);
    expect(cli(['parse', 'pages', '-o', 'out'], { cwd: dir }).stderr).not.toMatch(/unchanged|up to date/);
    expect(rewritten(dir)).toEqual(outputs(dir));
  });
});

describe('bulletin parse --check', () => {
  const check = (dir: string) => cli(['parse', 'pages', '-o', 'out', '--check'], { cwd: dir });

  test('exits 0 when the corpus is what a run would write', () => {
    const r = check(corpus());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  test('catches a hand-edited output file, and writes nothing', () => {
    const dir = corpus();
    const edited = path.join(dir, 'out', stems[1]!, '01.md');
    fs.appendFileSync(edited, 'hand edit\n');
    const before = fs.readFileSync(edited, 'utf8');
    const manifest = fs.readFileSync(path.join(dir, 'out', '.bulletin-manifest.json'), 'utf8');
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([`pages/${stems[1]}.txt: edited ${stems[1]}/01.md`]);
    expect(fs.readFileSync(edited, 'utf8')).toBe(before);
    expect(fs.readFileSync(path.join(dir, 'out', '.bulletin-manifest.json'), 'utf8')).toBe(manifest);
    // --force puts the generated file back
    expect(cli(['parse', 'pages', '-o', 'out', '--force'], { cwd: dir }).status).toBe(0);
    expect(check(dir).status).toBe(0);
  });

  test('catches a deleted output, a changed input, a new input and a removed input', () => {
    const dir = corpus();
    fs.rmSync(path.join(dir, 'out', stems[0]!, 'page.json'));
    fs.appendFileSync(path.join(dir, 'pages', `${stems[1]}.txt`), '\n补记。\n');
    fs.writeFileSync(path.join(dir, 'pages', 'zz_new.txt'), '新的一页。\n');
    fs.rmSync(path.join(dir, 'pages', `${stems[4]}.txt`));
    const r = check(dir);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').sort();
    expect(lines).toEqual([
      `pages/${stems[0]}.txt: missing ${stems[0]}/page.json`,
      `pages/${stems[1]}.txt: input changed`,
      `pages/${stems[4]}.txt: removed input`,
      'pages/zz_new.txt: new',
    ].sort());
    expect(fs.existsSync(path.join(dir, 'out', 'zz_new'))).toBe(false);
  });

  test('without a manifest, every page is stale', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pages'));
    fs.copyFileSync(path.join(SEEDS, `${stems[0]}.txt`), path.join(dir, 'pages', 'a.txt'));
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('pages/a.txt: new\n');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

test('a change to the code that makes the output makes every page stale, even at the same version', () => {
  // a private copy of the built program, so that its passes can be changed
  const copy = tempDir();
  for (const part of ['bin', 'dist', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  const bin = path.join(copy, 'bin', 'bulletin.js');
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pages'));
  fs.copyFileSync(path.join(SEEDS, `${stems[0]}.txt`), path.join(dir, 'pages', 'a.txt'));
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'parse', 'pages', '-o', 'out', ...args], { cwd: dir, encoding: 'utf8' });
  expect(run().status).toBe(0);
  expect(run('--check').status).toBe(0);
  fs.appendFileSync(path.join(copy, 'dist', 'passes', 'split-articles.js'), '\n// changed\n');
  const r = run('--check');
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('pages/a.txt: program changed\n');
  // code that only reports or scores is not part of it
  fs.appendFileSync(path.join(copy, 'dist', 'cli', 'report.js'), '\n// changed\n');
  expect(run().status).toBe(0);
  expect(run('--check').status).toBe(0);
});
