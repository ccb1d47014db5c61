import fs from 'node:fs';
import path from 'node:path';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';

/** A project as the README's Configuration section sets one up: pages/ and a config naming out: corpus. */
function project(config = 'inputs: [pages/]\nout: corpus\nformat: [json, md]\n'): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'pages'));
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).slice(0, 2)) {
    fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, 'pages', f));
  }
  fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), config);
  return dir;
}
const pageRecords = (stdout: string) => jsonl(stdout).filter((r) => r.type === 'page');

describe('where the stream goes under a config file (issue 14, item 3)', () => {
  test('--format jsonl typed without --out streams to stdout, though the config says out: corpus', () => {
    const dir = project();
    const r = cli(['parse', 'pages/', '--format', 'jsonl', '-q'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(pageRecords(r.stdout)).toHaveLength(2);
    expect(fs.existsSync(path.join(dir, 'corpus'))).toBe(false);
  });

  test('the same with the config\'s inputs, and with format: jsonl in the config', () => {
    const dir = project('inputs: [pages/]\nout: corpus\nformat: jsonl\n');
    const r = cli(['parse', '--format', 'jsonl', '-q'], { cwd: dir });
    expect(pageRecords(r.stdout)).toHaveLength(2);
    expect(fs.existsSync(path.join(dir, 'corpus'))).toBe(false);
    // format from the config, out from the config: the stream goes where the config says
    const quiet = cli(['parse', '-q'], { cwd: dir });
    expect(quiet).toMatchObject({ status: 0, stdout: '' });
    expect(pageRecords(fs.readFileSync(path.join(dir, 'corpus', 'corpus.jsonl'), 'utf8'))).toHaveLength(2);
  });

  test('--out - is stdout always: JSON Lines even where the config asks for json and md files', () => {
    const dir = project();
    const r = cli(['parse', '--out', '-', '-q'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(pageRecords(r.stdout)).toHaveLength(2);
    expect(fs.existsSync(path.join(dir, 'corpus'))).toBe(false);
    // and out: - in the config is stdout too, not a directory named "-"
    const dash = project('inputs: [pages/]\nout: "-"\nformat: jsonl\n');
    expect(pageRecords(cli(['parse', '-q'], { cwd: dash }).stdout)).toHaveLength(2);
    expect(fs.existsSync(path.join(dash, '-'))).toBe(false);
  });

  test('files still go to the config\'s out, and an explicit --out with jsonl writes OUT/corpus.jsonl', () => {
    const dir = project();
    expect(cli(['parse', '-q'], { cwd: dir }).status).toBe(0);
    // two page directories, beside the warnings report
    expect(fs.readdirSync(path.join(dir, 'corpus')).filter((n) => !n.startsWith('.') && n !== 'warnings.jsonl')).toHaveLength(2);
    const r = cli(['parse', '--format', 'jsonl', '-o', 'stream', '-q'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stdout: '' });
    expect(pageRecords(fs.readFileSync(path.join(dir, 'stream', 'corpus.jsonl'), 'utf8'))).toHaveLength(2);
    // a format that writes files as well keeps the config's directory
    expect(cli(['parse', '--format', 'json,jsonl', '-q'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
    expect(fs.existsSync(path.join(dir, 'corpus', 'corpus.jsonl'))).toBe(true);
  });

  test('files to stdout stay a usage error', () => {
    const r = cli(['parse', '--format', 'md', '--out', '-'], { cwd: project() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/give a directory with --out/);
  });
});
