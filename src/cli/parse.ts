import fs from 'node:fs';
import path from 'node:path';
import { expandInputs } from '../read/inputs.js';
import { processFile, type OutputPlan, type PageResult } from '../run/process.js';
import { UsageError } from '../run/errors.js';
import { configHash, Manifest } from '../run/manifest.js';
import type { Config } from '../config.js';
import type { PassOptions } from '../passes/pass.js';
import { cleanUpOnInterrupt, writeAtomic, writePageFiles, type FileFormat } from '../writers/files.js';
import { Reporter } from './report.js';

export interface ParseFlags {
  out?: string;
  format: string;
  passes?: string;
  plugin: string[];
  jobs?: number;
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
    if (flags.check && (plan.jsonl || out === '-')) throw new UsageError('--check compares files on disk: use --format json, md or json,md');
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulletin: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const { files, missing } = await expandInputs(inputs.length ? inputs : [DEFAULT_INPUT]);
  let failed = 0;
  for (const m of missing) {
    report.error(m, 'no such file or directory, and no file matches it as a pattern');
    failed++;
  }
  if (files.length === 0 && missing.length === 0) {
    report.error(inputs.join(' ') || DEFAULT_INPUT, 'no *.txt files found');
    return 1;
  }

  cleanUpOnInterrupt();
  const names = flags.passes?.split(',').map((s) => s.trim()).filter(Boolean);
  // corpus.jsonl is written whole from every page, so only per-page files can be incremental
  const manifest = plan.jsonl || out === '-' ? null : Manifest.open(out, configHash({ names, options: flags.options, plugins: flags.plugin, formats: plan.files }));
  const selected = manifest?.select(files, flags.force);
  if (flags.check && manifest && selected) return reportCheck(selected.reasons.concat(manifest.verifyOutputs()), files.length, report) || (failed ? 1 : 0);
  if (manifest && selected && manifest.upToDate(selected.stale) && !failed) {
    report.summary(`bulletin: ${files.length} page${files.length === 1 ? '' : 's'} up to date in ${((performance.now() - started) / 1000).toFixed(2)} s -> ${out}`);
    return 0;
  }
  const todo = selected?.stale ?? files;
  try {
    steps = await loadSteps(names, flags);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulletin: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const jsonlOut = plan.jsonl ? openJsonl(out) : null;
  let articles = 0;
  let warnings = 0;
  let done = 0;
  await report.startProgress(todo.length);
  const take = async (r: PageResult) => {
    done++;
    report.progress(done, todo.length);
    if (r.error) {
      report.error(r.source, r.error);
      manifest?.forget(r.source);
      failed++;
      return;
    }
    articles += r.articles;
    warnings += r.warnings.length;
    for (const w of r.warnings) report.warning(w.line ? `${r.source}:${w.line}` : r.source, w.message);
    try {
      if (r.files) {
        writePageFiles(out, new Map(r.files));
        manifest?.record(r.source, r.stem, r.files);
      }
      if (r.jsonl && jsonlOut) await jsonlOut.write(r.jsonl);
    } catch (err) {
      report.error(r.source, `cannot write output: ${(err as Error).message}`);
      manifest?.forget(r.source);
      failed++;
    }
  };
  try {
    for (const f of todo) {
      await take(processFile(f, steps, plan));
      // let a signal handler run between pages
      await new Promise((resolve) => setImmediate(resolve));
    }
    await jsonlOut?.close();
    manifest?.finish(missing.length === 0);
  } finally {
    report.stopProgress();
  }
  if (jsonlOut?.broken) return failed ? 1 : 0;

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const pages = files.length;
  report.summary(
    `bulletin: ${pages} page${pages === 1 ? '' : 's'}, ${articles} article${articles === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}` +
      `${selected ? `, ${selected.fresh} unchanged` : ''} in ${seconds} s` +
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
  write(text: string): Promise<void>;
  close(): Promise<void>;
  broken: boolean;
}

/**
 * JSON Lines go to stdout, or to OUT/corpus.jsonl written whole at the end. A reader that
 * stops early (`| head`) is not an error.
 */
function openJsonl(out: string): JsonlSink {
  if (out === '-') {
    const sink: JsonlSink = {
      broken: false,
      write: (text) =>
        new Promise((resolve) => {
          if (sink.broken) return resolve();
          if (process.stdout.write(text)) resolve();
          else process.stdout.once('drain', resolve);
        }),
      close: async () => {},
    };
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') sink.broken = true;
      else throw err;
    });
    return sink;
  }
  const chunks: string[] = [];
  return {
    broken: false,
    write: async (text) => { chunks.push(text); },
    close: async () => {
      fs.mkdirSync(out, { recursive: true });
      writeAtomic(path.join(out, 'corpus.jsonl'), chunks.join(''));
    },
  };
}

/** Passes are imported only here, so that a run with nothing to rebuild never loads them. */
async function loadSteps(names: string[] | undefined, flags: ParseFlags) {
  const { resolveSteps } = await import('../run/steps.js');
  if (flags.config) await (await import('../config.js')).checkConfigPasses(flags.config, flags.plugin);
  return resolveSteps({ names, options: flags.options, plugins: flags.plugin });
}

/** `--check`: list what a run would change, on stdout, and write nothing. */
function reportCheck(found: { source: string; reason: string; file?: string }[], pages: number, report: Reporter): number {
  for (const s of found) process.stdout.write(`${s.source}: ${s.reason}${s.file ? ` ${s.file}` : ''}\n`);
  const n = new Set(found.map((s) => s.source)).size;
  report.summary(n ? `bulletin: ${n} of ${pages} page${pages === 1 ? '' : 's'} stale or edited` : `bulletin: ${pages} page${pages === 1 ? '' : 's'} up to date`);
  return n ? 1 : 0;
}
