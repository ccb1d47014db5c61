import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, cli, ROOT, tempDir } from '../helpers.js';

const SEEDS = path.join(ROOT, 'seeds');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => fs.readFileSync(path.join(SEEDS, seedFiles[i % seedFiles.length]!), 'utf8');

/** A corpus whose output (about 2 MB as files, 1 MB as a stream) cannot fit a 256 KiB file system. */
function corpus(): string {
  const dir = tempDir();
  for (let i = 0; i < 80; i++) fs.writeFileSync(path.join(dir, `p${String(i).padStart(3, '0')}.txt`), seed(i));
  return dir;
}

function sh(script: string) {
  const r = spawnSync('sh', ['-c', script], { timeout: 60000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** Everything below dir, names only. */
const names = (dir: string): string[] => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).sort() : []);

/**
 * A small file system that fills up: a tmpfs where this machine lets the tests mount one
 * (root with CAP_SYS_ADMIN, as on the project's machines). Where it cannot, the two tmpfs
 * cases say so and check the same rule on /dev/full instead, the one other way to get
 * ENOSPC from a real write.
 */
function smallFileSystem(): { dir: string; release: () => void } | null {
  // not tempDir(): its clean-up would run before the unmount
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]);
  const release = () => {
    if (r.status === 0) spawnSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (r.status === 0) return { dir, release };
  release();
  return null;
}
const small = smallFileSystem();
afterAll(() => small?.release());

/** Without a tmpfs: the stream to a full device, which is what can be had everywhere. */
function onDevFull(input: string) {
  console.warn('write-failures: cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN): checked on /dev/full instead');
  const r = sh(`"${process.execPath}" "${BIN}" parse "${input}" --format jsonl -q > /dev/full`);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/^bulletin: cannot write to standard output: no space left on device/);
}

describe('issue 15, item 7: a full disk is one clear error, exit 1, nothing partial, no temporary left', () => {
  const input = corpus();

  test('file output into a full file system', () => {
    if (!small) return onDevFull(input);
    const out = path.join(small!.dir, 'files');
    const r = cli(['parse', input, '-o', out, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`bulletin: cannot write output: no space left on device (in ${out}); the run stopped, and files already in place are whole\n`);
    const left = names(out);
    expect(left.filter((n) => n.includes('.bulletin-tmp-'))).toEqual([]);
    expect(left).not.toContain('.bulletin.lock');
    // every file that is there is whole
    for (const n of left.filter((n) => n.endsWith('.json'))) expect(() => JSON.parse(fs.readFileSync(path.join(out, n), 'utf8'))).not.toThrow();
    fs.rmSync(out, { recursive: true, force: true });
  });

  test('--format jsonl -o into a full file system finishes, and leaves no stream temporary', () => {
    if (!small) return onDevFull(input);
    const out = path.join(small!.dir, 'stream');
    const r = spawnSync(process.execPath, [BIN, 'parse', input, '--format', 'jsonl', '-o', out, '-q'], { timeout: 60000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toMatch(/^bulletin: cannot write output: no space left on device \(in .*stream\); the run stopped, and files already in place are whole\n$/);
    expect(names(out)).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  });

  test('> /dev/full: one line, exit 1, no stack trace', () => {
    const r = sh(`"${process.execPath}" "${BIN}" parse "${input}" --format jsonl -q > /dev/full`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('bulletin: cannot write to standard output: no space left on device; the run stopped\n');
  });

  test('--check | head: the reader stopping early is no error and no trace', () => {
    const out = tempDir();
    expect(cli(['parse', input, '-o', out, '-q']).status).toBe(0);
    for (const d of fs.readdirSync(out)) if (!d.startsWith('.') && d !== 'warnings.jsonl') fs.rmSync(path.join(out, d, 'page.json'));
    const r = sh(`"${process.execPath}" "${BIN}" parse "${input}" -o "${out}" --check -q | head -1`);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('');
  });
});
