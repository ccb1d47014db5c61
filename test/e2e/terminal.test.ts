import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cliEnv, RUN_DIR, tempDir } from '../helpers.js';

/** Run the CLI on a real pseudo-terminal (util-linux `script`), sized or not. */
function onTerminal(args: string, size: string) {
  const out = path.join(tempDir(), 'typescript');
  const r = spawnSync('script', ['-qec', `${size} node ${BIN} ${args}`, out], {
    cwd: RUN_DIR,
    input: '',
    timeout: 30_000,
    env: cliEnv({ CI: '' }),
  });
  return { status: r.status, signal: r.signal, screen: fs.readFileSync(out, 'utf8') };
}

describe('on a terminal', () => {
  test('a spinner counts pages on stderr, warnings print above it, the summary ends the run', () => {
    const r = onTerminal(`parse seeds -o ${tempDir()}`, 'stty cols 100 rows 30;');
    expect(r).toMatchObject({ status: 0, signal: null });
    expect(r.screen).toMatch(/\d+\/5 pages/);
    expect(r.screen).toMatch(/warning: /);
    expect(r.screen).toMatch(/bulletin: 5 pages, \d+ articles/);
  });

  test('a terminal that reports no width gets no spinner, and the run still ends', () => {
    const r = onTerminal(`parse seeds -o ${tempDir()}`, 'stty cols 0 rows 0;');
    expect(r).toMatchObject({ status: 0, signal: null });
    expect(r.screen).not.toMatch(/\/5 pages/);
    expect(r.screen).toMatch(/bulletin: 5 pages/);
  });
});
