import fs from 'node:fs';
import path from 'node:path';
import { expandInputs } from '../read/inputs.js';
import type { OutputPlan } from '../run/process.js';
import type { PooledResult } from '../run/pool.js';
import { UsageError } from '../run/errors.js';
import { configHash, fileHashList, Manifest } from '../run/manifest.js';
import { inShard, type Shard } from '../run/shard.js';
import { loadRunSteps, passNames, runPassChoice, type Config } from '../config.js';
import type { PassOptions } from '../passes/pass.js';
import { cleanUpOnInterrupt, commitTemporary, discardTemporary, removeTemporariesIn, temporaryFor, writePageFiles, type FileFormat } from '../writers/files.js';
import { Reporter } from './report.js';

export interface ParseFlags {
  out?: string;
  format: string;
  passes?: string;
  plugin: string[];
  jobs?: number;
  shard?: Shard;
  quiet?: boolean;
  /** options per pass, from the config file */
  options?: Record<string, PassOptions>;
  config?: Config | null;
  force?: boolean;
  check?: boolean;
}

const DEFAULT_INPUT = 'seeds';
const DEFAULT_OUT = 'corpus';

export async function runParse(inputs: string[], flags: ParseFlags): Promise<number> {
  const started = performance.now();
  const report = new Reporter(flags.quiet === true);
  let plan: OutputPlan;
  let out: string;
  let steps;
  try {
    plan = outputPlan(flags.format);
    out = flags.out ?? (plan.files.length === 0 ? '-' : DEFAULT_OUT);
    if (out === '-' && plan.files.length > 0) throw new UsageError(`--format ${flags.format} writes files: give a directory with --out`);
    if (flags.check && (plan.jsonl || out === '-')) throw new UsageError('--check compares files on disk: use --format json, md or json,md (the default)');
  } catch (err) {
    return usageFailure(err);
  }

  const expanded = await expandInputs(inputs.length ? inputs : [DEFAULT_INPUT]);
  const { missing } = expanded;
  const shard = flags.shard;
  // A shard may well be empty on a small corpus; that is success, not "no files found".
  const files = shard ? expanded.files.filter((f) => inShard(f.path, shard)) : expanded.files;
  let failed = 0;
  for (const m of missing) {
    report.error(m, 'no such file or directory, and no file matches it as a pattern');
    failed++;
  }
  if (expanded.files.length === 0 && missing.length === 0) {
    report.error(inputs.join(' ') || DEFAULT_INPUT, 'no *.txt files found');
    return 1;
  }

  cleanUpOnInterrupt();
  // page directories a killed (SIGKILL) run left half-filled under temporary names
  if (plan.files.length && out !== '-') removeTemporariesIn(out);
  const names = passNames(flags.passes);
  // corpus.jsonl is written whole from every page, so only per-page files can be incremental
  const manifest = plan.jsonl || out === '-' ? null : Manifest.open(out, configHash({ names, options: flags.options, plugins: flags.plugin, formats: plan.files }));
  const selected = manifest?.select(files, flags.force);
  if (flags.check && manifest && selected) return reportCheck(selected.reasons.concat(manifest.verifyOutputs()), files.length, report) || (failed ? 1 : 0);
  if (manifest && selected && manifest.upToDate(selected.stale) && !failed) {
    report.summary(`bulletin: ${files.length} page${files.length === 1 ? '' : 's'} up to date in ${((performance.now() - started) / 1000).toFixed(2)} s -> ${out}`);
    return 0;
  }
  const todo = selected?.stale ?? files;
  const choice = runPassChoice(flags);
  try {
    steps = await loadRunSteps(flags);
  } catch (err) {
    return usageFailure(err);
  }

  const jsonlOut = plan.jsonl ? openJsonl(out) : null;
  let articles = 0;
  let warnings = 0;
  let done = 0;
  await report.startProgress(todo.length);
  /** A page that could not be parsed or written: said, counted, and left out of the manifest. */
  const fail = (r: PooledResult, why: string) => {
    report.error(r.source, why);
    manifest?.forget(r.source);
    failed++;
  };
  const take = async (r: PooledResult) => {
    done++;
    report.progress(done, todo.length);
    if (r.error) return fail(r, r.error);
    articles += r.articles;
    warnings += r.warnings.length;
    for (const w of r.warnings) report.warning(w.line ? `${r.source}:${w.line}` : r.source, w.message);
    if (r.writeError) return fail(r, r.writeError);
    try {
      if (r.files) writePageFiles(out, new Map(r.files));
      const written = r.fileHashes ?? (r.files ? fileHashList(r.files) : undefined);
      if (written !== undefined) manifest?.record(r.source, r.stem, written);
      if (r.jsonl && jsonlOut) await jsonlOut.write(r.jsonl);
    } catch (err) {
      fail(r, `cannot write output: ${(err as Error).message}`);
    }
  };
  try {
    const { defaultJobs, processInOrder } = await import('../run/pool.js');
    const results = processInOrder(todo, choice, plan, flags.jobs ?? defaultJobs(), {
      steps,
      ...(plan.files.length ? { outDir: out } : {}),
    });
    let lastTurn = performance.now();
    for await (const r of results) {
      await take(r);
      // The reader has gone (`| head`) and nothing else is being written: stop parsing.
      if (jsonlOut?.broken && plan.files.length === 0) break;
      // let a signal handler run now and then; a turn of the event loop per page cost more
      if (performance.now() - lastTurn > 20) {
        await new Promise((resolve) => setImmediate(resolve));
        lastTurn = performance.now();
      }
    }
    await jsonlOut?.close();
    // a shard or a missing input is not the whole corpus: other pages' outputs stay
    manifest?.finish(missing.length === 0 && !shard);
  } catch (err) {
    await jsonlOut?.abort();
    throw err;
  } finally {
    report.stopProgress();
  }
  if (jsonlOut?.broken) return failed ? 1 : 0;

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const pages = files.length;
  report.summary(
    `bulletin: ${pages} page${pages === 1 ? '' : 's'}, ${articles} article${articles === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}` +
      `${selected?.fresh ? `, ${selected.fresh} unchanged` : ''} in ${seconds} s` +
      (out !== '-' ? ` -> ${out}` : ''),
  );
  return failed ? 1 : 0;
}

