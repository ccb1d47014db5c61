import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The output directory's own rules, in one place: which names are the tool's, how a
 * temporary is named, and the checks made once before a run writes anything (README,
 * "Files are written atomically").
 *
 * A page directory is named by safeStem, which never makes a name starting with a dot, so
 * every name of the tool's own (manifest, lock, temporaries) starts with `.bulletin` and no
 * input can produce one. The reserved names without a dot are `corpus.jsonl`, the stream
 * file, and `warnings.jsonl`, the warnings report, which a page of that name would collide
 * with: that page is refused.
 */
const TEMPORARY_PREFIX = '.bulletin-tmp-';
export const LOCK_NAME = '.bulletin.lock';
export const STREAM_NAME = 'corpus.jsonl';
export const WARNINGS_NAME = 'warnings.jsonl';
/** Top-level names a page directory may not take (compared without case: macOS, Windows). */
const RESERVED_NAMES: ReadonlySet<string> = new Set([STREAM_NAME, WARNINGS_NAME]);

/** A temporary's name: the writer's pid (so a later run can tell whether it is gone), a counter, the target. */
export const temporaryName = (pid: number, n: number, target: string): string => `${TEMPORARY_PREFIX}${pid}-${n}-${target}.tmp`;

/** The pid that wrote a temporary, or null when the name is not one of the tool's temporaries. */
export function temporaryWriter(name: string): number | null {
  if (!name.startsWith(TEMPORARY_PREFIX) || !name.endsWith('.tmp')) return null;
  const m = /^(\d+)-\d+-/.exec(name.slice(TEMPORARY_PREFIX.length));
  return m ? Number(m[1]) : null;
}

/** Whether a process is running: signal 0 checks without sending anything (EPERM: it runs, as someone else). */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A page directory name that the tool's own files use: such a page cannot be written. */
export const isReservedName = (name: string): boolean => RESERVED_NAMES.has(name.toLowerCase());

/** The content hash the manifest records for each file (128 bits of SHA-256, base64url). */
export const contentHash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url').slice(0, 22);

/** What is wrong with an `--out` (exit 2): the message names the directory and the reason. */
export class OutDirError extends Error {}

/**
 * The storage failed under a run (a full disk, a quota, an I/O error): the run stops with this
 * one message and exit 1, rather than fail every page after it the same way.
 */
export class WriteFailure extends Error {}

const STORAGE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'EROFS']);
export const isStorageFailure = (err: unknown): boolean => STORAGE_FAILURES.has((err as NodeJS.ErrnoException)?.code ?? '');

const reason = (err: unknown): string => {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOENT':
      return 'no such directory, and it cannot be created there';
    case 'ENOSPC':
      return 'no space left on device';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.code ? `${e.code}: ${e.message}` : String(e.message ?? err);
  }
};
export const describeFsError = reason;

/**
 * Make `dir` and its missing parents, one level at a time. Not `mkdirSync(…, { recursive })`:
 * on Node 20 that spins forever where the kernel answers ENOENT for a parent that exists
 * (`/proc/x`), ignoring signals.
 */
export function makeDirectories(dir: string): string[] {
  const missing: string[] = [];
  let p = path.resolve(dir);
  for (;;) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`${p} is not a directory`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(p);
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  const made: string[] = [];
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
      made.push(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return made;
}

/**
 * The real path of an output directory, made if it does not exist: checked once, before any
 * page is parsed, so that a bad `--out` is one message and nothing half-written. Every later
 * write goes below the path this returns, so a symbolic link given as `--out` is followed
 * once, here, and never again inside it.
 */
export function prepareOutDir(out: string): { real: string; made: string[] } {
  const stat = statOrError(out);
  if (stat && !stat.isDirectory()) throw new OutDirError(`--out ${out} is not a directory`);
  let made: string[] = [];
  if (!stat) {
    try {
      made = makeDirectories(out);
    } catch (err) {
      throw new OutDirError(`cannot create --out ${out}: ${reason(err)}`);
    }
  }
  try {
    return { real: fs.realpathSync.native(out), made };
  } catch (err) {
    throw new OutDirError(`cannot use --out ${out}: ${reason(err)}`);
  }
}

/**
 * Where `out` really is, made or not: the real path of its nearest existing ancestor with the
 * missing part after it. Nothing is created, so a refused `--out` leaves no trace.
 */
export function plannedOutDir(out: string): string {
  const stat = statOrError(out);
  if (stat && !stat.isDirectory()) throw new OutDirError(`--out ${out} is not a directory`);
  const rest: string[] = [];
  let p = path.resolve(out);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(p), ...rest.reverse());
    } catch (err) {
      const parent = path.dirname(p);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || parent === p) throw new OutDirError(`cannot use --out ${out}: ${reason(err)}`);
      rest.push(path.basename(p));
      p = parent;
    }
  }
}

function statOrError(out: string): fs.Stats | undefined {
  try {
    return fs.statSync(out, { throwIfNoEntry: false });
  } catch (err) {
    throw new OutDirError(`cannot use --out ${out}: ${reason(err)}`);
  }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * An output directory that holds inputs, or sits inside a directory being walked for inputs,
 * would have a run write over, or delete, the user's own files (and read its own output as
 * input the next time). Both are refused; paths are real paths.
 */
export function checkOutDirApart(out: string, realOut: string, inputs: { realFiles: readonly string[]; realDirs: readonly string[] }): void {
  const file = inputs.realFiles.find((f) => inside(f, realOut));
  if (file !== undefined) throw new OutDirError(`--out ${out} contains an input (${file}): choose an output directory apart from the inputs`);
  const dir = inputs.realDirs.find((d) => inside(realOut, d));
  if (dir !== undefined) throw new OutDirError(`--out ${out} is inside the input directory ${dir}: choose an output directory outside it`);
}
