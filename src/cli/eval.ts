import fs from 'node:fs';
import path from 'node:path';
import { score, type GoldPage, type Metrics, type PredPage, type Score } from '../eval/score.js';
import { decode } from '../read/decode.js';
import { expandInputs, type InputFile } from '../read/inputs.js';
import { UsageError } from '../run/errors.js';
import type { Config } from '../config.js';
import type { PassChoice } from '../run/steps.js';
import { stdinBytes } from '../read/stdin.js';
import { inputProblems, readStandardInput } from './inputs.js';
import { Reporter } from './report.js';
import { loadSteps } from './steps.js';

export interface EvalFlags {
  gold: string;
  pred?: string;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
  passes: PassChoice;
  config?: Config | null;
  minF1?: number;
  minHeadline?: number;
  maxCer?: number;
  minParaF1?: number;
  minExact?: number;
  minFields?: number;
  maxLost?: number;
  maxAdded?: number;
}

/** Each threshold flag: the summary metric it bounds, and which side is failing. */
const THRESHOLDS: { flag: keyof EvalFlags; metric: keyof Metrics; name: string; min: boolean }[] = [
  { flag: 'minF1', metric: 'articleF1', name: '--min-f1', min: true },
  { flag: 'minHeadline', metric: 'headline', name: '--min-headline', min: true },
  { flag: 'maxCer', metric: 'bodyCER', name: '--max-cer', min: false },
  { flag: 'minParaF1', metric: 'paraF1', name: '--min-para-f1', min: true },
  { flag: 'minExact', metric: 'exact', name: '--min-exact', min: true },
  { flag: 'minFields', metric: 'fields', name: '--min-fields', min: true },
  { flag: 'maxLost', metric: 'lost', name: '--max-lost', min: false },
  { flag: 'maxAdded', metric: 'extra', name: '--max-added', min: false },
];

const DEFAULT_INPUT = 'seeds';
const stemOfSource = (p: string) => path.basename(String(p)).replace(/\.(txt|json|md)$/i, '');

export async function runEval(inputs: string[], flags: EvalFlags): Promise<number> {
  const report = new Reporter(flags.quiet === true, { color: flags.color });
  let result: Score;
  try {
    const given = inputs.length ? inputs : flags.pred ? [] : [DEFAULT_INPUT];
    if (flags.pred === '-' && given.includes('-')) throw new UsageError('--pred - and the input - would both read standard input: give one of them a file');
    const gold = readGold(flags.gold);
    const expanded = await expandInputs(given);
    // with --pred and no inputs, nothing is parsed and no characters are counted
    const unusable = given.length ? inputProblems(expanded, given) : [];
    if (unusable.length) throw new UsageError(unusable.map(([input, why]) => `${input}: ${why}`).join('\n'));
    const { files } = expanded;
    if (flags.pred === '-' || files.some((f) => f.path === '-')) await readStandardInput(report);
    const pred = flags.pred ? readJsonl(flags.pred) : await parseInputs(files, flags, report);
    const sources = files.length ? readSources(files) : undefined;
    warnUnmatched(gold, sources ? new Set(files.map((f) => f.stem)) : new Set(pred.keys()), sources ? ['input', 'inputs'] : [`page in ${flags.pred}`, `pages in ${flags.pred}`], report);
    result = score(gold, pred, sources);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulletin: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  if (flags.json) process.stdout.write(JSON.stringify(flags.verbose ? result : { ...result, pages: result.pages.map(({ detail: _, ...p }) => p) }, null, 1) + '\n');
  else process.stdout.write(table(result, flags.verbose === true));

  const failures = THRESHOLDS.flatMap((t) => {
    const limit = flags[t.flag] as number | undefined;
    const value = result.summary[t.metric];
    if (limit === undefined || value === null) return [];
    return (t.min ? value < limit : value > limit) ? [`${t.metric} ${value} is ${t.min ? 'below' : 'above'} ${t.name} ${limit}`] : [];
  });
  for (const f of failures) process.stderr.write(`bulletin eval: ${f}\n`);
  return failures.length ? 1 : 0;
}

function readGold(dir: string): Map<string, GoldPage> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new UsageError(`--gold ${dir}: not a readable directory`);
  }
  if (names.length === 0) throw new UsageError(`--gold ${dir}: no *.json gold files`);
  const gold = new Map<string, GoldPage>();
  for (const f of names) {
    let g: GoldPage;
    try {
      g = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldPage;
    } catch (err) {
      throw new UsageError(`${path.join(dir, f)}: ${(err as Error).message}`);
    }
    if (!Array.isArray(g.articles)) throw new UsageError(`${path.join(dir, f)}: no "articles" list`);
    gold.set(stemOfSource(g.source ?? f), g);
  }
  return gold;
}

