import fs from 'node:fs';
import path from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

/** issue 15, item 13 (second half): standard YAML in the config, and config paths that are not files. */

const SEED = fs.readdirSync(path.join(ROOT, 'seeds')).sort()[0]!;

function project(config: string | null, name = 'bulletin.config.yaml') {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pages'));
  fs.copyFileSync(path.join(ROOT, 'seeds', SEED), path.join(dir, 'pages', SEED));
  if (config !== null) fs.writeFileSync(path.join(dir, name), config);
  return dir;
}

/** The value in force of one option, from `bulletin passes --json`. */
function optionInForce(dir: string, pass: string, option: string): unknown {
  const r = cli(['passes', '--json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const passes: { name: string; options: Record<string, { value: unknown }> }[] = JSON.parse(r.stdout);
  return passes.find((p) => p.name === pass)!.options[option]!.value;
}

describe('YAML aliases in bulletin.config.yaml', () => {
  test('a scalar anchor and its alias give the same value', () => {
    const dir = project('inputs: [pages]\noptions:\n  rejoin-lines: { maxCaptionChars: &m 40, maxTitleChars: *m }\n');
    expect(optionInForce(dir, 'rejoin-lines', 'maxTitleChars')).toBe(40);
    expect(optionInForce(dir, 'rejoin-lines', 'maxCaptionChars')).toBe(40);
    const r = cli(['parse', '-q', '--format', 'jsonl', '-o', '-'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('a mapping and a list can be aliased too, and an alias still names its own line in errors', () => {
    const dir = project('inputs: &in [pages]\npasses:\n  - letter-spacing: &ls { minRun: 4 }\n  - rejoin-lines\noptions:\n  rejoin-lines: { maxCaptionChars: 30 }\n');
    expect(optionInForce(dir, 'letter-spacing', 'minRun')).toBe(4);
    const bad = project('inputs: [pages]\nlow: &low 1\noptions:\n  letter-spacing:\n    minRun: *low\n');
    // an unknown key is still an unknown key: anchors do not open a back door for stray keys
    expect(cli(['parse', '-q'], { cwd: bad }).stderr).toMatch(/bulletin\.config\.yaml:2: unknown key "low"/);
    const range = project('inputs: [pages]\noptions:\n  rejoin-lines: { maxCaptionChars: &m 1 }\n  letter-spacing:\n    minRun: *m\n');
    const r = cli(['parse', '-q'], { cwd: range });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bulletin\.config\.yaml:5: option letter-spacing\.minRun must be at least 2, not 1/);
  });

  test('anchors that expand beyond a sane size are refused, quickly, as a usage error', () => {
    const levels = 'abcdefgh'.split('');
    const seq = levels
      .map((name, i) => `      - &${name} [${Array(10).fill(i === 0 ? '1' : `*${levels[i - 1]}`).join(', ')}]`)
      .join('\n');
    const dir = project(`inputs: [pages]\noptions:\n  rejoin-lines:\n    maxCaptionChars:\n${seq}\n`);
    const r = cli(['parse', '-q', '--format', 'jsonl', '-o', '-'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bulletin\.config\.yaml:5: .*alias/i);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a config path that is not a readable file', () => {
  test('--config naming a directory is a usage error naming it, not a stack trace', () => {
    const dir = project(null);
    fs.mkdirSync(path.join(dir, 'conf.d'));
    const r = cli(['parse', 'pages', '-q', '--config', 'conf.d', '--format', 'jsonl', '-o', '-'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/conf\.d: is a directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  test('a directory named bulletin.config.yaml in the working directory is a usage error too', () => {
    const dir = project(null);
    fs.mkdirSync(path.join(dir, 'bulletin.config.yaml'));
    for (const cmd of [['parse', 'pages', '-q', '--format', 'jsonl'], ['passes']]) {
      const r = cli(cmd, { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/bulletin\.config\.yaml: is a directory/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('option ranges (checked in run/options.ts; held here as the issue asks)', () => {
  test.each([
    ['columnWindow: -1', /rejoin-lines\.columnWindow must be at least 1, not -1/],
    ['maxCaptionChars: -5', /rejoin-lines\.maxCaptionChars must be at least 1, not -5/],
    ['maxCaptionChars: .nan', /rejoin-lines\.maxCaptionChars .*finite/],
    ['maxCaptionChars: .inf', /rejoin-lines\.maxCaptionChars .*finite/],
  ])('%s is refused with exit 2', (option, message) => {
    const dir = project(`inputs: [pages]\noptions:\n  rejoin-lines: { ${option} }\n`);
    const r = cli(['parse', '-q', '--format', 'jsonl'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
