import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InputFile } from '../read/inputs.js';
import type { Step } from '../pipeline.js';
import { safeStem } from '../model/stem.js';
import { onInterrupt, removeTemporariesIn, writePageFiles } from '../writers/files.js';
import { fileHashList } from './manifest.js';
import { processFile, type OutputPlan, type PageResult } from './process.js';
import { resolveSteps, type PassChoice } from './steps.js';

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

/** What crosses to a worker: plain data only, since functions cannot be cloned. */
export interface WorkerInit {
  choice: PassChoice;
  plan: OutputPlan;
  outDir?: string;
}
export interface BatchRequest {
  id: number;
  files: { file: InputFile; write: boolean }[];
}
/** A page's result as the pool yields it: a worker sends its JSON Lines as UTF-8 bytes (see worker.ts). */
export type PooledResult = Omit<PageResult, 'jsonl'> & { jsonl?: string | Uint8Array };

/**
 * A page's result as it crosses from a worker: without the source and stem the request gave,
 * and with its JSON Lines as the end of its range in the batch's buffer. The fewer objects and
 * strings a reply holds, the less both threads spend copying it.
 */
export type SentResult = Omit<PageResult, 'source' | 'stem' | 'jsonl'> & { jsonlEnd?: number };

export interface BatchReply {
  id: number;
  results?: SentResult[];
  /** the batch's JSON Lines as UTF-8, each page's a range ending at its jsonlEnd */
  jsonl?: ArrayBuffer;
  /** the worker could not start (a plugin failed to load there) */
  fatal?: string;
}

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
): AsyncGenerator<PooledResult> {
  const writeHere = ownDirectories(files, opts.outDir);
  const batch = batchSize(files.length, jobs);
  // Standard input can only be read once, by one thread; and a pool does not pay for itself
  // on a handful of pages.
  if (jobs <= 1 || files.length < 2 * batch || files.some((f) => f.path === '-')) {
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
  // Enough batches queued per worker that none idles while the main thread writes output.
  const window = jobs * 4;
  const pending = new Map<number, Promise<PooledResult[]>>();
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

/** Large enough to amortise a message, small enough that two workers share the tail. */
function batchSize(n: number, jobs: number): number {
  return Math.max(1, Math.min(32, Math.ceil(n / (jobs * 8))));
}

/** One page, never throwing: a fault in one page must not take its batch or the run down. */
export function processOne(file: InputFile, steps: readonly Step[], plan: OutputPlan, outDir: string | undefined, write: boolean): PageResult {
  let r: PageResult;
  try {
    r = processFile(file, steps, plan);
  } catch (err) {
    return { source: file.path, stem: file.stem, articles: 0, warnings: [], error: `internal error: ${(err as Error)?.message ?? String(err)}` };
  }
  if (write && outDir && r.files) {
    const { files, ...rest } = r;
    try {
      writePageFiles(outDir, new Map(files));
    } catch (err) {
      return { ...rest, writeError: `cannot write output: ${(err as Error).message}` };
    }
    // the contents stay here; the manifest needs only their hashes
    return { ...rest, fileHashes: fileHashList(files) };
  }
  return r;
}

interface Task {
  req: BatchRequest;
  resolve: (r: PooledResult[]) => void;
}

/**
 * Workers, each given up to two batches at a time: the second waits in the worker's queue, so
 * the worker goes on to it at once instead of idling while the main thread takes its reply and
 * sends the next request.
 */
class Pool {
  private readonly inFlight = new Map<Worker, Task[]>();
  private readonly queue: Task[] = [];

  constructor(size: number, private readonly init: WorkerInit) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  run(req: BatchRequest): Promise<PooledResult[]> {
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
      task.resolve(reply.results ? received(task.req, reply.results, reply.jsonl) : failed(task.req, reply.fatal ?? 'worker failed'));
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
    for (let depth = 0; depth < 2; depth++) {
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

/** A worker's results with what the request knew put back, and each page's bytes as a view. */
function received(req: BatchRequest, results: SentResult[], jsonl: ArrayBuffer | undefined): PooledResult[] {
  let start = 0;
  return results.map(({ jsonlEnd, ...rest }, i) => {
    const { file } = req.files[i]!;
    const r: PooledResult = { source: file.path, stem: file.stem, ...rest };
    if (jsonlEnd !== undefined && jsonl) {
      r.jsonl = new Uint8Array(jsonl, start, jsonlEnd - start);
      start = jsonlEnd;
    }
    return r;
  });
}

function failed(req: BatchRequest, why: string): PageResult[] {
  return req.files.map(({ file }) => ({ source: file.path, stem: file.stem, articles: 0, warnings: [], error: why }));
}
