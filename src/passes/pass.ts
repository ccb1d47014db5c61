import { mapLines, pageWith } from '../model/page.js';
import type { Line, Page, Severity } from '../model/types.js';

export type PassOptions = Record<string, unknown>;

/**
 * What an option means, in one line, with the unit its number is in and the range it may
 * take: `bulletin passes` prints it, and the config is checked against it.
 */
export interface OptionSpec<T = unknown> {
  readonly default: T;
  readonly description: string;
  /** what the number counts: `cells`, `lines`, `characters`, `share of …` */
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  /** the number must be a whole one */
  readonly integer?: boolean;
}

export type OptionSpecs<O extends PassOptions> = { readonly [K in keyof O]: OptionSpec<O[K]> };

/** Where a message points in the source: 1-based lines, a 1-based column. */
export interface Place {
  line?: number | null;
  column?: number;
  endLine?: number;
  severity?: Severity;
  /**
   * What kind of doubt it is: a short stable id in kebab case (`close-call`), the same for
   * every message of that kind whatever its text, so that a corpus's warnings can be counted
   * and filtered by it (OUT/warnings.jsonl, the run's summary). Left out, it is the pass's name.
   */
  kind?: string;
}

/**
 * How a pass tells of a doubt. The pipeline stamps the message with the pass's name, as
 * unified-lint-rule does for remark-lint, so no pass types its own name.
 */
export type Report = (text: string, place?: Place) => void;

export interface PassContext {
  readonly report: Report;
}

/**
 * A pass is one small, pure transformation of a Page, in the spirit of a unified plugin:
 * it returns a new Page (or the same one when it has nothing to do) and reports doubts
 * through `context.report` rather than by printing or throwing. `run` is synchronous.
 */
export interface Pass<O extends PassOptions = PassOptions> {
  readonly name: string;
  readonly description: string;
  readonly defaults: O;
  /** each option's meaning, unit and range; a plugin may leave them out */
  readonly options?: OptionSpecs<O>;
  /**
   * The pass removes text on purpose (page numbers, a printer's marks): the characters it
   * takes out are still counted and reported after it runs, but even `--strict` does not
   * make that an error. Only a plugin's passes are counted; see pipeline.ts.
   */
  readonly removesText?: boolean;
  run(page: Page, options: O, context: PassContext): Page;
}

interface PassHead<O extends PassOptions> {
  readonly name: string;
  readonly description: string;
  /** the options with their defaults, meanings and ranges; none when the pass has no options */
  readonly options?: OptionSpecs<O>;
  /** the pass takes text out of the page on purpose (see Pass.removesText) */
  readonly removesText?: boolean;
}

export interface PassDefinition<O extends PassOptions> extends PassHead<O> {
  run(page: Page, options: O, context: PassContext): Page;
}

export function definePass<O extends PassOptions = PassOptions>(definition: PassDefinition<O>): Pass<O> {
  const options = definition.options ?? ({} as OptionSpecs<O>);
  return {
    name: definition.name,
    description: definition.description,
    defaults: defaultsOf(options),
    options,
    ...(definition.removesText ? { removesText: true } : {}),
    run: definition.run,
  };
}

export interface LinePassDefinition<O extends PassOptions> extends PassHead<O> {
  /** whether the pass has anything to do on this page at all (default: always) */
  applies?(page: Page, options: O): boolean;
  /** the line as it should be; the same object when the line is to stay as it is */
  line(line: Line, options: O): Line;
}

/**
 * A pass that rewrites lines one at a time. The page keeps its list of lines (and is itself
 * returned) when no line changed: most line passes change few lines, and a copy of every
 * page's lines per pass was garbage.
 */
export function defineLinePass<O extends PassOptions = PassOptions>(definition: LinePassDefinition<O>): Pass<O> {
  const { applies, line } = definition;
  return definePass<O>({
    name: definition.name,
    description: definition.description,
    options: definition.options,
    ...(definition.removesText ? { removesText: true } : {}),
    run(page, options) {
      if (applies && !applies(page, options)) return page;
      const lines = mapLines(page.lines, (l) => line(l, options));
      return lines === page.lines ? page : pageWith(page, { lines });
    },
  });
}

function defaultsOf<O extends PassOptions>(specs: OptionSpecs<O>): O {
  const out: PassOptions = {};
  for (const key of Object.keys(specs)) out[key] = specs[key as keyof O].default;
  return out as O;
}

/** Why a value is outside its option's range, or null when it is inside. */
export function outOfRange(spec: OptionSpec | undefined, value: unknown): string | null {
  if (!spec || typeof value !== 'number') return null;
  if (!Number.isFinite(value)) return 'is not a finite number';
  if (spec.integer && !Number.isInteger(value)) return 'must be a whole number';
  if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
  if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
  return null;
}
