import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { safeStem } from '../model/stem.js';
import type { InputFile } from '../read/inputs.js';
import { readStdin } from '../read/stdin.js';
import type { Step } from '../pipeline.js';
import { onInterrupt, prepareWriters, removeTemporariesIn } from '../writers/files.js';
import { failedPage, type OutputPlan, type PageResult } from './process.js';
import { resolveSteps, type PassChoice } from './steps.js';
import { processOne, Progress, type BatchReply, type BatchRequest, type WorkerInit } from './work.js';

export interface PoolOptions {
  /**
   * Where page files go. When set, each page's files are written where the page was parsed
   * (in parallel), and its result comes back without `files`; only pages whose output
   * directory another input shares keep `files`, so the caller writes them in input order and
   * the last one wins, as in a sequential run.
   */
  outDir?: string;
  /** steps already resolved from `choice` in this thread, to avoid loading plugins twice */
  steps?: readonly Step[];
  /**
   * The most seconds a page may take when plugins are loaded (then every page is parsed in a
   * worker thread, which can be stopped); the page is then an error and the run goes on.
   */
  pageTimeout?: number;
}

/** A page's time limit when none is given: minutes for what takes milliseconds. */
const DEFAULT_PAGE_TIMEOUT = 60;

/** The most pages in one batch: enough to amortise the cost of a message each way. */
const MAX_BATCH = 32;
/**
 * Batches per worker at the least, on a small corpus: small batches let the workers share the
 * last ones, so that none finishes long before the others.
 */
const MIN_BATCHES_PER_WORKER = 8;
/** Fewer pages than this many batches are parsed in this thread: a pool would not pay for itself. */
const MIN_BATCHES_FOR_POOL = 2;
/**
 * Batches dispatched ahead of the one being written, per worker: enough that no worker idles
 * while the main thread writes output, few enough that memory stays flat on any corpus.
 */
const BATCHES_AHEAD_PER_WORKER = 4;
/**
 * Batches a worker holds at once: the second waits in its queue, so the worker goes on to it
 * at once instead of idling while the main thread takes its reply and sends the next request.
 */
const BATCHES_PER_WORKER_QUEUE = 2;

export const defaultJobs = (): number => os.availableParallelism();

/**
 * Parse files and yield their results in input order, whatever the number of jobs, so that
 * output is byte-identical for any --jobs. Only a bounded window of batches is in flight and
 * nothing is dispatched while the consumer is not pulling, so memory stays flat on any corpus.
 */
