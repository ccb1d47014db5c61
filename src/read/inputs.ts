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

/** A named input that is not a file to read (a FIFO, a symbolic link loop): reported and skipped. */
export interface SkippedInput {
  path: string;
  why: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  missing: string[];
  /** directories given that hold no `*.txt`: most likely the wrong directory */
  empty: string[];
  skipped: SkippedInput[];
  /** the real path of every input file, for checking that --out stays apart from them */
  realFiles: string[];
  /** the real path of every directory walked for inputs */
  realDirs: string[];
}

/**
 * Expand command-line inputs: `-` is standard input, a directory means every `*.txt` below
 * it, anything else that is not a file is a glob. Each expansion is sorted so that runs are
 * reproducible. A file is read once whatever paths reach it (named twice, or through
 * symbolic links), by its real path; a directory is walked once, so a link back up the tree
 * ends the walk there rather than forty levels down.
 */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  const skipped: SkippedInput[] = [];
  const realFiles: string[] = [];
  const realDirs = new Set<string>();
  const seen = new Set<string>();
  /** `real` is the real path, when the caller knows it without resolving `p` */
  const add = (p: string, real?: string) => {
    const key = p === '-' ? '-' : real ?? realPath(p);
    if (key === null || seen.has(key)) return;
    seen.add(key);
    if (key !== '-') realFiles.push(key);
    files.push({ path: p, stem: p === '-' ? 'stdin' : stemOf(p) });
  };
  for (const input of inputs) {
    if (input === '-') { add('-'); continue; }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input, { throwIfNoEntry: false });
    } catch (err) {
      skipped.push({ path: input, why: `cannot read: ${statFailure(err)}, skipped` });
      continue;
    }
    if (stat?.isDirectory()) {
      const found = walkTxt(input, realDirs);
      if (found.length === 0) empty.push(input);
      // the walk's paths are plain relative ones (no `.` or `..`), so prefixing the directory,
      // normalised once, is what path.join would give, without its work per file
      const under = prefixer(path.normalize(input));
      for (const f of found.sort(byRelative)) add(under(path.sep === '/' ? f.rel : f.rel.split('/').join(path.sep)), f.real);
    } else if (stat?.isFile()) add(input);
    else if (stat) skipped.push({ path: input, why: `not a regular file (${kindOf(stat)}), skipped` });
    else if (fg.isDynamicPattern(input)) {
      const found = await fg(input, { onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(input);
      for (const f of found.sort()) add(f);
    } else missing.push(input);
  }
  return { files: uniqueStems(files), missing, empty, skipped, realFiles, realDirs: [...realDirs] };
}

const byRelative = (a: { rel: string }, b: { rel: string }) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);

function realPath(p: string): string | null {
  try {
    return fs.realpathSync.native(p);
  } catch {
    // it went away meanwhile: reading it reports that
    return path.resolve(p);
  }
}

function statFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ELOOP' ? 'a symbolic link loop (too many levels of symbolic links)' : code === 'EACCES' ? 'permission denied' : code === 'ENAMETOOLONG' ? 'name too long' : (err as Error).message;
}

function kindOf(stat: fs.Stats): string {
  return stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() ? 'a character device' : stat.isBlockDevice() ? 'a block device' : 'not a file';
}

/**
 * Every `*.txt` below `root` that is a regular file (or a link to one), skipping names that
 * start with a dot, as `**\/*.txt` would: relative paths with `/`, each with its real path.
 * Directories are entered once each, by real path, so links that lead back up the tree (or
 * to a directory already walked) add nothing. A FIFO or a broken link is not a page: left out.
 */
function walkTxt(root: string, visited: Set<string>): { rel: string; real: string }[] {
  const found: { rel: string; real: string }[] = [];
  const visit = (dir: string, rel: string) => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync.native(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      let target = isFile ? path.join(real, e.name) : null;
      if (e.isSymbolicLink()) {
        try {
          const stat = fs.statSync(p);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
          target = isFile ? fs.realpathSync.native(p) : null;
        } catch {
          continue;
        }
      }
      if (isDir) visit(p, r);
      else if (isFile && e.name.endsWith('.txt')) found.push({ rel: r, real: target! });
    }
  };
  visit(root, '');
  return found;
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
