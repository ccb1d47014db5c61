import { pageInputs, readStandardInput } from './inputs.js';
import type { OutputPlan, PageResult } from '../run/process.js';
import { UsageError } from '../run/errors.js';
import path from 'node:path';
import { message } from '../model/page.js';
import { safeStem } from '../model/stem.js';
import { configHash, fileHashList, Manifest, MANIFEST_NAME, ownerOf, pageKey, type Removal } from '../run/manifest.js';
import { inShard, type Shard } from '../run/shard.js';
import { failingMessages, type PluginErrors } from '../run/plugin-policy.js';
import type { Config } from '../config.js';
import type { ForcedEncoding } from '../read/decode.js';
import type { PassChoice } from '../run/steps.js';
import { cleanUpOnInterrupt, ForeignEntryError, onInterrupt, removeTemporaries, removeTemporariesIn, writePageFiles, type FileFormat } from '../writers/files.js';
import { claimOutDir, LockedError, type ClaimedOutDir } from '../writers/lock.js';
import { describeFsError, isStorageFailure, OutDirError, WriteFailure } from '../writers/out-dir.js';
import { openJsonl } from '../writers/jsonl-stream.js';
import { warningLines, warningsJsonl, writeWarnings } from '../writers/warnings.js';
import type { WarningLine } from '../model/records.js';
import { Reporter } from './report.js';
import { entriesFor, entriesKey, findOverrides, OverridesError } from '../read/overrides.js';
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
  /** exit 1 when the run's pages carry more warnings than this (eslint's --max-warnings) */
  maxWarnings?: number;
  /** --overrides FILE; else bulletin.overrides.yaml beside the config file, when there is one */
  overrides?: string;
}

const DEFAULT_OUT = 'corpus';
/**
 * How often the loop that takes results yields to the event loop, so that a signal handler
 * can run (README, "Output": SIGINT and SIGTERM). Not every page: each turn is a pause in
 * writing, and 20 ms is well under what a person waits for after Ctrl-C.
 */
const SIGNAL_TURN_MS = 20;

export async function runParse(inputs: string[], flags: ParseFlags): Promise<number> {
  try {
    return await parseRun(inputs, flags);
  } catch (err) {
    // A file-system call that failed where no page was at stake (a directory unreadable
    // halfway through --check, say): one line naming the path, exit 1, never a stack trace.
    const e = err as NodeJS.ErrnoException;
    if (e?.syscall === undefined) throw err;
    process.stderr.write(`bulletin: cannot ${e.syscall}${e.path ? ` ${e.path}` : ''}: ${describeFsError(e)}\n`);
    removeTemporaries();
    return 1;
  }
}

