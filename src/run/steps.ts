import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinPasses, findPass } from '../passes/registry.js';
import type { Pass, PassOptions } from '../passes/pass.js';
import type { Step } from '../pipeline.js';
import { UsageError } from './errors.js';

/** A serialisable choice of pass: what a worker thread or a config file can carry. */
export interface StepSpec {
  name: string;
  options?: PassOptions;
}

export interface PassChoice {
  /** pass names in order; absent means the registry's default order */
  names?: readonly string[];
  /** options per pass name, merged over each pass's defaults */
  options?: Readonly<Record<string, PassOptions>>;
  /** files that export plugin passes */
  plugins?: readonly string[];
}

export { UsageError } from './errors.js';

/** Load the passes a user's file exports: `default`, or any exported value shaped like a pass. */
export async function loadPlugins(files: readonly string[]): Promise<{ pass: Pass<any>; file: string }[]> {
  const out: { pass: Pass<any>; file: string }[] = [];
  for (const file of files) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(path.resolve(file)).href)) as Record<string, unknown>;
    } catch (err) {
      throw new UsageError(`cannot load plugin ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const found = Object.values(mod).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isPass);
    if (found.length === 0) throw new UsageError(`plugin ${file} exports no pass (an object with name, description, defaults and run)`);
    for (const pass of found) if (!out.some((o) => o.pass === pass)) out.push({ pass, file });
  }
  return out;
}

function isPass(v: unknown): v is Pass<any> {
  const p = v as Pass<any>;
  return typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.run === 'function';
}

/**
 * Turn a choice into steps. Plugins not named in `names` run after the built-in passes, in
 * the order their files were given.
 */
export async function resolveSteps(choice: PassChoice = {}): Promise<Step[]> {
  const plugins = await loadPlugins(choice.plugins ?? []);
  const pluginPasses = plugins.map((p) => p.pass);
  const names = choice.names ?? [...builtinPasses.map((p) => p.name), ...pluginPasses.map((p) => p.name)];
  const unknown = names.filter((n) => !findPass(n, pluginPasses));
  if (unknown.length) {
    const known = [...builtinPasses, ...pluginPasses].map((p) => p.name).join(', ');
    throw new UsageError(`unknown pass ${unknown.map((n) => `"${n}"`).join(', ')}; known passes: ${known}`);
  }
  for (const key of Object.keys(choice.options ?? {})) {
    if (!findPass(key, pluginPasses)) throw new UsageError(`options given for unknown pass "${key}"`);
  }
  return names.map((name) => {
    const pass = findPass(name, pluginPasses)!;
    const file = plugins.find((p) => p.pass === pass)?.file;
    return { pass, options: { ...pass.defaults, ...(choice.options?.[name] ?? {}) }, ...(file ? { file } : {}) };
  });
}
