import fs from 'node:fs';
import path from 'node:path';
import { safeStem } from '../model/stem.js';
import type { Page } from '../model/types.js';
import { articleRecord, pageRecord } from './records.js';
import type { ArticleRecord } from '../model/records.js';
import { contentHash, isReservedName, makeDirectories, processIsAlive, temporaryName, temporaryWriter } from './out-dir.js';

export type FileFormat = 'json' | 'md';

let markdown: ((r: ArticleRecord) => string) | undefined;

/**
 * Load what the formats need before the first page is written. The Markdown writer's
 * serialiser is the largest code a run loads (some 35 ms a thread), so a run that writes no
 * `.md` (a JSON Lines stream, say) does not load it.
 */
export async function prepareWriters(formats: readonly FileFormat[]): Promise<void> {
  if (formats.includes('md') && !markdown) markdown = (await import('./markdown.js')).articleToMarkdown;
}

/** What a page becomes on disk, relative to the output directory: name -> content (prepareWriters first). */
export function pageFiles(page: Page, formats: readonly FileFormat[]): Map<string, string> {
  const toMarkdown = formats.includes('md') ? markdown : undefined;
  if (formats.includes('md') && !toMarkdown) throw new Error('the Markdown writer was not loaded: await prepareWriters first');
  const dir = safeStem(page.stem);
  const out = new Map<string, string>();
  page.articles.forEach((a, i) => {
    const r = articleRecord(page, a, i);
    const nn = String(i + 1).padStart(2, '0');
    if (formats.includes('json')) out.set(`${dir}/${nn}.json`, JSON.stringify(r, null, 2) + '\n');
    if (toMarkdown) out.set(`${dir}/${nn}.md`, toMarkdown(r));
  });
  out.set(`${dir}/page.json`, JSON.stringify(pageRecord(page), null, 2) + '\n');
  return out;
}

/**
 * Write a page's files atomically, so an interrupted run leaves every file whole or absent.
 * A page directory that does not exist yet is written under a temporary name beside it and
 * renamed into place whole: one rename per page rather than per file, on a fresh run where
 * page directories are the common case. Into an existing directory, each file goes to a
 * temporary name and is renamed over its old version. Files an earlier run made that this
 * one no longer makes are the manifest's to remove (removeOutputs), by their recorded hash.
 *
 * Nothing found inside the output directory is followed: a page directory that is a
 * symbolic link (or not a directory), or an output file that is not a regular file, is an
 * error for that page, so a link planted inside `--out` cannot lead a write elsewhere.
 */
export function writePageFiles(outDir: string, files: Map<string, string>): void {
  const root = path.resolve(outDir);
  const byDir = new Map<string, [name: string, content: string][]>();
  for (const [rel, content] of files) {
    const target = path.resolve(root, rel);
    // a page's files sit one level down, in its own directory: nothing else is written
    if (!target.startsWith(root + path.sep) || path.dirname(path.dirname(target)) !== root) throw new Error(`refusing to write outside ${outDir}: ${rel}`);
    const dir = path.dirname(target);
    let entries = byDir.get(dir);
    if (!entries) byDir.set(dir, (entries = []));
    entries.push([path.basename(target), content]);
  }
  for (const [dir, entries] of byDir) {
    const name = path.basename(dir);
    if (isReservedName(name)) throw new Error(`its page directory ${name} would take the name of bulletin's own ${name}: rename the input`);
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (stat === undefined && writeNewDirectory(root, dir, entries)) continue;
    if (stat !== undefined) refuseForeign(dir, stat, 'page directory');
    writeIntoDirectory(dir, entries, stat !== undefined);
  }
}

/** Something inside the output directory that bulletin did not make, where it would write. */
export class ForeignEntryError extends Error {}

/** An entry of the output directory that bulletin did not make as it is: never written through. */
function refuseForeign(p: string, stat: fs.Stats, what: 'page directory' | 'output file'): void {
  const ok = what === 'page directory' ? stat.isDirectory() : stat.isFile();
  if (ok) return;
  const kind = stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a directory' : 'not a regular file';
  throw new ForeignEntryError(`${p} is ${kind}, not the ${what} bulletin writes; it is left alone (move it away for bulletin to write there)`);
}

