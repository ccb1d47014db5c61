import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

// Full pages mixing many artifacts, written by someone who had not read the code. Their
// scores are a floor: the rules may get better here, never worse.
const HOLDOUT = path.join(ROOT, 'fixtures', 'holdout');
const SCORER = path.resolve(ROOT, '..', 'shared', 'tools', 'score.mjs');

test('mixed full pages keep their articles, headlines and paragraphs', () => {
  const out = path.join(tempDir(), 'holdout.jsonl');
  const run = cli(['parse', path.join(HOLDOUT, 'pages'), '--format', 'jsonl', '--quiet']);
  expect(run.status).toBe(0);
  fs.writeFileSync(out, run.stdout);
  const scored = spawnSync(process.execPath, [SCORER, '--gold', path.join(HOLDOUT, 'gold'), '--pred', out, '--inputs', path.join(HOLDOUT, 'pages'), '--json']);
  const { summary } = JSON.parse(scored.stdout.toString('utf8'));
  expect(summary).toMatchObject({ lost: 0, extra: 0 });
  expect(summary.articleF1).toBeGreaterThanOrEqual(0.97);
  expect(summary.headline).toBeGreaterThanOrEqual(0.95);
  expect(summary.bodyCER).toBeLessThanOrEqual(0.005);
  expect(summary.paraF1).toBeGreaterThanOrEqual(0.95);
  expect(summary.fields).toBeGreaterThanOrEqual(0.95);
});
