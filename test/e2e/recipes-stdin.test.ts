import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cli, cliEnv, jsonl, ROOT, RUN_DIR, tempDir } from '../helpers.js';

const SEED = path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[0]!);
/** Records without what names their input (source, and the stem in ids), which `-` names `stdin`. */
const unnamed = (text: string) => jsonl(text).map(({ source: _, ...r }) => ({ ...r, ...(r.id ? { id: r.id.replace(/^.*\//, '') } : {}) }));
/** The page's records as a file input gives them. */
const expected = () => unnamed(cli(['parse', SEED, '--format', 'jsonl', '-q']).stdout);

describe('standard input is read as a stream (issue 14, item 2)', () => {
  test('a writer that is slow to start: (sleep 1; cat page.txt) | bulletin parse - --format jsonl', () => {
    const r = spawnSync('sh', ['-c', `(sleep 1; cat "${SEED}") | "${process.execPath}" "${BIN}" parse - --format jsonl`], { cwd: RUN_DIR, env: cliEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).not.toMatch(/EAGAIN|error/);
    expect(r.status).toBe(0);
    const records = jsonl(r.stdout);
    expect(records.filter((x) => x.type === 'article').length).toBeGreaterThan(0);
    expect(records[records.length - 1]).toMatchObject({ type: 'page', source: '-' });
    expect(records[0].id).toBe('stdin/01');
    expect(unnamed(r.stdout)).toEqual(expected());
  });

  test('a page arriving in pieces, with pauses between them, is read whole', () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const cut = text.indexOf('\n', text.length >> 1) + 1;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a'), text.slice(0, cut));
    fs.writeFileSync(path.join(dir, 'b'), text.slice(cut));
    const r = spawnSync('sh', ['-c', `(cat a; sleep 0.5; cat b) | "${process.execPath}" "${BIN}" parse - --format jsonl -q`], { cwd: dir, env: cliEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(unnamed(r.stdout)).toEqual(expected());
  });

  test('standard input from a terminal: the page typed, then Ctrl-D', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.jsonl');
    // util-linux `script` gives the CLI a pseudo-terminal as stdin and passes ours to it;
    // Ctrl-D (EOT) at the start of a line ends the input, as it does for a person typing
    fs.writeFileSync(path.join(dir, 'typed.txt'), fs.readFileSync(SEED, 'utf8').replace(/\n?$/, '\n'));
    const r = spawnSync('sh', ['-c', `(cat typed.txt; sleep 1; printf '\\004') | script -qec 'stty cols 100 rows 30; "${process.execPath}" "${BIN}" parse - --format jsonl > "${out}"' typescript`], {
      cwd: dir,
      env: cliEnv({ CI: '' }),
      input: '',
      timeout: 30_000,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'typescript'), 'utf8')).toMatch(/reading a page from the terminal: end it with Ctrl-D/);
    // a terminal gives the program what was typed, lines ending in LF; the records are the file's
    const records = unnamed(fs.readFileSync(out, 'utf8'));
    expect(records.map((x) => [x.type, x.headline ?? null])).toEqual(expected().map((x) => [x.type, x.headline ?? null]));
  });
});
