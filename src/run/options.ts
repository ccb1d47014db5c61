import { outOfRange, type Pass, type PassOptions } from '../passes/pass.js';

/**
 * A pass's options with their defaults. A plugin written by hand may give `options` (specs
 * with defaults) and no `defaults`, or neither: then it has no options.
 */
export function defaultsOf(pass: Pass<any>): PassOptions {
  if (pass.defaults && typeof pass.defaults === 'object') return pass.defaults;
  const out: PassOptions = {};
  for (const [key, spec] of Object.entries(pass.options ?? {})) out[key] = (spec as { default: unknown }).default;
  return out;
}

/**
 * Why `value` cannot be option `key` of `pass`, or null when it can: the pass has no such
 * option, the value is not of the default's type, or it is outside the option's range.
 */
export function optionProblem(pass: Pass<any>, key: string, value: unknown): string | null {
  const defaults = defaultsOf(pass);
  if (!Object.hasOwn(defaults, key)) {
    return `pass ${pass.name} has no option "${key}" (its options: ${Object.keys(defaults).join(', ') || 'none'})`;
  }
  const want = kind(defaults[key]);
  if (want !== 'null' && kind(value) !== want) return `option ${pass.name}.${key} must be a ${want}, not ${kind(value)} ${shown(value)}`;
  const range = outOfRange(pass.options?.[key], value);
  return range ? `option ${pass.name}.${key} ${range}, not ${shown(value)}` : null;
}

/** A value as the user wrote it, near enough: JSON has no NaN or infinity (it prints null). */
const shown = (value: unknown): string => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value));

function kind(v: unknown): string {
  return v === null || v === undefined ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v;
}
