import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtinPasses } from '../../src/passes/registry.js';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';

/**
 * The plugin surface is the package's own export, the API the built-in passes are written
 * with; examples/no-ads.mjs is a complete plugin, run here as a user runs it.
 */
const EXAMPLE = path.join('examples', 'no-ads.mjs');
const PAGE = '## 社区服务中心启用\n\n5月1日，南城街道社区服务中心正式启用，为居民提供养老、托育、助餐等服务，首批进驻社会组织十二家。\n\n## 招聘广告\n\n招聘社工两名，待遇从优，电话12345。\n';

/** A user's project: bulletin installed as a dependency, a page, and a config file. */
function project(config = '') {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'bulletin'), 'dir');
  fs.writeFileSync(path.join(dir, 'page.txt'), PAGE);
  fs.copyFileSync(path.join(ROOT, EXAMPLE), path.join(dir, 'no-ads.mjs'));
  if (config) fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), config);
  return dir;
}

const node = (code: string, cwd: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });

describe("the package's exports", () => {
  test('give a plugin the functions the built-in passes are made with', () => {
    const dir = project();
    const r = node(
      "import * as api from 'bulletin';\n" +
        `const own = await import(${JSON.stringify(path.join(ROOT, 'dist', 'passes', 'pass.js'))});\n` +
        'console.log(JSON.stringify({ names: Object.keys(api).sort(), same: api.definePass === own.definePass && api.defineLinePass === own.defineLinePass }));',
      dir,
    );
    expect(r.stderr).toBe('');
    const { names, same } = JSON.parse(r.stdout);
    expect(same).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['definePass', 'defineLinePass', 'outOfRange', 'createPage', 'pageWith', 'lineWith', 'makeBlock', 'blockWith', 'articleWith', 'listFrom', 'message']));
    // nothing of the command line or the file system
    expect(names.filter((n: string) => /parse|write|pool|config/i.test(n))).toEqual([]);
  });

  test('come with type declarations a plugin is checked against', () => {
    const types = fs.readFileSync(path.join(ROOT, 'dist', 'index.d.ts'), 'utf8');
    expect(types).toMatch(/definePass/);
    expect(types).toMatch(/export type \{[^}]*\bPage\b[^}]*\} from '\.\/model\/types\.js'/);
    const dir = project();
    const bad = path.join(dir, 'bad.mjs');
    // a number option used as a string: the declarations must catch it
    fs.writeFileSync(bad, fs.readFileSync(path.join(dir, 'no-ads.mjs'), 'utf8').replace('text.length <= maxChars', 'text.length <= maxChars.length'));
    const tsc = (file: string) =>
      spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--allowJs', '--checkJs', '--strict', '--skipLibCheck',
        '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules', '@types'), file], { cwd: dir, encoding: 'utf8' });
    const good = tsc('no-ads.mjs');
    expect(good.stdout).toBe('');
    expect(good.status).toBe(0);
    const wrong = tsc('bad.mjs');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/Property 'length' does not exist on type 'number'/);
  }, 60000);
});

describe('examples/no-ads.mjs', () => {
  test('moves the advertisement to furniture, word for word, and says where', () => {
    const dir = project();
    const without = jsonl(cli(['parse', 'page.txt', '--format', 'jsonl'], { cwd: dir }).stdout);
    // the file in examples/ itself, which finds 'bulletin' as the package it is part of
    const r = cli(['parse', 'page.txt', '--format', 'jsonl', '--plugin', path.join(ROOT, EXAMPLE)], { cwd: dir });
    expect(r.status).toBe(0);
    const records = jsonl(r.stdout);
    expect(without.filter((x) => x.type === 'article').map((a) => a.headline)).toEqual(['社区服务中心启用', '招聘广告']);
    expect(records.filter((x) => x.type === 'article').map((a) => a.headline)).toEqual(['社区服务中心启用']);
    const page = records.at(-1);
    expect(page.furniture).toEqual(['招聘广告', '招聘社工两名，待遇从优，电话12345。']);
    expect(page.warnings).toEqual([{ line: 5, origin: 'no-ads', kind: 'ad-moved', severity: 'warning', message: 'moved an advertisement of 24 characters to furniture' }]);
    expect(r.stderr).toContain('page.txt:5: warning: moved an advertisement of 24 characters to furniture [no-ads]');
  });

  test('runs after the built-in passes, and takes its options from the config file', () => {
    const dir = project('plugins: [no-ads.mjs]\noptions:\n  no-ads: { maxChars: 10 }\n');
    const listed = JSON.parse(cli(['passes', '--json'], { cwd: dir }).stdout);
    expect(listed.at(-1)).toMatchObject({ name: 'no-ads', position: builtinPasses.length + 1, plugin: 'no-ads.mjs', options: { maxChars: { value: 10, default: 120, unit: 'characters', min: 1, integer: true } } });
    // 24 characters is more than 10: not an advertisement by this measure
    const records = jsonl(cli(['parse', 'page.txt', '--format', 'jsonl', '-q'], { cwd: dir }).stdout);
    expect(records.filter((x) => x.type === 'article')).toHaveLength(2);
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'plugins: [no-ads.mjs]\noptions:\n  no-ads: { maxChars: 0 }\n');
    const r = cli(['parse', 'page.txt', '--format', 'jsonl'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('bulletin: bulletin.config.yaml:3: option no-ads.maxChars must be at least 1, not 0\n');
  });
});

test('a line pass made with defineLinePass from the package runs in its place', () => {
  const dir = project();
  fs.writeFileSync(path.join(dir, 'shout.mjs'), `import { defineLinePass, lineWith } from 'bulletin';
export default defineLinePass({
  name: 'shout',
  description: 'upper-case ASCII letters',
  line: (line) => (/[a-z]/.test(line.text) ? lineWith(line, { text: line.text.toUpperCase() }) : line),
});
`);
  fs.writeFileSync(path.join(dir, 'page.txt'), '民政部发布通知\n\nabc社区服务中心正式启用。\n');
  const r = cli(['parse', 'page.txt', '--format', 'jsonl', '--plugin', 'shout.mjs', '--passes', 'shout,detect-dialect,strip-glyphs,canonical-text,rejoin-lines,split-articles', '-q'], { cwd: dir });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('ABC社区服务中心正式启用。');
});
