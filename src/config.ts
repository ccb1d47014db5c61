import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import type { Pass, PassOptions } from './passes/pass.js';
import { ENCODINGS, type ForcedEncoding } from './read/decode.js';
import { UsageError } from './run/errors.js';
import type { PassChoice } from './run/steps.js';
import { PLUGIN_ERRORS, type PluginErrors } from './run/plugin-policy.js';

export const CONFIG_NAME = 'bulletin.config.yaml';
const FORMATS = ['json', 'md', 'jsonl', 'all'];
const KEYS = ['inputs', 'out', 'format', 'encoding', 'passes', 'options', 'plugins', 'plugin-errors', 'strict', 'page-timeout'];

/** A config file, checked for shape. Paths in it are relative to the file's directory. */
export interface Config {
  file: string;
  inputs?: string[];
  out?: string;
  format?: string;
  /** `encoding:`, as `--encoding` forces it */
  encoding?: ForcedEncoding;
  /** pass names in order, when the file gives an order */
  passes?: string[];
  options: Record<string, PassOptions>;
  plugins?: string[];
  /** as --plugin-errors, --strict and --page-timeout */
  pluginErrors?: PluginErrors;
  strict?: boolean;
  pageTimeout?: number;
  /** the line of a key, e.g. `options.rejoin-lines.width`, for errors found after loading */
  lines: Map<string, number>;
}

export class ConfigError extends UsageError {}

/** `--config FILE`, else bulletin.config.yaml in the working directory if there is one. */
export function findConfig(explicit: string | undefined, cwd = process.cwd()): Config | null {
  if (explicit !== undefined) {
    if (!fs.existsSync(explicit)) throw new ConfigError(`${explicit}: no such config file`);
    return loadConfig(explicit);
  }
  const file = path.join(cwd, CONFIG_NAME);
  return fs.existsSync(file) ? loadConfig(path.relative(cwd, file) || file) : null;
}

export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    // a directory (or an unreadable file) is the user's mistake, named like any other
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a directory, not a config file' : code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such config file' : (err as Error).message;
    throw new ConfigError(`${file}: ${why}`);
  }
  return parseConfig(text, file);
}

/**
 * How many aliases one option value may expand: YAML's own default, and far more than a config
 * needs. A few nested anchors can otherwise expand to billions of nodes ("billion laughs").
 */
const MAX_ALIASES = 100;

