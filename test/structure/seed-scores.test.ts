import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

// The structure-recognition bar on the seed pages, measured by the reference scorer that
// sits beside the project (as in CI). Falling below any of these fails the suite.
const SHARED = path.resolve(ROOT, '..', 'shared');
const BAR = { articleF1: 0.95, headline: 0.9, paraF1: 0.9, exact: 0.85, fields: 0.9 };

test('seed pages score above the bar with the reference scorer', () => {
  const out = path.join(tempDir(), 'seeds.jsonl');
  const run = cli(['parse', 'seeds', '--format', 'jsonl', '--quiet']);
  expect(run.status).toBe(0);
  fs.writeFileSync(out, run.stdout);
  const scored = spawnSync(process.execPath, [
    path.join(SHARED, 'tools', 'score.mjs'), '--gold', path.join(SHARED, 'gold'), '--pred', out, '--inputs', path.join(ROOT, 'seeds'), '--json',
  ]);
  expect(scored.status).toBe(0);
  const { summary } = JSON.parse(scored.stdout.toString('utf8'));
  for (const [metric, min] of Object.entries(BAR)) expect({ metric, value: summary[metric] >= min ? 'ok' : summary[metric] }).toEqual({ metric, value: 'ok' });
  expect(summary.bodyCER).toBeLessThanOrEqual(0.005);
  expect(summary.lost).toBe(0);
  expect(summary.extra).toBe(0);
});
