import fs from 'node:fs';
import path from 'node:path';
import { hash, Manifest, MANIFEST_NAME, mergedManifest, type PageEntry } from '../run/manifest.js';
import { cleanUpOnInterrupt, ForeignEntryError, removeOutputs, writePageFiles } from '../writers/files.js';
import { claimOutDir } from '../writers/lock.js';
import { describeFsError } from '../writers/out-dir.js';
import { outDirFailure } from './parse.js';
import { Reporter } from './report.js';

/**
 * `bulletin merge SHARD... -o OUT`: the outputs of `--shard K/N` runs, each with its own
 * manifest, made into one corpus whose manifest is what one whole run over the same inputs
 * would have written, so that `bulletin parse INPUTS -o OUT --check` passes on it and later
 * runs are incremental. Every file is checked against its shard's manifest, and every
 * conflict looked for, before anything is written.
 */
export async function runMerge(shardDirs: readonly string[], flags: { out: string; quiet?: boolean }): Promise<number> {
  const report = new Reporter(flags.quiet === true);
  const problems: string[] = [];
  const shards: { dir: string; manifest: Manifest }[] = [];
  const realDirs: string[] = [];
  for (const dir of shardDirs) {
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() || !fs.existsSync(path.join(dir, MANIFEST_NAME))) {
      return usage(`${dir} is not the output directory of a bulletin run (no ${MANIFEST_NAME} in it)`);
    }
    const real = fs.realpathSync.native(dir);
    realDirs.push(real);
    const manifest = Manifest.open(real, '');
    if (manifest.damage) problems.push(`${path.join(dir, MANIFEST_NAME)}: ${manifest.damage}`);
    shards.push({ dir: real, manifest });
  }
  let root: string;
  try {
    // the shards are this command's inputs: the merged directory must be apart from them
    root = claimOutDir(flags.out, { realFiles: realDirs, realDirs }, false).root;
  } catch (err) {
    return outDirFailure(err);
  }
  cleanUpOnInterrupt();

  const merged = mergedManifest(root, shards);
  // Two shards holding one input, or two inputs writing one page directory, mean the shard
  // runs were not given the same input arguments: refused, not decided.
  const owner = new Map<string, string>();
  const from = new Map<string, { dir: string; entry: PageEntry }>();
  for (const { dir, manifest } of shards) {
    for (const [key, entry] of Object.entries(manifest.entries())) {
      const moved = path.relative(root, path.resolve(dir, key)).split(path.sep).join('/');
      const earlier = from.get(moved);
      if (earlier) problems.push(`${moved}: in both ${earlier.dir} and ${dir}`);
      from.set(moved, { dir, entry });
      for (const [rel] of entry.files) {
        const page = rel.slice(0, rel.indexOf('/'));
        const other = owner.get(page);
        if (other !== undefined && other !== moved) problems.push(`${page}/: written for both ${other} and ${moved} (give every shard the same input arguments)`);
        owner.set(page, moved);
      }
    }
  }
  const contents = new Map<string, Map<string, string>>();
  for (const [key, { dir, entry }] of from) {
    const files = new Map<string, string>();
    for (const [rel, recorded] of entry.files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(path.join(dir, rel));
      } catch (err) {
        problems.push(`${path.join(dir, rel)}: cannot read: ${describeFsError(err)}`);
        continue;
      }
      if (hash(bytes) !== recorded) problems.push(`${path.join(dir, rel)}: edited since it was written (run the shard again)`);
      files.set(rel, bytes.toString('utf8'));
    }
    contents.set(key, files);
  }
  if (problems.length) {
    for (const p of [...new Set(problems)]) report.error('bulletin merge', p);
    return 1;
  }

  try {
    // pages a merge into this directory wrote before that no shard holds now
    const before = Manifest.open(root, '').entries();
    const now = new Set([...from.values()].flatMap(({ entry }) => entry.files.map(([rel]) => rel)));
    const unmade = Object.values(before).flatMap((e) => e.files).filter(([rel]) => !now.has(rel));
    for (const files of contents.values()) writePageFiles(root, files);
    if (unmade.length) removeOutputs(root, unmade);
    merged.write();
  } catch (err) {
    if (err instanceof ForeignEntryError) return failure(err.message);
    if ((err as NodeJS.ErrnoException)?.syscall === undefined) throw err;
    return failure(`cannot write into ${flags.out}: ${describeFsError(err)}`);
  }
  report.summary(`bulletin: merged ${from.size} page${from.size === 1 ? '' : 's'} from ${shards.length} shard${shards.length === 1 ? '' : 's'} -> ${flags.out}`);
  return 0;
}

function usage(text: string): number {
  process.stderr.write(`bulletin: ${text}\n`);
  return 2;
}

function failure(text: string): number {
  process.stderr.write(`bulletin: ${text}\n`);
  return 1;
}
