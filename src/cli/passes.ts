import type { Config } from '../config.js';
import type { OptionSpec } from '../passes/pass.js';
import { defaultsOf } from '../run/options.js';
import { UsageError, type KnownPass, type PassChoice } from '../run/steps.js';
import { loadSteps } from './steps.js';

/** An option as `bulletin passes --json` shows it. */
interface ListedOption {
  /** what the run would use: the default, or the config file's value */
  value: unknown;
  default: unknown;
  description?: string;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

interface Listed {
  name: string;
  description: string;
  /** its place in the run (1-based), or null when the run leaves it out */
  position: number | null;
  defaults: Record<string, unknown>;
  options: Record<string, ListedOption>;
  plugin?: string;
}

/**
 * Every pass a run may use, with each option's meaning, unit, range, default and the value in
 * force: the run's passes in its order (the config file's or --passes's), then those it leaves
 * out.
 */
export async function runPasses(opts: { json?: boolean; passes: PassChoice; config: Config | null }): Promise<number> {
  let listed: Listed[];
  try {
    listed = await list(opts.passes, opts.config);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bulletin: ${err.message}\n`);
    return 2;
  }
  process.stdout.write(opts.json ? JSON.stringify(listed, null, 2) + '\n' : text(listed));
  return 0;
}

async function list(choice: PassChoice, config: Config | null): Promise<Listed[]> {
  let known: readonly KnownPass[] = [];
  // the checks of a run, and the passes they were made against
  const steps = await loadSteps(choice, config, (k) => (known = k));
  const run = new Map(steps.map((s, i) => [s.pass, { position: i + 1, options: s.options }]));
  const order = [...steps.map((s) => known.find((k) => k.pass === s.pass)!), ...known.filter((k) => !run.has(k.pass))];
  return order.map(({ pass, file }) => {
    const defaults = defaultsOf(pass);
    const inForce = run.get(pass)?.options ?? defaults;
    const specs = (pass.options ?? {}) as Record<string, OptionSpec>;
    const options = Object.fromEntries(Object.keys(defaults).map((key) => {
      const { default: _, ...spec } = specs[key] ?? { default: undefined };
      return [key, { value: inForce[key], default: defaults[key], ...spec }];
    }));
    return { name: pass.name, description: pass.description ?? '', position: run.get(pass)?.position ?? null, defaults, options, ...(file ? { plugin: file } : {}) };
  });
}

function text(listed: readonly Listed[]): string {
  const width = Math.max(...listed.map((p) => p.name.length));
  const pad = `    ${' '.repeat(width)}  `;
  const lines = listed.map((p) => {
    const head = `${p.position === null ? ' -' : String(p.position).padStart(2)}. ${p.name.padEnd(width)}  ${p.description}`;
    const out = [p.position === null ? `${head} (not run)` : head];
    if (p.plugin) out.push(`${pad}plugin: ${p.plugin}`);
    const keys = Object.keys(p.options);
    const keyWidth = Math.max(0, ...keys.map((k) => k.length));
    const rows = keys.map((key) => {
      const o = p.options[key]!;
      const value = JSON.stringify(o.value);
      const changed = value !== JSON.stringify(o.default) ? ` (default ${JSON.stringify(o.default)})` : '';
      const about = [o.unit, range(o)].filter(Boolean).join('; ');
      return [`${key.padEnd(keyWidth)} = ${value}${changed}`, `${o.description ?? ''}${about ? ` [${about}]` : ''}`] as const;
    });
    const leftWidth = Math.max(0, ...rows.map(([left]) => left.length));
    for (const [left, right] of rows) out.push(`${pad}${left.padEnd(leftWidth)}  ${right}`.trimEnd());
    return out.join('\n');
  });
  return lines.join('\n') + '\n';
}

/** An option's range in words: `whole, 1 to 1000`, `at least 0`. */
function range(o: ListedOption): string {
  const bounds = o.min !== undefined && o.max !== undefined ? `${o.min} to ${o.max}` : o.min !== undefined ? `at least ${o.min}` : o.max !== undefined ? `at most ${o.max}` : '';
  return [o.integer ? 'whole' : '', bounds].filter(Boolean).join(', ');
}
