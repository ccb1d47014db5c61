import { expandInputs } from '../read/inputs.js';
import type { OutputPlan, PageResult } from '../run/process.js';
import { UsageError } from '../run/errors.js';
import { configHash, fileHashList, Manifest } from '../run/manifest.js';
import { inShard, type Shard } from '../run/shard.js';
import type { Config } from '../config.js';
import type { ForcedEncoding } from '../read/decode.js';
import type { PassChoice } from '../run/steps.js';
import { cleanUpOnInterrupt, removeTemporariesIn, writePageFiles, type FileFormat } from '../writers/files.js';
import { openJsonl } from '../writers/jsonl-stream.js';
import { Reporter } from './report.js';
import { loadSteps } from './steps.js';

export interface ParseFlags {
  out?: string;
  format: string;
  passes: PassChoice;
  jobs?: number;
  shard?: Shard;
  quiet?: boolean;
  config?: Config | null;
  force?: boolean;
  check?: boolean;
  encoding?: ForcedEncoding;
}

const DEFAULT_INPUT = 'seeds';
const DEFAULT_OUT = 'corpus';
/**
 * How often the loop that takes results yields to the event loop, so that a signal handler
 * can run (README, "Output": SIGINT and SIGTERM). Not every page: each turn is a pause in
 * writing, and 20 ms is well under what a person waits for after Ctrl-C.
 */
const SIGNAL_TURN_MS = 20;

export async function runParse(inputs: string[], flags: ParseFlags): Promise<number> {
  const started = performance.now();
  const report = new Reporter(flags.quiet === true);
  let plan: OutputPlan;
  let out: string;
  let steps;
  try {
    plan = { ...outputPlan(flags.format), ...(flags.encoding ? { encoding: flags.encoding } : {}) };
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
  const choice = flags.passes;
  // corpus.jsonl is written whole from every page, so only per-page files can be incremental
  const manifest = plan.jsonl || out === '-' ? null : Manifest.open(out, configHash({ ...choice, formats: plan.files, ...(plan.encoding ? { encoding: plan.encoding } : {}) }));
  const selected = manifest?.select(files, flags.force);
  if (flags.check && manifest && selected) return reportCheck(selected.reasons.concat(manifest.verifyOutputs()), files.length, report) || (failed ? 1 : 0);
  if (manifest && selected && manifest.upToDate(selected.stale) && !failed) {
    report.summary(`bulletin: ${files.length} page${files.length === 1 ? '' : 's'} up to date in ${((performance.now() - started) / 1000).toFixed(2)} s -> ${out}`);
    return 0;
  }
  const todo = selected?.stale ?? files;
  try {
    steps = await loadSteps(choice, flags.config);
  } catch (err) {
    return usageFailure(err);
  }

  const jsonlOut = plan.jsonl ? openJsonl(out) : null;
  let articles = 0;
  let warnings = 0;
  let done = 0;
  await report.startProgress(todo.length);
  /** A page that could not be parsed or written: said, counted, and left out of the manifest. */
  const fail = (r: PageResult, why: string) => {
    report.error(r.source, why);
    manifest?.forget(r.source);
    failed++;
  };
  const take = async (r: PageResult) => {
    done++;
    report.progress(done, todo.length);
    if (r.error) return fail(r, r.error);
    articles += r.articles;
    warnings += r.warnings.length;
    for (const m of r.warnings) report.message(r.source, m);
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
      if (performance.now() - lastTurn > SIGNAL_TURN_MS) {
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
