import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { safeStem } from '../model/stem.js';
import type { InputFile } from '../read/inputs.js';
import type { Step } from '../pipeline.js';
import { onInterrupt, removeTemporariesIn } from '../writers/files.js';
import { failedPage, type OutputPlan, type PageResult } from './process.js';
import { resolveSteps, type PassChoice } from './steps.js';
import { processOne, type BatchReply, type BatchRequest, type WorkerInit } from './work.js';

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
}

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
  // standard input can only be read once, by one thread
  if (jobs <= 1 || files.length < MIN_BATCHES_FOR_POOL * batch || files.some((f) => f.path === '-')) {
    const steps = opts.steps ?? (await resolveSteps(choice));
    for (let i = 0; i < files.length; i++) yield processOne(files[i]!, steps, plan, opts.outDir, writeHere[i]!);
    return;
  }

  const batches: BatchRequest['files'][] = [];
  for (let i = 0; i < files.length; i += batch) {
    batches.push(files.slice(i, i + batch).map((file, k) => ({ file, write: writeHere[i + k]! })));
  }
  const pool = new Pool(Math.min(jobs, batches.length), { choice, plan, ...(opts.outDir ? { outDir: opts.outDir } : {}) });
  // On SIGINT a worker may be between writing a temporary and renaming it: stop the workers,
  // then clear the directories of the pages they held.
  const outDir = opts.outDir;
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

/** Worker threads, each given up to BATCHES_PER_WORKER_QUEUE batches at a time. */
class Pool {
  private readonly inFlight = new Map<Worker, Task[]>();
  private readonly queue: Task[] = [];

  constructor(size: number, private readonly init: WorkerInit) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  run(req: BatchRequest): Promise<PageResult[]> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private spawn(): void {
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.init });
    this.inFlight.set(w, []);
    w.on('message', (reply: BatchReply) => {
      const task = this.inFlight.get(w)?.shift();
      if (!task) return;
      task.resolve(reply.results ?? failed(task.req, reply.fatal ?? 'worker failed'));
      this.pump();
    });
    // A worker that dies fails only the pages it held; a fresh one takes its place.
    const died = (why: string) => {
      const tasks = this.inFlight.get(w);
      if (!tasks) return;
      this.inFlight.delete(w);
      for (const task of tasks) task.resolve(failed(task.req, why));
      if (this.queue.length) this.spawn();
      this.pump();
    };
    w.on('error', (err) => died(`worker crashed: ${err.message}`));
    w.on('exit', (code) => died(`worker exited with code ${code}`));
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

  async close(): Promise<void> {
    const ws = [...this.inFlight.keys()];
    this.inFlight.clear();
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

function failed(req: BatchRequest, why: string): PageResult[] {
  return req.files.map(({ file }) => failedPage(file, why));
}
