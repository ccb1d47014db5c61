import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinPasses } from '../src/passes/registry.js';
import { parsePage, type Step } from '../src/pipeline.js';
import type { Page } from '../src/model/types.js';
import { expectSchema } from './schemas.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'bulletin.js');

export const defaultSteps = (): Step[] => builtinPasses.map((pass) => ({ pass, options: { ...pass.defaults } }));

/** Parse page text with the default passes, as `bulletin parse` would. */
export function parseText(text: string, stem = 'page'): Page {
  return parsePage({ source: `${stem}.txt`, stem, text }, defaultSteps());
}

/** Run the built CLI, the way a user does. */
export function cli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 1 << 28,
  });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const made: string[] = [];
/** A fresh directory, removed when the test file that made it is done. */
export function tempDir(prefix = 'bulletin-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * The records of a JSON Lines stream. Each article and page record is checked against the
 * shipped JSON Schemas (schemas/) on the way, so every stream a test reads holds to them.
 */
export function jsonl(text: string): any[] {
  const records = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const r of records) if (r?.type === 'article' || r?.type === 'page') expectSchema('record', r, 'a JSON Lines record');
  return records;
}
