/**
 * Runs one pass alone, in the spirit of textlint-tester: the passes it needs before it are
 * named explicitly, each case is a small page, and `valid` cases must raise no message from
 * the pass while `invalid` ones must raise the messages they list. The pass runs through the
 * pipeline's own `runSteps`, so messages are stamped as in a real run, and on a frozen page,
 * so a pass that changes its input instead of returning a new page fails.
 */
import { createPage, pageWith } from '../src/model/page.js';
import type { Article, Block, Dialect, Furniture, Line, Message, Override, Page } from '../src/model/types.js';
import type { Pass, PassOptions } from '../src/passes/pass.js';
import { runSteps } from '../src/pipeline.js';

export interface ExpectedMessage {
  line?: number | null;
  /** the message text, or a pattern it must match */
  message?: string | RegExp;
}

export interface PassCase {
  name: string;
  /** the page: its text, or its lines */
  text: string | readonly string[];
  /** options for the pass under test, over its defaults */
  options?: PassOptions;
  /** forces the dialect before the pass runs (otherwise the passes before decide it) */
  dialect?: Dialect;
  /** an editor's fixed choices (bulletin.overrides.yaml entries), on the page from the start */
  overrides?: Omit<Override, 'origin'>[];
  /** what the lines must look like after the pass, in order (fields not given are not checked) */
  lines?: Partial<Line>[];
  blocks?: Partial<Block>[];
  articles?: (Partial<Omit<Article, 'body'>> & { body?: Partial<Block>[] })[];
  furniture?: string[];
  /** for invalid cases: the messages the pass must raise, in order */
  messages?: ExpectedMessage[];
  /** anything else to check on the page the pass returned */
  check?: (page: Page) => void;
}

export interface PassSuite {
  /** passes that run first, in order, with their defaults */
  before?: readonly Pass<any>[];
  valid?: readonly PassCase[];
  invalid?: readonly PassCase[];
}

const textOf = (t: string | readonly string[]) => (typeof t === 'string' ? t : t.join('\n'));

/** The page a case describes, with the passes before the one under test already run. */
export function prepare(before: readonly Pass<any>[], c: Pick<PassCase, 'text' | 'dialect' | 'overrides'>): Page {
  let page = createPage('case.txt', 'case', textOf(c.text));
  if (c.overrides) page = pageWith(page, { overrides: c.overrides.map((o) => ({ ...o, origin: 'overrides.yaml' })) });
  page = runSteps(page, before.map((pass) => ({ pass, options: { ...pass.defaults } })));
  if (c.dialect) page = { ...page, dialect: c.dialect };
  return page;
}

/** Run one pass on a prepared page; returns its page and only the messages it raised. */
export function runPass(pass: Pass<any>, page: Page, options: PassOptions = {}): { page: Page; messages: Message[] } {
  const had = page.messages.length;
  const out = runSteps(deepFreeze(page), [{ pass, options: { ...pass.defaults, ...options } }]);
  return { page: out, messages: out.messages.slice(had) };
}

export function testPass(pass: Pass<any>, suite: PassSuite): void {
  const before = suite.before ?? [];
  const run = (c: PassCase) => runPass(pass, prepare(before, c), c.options);
  describe(pass.name, () => {
    for (const c of suite.valid ?? []) {
      test(`valid: ${c.name}`, () => {
        const { page, messages } = run(c);
        expect(messages.map((m) => m.message)).toEqual([]);
        checkShape(page, c);
      });
    }
    for (const c of suite.invalid ?? []) {
      test(`invalid: ${c.name}`, () => {
        const { page, messages } = run(c);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) expect(m.origin).toBe(pass.name);
        if (c.messages) {
          expect(messages).toHaveLength(c.messages.length);
          c.messages.forEach((want, i) => {
            const got = messages[i]!;
            if (want.line !== undefined) expect(got.line).toBe(want.line);
            if (typeof want.message === 'string') expect(got.message).toBe(want.message);
            else if (want.message) expect(got.message).toMatch(want.message);
          });
        }
        checkShape(page, c);
      });
    }
  });
}

function checkShape(page: Page, c: PassCase): void {
  if (c.lines) expect(page.lines).toMatchObject(c.lines);
  if (c.blocks) expect(page.blocks).toMatchObject(c.blocks);
  if (c.articles) expect(page.articles).toMatchObject(c.articles);
  if (c.furniture) expect(page.furniture.map((f: Furniture) => f.text)).toEqual(c.furniture);
  c.check?.(page);
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  return value;
}

// ---------------------------------------------------------------- page builders

/** Text cut into lines of `width` characters, as a narrow column prints it. */
export function column(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** A lead paragraph: its first line carries the `� �` OCR leaves where its indent was. */
export function lead(lines: readonly string[]): string[] {
  return lines.length ? [`\uFFFD \uFFFD ${lines[0]}`, ...lines.slice(1)] : [];
}

/** Parts of a page, each a line or a run of lines, with a blank line between parts. */
export function page(...parts: (string | readonly string[])[]): string[] {
  const out: string[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push('');
    if (typeof p === 'string') out.push(p);
    else out.push(...p);
  });
  return out;
}
