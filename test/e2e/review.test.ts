import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, RUN_DIR, tempDir } from '../helpers.js';

const stems = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();

describe('bulletin review seeds -o DIR', () => {
  const out = path.join(tempDir(), 'review');
  const run = cli(['review', 'seeds', '-o', out]);
  const records = jsonl(cli(['parse', 'seeds', '--format', 'jsonl', '-q']).stdout);
  const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');

  test('exits 0 with a one-line summary on stderr, nothing on stdout', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^bulletin: ${stems.length} pages reviewed, \\d+ articles, \\d+ warnings, 0 close calls in [\\d.]+ s -> .*index\\.html\\n$`));
  });

  test('writes the index and one view per input page, and nothing else', () => {
    expect(fs.readdirSync(out).sort()).toEqual(['index.html', 'pages']);
    expect(fs.readdirSync(path.join(out, 'pages')).sort()).toEqual(stems.map((s) => `${s}.html`));
  });

  test("the index's counts are the JSON Lines output's, page by page", () => {
    const index = read('index.html');
    for (const p of records.filter((r) => r.type === 'page')) {
      const row = new RegExp(`<a href="pages/${path.basename(p.source, '.txt')}\\.html">${p.source}</a></td><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>`).exec(index);
      expect(row).not.toBeNull();
      const closeCalls = p.warnings.filter((w: any) => w.origin === 'match-headlines' && w.message.startsWith('close call')).length;
      expect(row!.slice(1).map(Number)).toEqual([p.articles, p.warnings.length, closeCalls, p.overrides ?? 0]);
    }
  });

  test('each view shows the articles of the JSON Lines output, with their lines, and each body block with its lines', () => {
    for (const stem of stems) {
      const html = read(`pages/${stem}.html`);
      const articles = records.filter((r) => r.type === 'article' && r.source === `seeds/${stem}.txt`);
      const shown = [...html.matchAll(/<article class="art" id="a\d+" data-lines="(\d+)-(\d+)"><header class="art-head" tabindex="0"><span class="id">([^<]+)<\/span>/g)];
      expect(shown.map((m) => [m[3], Number(m[1]), Number(m[2])])).toEqual(articles.map((a) => [a.id, ...a.lines]));
      const blocks = [...html.matchAll(/data-kind="(paragraph|subhead)" data-lines="(\d+)-(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
      expect(blocks).toEqual(articles.flatMap((a) => a.body.map((b: any) => [b.kind, ...b.lines])));
    }
  });

  test('needs nothing from a network or another file: no external reference', () => {
    for (const rel of ['index.html', ...stems.map((s) => `pages/${s}.html`)]) {
      const html = read(rel);
      expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/<link\b/);
      expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
      expect(html).not.toMatch(/@import|url\(/);
    }
  });

  test('is the same on every run', () => {
    const again = path.join(tempDir(), 'review');
    expect(cli(['review', 'seeds', '-o', again, '-q', '--jobs', '2']).status).toBe(0);
    for (const rel of ['index.html', ...stems.map((s) => `pages/${s}.html`)]) expect(fs.readFileSync(path.join(again, rel), 'utf8')).toBe(read(rel));
  });
});

describe('bulletin review on a page that holds markup', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'x.txt'), ' <script>alert(1)</script>标题\n\n� � 正文 <img src=x onerror=alert(2)> 结束。\n');
  const out = path.join(dir, 'out');
  const run = cli(['review', path.join(dir, 'x.txt'), '-o', out, '-q']);

  test('shows it as text', () => {
    expect(run.status).toBe(0);
    const html = fs.readFileSync(path.join(out, 'pages', 'x.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
  });
});

describe('bulletin review: usage errors', () => {
  test('an input that does not exist is exit 2, naming it, with nothing written', () => {
    const out = path.join(tempDir(), 'review');
    const r = cli(['review', 'no-such-dir', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-dir: error: no such file or directory');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a site cannot go to standard output', () => {
    const r = cli(['review', 'seeds', '-o', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give a directory with --out');
  });

  test('an --out inside the inputs is refused, as parse refuses it', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(ROOT, 'seeds', `${stems[0]}.txt`), path.join(dir, 'a.txt'));
    const r = cli(['review', dir, '-o', path.join(dir, 'review')]);
    expect(r.status).toBe(2);
    expect(fs.existsSync(path.join(dir, 'review'))).toBe(false);
  });

  test('with no inputs, seeds/ goes to review/', () => {
    const cwd = tempDir();
    fs.symlinkSync(path.join(RUN_DIR, 'seeds'), path.join(cwd, 'seeds'));
    const r = cli(['review', '-q'], { cwd });
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'review', 'pages')).length).toBe(stems.length);
  });
});
