import { parentPort, workerData } from 'node:worker_threads';
import type { Step } from '../pipeline.js';
import { processOne, type BatchReply, type BatchRequest, type SentResult, type WorkerInit } from './pool.js';
import type { PageResult } from './process.js';
import { resolveSteps } from './steps.js';

const init = workerData as WorkerInit;
let steps: readonly Step[] | null = null;
let fatal: string | null = null;
try {
  steps = await resolveSteps(init.choice);
} catch (err) {
  // The main thread resolved the same choice before starting the pool, so this is rare;
  // report it per page rather than hang.
  fatal = `worker cannot load passes: ${(err as Error).message}`;
}

parentPort!.on('message', (req: BatchRequest) => {
  if (!steps) return parentPort!.postMessage({ id: req.id, fatal: fatal! } satisfies BatchReply);
  const results = req.files.map(({ file, write }) => processOne(file, steps!, init.plan, init.outDir, write));
  const { sent, jsonl } = forSending(results);
  parentPort!.postMessage({ id: req.id, results: sent, ...(jsonl ? { jsonl } : {}) } satisfies BatchReply, jsonl ? [jsonl] : []);
});

/**
 * A batch's results as they cross to the main thread (SentResult), with their JSON Lines as
 * UTF-8 in one buffer that is handed over, not copied. The main thread then writes bytes as
 * they are, where it used to receive a copy of every string and encode it again, on the cores
 * the workers need.
 */
function forSending(results: readonly PageResult[]): { sent: SentResult[]; jsonl: ArrayBuffer | null } {
  let units = 0;
  for (const r of results) if (r.jsonl !== undefined) units += r.jsonl.length;
  // Encoded into room for the worst case (three bytes a UTF-16 unit), then copied out at its
  // exact size: one pass over the text, where measuring it first took two.
  if (scratch.length < units * 3) scratch = new Uint8Array(units * 3);
  let end = 0;
  const sent = results.map(({ source, stem, jsonl: text, ...rest }): SentResult => {
    if (text === undefined) return rest;
    end += encoder.encodeInto(text, scratch.subarray(end)).written;
    return { ...rest, jsonlEnd: end };
  });
  if (units === 0) return { sent, jsonl: null };
  // the exact size: the main thread holds these until its collector runs, so none is wasted
  const jsonl = new ArrayBuffer(end);
  new Uint8Array(jsonl).set(scratch.subarray(0, end));
  // a batch of huge pages does not keep its room for the batches after it
  if (scratch.length > SCRATCH_BYTES) scratch = new Uint8Array(SCRATCH_BYTES);
  return { sent, jsonl };
}
const encoder = new TextEncoder();
const SCRATCH_BYTES = 1 << 20;
let scratch = new Uint8Array(SCRATCH_BYTES);
