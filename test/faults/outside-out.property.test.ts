import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { cli, ROOT, tempDir } from '../helpers.js';
import { snapshot } from './snapshot.js';

/**
 * Issue 15, "Done when": random symbolic links, stems and names inside and around --out,
 * over many runs; after every run nothing outside --out has changed (the inputs included),
 * and no run ends in a stack trace.
 */
const SEEDS = path.join(ROOT, 'seeds');
const seedText = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));

/** Stems a user may well have, and ones built to look like the tool's own names. */
const stem = fc.oneof(
  fc.constantFrom('a', 'b', 'a b', 'A', 'x.json.5.6.tmp', '01.json.99999.0.tmp', 'corpus.jsonl', 'page.json', '.hidden', '..', '.bulletin-tmp-1-1-a', '.bulletin-manifest.json', '.bulletin.lock', 'stdin', 'x~2', '新闻'),
  fc.stringMatching(/^[a-z0-9 ._~-]{1,8}$/),
);

/** What may be planted inside --out before a run: each a link to somewhere outside, or a foreign file. */
const plant = fc.record({
  at: fc.oneof(stem, fc.tuple(stem, fc.constantFrom('01.json', '01.md', 'page.json', '02.json')).map(([d, f]) => `${d}/${f}`), fc.constantFrom('.bulletin-manifest.json', '.bulletin.lock', 'corpus.jsonl')),
  what: fc.constantFrom('link-to-outside-dir', 'link-to-outside-file', 'link-to-parent', 'link-to-inputs', 'dangling-link', 'fifo-free-file'),
});

const run = fc.record({
  inputs: fc.uniqueArray(fc.tuple(fc.constantFrom('', 'sub/', 'sub/deeper/'), stem), { minLength: 1, maxLength: 4, selector: ([d, s]) => `${d}${s}` }),
  plants: fc.array(plant, { maxLength: 3 }),
  format: fc.constantFrom('json,md', 'all', 'jsonl', 'md'),
  force: fc.boolean(),
  linkOutIntoInputs: fc.boolean(),
});

describe('nothing outside --out changes, whatever is inside and around it', () => {
  test('random runs over random names, with links planted inside --out', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 2, maxLength: 3 }), (runs) => {
        const root = tempDir('bulletin-prop-');
        const inDir = path.join(root, 'in');
        const out = path.join(root, 'out');
        const outside = path.join(root, 'outside');
        fs.mkdirSync(path.join(outside, 'dir', 'a'), { recursive: true });
        fs.mkdirSync(inDir);
        fs.mkdirSync(out);
        // someone else's files, named as the tool would name its own
        for (const f of ['01.json', '01.md', 'page.json', 'a/01.json', 'corpus.jsonl', '.bulletin-manifest.json']) fs.writeFileSync(path.join(outside, 'dir', f), `theirs ${f}\n`);
        fs.writeFileSync(path.join(outside, 'file.txt'), seedText[0]!);
        runs.forEach((r, n) => {
          // this run's inputs (the earlier runs' are removed: their outputs may be deleted)
          for (const e of fs.readdirSync(inDir)) fs.rmSync(path.join(inDir, e), { recursive: true, force: true });
          r.inputs.forEach(([dir, s], i) => {
            const p = path.join(inDir, dir, `${s}.txt`);
            fs.mkdirSync(path.dirname(p), { recursive: true });
            fs.writeFileSync(p, seedText[(n + i) % seedText.length]!);
          });
          if (r.linkOutIntoInputs) fs.symlinkSync(out, path.join(inDir, 'sub-out'));
          for (const { at, what } of r.plants) {
            const p = path.join(out, at);
            // (never through a link planted before: that would plant outside --out, the test's doing)
            if (path.relative(out, p).startsWith('..') || fs.existsSync(p) || isLink(p) || isLink(path.dirname(p))) continue;
            try {
              fs.mkdirSync(path.dirname(p), { recursive: true });
            } catch {
              continue;
            }
            if (what === 'fifo-free-file') fs.writeFileSync(p, 'a file bulletin did not write\n');
            else {
              const target = { 'link-to-outside-dir': path.join(outside, 'dir'), 'link-to-outside-file': path.join(outside, 'file.txt'), 'link-to-parent': root, 'link-to-inputs': inDir, 'dangling-link': path.join(outside, 'nothing') }[what];
              fs.symlinkSync(target, p);
            }
          }
          const before = { outside: snapshot(outside), inputs: snapshot(inDir) };
          const args = ['parse', inDir, '-o', out, '--format', r.format, '-q', ...(r.force ? ['--force'] : [])];
          const result = cli(args);
          expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
          expect([0, 1, 2]).toContain(result.status);
          expect(snapshot(outside)).toEqual(before.outside);
          expect(snapshot(inDir)).toEqual(before.inputs);
          expect(fs.readdirSync(root).sort()).toEqual(['in', 'out', 'outside']);
        });
        fs.rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 20 },
    );
  });
});

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
