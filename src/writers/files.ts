import fs from 'node:fs';
import path from 'node:path';
import { safeStem } from '../model/stem.js';
import type { Page } from '../model/types.js';
import { articleRecord, pageRecord } from './records.js';
import { articleToMarkdown } from './markdown.js';

export type FileFormat = 'json' | 'md';

/** What a page becomes on disk, relative to the output directory: name -> content. */
export function pageFiles(page: Page, formats: readonly FileFormat[]): Map<string, string> {
  const dir = safeStem(page.stem);
  const out = new Map<string, string>();
  page.articles.forEach((a, i) => {
    const r = articleRecord(page, a, i);
    const nn = String(i + 1).padStart(2, '0');
    if (formats.includes('json')) out.set(`${dir}/${nn}.json`, JSON.stringify(r, null, 2) + '\n');
    if (formats.includes('md')) out.set(`${dir}/${nn}.md`, articleToMarkdown(r));
  });
  out.set(`${dir}/page.json`, JSON.stringify(pageRecord(page), null, 2) + '\n');
  return out;
}

/**
 * Write a page's files atomically, so an interrupted run leaves every file whole or absent.
 * A page directory that does not exist yet is written under a temporary name beside it and
 * renamed into place whole: one rename per page rather than per file, on a fresh run where
 * page directories are the common case. Into an existing directory, each file goes to a temporary name and is
 * renamed over its old version, and files of an earlier run that this run no longer makes
 * are removed.
 */
export function writePageFiles(outDir: string, files: Map<string, string>): void {
  const root = path.resolve(outDir);
  const byDir = new Map<string, [name: string, content: string][]>();
  for (const [rel, content] of files) {
    const target = path.resolve(root, rel);
    if (!target.startsWith(root + path.sep)) throw new Error(`refusing to write outside ${outDir}: ${rel}`);
    const dir = path.dirname(target);
    let entries = byDir.get(dir);
    if (!entries) byDir.set(dir, (entries = []));
    entries.push([path.basename(target), content]);
  }
  for (const [dir, entries] of byDir) {
    if (path.dirname(dir) === root && !fs.existsSync(dir) && writeNewDirectory(root, dir, entries)) continue;
    writeIntoDirectory(root, dir, entries, files);
  }
}

/** Write a directory that does not exist yet; false when it appeared meanwhile. */
function writeNewDirectory(root: string, dir: string, entries: [string, string][]): boolean {
  if (!knownRoots.has(root)) {
    fs.mkdirSync(root, { recursive: true });
    knownRoots.add(root);
  }
  // a leading dot: safeStem never makes one, so no page directory can be mistaken for it
  const tmp = temporaryFor(path.join(root, `.${path.basename(dir)}`));
  try {
    fs.mkdirSync(tmp);
    for (const [name, content] of entries) fs.writeFileSync(path.join(tmp, name), content);
  } catch (err) {
    discardTemporary(tmp);
    throw err;
  }
  try {
    commitTemporary(tmp, dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw err;
  }
  return true;
}
const knownRoots = new Set<string>();

function writeIntoDirectory(root: string, dir: string, entries: [string, string][], files: Map<string, string>): void {
  // a directory made just now holds nothing stale: only an existing one is swept
  const existed = fs.mkdirSync(dir, { recursive: true }) === undefined;
  for (const [name, content] of entries) writeAtomic(path.join(dir, name), content);
  if (!existed) return;
  for (const name of fs.readdirSync(dir)) {
    const rel = path.relative(root, path.join(dir, name)).split(path.sep).join('/');
    // Stale article files of an earlier run, and temporaries a killed (SIGKILL) run left.
    const stale = (/^\d+\.(json|md)$/.test(name) && !files.has(rel)) || TEMPORARY.test(name);
    if (stale && !pending.has(path.join(dir, name))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Temporary files inside a page directory, temporary page directories beside them, and corpus.jsonl's. */
const TEMPORARY = /^(\d+\.(json|md)|page\.json|corpus\.jsonl|\..+)\.\d+\.\d+\.tmp$/;

/** Temporaries being written right now: what an interrupted run must remove. */
const pending = new Set<string>();

let counter = 0;
/** A temporary name beside a target, in the one pattern the clean-ups recognise. */
export function temporaryFor(target: string): string {
  const tmp = `${target}.${process.pid}.${counter++}.tmp`;
  pending.add(tmp);
  return tmp;
}

/** Rename a finished temporary over its target; if that fails, remove it and rethrow. */
export function commitTemporary(tmp: string, target: string): void {
  try {
    fs.renameSync(tmp, target);
  } catch (err) {
    discardTemporary(tmp);
    throw err;
  }
  pending.delete(tmp);
}

/** Remove a temporary (a file, or a page directory being filled) that will not be committed. */
export function discardTemporary(tmp: string): void {
  fs.rmSync(tmp, { recursive: true, force: true });
  pending.delete(tmp);
}

export function writeAtomic(target: string, content: string): void {
  const tmp = temporaryFor(target);
  try {
    fs.writeFileSync(tmp, content);
  } catch (err) {
    discardTemporary(tmp);
    throw err;
  }
  commitTemporary(tmp, target);
}

/** A file of the output directory's own (the manifest), written atomically. */
export function writeOutputFile(outDir: string, name: string, content: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(path.join(outDir, name), content);
}

/**
 * Delete page files an earlier run wrote (paths relative to the output directory), and each
 * directory they leave empty. A path that would climb out of the directory is left alone.
 */
export function removeOutputs(outDir: string, files: readonly string[]): void {
  const root = path.resolve(outDir);
  const dirs = new Set<string>();
  for (const rel of files) {
    const target = path.resolve(root, rel);
    if (!target.startsWith(root + path.sep)) continue;
    fs.rmSync(target, { force: true });
    dirs.add(path.dirname(target));
  }
  for (const d of dirs) {
    try {
      fs.rmdirSync(d);
    } catch {
      // not empty: someone else's files live there too
    }
  }
}

/** Remove the temporaries in one directory (a page's, or the output's own), whoever was writing them. */
export function removeTemporariesIn(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (TEMPORARY.test(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

export function removeTemporaries(): void {
  for (const tmp of pending) {
    try {
      fs.rmSync(tmp, { recursive: true, force: true });
    } catch {
      // exiting anyway; a leftover is removed by the next run over this directory
    }
  }
  pending.clear();
}

const interruptHooks = new Set<() => Promise<void>>();
/** Run `hook` before an interrupted run exits; returns the function that unregisters it. */
export function onInterrupt(hook: () => Promise<void>): () => void {
  interruptHooks.add(hook);
  return () => interruptHooks.delete(hook);
}

let installed = false;
/**
 * On SIGINT or SIGTERM, remove temporaries and exit 130 or 143, as a shell would report.
 * Files already renamed into place are whole, so the output is every file complete or absent.
 * The run must yield to the event loop now and then for the handler to get its turn.
 */
export function cleanUpOnInterrupt(): void {
  if (installed) return;
  installed = true;
  const on = (signal: NodeJS.Signals, code: number) =>
    process.once(signal, async () => {
      // writers on other threads first stop, then their temporaries can be removed
      for (const hook of interruptHooks) await hook().catch(() => {});
      removeTemporaries();
      process.exit(code);
    });
  on('SIGINT', 130);
  on('SIGTERM', 143);
  process.once('exit', removeTemporaries);
}
