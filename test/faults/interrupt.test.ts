import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, ROOT, RUN_DIR, tempDir } from '../helpers.js';
import { readArticleMarkdown } from '../../src/read/article-markdown.js';

const SEEDS = path.join(ROOT, 'seeds');
const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));

/** Many real pages, so that a run lasts long enough to be interrupted in the middle. */
function manyPages(n: number): string {
  const dir = tempDir();
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `p${String(i).padStart(4, '0')}.txt`), seeds[i % seeds.length]!);
  return dir;
}

/** A temporary file, or anything inside a page directory still being filled under a temporary name. */
const isTemporary = (rel: string) => rel.split(path.sep).some((part) => part.endsWith('.tmp'));

/** The page directories written so far (not the ones still being filled). */
const pageDirs = (out: string): string[] =>
  fs.existsSync(out) ? fs.readdirSync(out, { withFileTypes: true }).filter((d) => d.isDirectory() && !isTemporary(d.name)).map((d) => d.name).sort() : [];

/** Start a run, wait until it has written some pages, send the signal, and wait for the exit. */
async function interrupt(input: string, out: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [BIN, 'parse', input, '-o', out, '--format', 'all', '-q'], { cwd: RUN_DIR, stdio: 'ignore' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  for (let i = 0; i < 2000 && pageDirs(out).length < 50; i++) await new Promise((r) => setTimeout(r, 10));
  child.kill(signal);
  return exited;
}

/** A pid no process has: a killed run's. */
function goneProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

/** Every output file is whole: JSON parses, Markdown reads back, no temporaries unless allowed. */
function checkOutput(out: string, allowTemporaries = false) {
  let files = 0;
  for (const rel of fs.readdirSync(out, { recursive: true }) as string[]) {
    const p = path.join(out, rel);
    if (fs.statSync(p).isDirectory()) continue;
    files++;
    // a run killed with SIGKILL cannot release its lock; the next run takes it over
    if (isTemporary(rel) || rel === '.bulletin.lock') {
      expect(allowTemporaries).toBe(true);
      continue;
    }
    const text = fs.readFileSync(p, 'utf8');
    if (rel.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
    else if (rel.endsWith('.jsonl')) for (const l of text.split('\n').filter(Boolean)) JSON.parse(l);
    else if (rel.endsWith('.md')) expect(readArticleMarkdown(text).id).toMatch(/\/\d{2}$/);
    else throw new Error(`unexpected file ${rel}`);
  }
  return files;
}

describe('an interrupted run leaves every output file complete or absent', () => {
  const input = manyPages(1500);

  test.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s: exit %i, no temporaries, all files valid', async (signal, code) => {
    const out = path.join(tempDir(), 'out');
    const r = await interrupt(input, out, signal);
    expect(r).toEqual({ code, signal: null });
    const dirs = pageDirs(out).length;
    // interrupted in the middle: something written, not everything
    expect(dirs).toBeGreaterThanOrEqual(50);
    expect(dirs).toBeLessThan(1500);
    expect(checkOutput(out)).toBeGreaterThan(0);
    expect(fs.readdirSync(out).filter(isTemporary)).toEqual([]);
    expect(fs.existsSync(path.join(out, 'corpus.jsonl'))).toBe(false);
  });

  test('SIGKILL: finished files are valid, and the next run removes temporaries and completes the output', async () => {
    const out = path.join(tempDir(), 'out');
    const r = await interrupt(input, out, 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    checkOutput(out, true);
    // a leftover temporary, as a kill inside writeFileSync would leave it
    const firstDir = path.join(out, pageDirs(out)[0]!);
    // (named with the killed run's pid, which is gone: only such temporaries are removed)
    const gone = goneProcessId();
    fs.writeFileSync(path.join(firstDir, `.bulletin-tmp-${gone}-0-01.json.tmp`), '{"trunc');
    // and a page directory it was filling
    fs.mkdirSync(path.join(out, `.bulletin-tmp-${gone}-1-p9999.tmp`));
    fs.writeFileSync(path.join(out, `.bulletin-tmp-${gone}-1-p9999.tmp`, '01.json'), '{"trunc');
    const again = cli(['parse', input, '-o', out, '--format', 'all', '-q']);
    expect(again.status).toBe(0);
    checkOutput(out);
    // the 1500 page directories, corpus.jsonl and warnings.jsonl
    expect(fs.readdirSync(out).length).toBe(1502);
  });
});