export async function* processInOrder(
  files: readonly InputFile[],
  choice: PassChoice,
  plan: OutputPlan,
  jobs: number = defaultJobs(),
  opts: PoolOptions = {},
): AsyncGenerator<PageResult> {
  const writeHere = ownDirectories(files, opts.outDir);
  const batch = batchSize(files.length, jobs);
  // A plugin's pass can loop, call process.exit or crash its thread: it runs where it can be
  // stopped without the run, in a worker, however few the pages or the jobs. The built-in
  // passes cannot (their option ranges are checked), so without plugins small runs stay here.
  const isolate = (choice.plugins?.length ?? 0) > 0;
  // standard input can only be read once, by one thread
  if (!isolate && (jobs <= 1 || files.length < MIN_BATCHES_FOR_POOL * batch || files.some((f) => f.path === '-'))) {
    const steps = opts.steps ?? (await resolveSteps(choice));
    // only a thread that writes pages loads their writers: the workers load their own
    await prepareWriters(plan.files);
    for (let i = 0; i < files.length; i++) yield processOne(files[i]!, steps, plan, opts.outDir, writeHere[i]!);
    return;
  }

  const stdin = files.some((f) => f.path === '-') ? await readStdin() : undefined;
  const batches: BatchRequest['files'][] = [];
  for (let i = 0; i < files.length; i += batch) {
    batches.push(files.slice(i, i + batch).map((file, k) => ({ file, write: writeHere[i + k]!, ...(file.path === '-' ? { bytes: stdin! } : {}) })));
  }
  const outDir = opts.outDir;
  const pool = new Pool(Math.min(jobs, batches.length), { choice, plan, ...(outDir ? { outDir } : {}) }, {
    ...(isolate ? { pageTimeoutMs: (opts.pageTimeout ?? DEFAULT_PAGE_TIMEOUT) * 1000 } : {}),
    stepNames: (opts.steps ?? []).map((s) => (s.file ? `${s.pass.name} (${s.file})` : s.pass.name)),
    // a stopped worker may have been between writing a temporary and renaming it
    ...(outDir ? { lost: (file: InputFile) => removeTemporariesIn(path.join(outDir, safeStem(file.stem))) } : {}),
  });
  // On SIGINT a worker may be between writing a temporary and renaming it: stop the workers,
  // then clear the directories of the pages they held.
  const unhook = onInterrupt(async () => {
    await pool.close();
    if (!outDir) return;
    // page directories being filled sit beside the finished ones
    removeTemporariesIn(outDir);
    for (let b = next; b < sent; b++) for (const { file } of batches[b]!) removeTemporariesIn(path.join(outDir, safeStem(file.stem)));
  });
  let next = 0;
  const window = jobs * BATCHES_AHEAD_PER_WORKER;
  const pending = new Map<number, Promise<PageResult[]>>();
  let sent = 0;
  try {
    for (; next < batches.length; next++) {
      while (sent < batches.length && sent - next < window) {
        pending.set(sent, pool.run({ id: sent, files: batches[sent]! }));
        sent++;
      }
      const results = await pending.get(next)!;
      pending.delete(next);
      for (const r of results) yield r;
    }
  } finally {
    unhook();
    await pool.close();
  }
}

/** Which pages may be written where they are parsed: those whose directory is theirs alone. */
function ownDirectories(files: readonly InputFile[], outDir: string | undefined): boolean[] {
  if (!outDir) return files.map(() => false);
  const count = new Map<string, number>();
  for (const f of files) count.set(safeStem(f.stem), (count.get(safeStem(f.stem)) ?? 0) + 1);
  return files.map((f) => count.get(safeStem(f.stem)) === 1);
}

function batchSize(n: number, jobs: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(n / (jobs * MIN_BATCHES_PER_WORKER))));
}

interface Task {
  req: BatchRequest;
  resolve: (r: PageResult[]) => void;
}

interface PoolLimits {
  /** a page that takes longer is stopped (with its worker) and fails; none when absent */
  pageTimeoutMs?: number;
  /** the steps' names in order, to say which pass a stopped page was in */
  stepNames?: readonly string[];
  /** called for each page a worker held when it was stopped or died, once it is gone */
  lost?: (file: InputFile) => void;
}

/** How often a busy worker's progress is looked at, at most and at least. */
const WATCH_MAX_MS = 1000;
const WATCH_MIN_MS = 50;

/**
 * Worker threads, each given up to BATCHES_PER_WORKER_QUEUE batches at a time. A worker that
 * dies, or that is stopped because a page took too long, fails the page it was parsing; the
 * other pages it held are parsed again by a fresh worker.
 */
class Pool {
  private readonly inFlight = new Map<Worker, Task[]>();
  private readonly progress = new Map<Worker, Int32Array>();
  /** per busy worker, what it was last seen doing and since when */
  private readonly seen = new Map<Worker, { doing: string; since: number }>();
  private readonly queue: Task[] = [];
  private readonly watchdog: NodeJS.Timeout | null;
  /** ids for batches sent again, apart from the caller's */
  private nextId = 1 << 30;

  constructor(size: number, private readonly init: WorkerInit, private readonly limits: PoolLimits = {}) {
    for (let i = 0; i < size; i++) this.spawn();
    const limit = limits.pageTimeoutMs;
    this.watchdog = limit ? setInterval(() => this.watch(limit), Math.max(WATCH_MIN_MS, Math.min(WATCH_MAX_MS, limit / 4))) : null;
    // the run ends when its work does, not when the watchdog stops
    this.watchdog?.unref();
  }