function group(records: Iterable<Record<string, any>>, into = new Map<string, PredPage>()): Map<string, PredPage> {
  for (const r of records) {
    const key = stemOfSource(r.source ?? '');
    if (!into.has(key)) into.set(key, { articles: [], furniture: null });
    const page = into.get(key)!;
    if (r.type === 'page') page.furniture = r.furniture ?? [];
    else if (r.type === 'article' || r.type === undefined) page.articles.push(r);
  }
  return into;
}

function readJsonl(file: string): Map<string, PredPage> {
  let text: string;
  try {
    text = file === '-' ? stdinBytes().toString('utf8') : fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--pred ${file}: cannot read`);
  }
  const records: Record<string, any>[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      records.push(JSON.parse(line));
    } catch {
      throw new UsageError(`${file}:${i + 1}: not a JSON object`);
    }
  });
  return group(records);
}

/**
 * A gold page with no input is scored as all missed, and an input with no gold is not scored:
 * both are usually a wrong directory or a renamed file, so each is said (by stem) on stderr.
 */
function warnUnmatched(gold: ReadonlyMap<string, GoldPage>, inputs: ReadonlySet<string>, [one, many]: [string, string], report: Reporter): void {
  const noInput = [...gold.keys()].filter((k) => !inputs.has(k));
  const noGold = [...inputs].filter((k) => !gold.has(k));
  const list = (keys: string[]) => (keys.length > LISTED ? `${keys.slice(0, LISTED).join(', ')} and ${keys.length - LISTED} more` : keys.join(', '));
  if (noInput.length) report.warning(`${noInput.length} gold page${noInput.length === 1 ? ' has' : 's have'} no ${one} (scored as all missed): ${list(noInput)}`);
  if (noGold.length) report.warning(`${noGold.length} ${noGold.length === 1 ? `${one} has` : `${many} have`} no gold (not scored): ${list(noGold)}`);
}
/** How many stems a warning names before it only counts the rest. */
const LISTED = 10;

/**
 * How often the parsing loop, which runs in the main thread, yields to the event loop so that
 * the progress line and a Ctrl-C get their turn.
 */
const YIELD_MS = 50;

/** Parse the inputs as `bulletin parse --format jsonl` would, with the same passes. */
async function parseInputs(files: InputFile[], flags: EvalFlags, report: Reporter): Promise<Map<string, PredPage>> {
  const { processFile } = await import('../run/process.js');
  const steps = await loadSteps(flags.passes, flags.config);
  const pred = new Map<string, PredPage>();
  await report.startProgress(files.length);
  try {
    let lastYield = performance.now();
    for (const [i, f] of files.entries()) {
      const r = processFile(f, steps, { jsonl: true, files: [] });
      if (r.error) report.error(r.source, r.error);
      group((r.jsonl ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l)), pred);
      report.progress(i + 1, files.length);
      if (performance.now() - lastYield > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
  } finally {
    report.stopProgress();
  }
  return pred;
}

function readSources(files: InputFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    try {
      out.set(f.stem, decode(f.path === '-' ? stdinBytes() : fs.readFileSync(f.path)).text);
    } catch {
      // unreadable: parseInputs has reported it
    }
  }
  return out;
}

function table(r: Score, verbose: boolean): string {
  const fix = (x: number | null, d = 3) => (x === null ? '-' : x.toFixed(d));
  const head = ['page', 'gold', 'pred', 'good', 'P', 'R', 'F1', 'headline', 'CER', 'paraF1', 'exact', 'fields', 'lost', 'added'];
  const row = (name: string, m: Metrics, counts: (number | string)[]) => [
    name, ...counts.map(String), fix(m.articleP), fix(m.articleR), fix(m.articleF1), fix(m.headline), fix(m.bodyCER, 4), fix(m.paraF1), fix(m.exact), fix(m.fields),
    m.lost === null ? '-' : String(m.lost), m.extra === null ? '-' : String(m.extra),
  ];
  const rows = r.pages.map((p) => row(p.page, p, [p.gold, p.pred, p.good]));
  const sum = r.pages.reduce((a, p) => [a[0]! + p.gold, a[1]! + p.pred, a[2]! + p.good], [0, 0, 0]);
  rows.push(row(`all ${r.summary.pages} pages`, r.summary, sum));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const lines = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  ')];
  r.pages.forEach((p, i) => {
    lines.push(fmt(rows[i]!));
    if (verbose) for (const d of p.detail) lines.push(`    ${d}`);
  });
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '), fmt(rows[rows.length - 1]!));
  return lines.join('\n') + '\n';
}
