import { parentPort, workerData } from 'node:worker_threads';
import type { Step } from '../pipeline.js';
import { processOne, type BatchReply, type BatchRequest, type PooledResult, type WorkerInit } from './pool.js';
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
  const results: PooledResult[] = req.files.map(({ file, write }) => processOne(file, steps!, init.plan, init.outDir, write));
  const bytes = encodeJsonl(results);
  parentPort!.postMessage({ id: req.id, results } satisfies BatchReply, bytes ? [bytes] : []);
});

/**
 * The batch's JSON Lines as UTF-8 in one buffer that is handed over, not copied: each page's
 * `jsonl` becomes a view into it. The main thread then writes bytes as they are, where it used
 * to receive a copy of every string and encode it again, on the cores the workers need.
 */
function encodeJsonl(results: PooledResult[]): ArrayBuffer | null {
  let bytes = 0;
  for (const r of results) if (typeof r.jsonl === 'string') bytes += Buffer.byteLength(r.jsonl);
  if (bytes === 0) return null;
  // the exact size: the main thread holds these until its collector runs, so none is wasted
  const buffer = new ArrayBuffer(bytes);
  let at = 0;
  for (const r of results) {
    if (typeof r.jsonl !== 'string') continue;
    const { written } = encoder.encodeInto(r.jsonl, new Uint8Array(buffer, at));
    r.jsonl = new Uint8Array(buffer, at, written);
    at += written;
  }
  return buffer;
}
const encoder = new TextEncoder();