export function outputPlan(format: string): OutputPlan {
  const parts = format === 'all' ? ['json', 'md', 'jsonl'] : format.split(',');
  const known = new Set(['json', 'md', 'jsonl']);
  for (const p of parts) if (!known.has(p)) throw new UsageError(`unknown format "${p}" (json, md, jsonl or all)`);
  return { jsonl: parts.includes('jsonl'), files: parts.filter((p): p is FileFormat => p === 'json' || p === 'md') };
}

interface JsonlSink {
  /** a page's lines: text, or UTF-8 bytes as the workers send them */
  write(chunk: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** drop a half-written OUT/corpus.jsonl, leaving the previous one in place */
  abort(): Promise<void>;
  broken: boolean;
}

/**
 * Pages' lines are gathered into chunks of some tens of kilobytes before they are written: a
 * write per page cost the main thread, which shares the cores with the workers, a system call
 * and a conversion each time.
 */
function openJsonl(out: string): JsonlSink {
  const sink = openStream(out);
  let held: (string | Uint8Array)[] = [];
  let size = 0;
  const flush = async () => {
    if (held.length === 0) return;
    // one worker's batch is usually a chunk by itself: written as it is, not copied
    const chunk = held.length === 1
      ? held[0]!
      : held.every((c) => typeof c === 'string')
      ? held.join('')
      : Buffer.concat(held.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    held = [];
    size = 0;
    await sink.write(chunk);
  };
  return {
    get broken() {
      return sink.broken;
    },
    write: async (chunk) => {
      // a worker's pages arrive as consecutive views of one buffer: held as one view, they
      // are written without being copied together
      const last = held[held.length - 1];
      if (typeof chunk !== 'string' && last instanceof Uint8Array && last.buffer === chunk.buffer && last.byteOffset + last.byteLength === chunk.byteOffset) {
        held[held.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + chunk.byteLength);
      } else held.push(chunk);
      size += chunk.length;
      if (size >= 1 << 16) await flush();
    },
    close: async () => {
      await flush();
      await sink.close();
    },
    abort: async () => {
      held = [];
      await sink.abort();
    },
  };
}

/**
 * JSON Lines go to stdout, or stream to a temporary file beside OUT/corpus.jsonl that is
 * renamed over it at the end, so memory stays flat and a failed run leaves the old file
 * whole. A reader that stops early (`| head`) is not an error.
 */
function openStream(out: string): JsonlSink {
  if (out === '-') {
    const sink: JsonlSink = {
      broken: false,
      write: (text) =>
        new Promise((resolve) => {
          if (sink.broken) return resolve();
          if (process.stdout.write(text)) return resolve();
          // A reader that goes away while we wait for 'drain' never drains: EPIPE must wake us too.
          const done = () => {
            process.stdout.off('drain', done);
            process.stdout.off('error', done);
            resolve();
          };
          process.stdout.once('drain', done);
          process.stdout.once('error', done);
        }),
      close: async () => {},
      abort: async () => {},
    };
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') sink.broken = true;
      else throw err;
    });
    return sink;
  }
  fs.mkdirSync(out, { recursive: true });
  // what a killed (SIGKILL) run left of its stream
  removeTemporariesIn(out);
  const target = path.join(out, 'corpus.jsonl');
  const tmp = temporaryFor(target);
  const stream = fs.createWriteStream(tmp);
  let failure: Error | null = null;
  stream.on('error', (err) => { failure ??= err; });
  const finished = () =>
    new Promise<void>((resolve, reject) => {
      if (stream.closed) return failure ? reject(failure) : resolve();
      stream.end(() => (failure ? reject(failure) : resolve()));
    });
  return {
    broken: false,
    write: (text) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        if (stream.write(text)) resolve();
        else stream.once('drain', resolve);
      }),
    close: async () => {
      try {
        await finished();
      } catch (err) {
        discardTemporary(tmp);
        throw err;
      }
      commitTemporary(tmp, target);
    },
    abort: async () => {
      await finished().catch(() => {});
      discardTemporary(tmp);
    },
  };
}

/** A usage error is exit 2 with its message; anything else is a bug and propagates. */
function usageFailure(err: unknown): number {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`bulletin: ${err.message}\n`);
  return 2;
}


/** `--check`: list what a run would change, on stdout, and write nothing. */
function reportCheck(found: { source: string; reason: string; file?: string }[], pages: number, report: Reporter): number {
  for (const s of found) process.stdout.write(`${s.source}: ${s.reason}${s.file ? ` ${s.file}` : ''}\n`);
  const n = new Set(found.map((s) => s.source)).size;
  report.summary(n ? `bulletin: ${n} of ${pages} page${pages === 1 ? '' : 's'} stale or edited` : `bulletin: ${pages} page${pages === 1 ? '' : 's'} up to date`);
  return n ? 1 : 0;
}
