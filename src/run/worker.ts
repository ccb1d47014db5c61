import { parentPort, workerData } from 'node:worker_threads';
import type { Step } from '../pipeline.js';
import { processOne, type BatchReply, type BatchRequest, type WorkerInit } from './pool.js';
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
  const reply: BatchReply = steps
    ? { id: req.id, results: req.files.map(({ file, write }) => processOne(file, steps!, init.plan, init.outDir, write)) }
    : { id: req.id, fatal: fatal! };
  parentPort!.postMessage(reply);
});
