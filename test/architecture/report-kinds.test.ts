import fs from 'node:fs';
import path from 'node:path';
import { parseText, ROOT } from '../helpers.js';

/**
 * issue 16, "A warnings report": every warning a built-in pass raises has a kind of its own,
 * one of those the README's table lists with its pass, so that a corpus's warnings can be
 * counted by kind (the summary line, OUT/warnings.jsonl) and the table read as their key.
 */

const PASSES = path.join(ROOT, 'src', 'passes');

/** The text of each `report(…)` call in a source file, to its closing parenthesis. */
function reportCalls(text: string): string[] {
  const calls: string[] = [];
  for (const m of text.matchAll(/\breport\(/g)) {
    let depth = 0;
    let end = m.index!;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(m.index!, end + 1));
  }
  return calls;
}

/** The README's table of kinds: kind -> the passes it names. */
function readmeKinds(): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Warnings'), readme.indexOf('\n### ', readme.indexOf('### Warnings') + 1));
  const kinds = new Map<string, string[]>();
  for (const m of section.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)) kinds.set(m[1]!, m[2]!.split(',').map((s) => s.trim()));
  return kinds;
}

test('every report() call of a built-in pass names its kind', () => {
  let calls = 0;
  for (const name of fs.readdirSync(PASSES).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(PASSES, name), 'utf8');
    for (const call of reportCalls(text)) {
      // pass.ts declares the type, it makes no call
      if (name === 'pass.ts') continue;
      calls++;
      expect([name, call, /\bkind: /.test(call)]).toEqual([name, call, true]);
    }
  }
  expect(calls).toBeGreaterThanOrEqual(6);
});

test('the kinds the pages give are the README\'s, each from a pass the table names', () => {
  const table = readmeKinds();
  expect(table.size).toBeGreaterThanOrEqual(10);
  // the development sets: pages whose text may be read (not blind3 or blind5)
  const dirs = ['seeds', 'fixtures/pages', 'fixtures/holdout/pages', 'fixtures/blind/pages', 'fixtures/blind2/pages', 'fixtures/blind4/pages'];
  const seen = new Map<string, Set<string>>();
  for (const dir of dirs) {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.txt'))) {
      const page = parseText(fs.readFileSync(path.join(ROOT, dir, f), 'utf8'), f.replace(/\.txt$/, ''));
      for (const m of page.messages) {
        expect(m.kind).toBeDefined();
        if (!seen.has(m.kind!)) seen.set(m.kind!, new Set());
        seen.get(m.kind!)!.add(m.origin);
      }
    }
  }
  // the fixtures made to show a caption in a sentence and a column break give those kinds
  for (const kind of ['caption-lifted', 'column-break', 'weak-match']) expect([kind, seen.has(kind)]).toEqual([kind, true]);
  for (const [kind, origins] of seen) {
    expect([kind, table.has(kind)]).toEqual([kind, true]);
    for (const o of origins) expect([kind, o, table.get(kind)!.includes(o)]).toEqual([kind, o, true]);
  }
});