  run(req: BatchRequest): Promise<PageResult[]> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private spawn(): void {
    const progress = new SharedArrayBuffer(Progress.SLOTS * Int32Array.BYTES_PER_ELEMENT);
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: { ...this.init, progress } satisfies WorkerInit });
    this.inFlight.set(w, []);
    this.progress.set(w, new Int32Array(progress));
    w.on('message', (reply: BatchReply) => {
      const task = this.inFlight.get(w)?.shift();
      if (!task) return;
      task.resolve(reply.results ?? failed(task.req, reply.fatal ?? 'worker failed'));
      this.pump();
    });
    w.on('error', (err) => void this.lose(w, `worker crashed: ${err.message}`));
    w.on('exit', (code) => void this.lose(w, `worker exited with code ${code}`));
  }

  /** Stop the workers whose page has taken longer than the limit. */
  private watch(limit: number): void {
    const now = performance.now();
    for (const [w, tasks] of this.inFlight) {
      const p = this.progress.get(w)!;
      const batch = Atomics.load(p, Progress.BATCH);
      const doing = tasks.length && batch ? `${batch}:${Atomics.load(p, Progress.PAGE)}` : '';
      const last = this.seen.get(w);
      if (!last || last.doing !== doing) this.seen.set(w, { doing, since: now });
      else if (doing && now - last.since >= limit) {
        void this.lose(w, `stopped after ${limit / 1000} s, the time a page may take (--page-timeout)`);
      }
    }
  }

  /**
   * A worker is gone, or must go. The page it was parsing fails with `why` (and the pass it
   * was in); the other pages it held go back to the front of the queue. A worker that died
   * between pages (a timer of a plugin's, say) fails all it held, as there is no page to
   * blame: otherwise a fault that kills every worker would be retried without end.
   */
  private async lose(w: Worker, why: string): Promise<void> {
    const tasks = this.inFlight.get(w);
    if (!tasks) return;
    const p = this.progress.get(w)!;
    this.inFlight.delete(w);
    this.progress.delete(w);
    this.seen.delete(w);
    const batch = Atomics.load(p, Progress.BATCH) - 1;
    const page = Atomics.load(p, Progress.PAGE);
    const step = this.limits.stepNames?.[Atomics.load(p, Progress.STEP)];
    // gone for good before its pages' directories are cleared and they are parsed again
    await w.terminate();
    for (const t of tasks) for (const { file } of t.req.files) this.limits.lost?.(file);
    const culprit = tasks.find((t) => t.req.id === batch && page < t.req.files.length);
    if (!culprit) {
      for (const t of tasks) t.resolve(failed(t.req, why));
    } else {
      const again: Task[] = [];
      for (const t of tasks) {
        if (t !== culprit) {
          again.push({ req: { ...t.req, id: this.nextId++ }, resolve: t.resolve });
          continue;
        }
        const bad = failedPage(t.req.files[page]!.file, step ? `${why}; it was in pass ${step}` : why);
        const rest = t.req.files.filter((_, k) => k !== page);
        if (rest.length === 0) t.resolve([bad]);
        else again.push({ req: { id: this.nextId++, files: rest }, resolve: (rs) => t.resolve([...rs.slice(0, page), bad, ...rs.slice(page)]) });
      }
      this.queue.unshift(...again);
    }
    if (this.queue.length && !this.closed) this.spawn();
    this.pump();
  }

  private pump(): void {
    for (let depth = 0; depth < BATCHES_PER_WORKER_QUEUE; depth++) {
      for (const [w, tasks] of this.inFlight) {
        if (this.queue.length === 0) return;
        if (tasks.length > depth) continue;
        const task = this.queue.shift()!;
        tasks.push(task);
        w.postMessage(task.req);
      }
    }
  }

  private closed = false;

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    const ws = [...this.inFlight.keys()];
    this.inFlight.clear();
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

function failed(req: BatchRequest, why: string): PageResult[] {
  return req.files.map(({ file }) => failedPage(file, why));
}
