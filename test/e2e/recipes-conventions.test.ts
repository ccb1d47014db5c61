import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, cliEnv, jsonl, ROOT, RUN_DIR, tempDir } from '../helpers.js';
import { colorLevel, progressText } from '../../src/cli/report.js';

const SEEDS = path.join(ROOT, 'seeds');
const SEED_GOLD = path.join(ROOT, 'fixtures', 'seed-gold');
const seedNames = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const ESC = '\u001b[';

/** n copies of the seeds, so that a run lasts a while. */
function manyPages(n: number): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) fs.copyFileSync(path.join(SEEDS, seedNames[i % seedNames.length]!), path.join(dir, `p${String(i).padStart(4, '0')}.txt`));
  return dir;
}

describe('inputs that name nothing are usage errors (exit 2), not failed pages (exit 1)', () => {
  test('a missing file: exit 2, named, and nothing parsed or written', () => {
    const out = path.join(tempDir(), 'out');
    const r = cli(['parse', 'seeds', 'no-such-page.txt', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^no-such-page\.txt: error: no such file or directory/m);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a directory without pages, and a glob that matches nothing: exit 2', () => {
    const empty = tempDir();
    fs.writeFileSync(path.join(empty, 'notes.md'), '# not a page\n');
    const r = cli(['parse', empty, '--format', 'jsonl']);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toContain(`${empty}: error: no *.txt files in this directory`);
    expect(cli(['parse', 'seeds/*.nothing', '--format', 'jsonl']).status).toBe(2);
    expect(cli(['eval', '--gold', SEED_GOLD, empty]).status).toBe(2);
  });

  test('a page that cannot be read is still exit 1, the others written', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(SEEDS, seedNames[0]!), path.join(dir, 'a.txt'));
    fs.writeFileSync(path.join(dir, 'b.txt'), Buffer.from([0x50, 0, 0x4b, 0]));
    const r = cli(['parse', dir, '--format', 'jsonl', '-q']);
    expect(r.status).toBe(1);
    expect(jsonl(r.stdout).filter((x) => x.type === 'page')).toHaveLength(1);
  });
});

