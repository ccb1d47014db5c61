import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';

const SEEDS = path.join(ROOT, 'seeds');
const stems = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
const ARTICLE_KEYS = ['type', 'id', 'source', 'headline', 'subheadlines', 'byline', 'section', 'body', 'captions', 'attribution', 'lines'];

describe('bulletin parse seeds --format jsonl', () => {
  const run = cli(['parse', 'seeds', '--format', 'jsonl', '--quiet']);
  const records = jsonl(run.stdout);

  test('exits 0 and prints nothing on stderr when quiet', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('each page streams its articles, then its page record', () => {
    const sources = [...new Set(records.map((r) => r.source))];
    expect(sources).toEqual(stems.map((s) => `seeds/${s}.txt`));
    for (const source of sources) {
      const mine = records.filter((r) => r.source === source);
      expect(mine[mine.length - 1].type).toBe('page');
      expect(mine.slice(0, -1).every((r) => r.type === 'article')).toBe(true);
      expect(mine[mine.length - 1].articles).toBe(mine.length - 1);
    }
  });

  test('article records have exactly the contract fields, ids and line spans', () => {
    for (const r of records.filter((r) => r.type === 'article')) {
      expect(Object.keys(r)).toEqual(ARTICLE_KEYS);
      expect(r.id).toMatch(/^[^/]+\/\d{2}$/);
      expect(r.id.split('/')[0]).toBe(path.basename(r.source, '.txt'));
      expect(r.lines[0]).toBeLessThanOrEqual(r.lines[1]);
      for (const b of r.body) {
        expect(['paragraph', 'subhead']).toContain(b.kind);
        expect(b.lines[0]).toBeGreaterThanOrEqual(r.lines[0]);
        expect(b.lines[1]).toBeLessThanOrEqual(r.lines[1]);
      }
    }
  });

  test('every string is one canonical line', () => {
    const strings = records.filter((r) => r.type === 'article').flatMap((r) =>
      [r.headline, r.byline, r.section, r.attribution, ...r.subheadlines, ...r.captions, ...r.body.map((b: any) => b.text)].filter(Boolean));
    for (const s of strings) {
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/[\n\r\t\uFFFD■]|\s{2}/);
      expect(s).not.toMatch(/[，。、；：？！“”‘’《》（）] | [，。、；：？！“”‘’《》（）]/);
      expect(s).not.toMatch(/\p{Script=Han} [A-Za-z0-9]|[A-Za-z0-9] \p{Script=Han}/u);
      expect(s).not.toMatch(/\p{Script=Han}[,;:()?!]|[,;:()?!]\p{Script=Han}/u);
    }
  });

  test('the same input gives byte-identical output', () => {
    expect(cli(['parse', 'seeds', '--format', 'jsonl', '--quiet']).stdout).toBe(run.stdout);
  });
});

describe('bulletin parse with files', () => {
  test('writes NN.json, NN.md and page.json per page under --out', () => {
    const out = tempDir();
    const r = cli(['parse', 'seeds', '-o', out, '--quiet']);
    expect(r.status).toBe(0);
    for (const stem of stems) {
      const files = fs.readdirSync(path.join(out, stem)).sort();
      expect(files).toContain('page.json');
      expect(files).toContain('01.json');
      expect(files).toContain('01.md');
      const md = fs.readFileSync(path.join(out, stem, '01.md'), 'utf8');
      expect(md.startsWith('---\ntitle: ')).toBe(true);
      const json = JSON.parse(fs.readFileSync(path.join(out, stem, '01.json'), 'utf8'));
      expect(json.id).toBe(`${stem}/01`);
    }
  });
});
