import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';

/**
 * The layers of src/, lowest first: a file imports its own layer or lower ones, never a
 * higher one, and no import runs in a cycle. The folders of one layer stay apart, but for
 * passes reading with read/. (README, "Architecture"; the same rule as
 * ../shared/tools/import-graph.mjs, which this checkout must not need.)
 */
const LAYERS = [['model'], ['read', 'passes', 'writers', 'eval'], ['pipeline.ts'], ['run'], ['config.ts'], ['cli']];
const SIDEWAYS_ALLOWED = new Set(['passes->read']);
/** src/index.ts is the package's export for plugins: above everything, imported by nothing. */
const ENTRY = 'index.ts';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports: static, re-exports, literal dynamic import(), and a worker's new URL(…, import.meta.url). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g);
  return [...found].map((m) => path.resolve(path.dirname(file), (m[1] ?? m[2] ?? m[3] ?? m[4])!.replace(/\.js$/, '.ts')));
}

const files = sourceFiles(SRC);
const edges = new Map(files.map((f) => [f, importsOf(f)]));
const top = (f: string) => path.relative(SRC, f).split(path.sep)[0]!;
const layerOf = (f: string) => LAYERS.findIndex((l) => l.includes(top(f)));

test('every import resolves to a file of src/', () => {
  const missing = [...edges].flatMap(([f, to]) => to.filter((t) => !files.includes(t)).map((t) => `${path.relative(SRC, f)} -> ${path.relative(SRC, t)}`));
  expect(missing).toEqual([]);
});

test('every file of src/ belongs to a layer', () => {
  expect(files.filter((f) => layerOf(f) < 0 && top(f) !== ENTRY).map((f) => path.relative(SRC, f))).toEqual([]);
});

test('no import runs up the layers, or across the folders of one layer', () => {
  const against: string[] = [];
  for (const [from, to] of edges) {
    for (const t of to) {
      if (top(t) === ENTRY) against.push(`${path.relative(SRC, from)} -> index.ts`);
      if (top(from) === ENTRY || !files.includes(t)) continue;
      const [a, b] = [layerOf(from), layerOf(t)];
      const sideways = a === b && top(from) !== top(t) && LAYERS[a]!.length > 1 && !SIDEWAYS_ALLOWED.has(`${top(from)}->${top(t)}`);
      if (b > a || sideways) against.push(`${path.relative(SRC, from)} -> ${path.relative(SRC, t)}`);
    }
  }
  expect(against).toEqual([]);
});

test('no import cycle', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, trail: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(SRC, x)).join(' -> '));
      return;
    }
    state.set(f, 'open');
    for (const t of edges.get(f) ?? []) visit(t, [...trail, f]);
    state.set(f, 'done');
  };
  for (const f of files) visit(f, []);
  expect(cycles).toEqual([]);
});

test('only writers/ changes the file system, and only cli/ and the JSON Lines stream write to stdout', () => {
  const offending = files.flatMap((f) => {
    const rel = path.relative(SRC, f);
    const text = fs.readFileSync(f, 'utf8');
    const hits: string[] = [];
    if (top(f) !== 'writers' && /\bfs\.(write|rename|rm|mkdir|unlink|copyFile|createWriteStream|appendFile|truncate|symlink|cp)\w*\(/.test(text)) hits.push(`${rel} writes files`);
    if (top(f) !== 'cli' && rel !== path.join('writers', 'jsonl-stream.ts') && /\bprocess\.std(out|err)\b|\bconsole\./.test(text)) hits.push(`${rel} prints`);
    return hits;
  });
  expect(offending).toEqual([]);
});

// The workspace's own tool, a second opinion on the checks above. It is not part of the
// repository, so a clone elsewhere has only the checks above (they always run).
const SHARED_TOOL = path.join(ROOT, '..', 'shared', 'tools', 'import-graph.mjs');
if (fs.existsSync(SHARED_TOOL)) test('../shared/tools/import-graph.mjs agrees: no cycle, nothing upward', () => {
  const r = spawnSync(process.execPath, [SHARED_TOOL, SRC], { encoding: 'utf8' });
  expect(r.stdout.trim().split('\n').at(-1)).toMatch(/ cycles=0 upward=0$/);
  expect(r.status).toBe(0);
});