describe('colour: --color / --no-color, FORCE_COLOR, NO_COLOR', () => {
  test('the order: flag, FORCE_COLOR, NO_COLOR, what the terminal has', () => {
    expect(colorLevel(undefined, {}, 2)).toBe(2);
    expect(colorLevel(undefined, {}, 0)).toBe(0);
    expect(colorLevel(true, {}, 0)).toBe(1);
    expect(colorLevel(true, { NO_COLOR: '1' }, 3)).toBe(3);
    expect(colorLevel(false, { FORCE_COLOR: '3' }, 3)).toBe(0);
    expect(colorLevel(undefined, { FORCE_COLOR: '3' }, 0)).toBe(3);
    expect(colorLevel(undefined, { FORCE_COLOR: '' }, 0)).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: '0', NO_COLOR: '' }, 2)).toBe(0);
    expect(colorLevel(undefined, { NO_COLOR: '1' }, 2)).toBe(0);
    // an empty NO_COLOR is not set (no-color.org)
    expect(colorLevel(undefined, { NO_COLOR: '' }, 2)).toBe(2);
  });

  // a missing input's error has a coloured label; stderr is a pipe here, so no colour by default
  const run = (args: string[], env: Record<string, string> = {}) => {
    const { NO_COLOR: _, ...rest } = cliEnv(env);
    return spawnSync(process.execPath, [BIN, 'parse', 'nope.txt', ...args], { cwd: RUN_DIR, env: { ...rest, ...env }, encoding: 'utf8' }).stderr;
  };
  test.each([
    ['not a terminal', [], {}, false],
    ['--color', ['--color'], {}, true],
    ['FORCE_COLOR=1', [], { FORCE_COLOR: '1' }, true],
    ['--no-color over FORCE_COLOR=1', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['NO_COLOR=1 with --color', ['--color'], { NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0', ['--format', 'jsonl'], { FORCE_COLOR: '0' }, false],
    ['NO_COLOR=1 and FORCE_COLOR=1 (FORCE_COLOR wins, as in Node)', [], { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
  ] as const)('%s', (_name, args, env, coloured) => {
    const stderr = run([...args], { ...env });
    expect(stderr).toMatch(/nope\.txt.*error/);
    expect(stderr.includes(ESC)).toBe(coloured);
  });
  test('eval takes them too', () => {
    const { NO_COLOR: _, ...env } = cliEnv();
    const r = spawnSync(process.execPath, [BIN, 'eval', '--gold', SEED_GOLD, 'fixtures/pages', '--color'], { cwd: RUN_DIR, env, encoding: 'utf8' });
    expect(r.stderr).toMatch(/warning/);
    expect(r.stderr.includes(ESC)).toBe(true);
  });
});

describe('eval: pages without gold, gold without pages, and --pred -', () => {
  test('inputs that have no gold, and gold that has no input, are each warned about by stem', () => {
    const gold = tempDir();
    // the gold of the first two seeds, and one page that is not among the inputs
    for (const f of fs.readdirSync(SEED_GOLD).filter((n) => n.endsWith('.json')).sort().slice(0, 2)) fs.copyFileSync(path.join(SEED_GOLD, f), path.join(gold, f));
    fs.writeFileSync(path.join(gold, 'elsewhere.json'), JSON.stringify({ source: 'elsewhere.txt', articles: [] }));
    const r = cli(['eval', '--gold', gold, 'seeds']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: 1 gold page has no input \(scored as all missed\): elsewhere$/m);
    const noGold = seedNames.slice(2).map((n) => n.replace(/\.txt$/, ''));
    expect(r.stderr).toContain(`warning: 3 inputs have no gold (not scored): ${noGold.join(', ')}`);
    // scored against an earlier run's stream, the stream's pages are what is compared
    const pred = path.join(tempDir(), 'pred.jsonl');
    fs.writeFileSync(pred, cli(['parse', 'seeds', '--format', 'jsonl', '-q']).stdout);
    expect(cli(['eval', '--gold', gold, '--pred', pred]).stderr).toContain(`3 pages in ${pred} have no gold`);
    // matching sets: nothing said
    expect(cli(['eval', '--gold', SEED_GOLD, 'seeds']).stderr).toBe('');
  });

  test('--pred - reads the stream from a pipe and scores as --pred FILE does', () => {
    const pred = path.join(tempDir(), 'pred.jsonl');
    fs.writeFileSync(pred, cli(['parse', 'seeds', '--format', 'jsonl', '-q']).stdout);
    const fromFile = cli(['eval', '--gold', SEED_GOLD, '--pred', pred, 'seeds', '--json']);
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" parse seeds --format jsonl -q | "${process.execPath}" "${BIN}" eval --gold "${SEED_GOLD}" --pred - seeds --json`], { cwd: RUN_DIR, env: cliEnv(), encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(fromFile.stdout));
    expect(JSON.parse(piped.stdout).summary.articleF1).toBe(1);
    // both from stdin cannot be
    expect(cli(['eval', '--gold', SEED_GOLD, '--pred', '-', '-'], { input: '' }).status).toBe(2);
  });
});

/** Run the CLI on a real pseudo-terminal (util-linux `script`) and return what it drew. */
function onTerminal(args: string): { status: number | null; screen: string } {
  const screen = path.join(tempDir(), 'typescript');
  // not in CI's eyes either: CI=true turns progress off (and jest may run under it)
  const { CI: _, ...env } = cliEnv();
  const r = spawnSync('script', ['-qec', `stty cols 120 rows 30; "${process.execPath}" "${BIN}" ${args}`, screen], { cwd: RUN_DIR, input: '', timeout: 60_000, env });
  return { status: r.status, screen: fs.readFileSync(screen, 'utf8') };
}

describe('progress: count, rate and ETA, on a terminal only, on stderr only', () => {
  test('the line: the count alone until a page is done, then pages a second and the time left', () => {
    expect(progressText(0, 120, 0)).toBe('0/120 pages');
    // 30 pages in 10 s: 3 a second, 90 to go
    expect(progressText(30, 120, 10)).toBe('30/120 pages, 3.0 pages/s, ETA 30 s');
    expect(progressText(100, 20000, 2)).toBe('100/20000 pages, 50 pages/s, ETA 6 min 38 s');
    expect(progressText(10, 200000, 10)).toBe('10/200000 pages, 1.0 pages/s, ETA 55 h 33 min');
    expect(progressText(120, 120, 4)).toBe('120/120 pages, 30 pages/s, ETA 0 s');
  });

  const pages = manyPages(60);
  const line = /\d+\/60 pages, [\d.]+ pages\/s, ETA \d+ s/;

  test('parse', () => {
    const r = onTerminal(`parse "${pages}" -o "${tempDir()}" --jobs 1`);
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(line);
  });

  test('eval, which parses in the main thread', () => {
    const gold = tempDir();
    fs.copyFileSync(path.join(SEED_GOLD, fs.readdirSync(SEED_GOLD).filter((n) => n.endsWith('.json'))[0]!), path.join(gold, 'one.json'));
    const r = onTerminal(`eval --gold "${gold}" "${pages}"`);
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(line);
  });

  test('not in a pipe, and never on stdout', () => {
    const parsed = cli(['parse', pages, '--format', 'jsonl']);
    expect(parsed.stderr).not.toMatch(/pages\/s|ETA/);
    const scored = cli(['eval', '--gold', SEED_GOLD, pages]);
    expect(scored.stderr + scored.stdout).not.toMatch(/pages\/s|ETA/);
  });
});

describe('Ctrl-C keeps what was finished', () => {
  test('the manifest records the pages written before the interrupt, and the next run parses only the rest', async () => {
    const input = manyPages(600);
    const out = path.join(tempDir(), 'out');
    const child = spawn(process.execPath, [BIN, 'parse', input, '-o', out, '-q', '--jobs', '1'], { cwd: RUN_DIR, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const written = () => (fs.existsSync(out) ? fs.readdirSync(out).filter((n) => /^p\d+$/.test(n)).length : 0);
    for (let i = 0; i < 3000 && written() < 30; i++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, '.bulletin-manifest.json'), 'utf8'));
    const recorded = Object.keys(manifest.pages).length;
    expect(recorded).toBeGreaterThanOrEqual(30);
    expect(recorded).toBeLessThan(600);
    // every page recorded has its files on disk
    for (const e of Object.values<any>(manifest.pages)) expect(fs.existsSync(path.join(out, e.stem))).toBe(true);
    const again = cli(['parse', input, '-o', out]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`, ${recorded} unchanged in `));
    expect(cli(['parse', input, '-o', out, '--check']).status).toBe(0);
  });
});
