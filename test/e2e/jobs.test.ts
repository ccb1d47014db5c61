import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, cliEnv, ROOT, RUN_DIR, tempDir } from '../helpers.js';

/** Every file under dir, relative path -> content, so two output trees can be compared whole. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, rel);
    if (fs.statSync(p).isFile()) out[rel.split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

/**
 * stderr without the run time, the one thing that may differ between two runs, and without
 * the note that --jobs was capped at the machine's cores (which depends on the machine).
 */
const stable = (stderr: string) => stderr.replace(/ in \d+\.\d+ s/, ' in _ s').replace(/^bulletin: --jobs \d+ capped at \d+, the number of cores\n/m, '');

/**
 * A few hundred pages made from the seeds: blocks shuffled, raw columns re-wrapped to other
 * widths, some stems repeated in other directories (their output directories collide), and a
 * binary file, so the pool sees errors and ordering constraints, not just clean pages.
 */
function generatedCorpus(): string {
  const dir = tempDir('bulletin-jobs-');
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
  let x = 7;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 240; i++) {
    const blocks = seeds[i % seeds.length]!.split(/\n\s*\n/);
    const head = blocks.shift()!;
    for (let k = blocks.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [blocks[k], blocks[j]] = [blocks[j]!, blocks[k]!];
    }
    const width = 7 + Math.floor(rand() * 9);
    const wrapped = blocks.slice(0, 4 + (i % 9)).map((b) => {
      const lines = b.split('\n');
      if (lines.length < 3) return b;
      const chars = [...lines.join('')];
      const out: string[] = [];
      for (let c = 0; c < chars.length; c += width) out.push(chars.slice(c, c + width).join(''));
      return out.join('\n');
    });
    const sub = path.join(dir, `d${i % 3}`);
    fs.mkdirSync(sub, { recursive: true });
    // every 40th page reuses a stem from another directory
    const stem = i % 40 === 39 ? `p${String(i - 38).padStart(3, '0')}` : `p${String(i).padStart(3, '0')}`;
    fs.writeFileSync(path.join(sub, `${stem}.txt`), [head, ...wrapped].join('\n\n') + '\n');
  }
  fs.writeFileSync(path.join(dir, 'd1', 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x00]));
  return dir;
}

describe('--jobs does not change the output', () => {
  const corpus = generatedCorpus();
  afterAll(() => fs.rmSync(corpus, { recursive: true, force: true }));

  test.each([
    ['seeds', path.join(ROOT, 'seeds')],
    ['a generated corpus', corpus],
  ])('JSON Lines on stdout are byte-identical with --jobs 1, 2 and 3 (%s)', (_name, input) => {
    const runs = [1, 2, 3].map((j) => cli(['parse', input, '--format', 'jsonl', '--jobs', String(j)]));
    expect(runs[0]!.stdout.length).toBeGreaterThan(0);
    for (const r of runs.slice(1)) {
      expect(r.status).toBe(runs[0]!.status);
      expect(r.stdout).toBe(runs[0]!.stdout);
      expect(stable(r.stderr)).toBe(stable(runs[0]!.stderr));
    }
  });

  test('the generated corpus really reaches the error path and every page', () => {
    const r = cli(['parse', corpus, '--format', 'jsonl', '--jobs', '2', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/binary\.txt: error: binary file/);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('{"type":"page"'))).toHaveLength(240);
  });

  test.each([1, 2])('a reader that stops early (| head) ends the run (--jobs %i)', (j) => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" parse "${corpus}" --format jsonl -q --jobs ${j} | head -c 10`], {
      timeout: 30000,
      cwd: RUN_DIR,
      env: cliEnv(),
    });
    expect(r.signal).toBeNull();
    expect(r.stdout.toString()).toBe('{"type":"a');
  });

  test('files under --out, and corpus.jsonl, are identical with --jobs 1 and 2', () => {
    const outs = [1, 2].map((j) => {
      const out = tempDir('bulletin-jobs-out-');
      const r = cli(['parse', corpus, '--format', 'all', '--out', out, '--jobs', String(j), '-q']);
      expect(r.status).toBe(1);
      const t = tree(out);
      fs.rmSync(out, { recursive: true, force: true });
      return t;
    });
    expect(Object.keys(outs[0]!).length).toBeGreaterThan(240 * 3);
    expect(outs[0]!['corpus.jsonl']).toBeDefined();
    expect(Object.keys(outs[0]!).some((k) => k.endsWith('.tmp'))).toBe(false);
    expect(outs[1]).toEqual(outs[0]);
  });
});

describe('--shard K/N', () => {
  const pages = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('{"type":"page"')).map((l) => JSON.parse(l).source as string);

  test('the shards of a corpus are disjoint and together are the whole', () => {
    const whole = pages(cli(['parse', 'seeds', '--format', 'jsonl', '-q']).stdout);
    const shards = [1, 2, 3].map((k) => pages(cli(['parse', 'seeds', '--format', 'jsonl', '-q', '--shard', `${k}/3`]).stdout));
    expect(shards.flat().sort()).toEqual([...whole].sort());
    expect(new Set(shards.flat()).size).toBe(whole.length);
    // each shard keeps input order
    for (const s of shards) expect(s).toEqual(whole.filter((p) => s.includes(p)));
  });

  test('an empty shard is a successful run', () => {
    const r = cli(['parse', 'seeds/000_0887e6a0412111e5.txt', '--format', 'jsonl', '-q', '--shard', '1/2']);
    const r2 = cli(['parse', 'seeds/000_0887e6a0412111e5.txt', '--format', 'jsonl', '-q', '--shard', '2/2']);
    expect([r.status, r2.status]).toEqual([0, 0]);
    expect(pages(r.stdout).length + pages(r2.stdout).length).toBe(1);
  });

  test.each(['0/3', '4/3', '1/0', '3', 'a/b', '1/2/3', '-1/2'])('rejects --shard %s as a usage error', (bad) => {
    const r = cli(['parse', 'seeds', '--format', 'jsonl', '--shard', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--shard/);
    expect(r.stdout).toBe('');
  });
});
