import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cli, cliEnv, hermeticCopyOf, ROOT, RUN_DIR, tempDir } from '../helpers.js';

/** The README's example config, as a developer might leave it in the repository root. */
const README_CONFIG = 'inputs: [pages/]\nout: corpus\nformat: [json, md]\nplugins: [./tools/no-ads.mjs]\n';

/**
 * A checkout like this one with the README's config in its root: the sources, seeds and
 * node_modules linked, the tests and the jest and TypeScript configs copied (jest does not
 * look for tests through links, and takes the config's directory as the root).
 */
function checkoutWithConfig(): string {
  const dir = tempDir('bulletin-checkout-');
  const copied = new Set(['test', 'jest.config.js', 'tsconfig.json']);
  for (const entry of fs.readdirSync(ROOT)) {
    if (entry === '.git' || entry === 'corpus' || entry === 'bulletin.config.yaml') continue;
    if (copied.has(entry)) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
    else fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), README_CONFIG);
  return dir;
}

describe('tests do not depend on the working directory (issue 14, item 9)', () => {
  test('a bulletin.config.yaml in the repository root does not make the suite fail', () => {
    const checkout = checkoutWithConfig();
    // the config does bite a run started in that root…
    expect(cli(['parse', 'seeds', '--format', 'jsonl', '-q'], { cwd: checkout }).status).toBe(2);
    // …but not the tests: a suite that runs the CLI on seeds/ and fixtures/ passes there
    const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', path.join('node_modules', 'jest', 'bin', 'jest.js'), '-i', 'test/e2e/seeds.test.ts'], {
      cwd: checkout,
      env: cliEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
    expect(r.status).toBe(0);
  });

  test('the directory tests run the CLI in looks like the repository but holds no config of the developer', () => {
    expect(RUN_DIR).not.toBe(ROOT);
    expect(fs.existsSync(path.join(RUN_DIR, 'bulletin.config.yaml'))).toBe(false);
    expect(fs.existsSync(path.join(RUN_DIR, 'seeds'))).toBe(true);
    const copy = hermeticCopyOf(checkoutWithConfig());
    expect(cli(['parse', 'seeds', '--format', 'jsonl', '-q'], { cwd: copy }).stdout).toBe(cli(['parse', 'seeds', '--format', 'jsonl', '-q']).stdout);
  });

  test('no test runs the CLI in the repository root', () => {
    const files = (fs.readdirSync(path.join(ROOT, 'test'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    // a line that spawns something in the root, unless it is npm packing the repository itself
    // (what a package holds is read from the root, and that runs no bulletin command)
    const inRoot = (line: string) => /cwd:\s*ROOT\b/.test(line) && !/spawnSync\('npm', \['pack'/.test(line);
    const offenders = files.filter((f) => fs.readFileSync(path.join(ROOT, 'test', f), 'utf8').split('\n').some(inRoot));
    expect(offenders).toEqual([]);
  });
});
