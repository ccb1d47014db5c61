import fs from 'node:fs';
import path from 'node:path';
import { removeTemporariesIn } from './files.js';
import { checkOutDirApart, describeFsError, isStorageFailure, LOCK_NAME, OutDirError, plannedOutDir, prepareOutDir, processIsAlive, temporaryName, WriteFailure } from './out-dir.js';

/** Another run holds the output directory (exit 1): the message names its pid and the lock file. */
export class LockedError extends Error {}

/**
 * Take OUT/.bulletin.lock, as git takes `index.lock`: created exclusively, holding this
 * process's pid. Two runs into one directory would otherwise overwrite each other's files and
 * remove each other's temporaries. A lock whose process is gone (a run killed with SIGKILL)
 * is taken over; a live holder makes this run fail at once, naming it, rather than wait on
 * a run that may take hours. Returns the function that releases the lock; it is also
 * released when the process exits, however it exits short of SIGKILL.
 */
function lockOutDir(realOut: string, shown: string): () => void {
  const lock = path.join(realOut, LOCK_NAME);
  for (let attempt = 0; ; attempt++) {
    try {
      // written whole under another name, then linked: a lock is never seen without its pid
      const tmp = path.join(realOut, temporaryName(process.pid, 0, LOCK_NAME));
      fs.writeFileSync(tmp, `${process.pid}\n`);
      try {
        fs.linkSync(tmp, lock);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        const why = `cannot write into --out ${shown}: ${describeFsError(err)}`;
        throw isStorageFailure(err) ? new WriteFailure(why) : new OutDirError(why);
      }
      const holder = lockHolder(lock);
      if (holder !== null && processIsAlive(holder)) {
        throw new LockedError(`--out ${shown} is being written by another bulletin run (pid ${holder}); wait for it to finish, or remove ${path.join(shown, LOCK_NAME)} if that process is not bulletin`);
      }
      // a dead holder's lock (or one too damaged to name a pid): taken over, once
      if (attempt > 0) throw new LockedError(`cannot take the lock ${path.join(shown, LOCK_NAME)}: another run keeps taking it`);
      fs.rmSync(lock, { force: true });
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // only our own lock: a run that took over a lock we lost must keep it
    if (lockHolder(lock) === process.pid) fs.rmSync(lock, { force: true });
  };
  process.on('exit', release);
  return release;
}

function lockHolder(lock: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** An output directory a run has claimed: its real path, and how to give it back untouched. */
export interface ClaimedOutDir {
  root: string;
  /** for a run that stops before writing (a usage error found later): the lock released, and the directories it made removed */
  undo(): void;
}

/**
 * Everything a run checks and takes of its output directory before it parses a page, in
 * this order: where it really is, that it is apart from the inputs, that it is (or can be
 * made) a writable directory, and its lock; then the temporaries a killed run left there.
 * `--check` writes nothing, so it only resolves the directory. Every write of the run goes
 * below the real path this returns.
 */
export function claimOutDir(out: string, inputs: { realFiles: readonly string[]; realDirs: readonly string[] }, readOnly: boolean): ClaimedOutDir {
  const planned = plannedOutDir(out);
  checkOutDirApart(out, planned, inputs);
  if (readOnly) return { root: planned, undo: () => {} };
  const { real, made } = prepareOutDir(out);
  const release = lockOutDir(real, out);
  removeTemporariesIn(real);
  return {
    root: real,
    undo: () => {
      release();
      for (const d of [...made].reverse()) {
        try {
          fs.rmdirSync(d);
        } catch {
          // something was put there meanwhile: it stays
        }
      }
    },
  };
}