/** The YAML parser, loaded on the first config file: most runs have none, and it takes 30 ms to load. */
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export function parseConfig(text: string, file: string): Config {
  const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (n: Node | null | undefined) => (n?.range ? counter.linePos(n.range[0]).line : 1);
  const fail = (line: number, msg: string): never => { throw new ConfigError(`${file}:${line}: ${msg}`); };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    fail(counter.linePos(e.pos[0]).line, e.message.split('\n')[0]!);
  }
  // A standard alias (`*m`) stands for the node its anchor (`&m`) marks. Errors still name the
  // line where the alias is, which is where the user looks; see lineOf(raw) below.
  const deref = (n: unknown): unknown => (isAlias(n) ? (n.resolve(doc) ?? null) : n);
  const base = path.dirname(file);
  const rel = (p: string) => (path.isAbsolute(p) ? p : path.join(base, p));
  const config: Config = { file, options: {}, lines: new Map() };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) return fail(lineOf(root as Node), `the config must be a mapping of keys (${KEYS.join(', ')})`);

  const str = (raw: unknown, what: string): string => {
    const n = deref(raw);
    if (isScalar(n) && typeof n.value === 'string' && n.value !== '') return n.value;
    return fail(lineOf(raw as Node), `${what} must be a non-empty string`);
  };
  const strings = (raw: unknown, what: string): string[] => {
    const n = deref(raw);
    if (isSeq(n)) return n.items.map((i) => str(i, `each item of ${what}`));
    return [str(raw, `${what} (or a list of strings)`)];
  };
  const optionValue = (raw: Node | null): unknown => {
    if (raw === null) return null;
    try {
      return raw.toJS(doc, { maxAliasCount: MAX_ALIASES }) ?? null;
    } catch (err) {
      return fail(lineOf(raw), `${(err as Error).message} (aliases may expand to at most ${MAX_ALIASES} nodes)`);
    }
  };
  const optionMap = (raw: unknown, what: string, pass: string): PassOptions => {
    const n = deref(raw);
    if (!isMap(n)) return fail(lineOf(raw as Node), `${what} must be a mapping of option names to values`);
    const out: PassOptions = {};
    for (const pair of n.items) {
      const key = str(pair.key, `an option name under ${what}`);
      config.lines.set(`options.${pass}.${key}`, lineOf(pair.key as Node));
      out[key] = optionValue(pair.value as Node | null);
    }
    return out;
  };
  const setOptions = (pass: string, opts: PassOptions, line: number) => {
    if (config.options[pass]) fail(line, `options for pass "${pass}" are given twice`);
    config.options[pass] = opts;
    if (!config.lines.has(`options.${pass}`)) config.lines.set(`options.${pass}`, line);
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(pair.key as Node);
    const value = pair.value;
    // what the value stands for, when it is an alias; `value` itself keeps the line to report
    const node = deref(value);
    switch (key) {
      case 'inputs':
        config.inputs = strings(value, 'inputs').map(rel);
        break;
      case 'out': {
        // `-` is standard output, not a directory beside the config file
        const out = str(value, 'out');
        config.out = out === '-' ? out : rel(out);
        break;
      }
      case 'format': {
        const list = strings(value, 'format').flatMap((f) => f.split(',')).map((f) => f.trim());
        for (const f of list) if (!FORMATS.includes(f)) fail(lineOf(value as Node), `unknown format "${f}" (${FORMATS.join(', ')})`);
        config.format = list.join(',');
        break;
      }
      case 'encoding': {
        const name = str(value, 'encoding');
        if (!(ENCODINGS as readonly string[]).includes(name)) fail(lineOf(value as Node), `unknown encoding "${name}" (${ENCODINGS.join(', ')}; leave it out to detect each page's)`);
        config.encoding = name as ForcedEncoding;
        break;
      }
      case 'plugins':
        config.plugins = strings(value, 'plugins').map(rel);
        break;
      case 'plugin-errors': {
        const mode = str(value, 'plugin-errors');
        if (!(PLUGIN_ERRORS as readonly string[]).includes(mode)) fail(lineOf(value as Node), `plugin-errors must be error or warn, not "${mode}"`);
        config.pluginErrors = mode as PluginErrors;
        break;
      }
      case 'strict':
        if (!isScalar(value) || typeof value.value !== 'boolean') fail(lineOf(value as Node), 'strict must be true or false');
        config.strict = (value as { value: boolean }).value;
        break;
      case 'page-timeout': {
        const n = isScalar(value) ? value.value : null;
        if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) fail(lineOf(value as Node), 'page-timeout must be a number of seconds above 0');
        config.pageTimeout = n as number;
        break;
      }
      case 'passes': {
        if (!isSeq(node)) fail(lineOf(value as Node), 'passes must be a list of pass names, or of `name: {options}` entries');
        config.passes = [];
        (node as { items: unknown[] }).items.forEach((rawItem, i) => {
          const at = lineOf(rawItem as Node);
          const item = deref(rawItem);
          let name: string;
          if (isMap(item) && item.items.length === 1) {
            name = str(item.items[0]!.key, `the pass name in passes[${i}]`);
            const opts = item.items[0]!.value;
            const optsNode = deref(opts);
            if (optsNode !== null && !(isScalar(optsNode) && optsNode.value === null)) setOptions(name, optionMap(opts, `the options of ${name}`, name), at);
          } else name = str(rawItem, `passes[${i}] (a pass name, or \`name: {options}\`)`);
          config.lines.set(`passes.${i}`, at);
          config.passes!.push(name);
        });
        break;
      }
      case 'options':
        if (!isMap(node)) fail(lineOf(value as Node), 'options must map pass names to their options');
        for (const p of (node as { items: { key: unknown; value: unknown }[] }).items) {
          const name = str(p.key, 'a pass name under options');
          setOptions(name, optionMap(p.value, `options.${name}`, name), lineOf(p.key as Node));
        }
        break;
      default:
        fail(line, `unknown key "${key}" (known: ${KEYS.join(', ')})`);
    }
  }
  return config;
}

/**
 * Check the config's pass names and options against the passes a run may use: each mistake is
 * a usage error naming the file and line. Separate from loading because knowing the passes
 * means importing them, which a no-op run avoids; that is safe because a config that never
 * passed this check never produced a manifest entry, so its pages are always rebuilt — and
 * checked — first.
 */
