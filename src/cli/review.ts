import path from 'node:path';
import type { ForcedEncoding } from '../read/decode.js';
import type { Config } from '../config.js';
import type { OutputPlan } from '../run/process.js';
import { failingMessages, type PluginErrors } from '../run/plugin-policy.js';
import type { PassChoice } from '../run/steps.js';
import { UsageError } from '../run/errors.js';
import { cleanUpOnInterrupt, ForeignEntryError, removeTemporaries } from '../writers/files.js';
import { claimOutDir, type ClaimedOutDir } from '../writers/lock.js';
import { describeFsError } from '../writers/out-dir.js';
import { writeReviewIndex, writeReviewPages, type ReviewEntry } from '../writers/review/site.js';
import { pageInputs, readStandardInput } from './inputs.js';
import { outDirFailure } from './parse.js';
import { Reporter } from './report.js';
import { loadSteps } from './steps.js';
import { findOverrides, OverridesError, type Overrides } from '../read/overrides.js';

export interface ReviewFlags {
  out?: string;
  passes: PassChoice;
  config?: Config | null;
  jobs?: number;
  quiet?: boolean;
  color?: boolean;
  encoding?: ForcedEncoding;
  pluginErrors?: PluginErrors;
  strict?: boolean;
  pageTimeout?: number;
  /** --overrides FILE; else bulletin.overrides.yaml beside the config file, when there is one */
  overrides?: string;
}

export const DEFAULT_REVIEW_OUT = 'review';

/**
 * `bulletin review`: the pages go through the run that `parse` uses (the same passes, config,
 * plugins and worker pool), and each comes out as a page of a static site instead of records.
 * Exit status as parse's: 1 when a page failed (the others are still written), 2 for a usage
 * error, after which nothing is written.
 */
export async function runReview(inputs: string[], flags: ReviewFlags): Promise<number> {
  const started = performance.now();
  const report = new Reporter(flags.quiet === true, { color: flags.color });
  const found = await pageInputs(inputs, report);
  if (!found) return 2;
  const { expanded } = found;
  let failed = 0;
  for (const s of expanded.skipped) {
    report.error(s.path, s.why);
    failed++;
  }
  const files = expanded.files;
  // the corrections parse applies are applied here too, so the review shows what parse writes
  let overrides: Overrides | null;
  try {
    overrides = findOverrides(flags.overrides, flags.config?.file);
  } catch (err) {
    if (!(err instanceof OverridesError)) throw err;
    process.stderr.write(`bulletin: ${err.message}\n`);
    return 2;
  }
  if (files.some((f) => f.path === '-')) await readStandardInput(report);
  cleanUpOnInterrupt();
  const out = flags.out ?? DEFAULT_REVIEW_OUT;
  let claimed: ClaimedOutDir;
  try {
    if (out === '-') throw new UsageError('a review is a site of several files: give a directory with --out');
    claimed = claimOutDir(out, expanded, false);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulletin: ${err.message}\n`);
      return 2;
    }
    return outDirFailure(err);
  }
  let steps;
  try {
    steps = await loadSteps(flags.passes, flags.config);
  } catch (err) {
    claimed.undo();
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bulletin: ${err.message}\n`);
    return 2;
  }
  const plan: OutputPlan = { jsonl: false, files: [], review: true, ...(flags.encoding ? { encoding: flags.encoding } : {}), ...(overrides ? { overrides } : {}) };
  const entries: ReviewEntry[] = [];
  let articles = 0;
  let warnings = 0;
  let closeCalls = 0;
  await report.startProgress(files.length);
  try {
    const { defaultJobs, processInOrder } = await import('../run/pool.js');
    const jobs = Math.min(flags.jobs ?? defaultJobs(), defaultJobs());
    let done = 0;
    for await (const r of processInOrder(files, flags.passes, plan, jobs, { steps, ...(flags.pageTimeout !== undefined ? { pageTimeout: flags.pageTimeout } : {}) })) {
      report.progress(++done, files.length);
      if (r.error || !r.review) {
        report.error(r.source, r.error ?? 'no review page was made');
        failed++;
        continue;
      }
      // a plugin's failure is said as parse says it; the page's view still shows its warnings
      const failing = failingMessages(r, flags);
      for (const m of r.warnings) if (failing.has(m.message)) report.error(r.source, m.message);
      if (failing.size) failed++;
      // each view is written as it comes, so a corpus of thousands of pages is not held in memory
      writeReviewPages(claimed.root, new Map([[r.review.entry.file, r.review.html]]));
      entries.push(r.review.entry);
      articles += r.review.entry.articles;
      warnings += r.review.entry.warnings;
      closeCalls += r.review.entry.closeCalls;
    }
    writeReviewIndex(claimed.root, entries);
  } catch (err) {
    report.stopProgress();
    // a failing disk, or a page directory that is not a real one (ForeignEntryError): said once
    if ((err as NodeJS.ErrnoException)?.syscall === undefined && !(err instanceof ForeignEntryError)) throw err;
    process.stderr.write(`bulletin: cannot write the review to ${out}: ${err instanceof ForeignEntryError ? err.message : describeFsError(err)}\n`);
    removeTemporaries();
    return 1;
  } finally {
    // the lock is released when the process ends, as parse's is
    report.stopProgress();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  report.summary(
    `bulletin: ${entries.length} page${entries.length === 1 ? '' : 's'} reviewed, ${articles} article${articles === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}, ${closeCalls} close call${closeCalls === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''} in ${seconds} s -> ${path.join(out, 'index.html')}`,
  );
  return failed ? 1 : 0;
}
