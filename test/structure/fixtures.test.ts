import fs from 'node:fs';
import path from 'node:path';
import { parseText, ROOT } from '../helpers.js';

// Each fixture page shows one artifact in new text, with a hand-made gold answer: the tool
// must reproduce the gold exactly, field for field.
const dir = path.join(ROOT, 'fixtures');
const names = fs.readdirSync(path.join(dir, 'pages')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
const FIELDS = ['headline', 'subheadlines', 'byline', 'section', 'captions', 'attribution'] as const;

describe.each(names)('fixture %s', (name) => {
  const text = fs.readFileSync(path.join(dir, 'pages', `${name}.txt`), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', `${name}.json`), 'utf8'));
  const page = parseText(text, name);

  test('articles, fields and paragraphs match the gold', () => {
    expect(page.articles.map((a) => Object.fromEntries(FIELDS.map((f) => [f, a[f]])))).toEqual(
      gold.articles.map((a: any) => Object.fromEntries(FIELDS.map((f) => [f, a[f]]))),
    );
    expect(page.articles.map((a) => a.body.map((b) => ({ kind: b.kind, text: b.text })))).toEqual(gold.articles.map((a: any) => a.body));
  });

  test('furniture keeps every character of the gold furniture', () => {
    expect(page.furniture.map((f) => f.text).join('')).toBe(gold.furniture.join(''));
  });
});