export async function checkPasses(config: Config, passes: readonly Pass<any>[]): Promise<void> {
  // imported only now, with the passes: a run that loads none does not pay for it
  const { optionProblem } = await import('./run/options.js');
  const known = new Map(passes.map((p) => [p.name, p]));
  const fail = (line: number | undefined, msg: string): never => { throw new ConfigError(`${config.file}:${line ?? 1}: ${msg}`); };
  const names = [...known.keys()].join(', ');
  (config.passes ?? []).forEach((name, i) => {
    if (!known.has(name)) fail(config.lines.get(`passes.${i}`), `unknown pass "${name}" (known: ${names})`);
  });
  for (const [name, opts] of Object.entries(config.options)) {
    const pass = known.get(name);
    if (!pass) return fail(config.lines.get(`options.${name}`), `options for unknown pass "${name}" (known: ${names})`);
    for (const [key, value] of Object.entries(opts)) {
      const problem = optionProblem(pass, key, value);
      if (problem) fail(config.lines.get(`options.${name}.${key}`), problem);
    }
  }
}

/** The pass names a `--passes` list (or the config's list) gives; undefined keeps the default order. */
export function passNames(passes: string | undefined): string[] | undefined {
  return passes?.split(',').map((s) => s.trim()).filter(Boolean);
}

/** What a command runs on and with: its flags over the config file over built-in defaults. */
export interface Settings {
  inputs: string[];
  out?: string;
  format: string;
  encoding?: ForcedEncoding;
  config: Config | null;
  /** the passes to run, as run/ resolves them and worker threads carry them */
  passes: PassChoice;
  pluginErrors?: PluginErrors;
  strict?: boolean;
  pageTimeout?: number;
}

/**
 * Flags over the config file over built-in defaults. `given(flag)` says whether the user typed
 * a flag (commander fills in defaults, which must not beat the file). Options from the file
 * stay in force under `--passes`, for the passes that are still run.
 */
export function mergeConfig(
  inputs: string[],
  flags: { config?: string; out?: string; format: string; encoding?: ForcedEncoding; passes?: string; plugin: string[]; pluginErrors?: PluginErrors; strict?: boolean; pageTimeout?: number },
  given: (flag: string) => boolean,
): Settings {
  const config = findConfig(flags.config);
  const policy = (c: Config | null) => {
    const pluginErrors = flags.pluginErrors ?? c?.pluginErrors;
    const strict = flags.strict ?? c?.strict;
    const pageTimeout = flags.pageTimeout ?? c?.pageTimeout;
    return { ...(pluginErrors ? { pluginErrors } : {}), ...(strict !== undefined ? { strict } : {}), ...(pageTimeout !== undefined ? { pageTimeout } : {}) };
  };
  if (!config) return { inputs, ...outputOf(flags, null, given), ...(flags.encoding ? { encoding: flags.encoding } : {}), config: null, passes: passChoice(flags.passes, flags.plugin), ...policy(null) };
  const encoding = flags.encoding ?? config.encoding;
  const passes = flags.passes ?? config.passes?.join(',');
  const names = passNames(passes);
  const options = Object.fromEntries(Object.entries(config.options).filter(([name]) => !names || names.includes(name)));
  return {
    inputs: inputs.length ? inputs : (config.inputs ?? []),
    ...outputOf(flags, config, given),
    ...(encoding ? { encoding } : {}),
    config,
    passes: passChoice(passes, flags.plugin.length ? flags.plugin : (config.plugins ?? []), options),
    ...policy(config),
  };
}

/**
 * Where the output goes and in which format. A pipeline must not depend on a config file it
 * cannot see: `--format jsonl` typed without `--out` streams to stdout even when the config
 * names an output directory (that is for its files), and `--out -` is stdout always, in
 * JSON Lines unless `--format` says otherwise (files on stdout are then a usage error).
 */
function outputOf(flags: { out?: string; format: string }, config: Config | null, given: (flag: string) => boolean): { out?: string; format: string } {
  const outGiven = given('out') && flags.out !== undefined;
  const formatGiven = given('format');
  if (outGiven && flags.out === STDOUT) return { out: STDOUT, format: formatGiven ? flags.format : 'jsonl' };
  const format = formatGiven || !config?.format ? flags.format : config.format;
  if (outGiven) return { out: flags.out, format };
  if (formatGiven && !writesFiles(format)) return { format };
  const out = config?.out;
  return out === undefined ? { format } : { out, format };
}

const STDOUT = '-';
const writesFiles = (format: string) => format === 'all' || format.split(',').some((f) => f.trim() === 'json' || f.trim() === 'md');

function passChoice(passes: string | undefined, plugins: string[], options?: Record<string, PassOptions>): PassChoice {
  const names = passNames(passes);
  return { ...(names ? { names } : {}), ...(options ? { options } : {}), plugins };
}