/** Write a directory that does not exist yet; false when it appeared meanwhile. */
function writeNewDirectory(root: string, dir: string, entries: [string, string][]): boolean {
  if (!knownRoots.has(root)) {
    makeDirectories(root);
    knownRoots.add(root);
  }
  const tmp = temporaryFor(dir);
  try {
    fs.mkdirSync(tmp);
    for (const [name, content] of entries) fs.writeFileSync(path.join(tmp, name), content, { flag: 'wx' });
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

function writeIntoDirectory(dir: string, entries: [string, string][], existed: boolean): void {
  if (!existed) {
    try {
      fs.mkdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // made by someone else meanwhile: only a real directory is written into
    refuseForeign(dir, fs.lstatSync(dir), 'page directory');
  }
  for (const [name, content] of entries) writeAtomic(path.join(dir, name), content);
  // temporaries a killed (SIGKILL) run left; a directory made just now holds none
  if (existed) removeTemporariesIn(dir);
}

/** Temporaries being written right now: what an interrupted run must remove. */
const pending = new Set<string>();

let counter = 0;
/** A temporary name beside a target, in the one pattern the clean-ups recognise (out-dir.ts). */
export function temporaryFor(target: string): string {
  const tmp = path.join(path.dirname(target), temporaryName(process.pid, ++counter, path.basename(target)));
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
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
  } catch {
    // left for the next run's clean-up, which knows it by its name; the first error is what matters
  }
  pending.delete(tmp);
}

/**
 * Write `target` through a temporary beside it, created exclusively (`wx`, so a link planted
 * under that name is not followed), renamed over it whole. A target that exists must be a
 * regular file: a link is not written through.
 */
export function writeAtomic(target: string, content: string): void {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (stat !== undefined) refuseForeign(target, stat, 'output file');
  const tmp = temporaryFor(target);
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx' });
  } catch (err) {
    discardTemporary(tmp);
    throw err;
  }
  commitTemporary(tmp, target);
}

/** A file of the output directory's own (the manifest), written atomically. */
export function writeOutputFile(outDir: string, name: string, content: string): void {
  makeDirectories(outDir);
  writeAtomic(path.join(outDir, name), content);
}

/**
 * Delete page files an earlier run wrote, given with the hashes it recorded for them (paths
 * relative to the output directory), and each page directory they leave empty. Only a
 * regular file with its recorded content, in a real page directory, is removed: a file
 * edited by hand, a symbolic link, or a path that would climb out is left alone.
 * Returns what was removed and what was kept.
 */
export function removeOutputs(outDir: string, files: readonly (readonly [string, string])[]): { removed: string[]; kept: string[] } {
  const root = path.resolve(outDir);
  const dirs = new Set<string>();
  const removed: string[] = [];
  const kept: string[] = [];
  for (const [rel, recorded] of files) {
    const target = path.resolve(root, rel);
    const dir = path.dirname(target);
    if (!target.startsWith(root + path.sep) || path.dirname(dir) !== root) continue;
    if (!fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (!stat.isFile() || contentHash(fs.readFileSync(target)) !== recorded) {
      kept.push(rel);
      continue;
    }
    fs.rmSync(target);
    removed.push(rel);
    dirs.add(dir);
  }
  for (const d of dirs) {
    try {
      fs.rmdirSync(d);
    } catch {
      // not empty: someone else's files live there too
    }
  }
  return { removed, kept };
}

/**
 * Remove the temporaries in one directory (a page's, or the output's own) whose writer is
 * gone: a run killed with SIGKILL, or this process. Another live run's are left alone.
 * A directory that is a symbolic link is not looked into.
 */
export function removeTemporariesIn(dir: string): void {
  let names: string[];
  try {
    if (!fs.lstatSync(dir).isDirectory()) return;
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const writer = temporaryWriter(name);
    if (writer !== null && (writer === process.pid || !processIsAlive(writer))) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
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
