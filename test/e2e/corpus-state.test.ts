import fs from 'node:fs';
import path from 'node:path';
import { cli, ROOT, tempDir } from '../helpers.js';

const SEEDS = path.join(ROOT, 'seeds');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => fs.readFileSync(path.join(SEEDS, seedFiles[i % seedFiles.length]!), 'utf8');
const MANIFEST = '.bulletin-manifest.json';

/** Every file below dir, relative path -> bytes (base64), for byte-for-byte comparison. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of (fs.readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const p = path.join(dir, rel);
    if (fs.lstatSync(p).isFile()) out[rel.split(path.sep).join('/')] = fs.readFileSync(p).toString('base64');
  }
  return out;
}
// the page directories: not the manifest, nor the warnings report beside them
const pageDirs = (out: string) => fs.readdirSync(out).filter((d) => !d.startsWith('.') && d !== 'warnings.jsonl').sort();

function corpus(names: string[]) {
  const root = tempDir();
  const inDir = path.join(root, 'in');
  fs.mkdirSync(inDir);
  names.forEach((n, i) => {
    fs.mkdirSync(path.dirname(path.join(inDir, n)), { recursive: true });
    fs.writeFileSync(path.join(inDir, n), seed(i));
  });
  return { root, inDir, out: path.join(root, 'out') };
}

describe('issue 15, item 9: file names with spaces', () => {
  test('--check finds the files of a page with spaces in its name, and a removed one is deleted', () => {
    const { inDir, out } = corpus(['a b.txt', 'c  d e.txt', 'plain.txt']);
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    const check = cli(['parse', inDir, '-o', out, '--check']);
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
    // the manifest keeps each name whole, as data
    const m = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8'));
    const names = Object.values(m.pages).flatMap((e: any) => e.files.map(([n]: [string]) => n));
    expect(names).toContain('a b/page.json');
    expect(names).toContain('c  d e/page.json');
    fs.rmSync(path.join(inDir, 'c  d e.txt'));
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    expect(pageDirs(out)).toEqual(['a b', 'plain']);
    expect(cli(['parse', inDir, '-o', out, '--check']).status).toBe(0);
  });
});

describe('issue 15, item 14: a damaged manifest', () => {
  test.each([
    ['a null entry', (m: any, k: string[]) => { m.pages[k[0]!] = null; }],
    ['a number where the list of files belongs', (m: any, k: string[]) => { m.pages[k[0]!].files = 5; }],
    ['a file name that climbs out', (m: any, k: string[]) => { m.pages[k[0]!].files[0][0] = '../../etc/passwd'; }],
    ['pages that are not an object', (m: any) => { m.pages = [1, 2]; }],
  ])('%s: the run rebuilds what it damaged, says so once, and the next run is clean', (_name, damage) => {
    const { inDir, out } = corpus(['a.txt', 'b.txt']);
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    const good = files(out);
    const p = path.join(out, MANIFEST);
    const m = JSON.parse(fs.readFileSync(p, 'utf8'));
    damage(m, Object.keys(m.pages));
    fs.writeFileSync(p, JSON.stringify(m));
    const check = cli(['parse', inDir, '-o', out, '--check']);
    expect(check.stderr).not.toMatch(/\n\s+at /);
    expect(check.status).toBe(1);
    for (const extra of [[], ['--force']]) {
      fs.writeFileSync(p, JSON.stringify(m));
      const r = cli(['parse', inDir, '-o', out, ...extra]);
      expect(r.status).toBe(0);
      expect(r.stderr.match(/\.bulletin-manifest\.json: warning: .*(damaged|no list of pages)/g)).toHaveLength(1);
      expect(files(out)).toEqual(good);
      const again = cli(['parse', inDir, '-o', out]);
      expect(again.stderr).not.toMatch(/damaged/);
      expect(cli(['parse', inDir, '-o', out, '--check']).status).toBe(0);
    }
  });
});

describe('issue 14, item 1: a run removes only outputs of pages it was asked to own, and says so', () => {
  test('a page piped in on standard input deletes nothing; without --out it is a usage error', () => {
    const { inDir, out } = corpus(['a.txt', 'b.txt']);
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    const before = files(out);
    const noOut = cli(['parse', '-'], { input: seed(2) });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/standard input\) with file output needs an explicit --out/);
    const r = cli(['parse', '-', '-o', out, '-q'], { input: seed(2) });
    expect(r.status).toBe(0);
    const after = files(out);
    for (const [rel, bytes] of Object.entries(before)) if (rel !== MANIFEST) expect(after[rel]).toBe(bytes);
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    expect(pageDirs(out)).toEqual(['a', 'b', 'stdin']);
  });

  test('a run over one file of a corpus leaves the other pages; the full run, after an input is removed, removes it and says what', () => {
    const { inDir, out } = corpus(['a.txt', 'b.txt', 'c.txt']);
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    const one = cli(['parse', path.join(inDir, 'a.txt'), '-o', out]);
    expect(one.status).toBe(0);
    expect(one.stderr).not.toMatch(/removed/);
    expect(pageDirs(out)).toEqual(['a', 'b', 'c']);
    fs.rmSync(path.join(inDir, 'c.txt'));
    const r = cli(['parse', inDir, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/bulletin: .*in\/c\.txt is no longer an input: its outputs are removed/);
    expect(r.stderr).toMatch(/bulletin: removed \d+ files no page makes any more: c\/01\.json, /);
    expect(pageDirs(out)).toEqual(['a', 'b']);
  });
});

describe('issue 14, item 7: --check is exact, a plain run restores, shards merge', () => {
  test('--check reports stray files and directories and missing files; a plain run restores the missing ones', () => {
    const { inDir, out } = corpus(['a.txt', 'b.txt']);
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    const good = files(out);
    fs.rmSync(path.join(out, 'a', '01.md'));
    fs.writeFileSync(path.join(out, 'b', '99.json'), '{}');
    fs.mkdirSync(path.join(out, 'zz'));
    fs.writeFileSync(path.join(out, 'notes.txt'), 'x');
    const check = cli(['parse', inDir, '-o', out, '--check', '-q']);
    expect(check.status).toBe(1);
    // strays are listed under the output directory, as the run's working directory sees it
    expect(check.stdout.split('\n').filter(Boolean).map((l) => l.replace(/^.*\/out: stray /, 'OUT: stray ')).sort()).toEqual([
      `${path.join(inDir, 'a.txt')}: missing a/01.md`,
      'OUT: stray b/99.json',
      'OUT: stray notes.txt',
      'OUT: stray zz/',
    ].sort());
    const r = cli(['parse', inDir, '-o', out, '-q']);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'a', '01.md'))).toBe(true);
    // strays are the user's to remove: the run never deletes what it did not write
    for (const s of ['b/99.json', 'zz', 'notes.txt']) fs.rmSync(path.join(out, s), { recursive: true });
    expect(files(out)).toEqual(good);
    expect(cli(['parse', inDir, '-o', out, '--check']).status).toBe(0);
  });

  test('bulletin merge makes shard outputs one corpus, byte-identical to a whole run, and --check passes on it', () => {
    const names = Array.from({ length: 12 }, (_, i) => `d${i % 3}/p${i}.txt`).concat(['d0/dup.txt', 'd1/dup.txt']);
    const { root, inDir } = corpus(names);
    // paths as a job array gives them, relative to one working directory: the split hashes the
    // path as given, so these name the same shards on every machine (and in every test run)
    const here = { cwd: root };
    const whole = path.join(root, 'whole');
    expect(cli(['parse', 'in', '-o', 'whole', '-q'], here).status).toBe(0);
    const shards = [1, 2, 3].map((k) => path.join('shards', String(k)));
    shards.forEach((dir, i) => expect(cli(['parse', 'in', '--shard', `${i + 1}/3`, '-o', dir, '-q'], here).status).toBe(0));
    // every shard holds part of the corpus
    for (const dir of shards) expect(pageDirs(path.join(root, dir)).length).toBeGreaterThan(0);
    const merged = path.join(root, 'merged');
    const r = cli(['merge', ...shards, '-o', 'merged'], here);
    expect(r.stderr).toBe(`bulletin: merged ${names.length} pages from 3 shards -> merged\n`);
    expect(r.status).toBe(0);
    expect(cli(['parse', 'in', '-o', 'merged', '--check'], here).status).toBe(0);
    expect(files(merged)).toEqual(files(whole));
    // and a later run over the whole corpus is incremental on it, and removes a removed input
    fs.rmSync(path.join(inDir, 'd1', 'p4.txt'));
    const later = cli(['parse', 'in', '-o', 'merged'], here);
    expect(later.stderr).toMatch(/p4\.txt is no longer an input/);
    expect(later.stderr).toMatch(new RegExp(`${names.length - 1} unchanged`));
  });

  test('bulletin merge refuses an edited shard file, and writes nothing', () => {
    const { root, inDir } = corpus(['a.txt', 'b.txt', 'c.txt']);
    const shards = [1, 2].map((k) => path.join(root, 'shards', String(k)));
    shards.forEach((dir, i) => expect(cli(['parse', inDir, '--shard', `${i + 1}/2`, '-o', dir, '-q']).status).toBe(0));
    const edited = shards.find((d) => pageDirs(d).length > 0)!;
    const page = pageDirs(edited)[0]!;
    fs.appendFileSync(path.join(edited, page, 'page.json'), ' ');
    const merged = path.join(root, 'merged');
    const r = cli(['merge', ...shards, '-o', merged]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${page}/page\\.json: edited since it was written`));
    expect(fs.readdirSync(merged)).toEqual([]);
  });
});

describe('issue 14, item 8: outputs are a function of the inputs and the configuration alone', () => {
  test('a corpus built through a series of changes equals a fresh run over the final inputs, byte for byte', () => {
    const root = tempDir();
    const inDir = path.join(root, 'in');
    const out = path.join(root, 'incremental');
    fs.mkdirSync(inDir);
    const put = (rel: string, i: number) => {
      fs.mkdirSync(path.dirname(path.join(inDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(inDir, rel), seed(i));
    };
    const steps: (() => void)[] = [
      () => { put('m/x.txt', 0); put('z/y.txt', 1); },
      // a page with the same stem sorted before the first: the stems move to it
      () => put('a/x.txt', 2),
      () => put('b/X.txt', 3),
      () => fs.rmSync(path.join(inDir, 'a', 'x.txt')),
      // fewer articles in a page than before
      () => fs.writeFileSync(path.join(inDir, 'm', 'x.txt'), seed(0).split('\n').slice(0, 12).join('\n') + '\n'),
      () => { put('0/x.txt', 4); put('a b/y.txt', 1); },
      () => fs.renameSync(path.join(inDir, 'z', 'y.txt'), path.join(inDir, 'z', 'w.txt')),
    ];
    for (const step of steps) {
      step();
      const r = cli(['parse', inDir, '-o', out, '-q']);
      expect(r.status).toBe(0);
      expect(cli(['parse', inDir, '-o', out, '--check']).status).toBe(0);
      const fresh = path.join(root, `fresh-${steps.indexOf(step)}`);
      expect(cli(['parse', inDir, '-o', fresh, '-q']).status).toBe(0);
      expect(files(out)).toEqual(files(fresh));
    }
    // the duplicate stems really were exercised: 0/x, b/X and m/x share a directory name
    // (without case), numbered in input order, and y took the place w left
    expect(pageDirs(out)).toEqual(['X~2', 'w', 'x', 'x~3', 'y']);
  });
});

describe('issue 15, item 15: --jobs is capped at the number of cores', () => {
  test('--jobs 128 says it is capped, and the output is what --jobs 1 writes', async () => {
    const os = await import('node:os');
    const cores = os.availableParallelism();
    const { inDir } = corpus(Array.from({ length: 40 }, (_, i) => `p${i}.txt`));
    const many = cli(['parse', inDir, '--format', 'jsonl', '--jobs', '128']);
    expect(many.status).toBe(0);
    expect(many.stderr).toContain(`bulletin: --jobs 128 capped at ${cores}, the number of cores\n`);
    expect(many.stdout).toBe(cli(['parse', inDir, '--format', 'jsonl', '--jobs', '1', '-q']).stdout);
    const fewer = cli(['parse', inDir, '--format', 'jsonl', '--jobs', String(cores)]);
    expect(fewer.stderr).not.toMatch(/capped/);
  });
});
