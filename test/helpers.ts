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

/**
 * The environment the CLI runs in under test: no colour whatever the developer's terminal
 * has. FORCE_COLOR wins over NO_COLOR (as in Node), and jest sets it in its workers when it
 * runs on a terminal, so it is taken out.
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _, ...env } = process.env;
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Run the built CLI, the way a user does, in RUN_DIR unless told otherwise. */
export function cli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? RUN_DIR,
    input: opts.input,
    env: cliEnv(opts.env),
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
  // rmSync does not follow symbolic links: a hermetic copy's links go, their targets stay
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** What a checkout may hold that the CLI would pick up from its working directory, or write there. */
const LOCAL_STATE = new Set(['bulletin.config.yaml', 'corpus', '.git']);

/**
 * A working directory that looks like the repository to the CLI (`seeds`, `fixtures`,
 * `examples`, `package.json`… as symbolic links) but without what a developer's checkout may
 * hold beside them: a `bulletin.config.yaml`, which the README invites and which would change
 * every run, and `corpus/`. Relative outputs land in the copy, not in the checkout.
 */
export function hermeticCopyOf(root: string): string {
  const dir = tempDir('bulletin-cwd-');
  for (const entry of fs.readdirSync(root)) {
    if (!LOCAL_STATE.has(entry)) fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  return dir;
}

/** Where tests run the CLI: see hermeticCopyOf. Use it (or a temp dir) as cwd, never ROOT. */
export const RUN_DIR = hermeticCopyOf(ROOT);

/**
 * The records of a JSON Lines stream. Each article and page record is checked against the
 * shipped JSON Schemas (schemas/) on the way, so every stream a test reads holds to them.
 */
export function jsonl(text: string): any[] {
  const records = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const r of records) if (r?.type === 'article' || r?.type === 'page') expectSchema('record', r, 'a JSON Lines record');
  return records;
}
