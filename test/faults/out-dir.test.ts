import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, ROOT, tempDir } from '../helpers.js';
import { snapshot } from './snapshot.js';

const SEEDS = path.join(ROOT, 'seeds');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => fs.readFileSync(path.join(SEEDS, seedFiles[i % seedFiles.length]!), 'utf8');

/** inputs a.txt and b.txt in ROOT/in, the output in ROOT/out, and a directory of someone else's. */
function layout() {
  const root = tempDir();
  const inDir = path.join(root, 'in');
  const out = path.join(root, 'out');
  const elsewhere = path.join(root, 'elsewhere');
  fs.mkdirSync(inDir);
  fs.mkdirSync(elsewhere);
  fs.writeFileSync(path.join(inDir, 'a.txt'), seed(0));
  fs.writeFileSync(path.join(inDir, 'b.txt'), seed(1));
  return { root, inDir, out, elsewhere };
}

describe('issue 15, item 1: a symbolic link inside --out is never followed on write', () => {
  test('a page directory that is a link to a directory elsewhere: that directory is untouched, the page fails with a clear error, exit 1', () => {
    const { inDir, out, elsewhere } = layout();
    fs.writeFileSync(path.join(elsewhere, '01.json'), 'mine\n');
    fs.writeFileSync(path.join(elsewhere, '07.md'), 'also mine\n');
    fs.mkdirSync(out);
    fs.symlinkSync(elsewhere, path.join(out, 'a'));
    const before = snapshot(elsewhere);
    for (const extra of [[], ['--force']]) {
      const r = cli(['parse', inDir, '-o', out, '-q', ...extra]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/a\.txt: error: cannot write output: .*out\/a is a symbolic link/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(elsewhere)).toEqual(before);
      // the other page is written
      expect(fs.existsSync(path.join(out, 'b', 'page.json'))).toBe(true);
    }
  });

  test('an output file that is a link to a file elsewhere is not written through', () => {
    const { inDir, out, elsewhere } = layout();
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    fs.writeFileSync(path.join(elsewhere, 'precious'), 'precious\n');
    fs.rmSync(path.join(out, 'a', '01.json'));
    fs.symlinkSync(path.join(elsewhere, 'precious'), path.join(out, 'a', '01.json'));
    const r = cli(['parse', inDir, '-o', out, '-q', '--force']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/01\.json is a symbolic link/);
    expect(fs.readFileSync(path.join(elsewhere, 'precious'), 'utf8')).toBe('precious\n');
  });
});

describe('issue 15, item 2: a symbolic link inside --out is never followed on delete', () => {
  test('a removed input whose page directory was replaced by a link: the files it points to stay', () => {
    const { inDir, out, elsewhere } = layout();
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    // the same files, with the very content the manifest recorded, moved elsewhere and linked back
    const bDir = path.join(elsewhere, 'b');
    fs.cpSync(path.join(out, 'b'), bDir, { recursive: true });
    fs.rmSync(path.join(out, 'b'), { recursive: true });
    fs.symlinkSync(bDir, path.join(out, 'b'));
    const before = snapshot(elsewhere);
    fs.rmSync(path.join(inDir, 'b.txt'));
    const r = cli(['parse', inDir, '-o', out]);
    expect(r.status).toBe(0);
    expect(snapshot(elsewhere)).toEqual(before);
    expect(fs.lstatSync(path.join(out, 'b')).isSymbolicLink()).toBe(true);
  });

  test('a recorded file edited by hand is not deleted with its page, and the run says so', () => {
    const { inDir, out } = layout();
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    fs.appendFileSync(path.join(out, 'b', '01.md'), 'my note\n');
    fs.rmSync(path.join(inDir, 'b.txt'));
    const r = cli(['parse', inDir, '-o', out]);
    expect(r.stderr).toMatch(/b\/01\.md: error: no page makes this file any more, but it was edited/);
    expect(r.stderr).toMatch(/in\/b\.txt is no longer an input: its outputs are removed/);
    expect(fs.readdirSync(path.join(out, 'b'))).toEqual(['01.md']);
  });
});

