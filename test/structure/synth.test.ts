import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers.js';

// The layout synthesizer (bench/synth) is a measuring instrument: its self-test checks that
// every gold string sits on its page, that generation is deterministic, and that each
// headline form it models has the printed shape its tag claims (bench/synth/selftest.mjs).
test('bench/synth selftest: placement, determinism and the headline forms on 600 pages', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench/synth/selftest.mjs'), '--pages', '600', '--seed', '3'], { encoding: 'utf8' });
  expect(r.stdout).toMatch(/^ok: 600 pages$/m);
  expect(r.status).toBe(0);
  // every form occurs (the self-test fails otherwise); its counts line names them all
  for (const form of ['kicker:md-deeper', 'headline:md-split', 'headline:short', 'label:above-headline', 'group:comma', 'group:narrow']) {
    expect(r.stdout).toMatch(new RegExp(`${form} [1-9]`));
  }
});
