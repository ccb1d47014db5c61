import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { safeStem } from '../model/stem.js';

export interface InputFile {
  /** the path as the user gave it or as the directory/glob expanded it; `-` for standard input */
  path: string;
  stem: string;
}

export class InputError extends Error {}

/**
 * Expand command-line inputs: `-` is standard input, a directory means every `*.txt` below
 * it, anything else that is not a file is a glob. Each expansion is sorted so that runs are
 * reproducible; a path named twice is read once.
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: InputFile[]; missing: string[]; empty: string[] }> {
  const files: InputFile[] = [];
  const missing: string[] = [];
  /** directories given that hold no `*.txt`: most likely the wrong directory */
  const empty: string[] = [];
  const seen = new Set<string>();
  /** `key` is the absolute path, when the caller knows it without resolving `p` */
  const add = (p: string, key = p === '-' ? '-' : path.resolve(p)) => {
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: p, stem: p === '-' ? 'stdin' : stemOf(p) });
  };
  for (const input of inputs) {
    if (input === '-') { add('-'); continue; }
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      // unique: false, since one pattern yields each path once and `add` keys files by their
      // resolved path anyway: fast-glob's own check would be a second set lookup per file
      const found = await fg('**/*.txt', { cwd: input, onlyFiles: true, dot: false, followSymbolicLinks: true, unique: false });
      if (found.length === 0) empty.push(input);
      // fast-glob's paths are plain relative ones (no `.` or `..`), so prefixing the directory,
      // normalised once, is what path.join and path.resolve would give, without their work per file
      const under = prefixer(path.normalize(input));
      const resolved = prefixer(path.resolve(input));
      for (const f of found.sort()) {
        const own = path.sep === '/' ? f : f.split('/').join(path.sep);
        add(under(own), resolved(own));
      }
    } else if (stat) add(input);
    else if (fg.isDynamicPattern(input)) {
      const found = await fg(input, { onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(input);
      for (const f of found.sort()) add(f);
    } else missing.push(input);
  }
  return { files: uniqueStems(files), missing, empty };
}

/** `dir` joined to a plain relative path: `.` adds nothing, and a root keeps its one separator. */
function prefixer(dir: string): (relative: string) => string {
  if (dir === '.') return (relative) => relative;
  const head = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return (relative) => head + relative;
}

/**
 * Two inputs with one stem (`a/x.txt`, `b/x.txt`, or `.x.txt` and `_x.txt`, which share an
 * output directory) would overwrite each other's articles: later ones get `~2`, `~3`.
 */
function uniqueStems(files: InputFile[]): InputFile[] {
  const taken = new Set<string>();
  return files.map((f) => {
    let stem = f.stem;
    for (let n = 2; taken.has(dirKey(stem)); n++) stem = `${f.stem}~${n}`;
    taken.add(dirKey(stem));
    return stem === f.stem ? f : { ...f, stem };
  });
}

const dirKey = (stem: string) => safeStem(stem).toLowerCase();

export function stemOf(p: string): string {
  return path.basename(p).replace(/\.[^.]*$/, '') || path.basename(p);
}