describe('issue 15, item 3: --out must be apart from the inputs (usage error, nothing touched)', () => {
  test.each([
    ['equal to the input directory', (d: { inDir: string }) => [d.inDir, '-o', d.inDir]],
    ['inside the input directory', (d: { inDir: string }) => [d.inDir, '-o', path.join(d.inDir, 'corpus')]],
    ['containing a named input', (d: { inDir: string; root: string }) => [path.join(d.inDir, 'a.txt'), '-o', d.root]],
    ['containing a globbed input', (d: { inDir: string; root: string }) => [path.join(d.inDir, '*.txt'), '-o', d.root]],
  ])('--out %s', (_name, args) => {
    const d = layout();
    // a user's own files in a directory named like a page's stem
    fs.mkdirSync(path.join(d.inDir, 'a'));
    fs.writeFileSync(path.join(d.inDir, 'a', '01.json'), 'my own\n');
    fs.writeFileSync(path.join(d.inDir, 'a', '09.md'), 'my own\n');
    const before = snapshot(d.root);
    const r = cli(['parse', ...args(d)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bulletin: --out .* (contains an input|is inside the input directory)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(d.root)).toEqual(before);
  });
});

describe('issue 14, item 5: a bad --out is checked once, up front: one message, exit 2, nothing written', () => {
  test('a regular file', () => {
    const { root, inDir } = layout();
    const file = path.join(root, 'afile');
    fs.writeFileSync(file, 'x');
    const r = cli(['parse', inDir, '-o', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`bulletin: --out ${file} is not a directory\n`);
  });

  test('under /proc, where creating it fails: no spinning, one message', () => {
    const { inDir } = layout();
    const r = spawnSync(process.execPath, [BIN, 'parse', inDir, '-o', '/proc/bulletin-x'], { timeout: 20000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toMatch(/^bulletin: cannot create --out \/proc\/bulletin-x: [^\n]+\n$/);
  });

  test('a directory the user cannot write into', () => {
    const { root, inDir } = layout();
    const ro = path.join(root, 'ro');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    // root writes anyway (CAP_DAC_OVERRIDE): as root the run drops to nobody, for whom the mode holds
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [root, inDir]) fs.chmodSync(d, 0o755);
    const r = spawnSync(process.execPath, [BIN, 'parse', inDir, '-o', ro], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.stderr.toString()).toBe(`bulletin: cannot write into --out ${ro}: permission denied\n`);
    expect(r.status).toBe(2);
    expect(fs.readdirSync(ro)).toEqual([]);
  });
});

describe('issue 15, item 8: temporaries and reserved names cannot be mistaken for pages', () => {
  test('inputs whose stems look like temporaries survive later runs', () => {
    const root = tempDir();
    const inDir = path.join(root, 'in');
    const out = path.join(root, 'out');
    fs.mkdirSync(inDir);
    const names = ['x.json.5.6.tmp.txt', '01.json.99999.0.tmp.txt', 'bulletin-tmp-1-1-x.tmp.txt', 'page.json.1.2.tmp.txt'];
    for (const n of names) fs.writeFileSync(path.join(inDir, n), seed(0));
    for (let run = 0; run < 2; run++) {
      const r = cli(['parse', inDir, '-o', out, '-q', ...(run ? ['--force'] : [])]);
      expect(r.status).toBe(0);
      expect(fs.readdirSync(out).filter((n) => !n.startsWith('.') && n !== 'warnings.jsonl').sort()).toEqual(names.map((n) => n.replace(/\.txt$/, '')).sort());
    }
    expect(cli(['parse', inDir, '-o', out, '--check']).status).toBe(0);
  });

  test('a page named like the stream file (corpus.jsonl.txt with --format all) is a clear error for that page', () => {
    const root = tempDir();
    const inDir = path.join(root, 'in');
    const out = path.join(root, 'out');
    fs.mkdirSync(inDir);
    fs.writeFileSync(path.join(inDir, 'corpus.jsonl.txt'), seed(0));
    fs.writeFileSync(path.join(inDir, 'ok.txt'), seed(1));
    const r = cli(['parse', inDir, '-o', out, '--format', 'all', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/corpus\.jsonl\.txt: error: cannot write output: its page directory corpus\.jsonl would take the name of bulletin's own corpus\.jsonl: rename the input/);
    expect(r.stderr).not.toMatch(/EISDIR|\n\s+at /);
    expect(fs.statSync(path.join(out, 'corpus.jsonl')).isFile()).toBe(true);
    expect(fs.existsSync(path.join(out, 'ok', 'page.json'))).toBe(true);
  });
});

describe('issue 15, item 10: a lock on the output directory', () => {
  /** A process that stays alive while the test looks: another run holding the lock. */
  function liveProcess() {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    return child;
  }

  test('a second run into a locked directory fails at once naming the holder, and writes nothing', () => {
    const { inDir, out } = layout();
    const holder = liveProcess();
    try {
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, '.bulletin.lock'), `${holder.pid}\n`);
      const r = cli(['parse', inDir, '-o', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`bulletin: --out ${out} is being written by another bulletin run (pid ${holder.pid}); wait for it to finish, or remove ${out}/.bulletin.lock if that process is not bulletin\n`);
      expect(fs.readdirSync(out)).toEqual(['.bulletin.lock']);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('the lock of a process that is gone is taken over, and released at the end', () => {
    const { inDir, out } = layout();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '.bulletin.lock'), `${gone}\n`);
    const r = cli(['parse', inDir, '-o', out, '-q']);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(out, '.bulletin.lock'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'a', 'page.json'))).toBe(true);
  });

  test('only temporaries whose process is gone are removed', () => {
    const { inDir, out } = layout();
    expect(cli(['parse', inDir, '-o', out, '-q']).status).toBe(0);
    const holder = liveProcess();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    try {
      const live = [`.bulletin-tmp-${holder.pid}-3-01.json.tmp`, `.bulletin-tmp-${holder.pid}-4-zz.tmp`];
      const dead = [`.bulletin-tmp-${gone}-3-01.json.tmp`, `.bulletin-tmp-${gone}-4-zz.tmp`];
      for (const n of [...live, ...dead]) {
        fs.writeFileSync(path.join(out, 'a', n), '{"half');
        fs.writeFileSync(path.join(out, n), '{"half');
      }
      const r = cli(['parse', inDir, '-o', out, '-q', '--force']);
      expect(r.status).toBe(0);
      expect(fs.readdirSync(out).filter((n) => n.startsWith('.bulletin-tmp-')).sort()).toEqual([...live].sort());
      expect(fs.readdirSync(path.join(out, 'a')).filter((n) => n.startsWith('.bulletin-tmp-')).sort()).toEqual([...live].sort());
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('two runs started together into one directory: one writes, the other fails naming it; the corpus is whole', async () => {
    const { inDir, out } = layout();
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(inDir, `p${i}.txt`), seed(i));
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'parse', inDir, '-o', out, '-q'], { env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run()]);
    for (const r of results) expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
    const codes = results.map((r) => r.code).sort();
    if (codes[1] === 1) expect(results.find((r) => r.code === 1)!.stderr).toMatch(/is being written by another bulletin run \(pid \d+\)/);
    expect(codes[0]).toBe(0);
    expect(cli(['parse', inDir, '-o', out, '--check']).status).toBe(0);
  });
});
