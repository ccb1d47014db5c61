import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, tempDir } from '../helpers.js';

/**
 * A page's messages reach every output with the pass that raised them: stderr as
 * `FILE:LINE[:COL]: warning: MESSAGE [pass]`, the page record as `{line, origin, kind, severity, message}`,
 * whether the page was parsed in the main thread or in a worker.
 */

// no defaults and no options: a plugin may leave them out
const REPORTER = `import { isMainThread } from 'node:worker_threads';
export default {
  name: 'marker',
  description: 'reports a place on every page',
  run(page, options, { report }) {
    report('a column to look at', { line: 2, column: 3 });
    report(isMainThread ? 'about the whole page, from the main thread' : 'about the whole page, from a worker');
    report('this one is an error', { line: 1, severity: 'error' });
    return page;
  },
};
`;

function project(pages: number) {
  const dir = tempDir();
  const input = path.join(dir, 'pages');
  fs.mkdirSync(input);
  for (let i = 0; i < pages; i++) fs.writeFileSync(path.join(input, `p${String(i).padStart(3, '0')}.txt`), '民政部发布关爱儿童通知\n3月23日，民政部发布通知，关爱儿童。\n');
  const plugin = path.join(dir, 'marker.mjs');
  fs.writeFileSync(plugin, REPORTER);
  return { dir, input, plugin };
}

describe.each([
  // a plugin's pass never runs in the main thread, where it could end or freeze the run
  ['with --jobs 1, in a worker thread all the same', 1, '1', 'a worker'],
  ['in worker threads', 120, '2', 'a worker'],
])('messages of a page parsed %s', (_, pages, jobs, thread) => {
  const { input, plugin } = project(pages);
  const r = cli(['parse', input, '--format', 'jsonl', '--plugin', plugin, '--jobs', jobs]);

  test('stderr names file, line, column and pass', () => {
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('[marker]'));
    expect(lines).toHaveLength(3 * pages);
    const first = path.join(input, 'p000.txt');
    expect(lines.slice(0, 3)).toEqual([
      `${first}:2:3: warning: a column to look at [marker]`,
      `${first}: warning: about the whole page, from ${thread} [marker]`,
      `${first}:1: error: this one is an error [marker]`,
    ]);
    const last = path.join(input, `p${String(pages - 1).padStart(3, '0')}.txt`);
    expect(lines.at(-3)).toBe(`${last}:2:3: warning: a column to look at [marker]`);
  });

  test('the page record carries origin and severity', () => {
    const records = jsonl(r.stdout).filter((x) => x.type === 'page');
    expect(records).toHaveLength(pages);
    for (const p of records) {
      expect(p.warnings).toEqual([
        { line: 2, origin: 'marker', kind: 'marker', severity: 'warning', message: 'a column to look at' },
        { line: null, origin: 'marker', kind: 'marker', severity: 'warning', message: `about the whole page, from ${thread}` },
        { line: 1, origin: 'marker', kind: 'marker', severity: 'error', message: 'this one is an error' },
      ]);
    }
  });
});

test('the reader stage is an origin too: an invalid byte is reported as [decode]', () => {
  const dir = tempDir();
  const file = path.join(dir, 'bad.txt');
  fs.writeFileSync(file, Buffer.concat([Buffer.from('民政部\n甲'), Buffer.from([0xff]), Buffer.from('乙\n')]));
  const r = cli(['parse', file, '--format', 'jsonl']);
  expect(r.status).toBe(0);
  expect(r.stderr).toContain(`${file}:2: warning: invalid utf-8 byte sequence at byte offset 13 (FF), decoded as U+FFFD [decode]`);
  const page = jsonl(r.stdout).at(-1);
  expect(page.warnings[0]).toEqual({ line: 2, origin: 'decode', kind: 'invalid-bytes', severity: 'warning', message: 'invalid utf-8 byte sequence at byte offset 13 (FF), decoded as U+FFFD' });
});

test('--quiet leaves messages out of stderr but in the page record', () => {
  const { input, plugin } = project(1);
  const r = cli(['parse', input, '--format', 'jsonl', '--plugin', plugin, '-q']);
  expect(r.stderr).toBe('');
  expect(jsonl(r.stdout).at(-1).warnings).toHaveLength(3);
});
