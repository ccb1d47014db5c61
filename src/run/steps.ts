import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinPasses } from '../passes/registry.js';
import type { Pass, PassOptions } from '../passes/pass.js';
import type { Step } from '../pipeline.js';
import { UsageError } from './errors.js';
import { defaultsOf, optionProblem } from './options.js';

/** A serialisable choice of passes: what a worker thread can carry. */
export interface PassChoice {
  /** pass names in order; absent means the default order */
  names?: readonly string[];
  /** options per pass name, merged over each pass's defaults */
  options?: Readonly<Record<string, PassOptions>>;
  /** files that export plugin passes */
  plugins?: readonly string[];
}

/** A pass a run may use: a built-in one, or a plugin's with the file it came from. */
export interface KnownPass {
  pass: Pass<any>;
  file?: string;
}

export { UsageError } from './errors.js';

/**
 * The passes a user's files export: `default`, or any exported value shaped like a pass (or a
 * list of them). A pass may not take a built-in pass's name, nor another plugin's: it would
 * not replace the other one, and both would run.
 */
export async function loadPlugins(files: readonly string[]): Promise<Required<KnownPass>[]> {
  const out: Required<KnownPass>[] = [];
  for (const file of files) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
    } catch (err) {
      throw new UsageError(loadFailure(file, err));
    }
    const found = Object.values(mod).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isPass);
    if (found.length === 0) throw new UsageError(`plugin ${file} exports no pass (an object with a name, a description and run)`);
    for (const pass of found) {
      if (out.some((o) => o.pass === pass)) continue;
      const builtin = builtinPasses.find((p) => p.name === pass.name);
      if (builtin) throw new UsageError(`plugin ${file} exports a pass named "${pass.name}", the name of the built-in pass ${builtin.name}: a plugin adds passes and cannot replace one, so give it a name of its own`);
      const twin = out.find((o) => o.pass.name === pass.name);
      if (twin) throw new UsageError(`plugin ${file} exports a pass named "${pass.name}", the name of a pass of plugin ${twin.file}: give each a name of its own`);
      out.push({ pass, file });
    }
  }
  return out;
}

function isPass(v: unknown): v is Pass<any> {
  const p = v as Pass<any>;
  return typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.run === 'function';
}

/**
 * Why a plugin file could not be loaded. A syntax error in an ES module comes without its
 * place (Node prints it only for an error nobody caught), so the file is checked again by
 * `node --check` to find its line and column.
 */
function loadFailure(file: string, err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (!(err instanceof SyntaxError)) return `cannot load plugin ${file}: ${text}`;
  // a CommonJS file's error says where, in the first line of its stack
  const stacked = /^(.*):(\d+)\n/.exec(err.stack ?? '');
  if (stacked && !stacked[1]!.startsWith('node:')) {
    const [, where, line] = stacked;
    return path.resolve(where!) === path.resolve(file) ? `${file}:${line}: plugin does not parse: ${text}` : `${where}:${line}: ${text} (imported by plugin ${file})`;
  }
  const place = syntaxErrorPlace(file);
  return place ? `${file}:${place}: plugin does not parse: ${text}` : `cannot load plugin ${file}: ${text}`;
}

/** `LINE:COLUMN` of the syntax error in an ES module file, or null when it parses. */
function syntaxErrorPlace(file: string): string | null {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const r = spawnSync(process.execPath, ['--input-type=module', '--check'], { input: source, encoding: 'utf8' });
  const m = /^\[stdin\]:(\d+)\n.*\n( *)\^/.exec(r.stderr ?? '');
  return m ? `${m[1]}:${m[2]!.length + 1}` : null;
}

/**
 * The steps of a choice, from the passes it may use. Plugins not named in `names` run after
 * the built-in passes, in the order their files were given. Unknown pass names and options
 * that a pass does not have, or that are of the wrong type or out of range, are usage errors.
 */
export function stepsFor(choice: PassChoice, known: readonly KnownPass[]): Step[] {
  const byName = new Map(known.map((k) => [k.pass.name, k]));
  const names = choice.names ?? known.map((k) => k.pass.name);
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length) {
    throw new UsageError(`unknown pass ${unknown.map((n) => `"${n}"`).join(', ')}; known passes: ${[...byName.keys()].join(', ')}`);
  }
  for (const [name, options] of Object.entries(choice.options ?? {})) {
    const k = byName.get(name);
    if (!k) throw new UsageError(`options given for unknown pass "${name}"`);
    for (const [key, value] of Object.entries(options)) {
      const problem = optionProblem(k.pass, key, value);
      if (problem) throw new UsageError(problem);
    }
  }
  return names.map((name) => {
    const { pass, file } = byName.get(name)!;
    return { pass, options: { ...defaultsOf(pass), ...(choice.options?.[name] ?? {}) }, ...(file ? { file } : {}) };
  });
}

/**
 * Load a choice's plugins and turn it into steps. `check` sees every pass the run may use
 * before the steps are made, so that a config file can report its own mistakes with their
 * lines first.
 */
export async function resolveSteps(choice: PassChoice = {}, check?: (known: readonly KnownPass[]) => void | Promise<void>): Promise<Step[]> {
  const known: KnownPass[] = [...builtinPasses.map((pass) => ({ pass })), ...(await loadPlugins(choice.plugins ?? []))];
  await check?.(known);
  return stepsFor(choice, known);
}
