import { parentPort, workerData } from 'node:worker_threads';
import type { Step } from '../pipeline.js';
import { prepareWriters } from '../writers/files.js';
import { resolveSteps } from './steps.js';
import { runBatch, type BatchReply, type BatchRequest, type WorkerInit } from './work.js';

/**
 * In a worker thread `process.exit` ends the thread and `process.abort` the whole process:
 * a plugin that calls either would lose the pages the worker holds, or the run. Here they
 * throw instead, inside the pass that called them, so the pipeline reports that pass as
 * failed on that page (naming it and its file) and goes on without it.
 */
class ExitFromPass extends Error {}
const refuse = (what: string) => (code?: unknown): never => {
  throw new ExitFromPass(`it called ${what}(${code === undefined ? '' : JSON.stringify(code)}), which a pass may not do`);
};
process.exit = refuse('process.exit');
process.abort = refuse('process.abort');

/** A worker thread of the pool (pool.ts): loads the passes once, then parses the batches it is sent. */
const init = workerData as WorkerInit;
let steps: readonly Step[] | null = null;
let fatal: string | null = null;
try {
  steps = await resolveSteps(init.choice);
  await prepareWriters(init.plan.files);
} catch (err) {
  // The main thread resolved the same choice before starting the pool, so this is rare;
  // report it per page rather than hang.
  fatal = `worker cannot load passes: ${(err as Error).message}`;
}

parentPort!.on('message', (req: BatchRequest) => {
  if (!steps) return parentPort!.postMessage({ id: req.id, fatal: fatal! } satisfies BatchReply);
  const { reply, transfer } = runBatch(req, steps, init);
  parentPort!.postMessage(reply, transfer);
});
