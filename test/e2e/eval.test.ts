import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

/** A verbatim copy of ../shared/tools/score.mjs, the reference `bulletin eval` must agree with. */
const SCORE = path.join(ROOT, 'test', 'reference', 'score.mjs');
const SEED_GOLD = path.join(ROOT, 'fixtures', 'seed-gold');
const METRICS = ['articleP', 'articleR', 'articleF1', 'headline', 'bodyCER', 'paraF1', 'exact', 'fields', 'lost', 'extra'];

function reference(gold: string, pred: string, inputs: string) {
  const r = spawnSync(process.execPath, [SCORE, '--gold', gold, '--pred', pred, '--inputs', inputs, '--json'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

/** The reference itself, beside this checkout; the package must work without it, so the copy is kept. */
const SHARED_SCORE = path.join(ROOT, '..', 'shared', 'tools', 'score.mjs');

/** The reference's SHA-256 when the copy was taken: a clone outside this workspace checks the copy against it. */
const REFERENCE_SHA256 = 'e98a30cc23bc248c71b8c0fd99688d433fd84d49f0f6ab0329890931d9c8ff49';

test('test/reference/score.mjs is the reference scorer, byte for byte', () => {
  const copy = fs.readFileSync(SCORE);
  expect(createHash('sha256').update(copy).digest('hex')).toBe(REFERENCE_SHA256);
  // where the reference itself is at hand, the copy is compared with it too (a newer reference
  // fails here: take the copy and its hash again)
  if (fs.existsSync(SHARED_SCORE)) expect(copy.equals(fs.readFileSync(SHARED_SCORE))).toBe(true);
});

describe('bulletin eval agrees with the reference scorer', () => {
  // the default passes score nearly perfectly on the seeds; the short lists give the metrics
  // something to disagree about
  const cases: [string, string, string, string[]][] = [
    ['seeds, default passes', SEED_GOLD, 'seeds', []],
    ['seeds, no article splitting', SEED_GOLD, 'seeds', ['--passes', 'strip-glyphs,canonical-text']],
    ['seeds, no headline matching', SEED_GOLD, 'seeds', ['--passes', 'detect-dialect,strip-glyphs,rejoin-lines,split-articles']],
    ['hand-made fixtures', path.join(ROOT, 'fixtures', 'gold'), 'fixtures/pages', []],
  ];
  test.each(cases)('%s', (_, gold, inputs, passes) => {
    const dir = tempDir();
    const pred = path.join(dir, 'pred.jsonl');
    const parsed = cli(['parse', inputs, '--format', 'jsonl', '-q', ...passes]);
    expect(parsed.status).toBe(0);
    fs.writeFileSync(pred, parsed.stdout);
    const want = reference(gold, pred, path.join(ROOT, inputs));

    for (const got of [cli(['eval', '--gold', gold, inputs, '--json', ...passes]), cli(['eval', '--gold', gold, '--pred', pred, inputs, '--json'])]) {
      expect(got.status).toBe(0);
      const mine = JSON.parse(got.stdout);
      expect(mine.summary.pages).toBe(want.summary.pages);
      for (const k of METRICS) {
        expect(typeof mine.summary[k]).toBe('number');
        expect(Math.abs(mine.summary[k] - want.summary[k])).toBeLessThan(0.0005);
      }
      expect(mine.pages.map((p: any) => [p.page, p.gold, p.pred, p.good])).toEqual(want.pages.map((p: any) => [p.page, p.gold, p.pred, p.good]));
      mine.pages.forEach((p: any, i: number) => expect(Math.abs(p.bodyCER - want.pages[i].cer)).toBeLessThan(0.0005));
    }
  });
});

describe('bulletin eval on a page scored by hand', () => {
  // Gold: A 标题一 [甲乙丙丁戊己 | 庚辛壬癸]; B 标题二, byline 张三, [子丑寅卯辰巳午未].
  // Prediction: A right but with a byline 李四; B missing; an extra article [完全不同的 | 内容文字].
  const dir = tempDir();
  const gold = path.join(dir, 'gold');
  fs.mkdirSync(gold);
  fs.mkdirSync(path.join(dir, 'pages'));
  const art = (headline: string | null, body: string[], extra: object = {}) => ({
    headline, subheadlines: [], byline: null, section: null, body: body.map((text) => ({ kind: 'paragraph', text })), captions: [], attribution: null, ...extra,
  });
  fs.writeFileSync(path.join(gold, 'hand.json'), JSON.stringify({
    source: 'hand.txt',
    articles: [art('标题一', ['甲乙丙丁戊己', '庚辛壬癸']), art('标题二', ['子丑寅卯辰巳午未'], { byline: '张三' })],
    furniture: [],
  }));
  fs.writeFileSync(path.join(dir, 'pages', 'hand.txt'), '标题一\n甲乙丙丁戊己\n庚辛壬癸\n标题二\n张三\n子丑寅卯辰巳午未\n');
  const pred = path.join(dir, 'pred.jsonl');
  fs.writeFileSync(pred, [
    { type: 'article', id: 'hand/01', source: 'pages/hand.txt', ...art('标题一', ['甲乙丙丁戊己', '庚辛壬癸'], { byline: '李四' }) },
    { type: 'article', id: 'hand/02', source: 'pages/hand.txt', ...art(null, ['完全不同的', '内容文字']) },
    { type: 'page', source: 'pages/hand.txt', articles: 2, furniture: [], warnings: [] },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const run = (...extra: string[]) => cli(['eval', '--gold', gold, '--pred', pred, 'pages', ...extra], { cwd: dir });

  test('each metric is what its definition gives', () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({
      pages: 1,
      articleP: 0.5, // 1 good of 2 predicted
      articleR: 0.5, // 1 good of 2 gold
      articleF1: 0.5,
      headline: 0.5, // 标题一 right, 标题二 missing
      bodyCER: 0.4444, // B's 8 characters missing, of 10 + 8
      paraF1: 0.667, // boundaries: gold 1 (before 庚), predicted 2 (庚, 内), 1 shared: P 1/2, R 1/1
      exact: 0.667, // 2 of 3 gold paragraphs exactly right
      fields: 0.8, // of A's 5 fields, the byline is wrong
      lost: 13, // 标 题 二 (one of each pair still printed in 标题一), 张三, 子…未
      extra: 11, // 李四, 完全不同的内容文字
    });
    const want = reference(gold, pred, path.join(dir, 'pages')).summary;
    for (const k of METRICS) expect(JSON.parse(r.stdout).summary[k]).toBeCloseTo(want[k], 3);
  });

  test('prints a table per page with a summary row', () => {
    const r = run();
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^page\s+gold\s+pred\s+good\s+P\s+R\s+F1\s+headline\s+CER\s+paraF1\s+exact\s+fields\s+lost\s+added$/);
    expect(lines.find((l) => l.startsWith('hand '))?.split(/\s+/)).toEqual(['hand', '2', '2', '1', '0.500', '0.500', '0.500', '0.500', '0.4444', '0.667', '0.667', '0.800', '13', '11']);
    expect(lines[lines.length - 1]).toMatch(/^all 1 pages\s+2\s+2\s+1\s/);
  });

  test('thresholds exit 1 below the bar and 0 at it', () => {
    expect(run('--min-f1', '0.5', '--max-cer', '0.5', '--min-fields', '0.8', '--max-lost', '13').status).toBe(0);
    const low = run('--min-f1', '0.6', '--max-cer', '0.4', '--min-headline', '0.4');
    expect(low.status).toBe(1);
    expect(low.stderr).toMatch(/articleF1 0\.5 is below --min-f1 0\.6/);
    expect(low.stderr).toMatch(/bodyCER 0\.4444 is above --max-cer 0\.4/);
    expect(low.stderr).not.toMatch(/headline/);
    for (const [flag, value] of [['--min-para-f1', '0.7'], ['--min-exact', '0.7'], ['--max-added', '10']]) {
      expect(run(flag!, value!).status).toBe(1);
    }
  });

  test('a threshold that is not a number, or a missing gold directory, is a usage error', () => {
    expect(run('--min-f1', 'high').status).toBe(2);
    expect(cli(['eval', '--gold', path.join(dir, 'nope'), '--pred', pred], { cwd: dir }).status).toBe(2);
  });
});

test('the seeds meet the quality bar that CI holds them to', () => {
  const r = cli(['eval', '--gold', SEED_GOLD, 'seeds', '--min-f1', '1', '--min-headline', '1', '--max-cer', '0.005',
    '--min-para-f1', '0.95', '--min-exact', '0.9', '--min-fields', '0.95', '--max-lost', '0', '--max-added', '0']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
