import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, jsonl, ROOT, tempDir } from '../helpers.js';

const SEEDS = path.join(ROOT, 'seeds');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (i: number) => fs.readFileSync(path.join(SEEDS, seedFiles[i % seedFiles.length]!), 'utf8');

/** The CLI with a time limit: a run that hangs is killed and shows as a signal, not a stuck suite. */
function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, timeout: 30000, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}
const pageSources = (stdout: string) => jsonl(stdout).filter((r) => r.type === 'page').map((r) => r.source as string);

describe('issue 15, item 4: a file named on the command line that is not a regular file', () => {
  test('a FIFO is reported and skipped; the run ends and parses the rest; exit 1', () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    fs.writeFileSync(path.join(dir, 'good.txt'), seed(0));
    const r = run(['parse', fifo, path.join(dir, 'good.txt'), '--format', 'jsonl', '-q']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${fifo}: error: not a regular file (a FIFO), skipped\n`);
    expect(pageSources(r.stdout)).toEqual([path.join(dir, 'good.txt')]);
  });

  test('a character device (/dev/zero) is reported and skipped, not read forever', () => {
    const r = run(['parse', '/dev/zero', '--format', 'jsonl', '-q']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('/dev/zero: error: not a regular file (a character device), skipped\n');
  });
});

describe('issue 15, item 5: a symbolic link loop inside an input directory', () => {
  test('each real file is parsed once, whatever paths reach it', () => {
    const dir = tempDir();
    const pages = path.join(dir, 'pages');
    fs.mkdirSync(path.join(pages, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(pages, 'a.txt'), seed(0));
    fs.writeFileSync(path.join(pages, 'sub', 'b.txt'), seed(1));
    // a link to the directory itself, one back up to its parent, and a second name for a file
    fs.symlinkSync('.', path.join(pages, 'again'));
    fs.symlinkSync('..', path.join(pages, 'sub', 'up'));
    fs.symlinkSync('a.txt', path.join(pages, 'also-a.txt'));
    const r = run(['parse', pages, '--format', 'jsonl', '-q']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(pageSources(r.stdout).sort()).toEqual([path.join(pages, 'a.txt'), path.join(pages, 'sub', 'b.txt')]);
  });

  test('the same file named twice, once through a link, is parsed once', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), seed(0));
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'));
    const r = run(['parse', path.join(dir, 'a.txt'), path.join(dir, 'link.txt'), '--format', 'jsonl', '-q']);
    expect(r.status).toBe(0);
    expect(pageSources(r.stdout)).toEqual([path.join(dir, 'a.txt')]);
  });
});

describe('issue 15, item 6: a self-referencing symbolic link given explicitly', () => {
  test('is reported (no stack trace), and the good file beside it is still parsed; exit 1', () => {
    const dir = tempDir();
    const self = path.join(dir, 'self.txt');
    fs.symlinkSync('self.txt', self);
    fs.writeFileSync(path.join(dir, 'good.txt'), seed(0));
    const r = run(['parse', self, path.join(dir, 'good.txt'), '--format', 'jsonl', '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${self}: error: cannot read: a symbolic link loop (too many levels of symbolic links), skipped\n`);
    expect(pageSources(r.stdout)).toEqual([path.join(dir, 'good.txt')]);
  });

  test('inside a walked directory it is left out and the rest is parsed', () => {
    const dir = tempDir();
    fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
    fs.writeFileSync(path.join(dir, 'good.txt'), seed(0));
    const r = run(['parse', dir, '--format', 'jsonl', '-q']);
    expect(r.status).toBe(0);
    expect(pageSources(r.stdout)).toEqual([path.join(dir, 'good.txt')]);
  });
});
