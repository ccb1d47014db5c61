import { expandInputs } from '../read/inputs.js';
import { inputProblems, readStandardInput } from './inputs.js';
import type { OutputPlan, PageResult } from '../run/process.js';
import { UsageError } from '../run/errors.js';
import { configHash, fileHashList, Manifest } from '../run/manifest.js';
import { inShard, type Shard } from '../run/shard.js';
import { failingMessages, type PluginErrors } from '../run/plugin-policy.js';
import type { Config } from '../config.js';
import type { ForcedEncoding } from '../read/decode.js';
import type { PassChoice } from '../run/steps.js';
import { cleanUpOnInterrupt, onInterrupt, removeTemporariesIn, writePageFiles, type FileFormat } from '../writers/files.js';
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
  /** what a failing plugin pass makes of its page: an error (default) or a warning */
  pluginErrors?: PluginErrors;
  /** text removed by a plugin pass that does not say it removes text is an error */
  strict?: boolean;
  /** seconds a page may take when plugins are loaded */
  pageTimeout?: number;
  /** --color / --no-color; undefined leaves it to the terminal and NO_COLOR / FORCE_COLOR */
  color?: boolean;
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
  const report = new Reporter(flags.quiet === true, { color: flags.color });
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
  // Inputs that name nothing are a mistake on the command line (exit 2, as eslint and
  // prettier have it), not a page that failed (exit 1): nothing is parsed or written.
  const unusable = inputProblems(expanded, inputs.length ? inputs : [DEFAULT_INPUT]);
  if (unusable.length) {
    for (const [input, why] of unusable) report.error(input, why);
    return 2;
  }
  const shard = flags.shard;
  // A shard may well be empty on a small corpus; that is success, not "no files found".
  const files = shard ? expanded.files.filter((f) => inShard(f.path, shard)) : expanded.files;
  let failed = 0;
  if (files.some((f) => f.path === '-')) await readStandardInput(report);

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
  // Ctrl-C keeps what was finished: the pages written so far are recorded, so the next run
  // parses only the rest instead of starting from zero.
  const keepFinishedOnInterrupt = manifest ? onInterrupt(async () => manifest.finish(false)) : () => {};
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
    // a plugin's trouble that fails the page is said as an error, even under --quiet
    const failing = failingMessages(r, flags);
    for (const m of r.warnings) {
      if (failing.has(m.message)) report.error(r.source, m.message);
      else report.message(r.source, m.severity === 'error' && r.pluginProblems?.some((p) => p.message === m.message) ? { ...m, severity: 'warning' } : m);
    }
    if (r.writeError) return fail(r, r.writeError);
    try {
      if (r.files) writePageFiles(out, new Map(r.files));
      const written = r.fileHashes ?? (r.files ? fileHashList(r.files) : undefined);
      if (written !== undefined) manifest?.record(r.source, r.stem, written);
      if (r.jsonl && jsonlOut) await jsonlOut.write(r.jsonl);
    } catch (err) {
      return fail(r, `cannot write output: ${(err as Error).message}`);
    }
    // written without the failed pass, but not recorded: the next run tries it again
    if (failing.size) {
      manifest?.forget(r.source);
      failed++;
    }
  };
  try {
    const { defaultJobs, processInOrder } = await import('../run/pool.js');
    const results = processInOrder(todo, choice, plan, flags.jobs ?? defaultJobs(), {
      steps,
      ...(plan.files.length ? { outDir: out } : {}),
      ...(flags.pageTimeout !== undefined ? { pageTimeout: flags.pageTimeout } : {}),
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
    // a shard is not the whole corpus: other pages' outputs stay
    manifest?.finish(!shard);
  } catch (err) {
    await jsonlOut?.abort();
    throw err;
  } finally {
    keepFinishedOnInterrupt();
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
