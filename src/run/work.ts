/**
 * The work of the pool, in whichever thread does it: one page (processOne), and one batch as a
 * worker thread does it and sends it back. pool.ts and worker.ts both import this module and
 * not each other; the messages between them are typed here once.
 */
import type { InputFile } from '../read/inputs.js';
import type { Step, StepWatch } from '../pipeline.js';
import { writePageFiles } from '../writers/files.js';
import { fileHashList } from './manifest.js';
import { failedPage, processFile, type OutputPlan, type PageResult } from './process.js';
import type { PassChoice } from './steps.js';

/** What a worker is started with: plain data only, since functions cannot be cloned. */
export interface WorkerInit {
  choice: PassChoice;
  plan: OutputPlan;
  /** where page files go when the worker writes them itself */
  outDir?: string;
  /**
   * Where the worker says what it is doing, for the pool to see while it is busy: see
   * Progress. Each worker has its own.
   */
  progress?: SharedArrayBuffer;
}

/**
 * Slots of a worker's progress buffer (Int32Array). The worker writes them before each page
 * and each pass, with no message: a pass that loops forever never lets it send one, and the
 * pool must still know which page to stop and to blame, and which it may parse again.
 */
export const Progress = {
  /** the request id + 1 of the batch being parsed; 0 when the worker is between batches */
  BATCH: 0,
  /** the index in that batch of the page being parsed */
  PAGE: 1,
  /** the index of the step the page is in */
  STEP: 2,
  SLOTS: 3,
} as const;

export interface BatchRequest {
  id: number;
  /** `write`: the page's directory is its own, so the worker writes its files itself */
  files: { file: InputFile; write: boolean; bytes?: Uint8Array }[];
}

export interface BatchReply {
  id: number;
  /** in request order; each page's `jsonl` is a view of `jsonl` below */
  results?: PageResult[];
  /** the batch's JSON Lines as UTF-8, handed over rather than copied */
  jsonl?: ArrayBuffer;
  /** the worker could not start (a plugin failed to load there) */
  fatal?: string;
}

/**
 * One page: parsed, and its files written here when `write` says the directory is its own.
 * It never throws: a fault in one page must not take its batch or the run down.
 */
export function processOne(
  file: InputFile,
  steps: readonly Step[],
  plan: OutputPlan,
  outDir: string | undefined,
  write: boolean,
  watch: StepWatch = {},
  bytes?: Uint8Array,
): PageResult<string> {
  let r: PageResult<string>;
  try {
    r = processFile(file, steps, plan, watch, bytes);
  } catch (err) {
    return failedPage(file, `internal error: ${(err as Error)?.message ?? String(err)}`);
  }
  if (write && outDir && r.files) {
    const { files, ...rest } = r;
    try {
      writePageFiles(outDir, new Map(files));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { ...rest, writeError: `cannot write output: ${(err as Error).message}`, ...(code ? { writeErrorCode: code } : {}) };
    }
    // the contents stay here; the manifest needs only their hashes
    return { ...rest, fileHashes: fileHashList(files) };
  }
  return r;
}

/**
 * A worker's batch, ready to post: every page's JSON Lines encoded as UTF-8 into one buffer
 * that is transferred, not copied, with each page's `jsonl` a view of its range. The main
 * thread writes the bytes as they come: it shares the cores with the workers, and neither
 * copies nor encodes the text again.
 */
export function runBatch(req: BatchRequest, steps: readonly Step[], init: WorkerInit): { reply: BatchReply; transfer: ArrayBuffer[] } {
  const progress = init.progress ? new Int32Array(init.progress) : null;
  const watch: StepWatch = progress ? { onStep: (index) => Atomics.store(progress, Progress.STEP, index) } : {};
  const results: PageResult[] = req.files.map(({ file, write, bytes }, index) => {
    if (progress) {
      Atomics.store(progress, Progress.PAGE, index);
      Atomics.store(progress, Progress.STEP, -1);
      Atomics.store(progress, Progress.BATCH, req.id + 1);
    }
    return processOne(file, steps, init.plan, init.outDir, write, watch, bytes);
  });
  if (progress) Atomics.store(progress, Progress.BATCH, 0);
  let units = 0;
  for (const r of results) if (typeof r.jsonl === 'string') units += r.jsonl.length;
  if (units === 0) return { reply: { id: req.id, results }, transfer: [] };
  // Encoded into room for the worst case (three bytes a UTF-16 unit), then copied out at its
  // exact size: the text is read once, not measured first and encoded after.
  if (scratch.length < units * 3) scratch = new Uint8Array(units * 3);
  const ends: number[] = [];
  let end = 0;
  for (const r of results) {
    if (typeof r.jsonl === 'string') end += encoder.encodeInto(r.jsonl, scratch.subarray(end)).written;
    ends.push(end);
  }
  // the exact size: the main thread holds these until its collector runs, so none is wasted
  const jsonl = new ArrayBuffer(end);
  new Uint8Array(jsonl).set(scratch.subarray(0, end));
  // a batch of huge pages does not keep its room for the batches after it
  if (scratch.length > SCRATCH_BYTES) scratch = new Uint8Array(SCRATCH_BYTES);
  let start = 0;
  results.forEach((r, i) => {
    if (typeof r.jsonl === 'string') r.jsonl = new Uint8Array(jsonl, start, ends[i]! - start);
    start = ends[i]!;
  });
  return { reply: { id: req.id, results, jsonl }, transfer: [jsonl] };
}
const encoder = new TextEncoder();
/** The encoding room a worker keeps between batches: a batch of ordinary pages fits. */
const SCRATCH_BYTES = 1 << 20;
let scratch = new Uint8Array(SCRATCH_BYTES);