async function parseRun(inputs: string[], flags: ParseFlags): Promise<number> {
  const started = performance.now();
  const report = new Reporter(flags.quiet === true, { color: flags.color });
  let plan: OutputPlan;
  let out: string;
  let steps;
  try {
    plan = { ...outputPlan(flags.format), ...(flags.encoding ? { encoding: flags.encoding } : {}) };
    out = flags.out ?? (plan.files.length === 0 ? '-' : DEFAULT_OUT);
    if (out === '-' && plan.files.length > 0) throw new UsageError(`--format ${flags.format} writes files: give a directory with --out`);
    // a page from standard input into the default corpus/ is a mistake more often than not
    if (inputs.includes('-') && plan.files.length > 0 && flags.out === undefined) throw new UsageError('- (standard input) with file output needs an explicit --out DIR (or --format jsonl for a stream)');
    if (flags.check && (plan.jsonl || out === '-')) throw new UsageError('--check compares files on disk: use --format json, md or json,md (the default)');
    // a mistake in the overrides file is the user's, like one in the config: nothing is parsed
    const overrides = findOverrides(flags.overrides, flags.config?.file);
    if (overrides) plan.overrides = overrides;
  } catch (err) {
    if (err instanceof OverridesError) return usageFailure(new UsageError(err.message));
    return usageFailure(err);
  }

  // nothing is parsed or written when an input names nothing
  const found = await pageInputs(inputs, report);
  if (!found) return 2;
  const { given, expanded } = found;
  const shard = flags.shard;
  // A shard may well be empty on a small corpus; that is success, not "no files found".
  const files = shard ? expanded.files.filter((f) => inShard(f.path, shard)) : expanded.files;
  let failed = 0;
  // a FIFO or a link loop named on the command line: said and skipped, as a page that failed
  for (const s of expanded.skipped) {
    report.error(s.path, s.why);
    failed++;
  }
  if (files.some((f) => f.path === '-')) await readStandardInput(report);

  cleanUpOnInterrupt();
  // checked, made and locked once, before anything is parsed; every write goes below `root`
  let root = out;
  let claimed: ClaimedOutDir | undefined;
  if (out !== '-') {
    try {
      claimed = claimOutDir(out, expanded, flags.check === true);
      root = claimed.root;
    } catch (err) {
      return outDirFailure(err);
    }
  }
  const choice = flags.passes;
  // corpus.jsonl is written whole from every page, so only per-page files can be incremental
  const manifest = plan.jsonl || out === '-' ? null : Manifest.open(root, configHash({ ...choice, formats: plan.files, ...(plan.encoding ? { encoding: plan.encoding } : {}) }), ownerOf(root, given, shard));
  if (manifest?.damage) report.message(path.join(out, MANIFEST_NAME), message('manifest', manifest.damage, null));
  // a page's overrides are inputs of it: editing them rebuilds that page, and --force keeps them
  const selected = manifest?.select(files, flags.force, (source) => entriesKey(entriesFor(plan.overrides, source)));
  if (flags.check && manifest && selected) return reportCheck(selected.reasons.concat(manifest.verifyOutputs()), files.length, report) || (failed ? 1 : 0);
  if (manifest && selected && manifest.upToDate(selected.stale) && !failed) {
    report.summary(`bulletin: ${files.length} page${files.length === 1 ? '' : 's'} up to date in ${((performance.now() - started) / 1000).toFixed(2)} s -> ${out}`);
    const recorded = manifest.warningsOf(files).length;
    return tooManyWarnings(recorded, recorded, flags.maxWarnings, report) ? 1 : 0;
  }
  const todo = selected?.stale ?? files;
  try {
    steps = await loadSteps(choice, flags.config);
  } catch (err) {
    // a mistake in the passes or plugins: the output directory is left as it was found
    if (err instanceof UsageError) claimed?.undo();
    return usageFailure(err);
  }

  let jsonlOut: ReturnType<typeof openJsonl> | null;
  try {
    jsonlOut = plan.jsonl ? openJsonl(root) : null;
  } catch (err) {
    return writeFailure(out, err);
  }
  // Ctrl-C keeps what was finished: the pages written so far are recorded, so the next run
  // parses only the rest instead of starting from zero.
  const keepFinishedOnInterrupt = manifest ? onInterrupt(async () => {
        manifest.finish(false);
      }) : () => {};
  let articles = 0;
  /** the warnings of the pages this run parsed, for the summary */
  const warnings: WarningLine[] = [];
  /** without a manifest (a run that writes corpus.jsonl), the report is made from this run's pages */
  const reportLines = new Map<string, WarningLine[]>();
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
    const lines = warningLines(r.source, r.warnings);
    warnings.push(...lines);
    // a plugin's trouble that fails the page is said as an error, even under --quiet
    const failing = failingMessages(r, flags);
    for (const m of r.warnings) {
      if (failing.has(m.message)) report.error(r.source, m.message);
      else report.message(r.source, m.severity === 'error' && r.pluginProblems?.some((p) => p.message === m.message) ? { ...m, severity: 'warning' } : m);
    }
    // a full disk fails every page after this one the same way: the run stops, said once
    if (r.writeError) return r.writeErrorCode && isStorageFailure({ code: r.writeErrorCode }) ? abortWrites(`cannot write output: ${describeFsError({ code: r.writeErrorCode })}`) : fail(r, r.writeError);
    try {
      if (r.files) writePageFiles(root, new Map(r.files));
      const written = r.fileHashes ?? (r.files ? fileHashList(r.files) : undefined);
      if (written !== undefined) manifest?.record(r.source, r.stem, written, lines);
      if (r.jsonl && jsonlOut) await jsonlOut.write(r.jsonl);
      if (!manifest && out !== '-') reportLines.set(pageKey(root, r.source), lines);
    } catch (err) {
      if (isStorageFailure(err)) abortWrites(`cannot write output: ${describeFsError(err)}`);
      return fail(r, `cannot write output: ${(err as Error).message}`);
    }
    // written without the failed pass, but not recorded: the next run tries it again
    if (failing.size) {
      manifest?.forget(r.source, true);
      failed++;
    }
  };
  const abortWrites = (why: string): never => {
    throw new WriteFailure(why);
  };
  let removal: Removal | undefined;
  try {
    const { defaultJobs, processInOrder } = await import('../run/pool.js');
    const jobs = cappedJobs(flags.jobs, defaultJobs(), report);
    const results = processInOrder(todo, choice, plan, jobs, {
      steps,
      ...(plan.files.length ? { outDir: root } : {}),
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
    // corpus.jsonl in --out: every page was parsed, so the report is this run's alone
    if (!manifest && out !== '-' && !jsonlOut?.broken) writeWarnings(root, warningsJsonl(reportLines));
    // Standard input is no input a page can be recorded for, and a skipped input is not
    // seen: neither lets the run remove anything. A shard's pages have the shard as part of
    // their owner, so a shard removes only its own.
    removal = manifest?.finish(expanded.skipped.length === 0 && !given.includes('-'));
  } catch (err) {
    await jsonlOut?.abort();
    report.stopProgress();
    // Workers stopped in the middle of a page leave its temporaries (this process's pid):
    // beside the page directories, and inside the ones that existed.
    if (plan.files.length && out !== '-') {
      removeTemporariesIn(root);
      for (const f of todo) removeTemporariesIn(path.join(root, safeStem(f.stem)));
    }
    if (err instanceof WriteFailure || err instanceof ForeignEntryError || (err as NodeJS.ErrnoException)?.syscall !== undefined) return writeFailure(out, err);
    throw err;
  } finally {
    keepFinishedOnInterrupt();
    report.stopProgress();
  }
  if (jsonlOut?.failure) return writeFailure('standard output', jsonlOut.failure);
  if (jsonlOut?.broken) return failed ? 1 : 0;
  if (removal) reportRemoval(removal, report);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const pages = files.length;
  const kinds = countByKind(warnings).map(([kind, n]) => `${kind} ${n}`);
  report.summary(
    `bulletin: ${pages} page${pages === 1 ? '' : 's'}, ${articles} article${articles === 1 ? '' : 's'}, ` +
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'}${kinds.length ? ` (${kinds.join(', ')})` : ''}${failed ? `, ${failed} failed` : ''}` +
      `${selected?.fresh ? `, ${selected.fresh} unchanged` : ''} in ${seconds} s` +
      (out !== '-' ? ` -> ${out}` : ''),
  );
  // the unchanged pages' warnings count too, from the manifest: a corpus that is up to date
  // must not pass a bar that a fresh run over it fails
  const total = manifest ? manifest.warningsOf(files).length : warnings.length;
  const tooMany = tooManyWarnings(total, total - warnings.length, flags.maxWarnings, report);
  return failed || tooMany ? 1 : 0;
}

/** Warnings counted by kind, most first, then by name: `close-call 9, invalid-bytes 3`. */
export function countByKind(lines: Iterable<{ kind: string }>): [kind: string, count: number][] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  return [...counts].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

/**
 * `--max-warnings N`, as eslint has it: more than N warnings on the run's pages fails the run
 * (exit 1), said as an error so that even `--quiet` says why. The pages are written all the same.
 */
function tooManyWarnings(total: number, unchanged: number, max: number | undefined, report: Reporter): boolean {
  if (max === undefined || total <= max) return false;
  const onUnchanged = unchanged > 0 ? ` (${unchanged} of them on pages that were up to date)` : '';
  report.error('bulletin', `${total} warning${total === 1 ? '' : 's'}${onUnchanged}, more than --max-warnings ${max} allows`);
  return true;
}

export function outputPlan(format: string): OutputPlan {
  const parts = format === 'all' ? ['json', 'md', 'jsonl'] : format.split(',');
  const known = new Set(['json', 'md', 'jsonl']);
  for (const p of parts) if (!known.has(p)) throw new UsageError(`unknown format "${p}" (json, md, jsonl or all)`);
  return { jsonl: parts.includes('jsonl'), files: parts.filter((p): p is FileFormat => p === 'json' || p === 'md') };
}

/**
 * A --out that cannot be used is a usage error (exit 2); another run holding it, or a disk
 * that fails while it is taken, is exit 1. One line either way, before anything is written.
 */
export function outDirFailure(err: unknown): number {
  if (err instanceof OutDirError) return usageFailure(new UsageError(err.message));
  if (err instanceof LockedError || err instanceof WriteFailure) {
    process.stderr.write(`bulletin: ${err.message}\n`);
    return 1;
  }
  throw err;
}

/**
 * Writing failed under the run (a full disk, standard output closed on it): one message,
 * exit 1. Temporaries are removed on exit, and what was renamed into place is whole.
 */
function writeFailure(where: string, err: unknown): number {
  const why = err instanceof WriteFailure || err instanceof ForeignEntryError ? err.message : `cannot write to ${where}: ${describeFsError(err)}`;
  const whole = where === 'standard output' ? '' : ', and files already in place are whole';
  process.stderr.write(`bulletin: ${why}${err instanceof WriteFailure ? ` (in ${where})` : ''}; the run stopped${whole}\n`);
  removeTemporaries();
  return 1;
}

/** Say what a run removed, and what it left because it was edited since it was written. */
function reportRemoval(removal: Removal, report: Reporter): void {
  for (const page of removal.pages) report.summary(`bulletin: ${page} is no longer an input: its outputs are removed`);
  if (removal.removed.length) report.summary(`bulletin: removed ${removal.removed.length} file${removal.removed.length === 1 ? '' : 's'} no page makes any more: ${removal.removed.join(', ')}`);
  for (const rel of removal.kept) report.error(rel, 'no page makes this file any more, but it was edited since bulletin wrote it: left in place');
}

/**
 * More workers than cores only compete for them (and each holds its own copy of the
 * passes): --jobs is capped at the core count, and the cap is said.
 */
function cappedJobs(asked: number | undefined, cores: number, report: Reporter): number {
  if (asked === undefined) return cores;
  if (asked <= cores) return asked;
  report.summary(`bulletin: --jobs ${asked} capped at ${cores}, the number of cores`);
  return cores;
}

/** A usage error is exit 2 with its message; anything else is a bug and propagates. */
function usageFailure(err: unknown): number {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`bulletin: ${err.message}\n`);
  return 2;
}


/** `--check`: list what a run would change, on stdout, and write nothing. */
function reportCheck(found: { source: string; reason: string; file?: string }[], pages: number, report: Reporter): number {
  // a reader that stops early (`--check | head`) has what it asked for: not an error
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.exitCode = 1;
  });
  for (const s of found) process.stdout.write(`${s.source}: ${s.reason}${s.file ? ` ${s.file}` : ''}\n`);
  const n = new Set(found.map((s) => s.source)).size;
  report.summary(n ? `bulletin: ${n} of ${pages} page${pages === 1 ? '' : 's'} stale or edited` : `bulletin: ${pages} page${pages === 1 ? '' : 's'} up to date`);
  return n ? 1 : 0;
}
