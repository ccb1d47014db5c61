import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { cloneEnv, codeBlocks, freshClone, sh } from '../sandbox.js';

/**
 * The README's examples, run as written on a fresh clone, so that the README cannot drift
 * from the tool. Every ```sh (or bash, shell) block runs, in the README's order and in one
 * clone, so a block may use what an earlier one made (corpus.jsonl). A block that must not run
 * here says why in a `<!-- not-run: REASON -->` comment right above it.
 */
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = codeBlocks(README);
const SHELL = new Set(['sh', 'bash', 'shell']);
const shellBlocks = blocks.filter((b) => SHELL.has(b.lang));
const where = (b: { line: number; section: string }) => `README.md:${b.line} (${b.section})`;

describe('README shell examples', () => {
  test('the README has shell examples, and most of them run', () => {
    const run = shellBlocks.filter((b) => b.notRun === undefined);
    expect(run.length).toBeGreaterThanOrEqual(6);
    expect(run.length).toBeGreaterThan(shellBlocks.length / 2);
  });

  test('a block not run says why, in a sentence', () => {
    for (const b of shellBlocks.filter((x) => x.notRun !== undefined)) {
      const reason = b.notRun!;
      // a reason names what the block would do here and why that cannot be, not a placeholder
      expect({ at: where(b), words: reason.split(/\s+/).length >= 8 }).toEqual({ at: where(b), words: true });
      expect({ at: where(b), reason }).not.toEqual({ at: where(b), reason: expect.stringMatching(/^(todo|tbd|wip|skip|later|broken|flaky|slow)\b/i) });
    }
  });

  test('no shell block hides under another fence name (console, shell-session, zsh)', () => {
    const looksShell = blocks.filter((b) => !SHELL.has(b.lang) && /^(console|shell-session|zsh|sh-session|terminal)$/.test(b.lang));
    expect(looksShell.map(where)).toEqual([]);
  });

  describe('each runs as written on a fresh clone, in order', () => {
    let clone = '';
    let env: NodeJS.ProcessEnv = {};
    beforeAll(() => {
      clone = freshClone();
      env = cloneEnv(clone);
    });
    const run = shellBlocks.filter((b) => b.notRun === undefined);
    test.each(run.map((b) => [where(b), b] as const))('%s', (_where, b) => {
      const r = sh(b.code, clone, env);
      // the whole story on failure: the block, and the end of what it said
      expect({ block: b.code, status: r.status, stderr: r.status === 0 ? '' : r.stderr.slice(-4000) }).toEqual({ block: b.code, status: 0, stderr: '' });
    });
  });

  test('the Configuration example is a config a run takes: its plugin pass is listed, and a jq pipeline still gets the stream', () => {
    const config = blocks.find((b) => b.lang === 'yaml' && b.code.split('\n').includes('# bulletin.config.yaml'));
    expect(config).toBeDefined();
    const clone = freshClone();
    fs.writeFileSync(path.join(clone, 'bulletin.config.yaml'), config!.code + '\n');
    const env = cloneEnv(clone);
    const passes = sh('npx bulletin passes --json', clone, env);
    expect(passes.status).toBe(0);
    expect(JSON.parse(passes.stdout).map((p: { name: string }) => p.name)).toContain('no-ads');
    // the config says out: corpus; --format jsonl typed on the command line goes to stdout
    const stream = sh("npx bulletin parse --format jsonl -q | jq -r 'select(.type == \"page\") | .source'", clone, env);
    expect(stream.status).toBe(0);
    expect(stream.stdout.trim().split('\n')).toHaveLength(fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length);
    expect(fs.existsSync(path.join(clone, 'corpus'))).toBe(false);
  });
});
