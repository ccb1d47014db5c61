import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cliEnv, ROOT, RUN_DIR, tempDir } from '../helpers.js';

/**
 * bin/bulletin.js only starts the compiled CLI. Its V8 flags are on node's command line, in
 * the shebang, so a run started as `bulletin` (npx, an npm bin link, PATH) has them in every
 * thread before anything is compiled; nothing sets flags at run time.
 */
const FLAGS = ['--maglev', '--max-inlined-bytecode-size-cumulative=150', '--no-turbo-inline-array-builtins'];

test('the bin is a shebang with the flags and one import', () => {
  const text = fs.readFileSync(BIN, 'utf8');
  expect(text.split('\n')[0]).toBe(`#!/usr/bin/env -S node ${FLAGS.join(' ')}`);
  // Linux before 5.1 reads at most 127 bytes of a shebang
  expect(Buffer.byteLength(text.split('\n')[0]!)).toBeLessThanOrEqual(127);
  expect(text).not.toMatch(/setFlagsFromString/);
  expect(text.split('\n').filter((l) => l.trim() && !l.startsWith('#!') && !l.startsWith('//'))).toEqual(["import '../dist/cli/main.js';"]);
});

test('run as a program, the flags reach the worker threads', () => {
  const dir = tempDir();
  const pages = path.join(dir, 'pages');
  fs.mkdirSync(pages);
  const seed = fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))!;
  for (let i = 0; i < 40; i++) fs.copyFileSync(path.join(ROOT, 'seeds', seed), path.join(pages, `p${i}.txt`));
  const plugin = path.join(dir, 'flags.mjs');
  fs.writeFileSync(plugin, "import { isMainThread } from 'node:worker_threads';\nexport default { name: 'flags', description: 'says where it runs, with which flags', run(page, o, { report }) { report(`${isMainThread ? 'main' : 'worker'} ${process.execArgv.join(' ')}`); return page; } };\n");
  const r = spawnSync(BIN, ['parse', pages, '--format', 'jsonl', '--jobs', '2', '--plugin', plugin], { cwd: RUN_DIR, encoding: 'utf8', env: cliEnv() });
  expect(r.status).toBe(0);
  const said = new Set(r.stderr.split('\n').filter((l) => l.endsWith('[flags]')).map((l) => l.replace(/^.*warning: (.*) \[flags\]$/, '$1')));
  expect([...said]).toEqual([`worker ${FLAGS.join(' ')}`]);
});
