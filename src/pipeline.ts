import { articleWith, blockWith, createPage, emptyArticle, listFrom, makeBlock, message, normalizePage, pageWith } from './model/page.js';
import { articleHolding, fixedChoices } from './model/overrides.js';
import type { Article, Block, Message, Override, Page, Severity } from './model/types.js';
import type { Pass, PassContext, PassOptions } from './passes/pass.js';

/** A pass chosen for a run, with its options merged over the pass's defaults. */
export interface Step {
  pass: Pass<any>;
  options: PassOptions;
  /** where a plugin pass was loaded from, for error messages */
  file?: string;
}

export interface PageInput {
  source: string;
  stem: string;
  text: string;
  encoding?: string;
  /** an editor's fixed choices for this page (bulletin.overrides.yaml), anchors already checked */
  overrides?: Override[];
}

/**
 * What went wrong with a plugin's pass on a page, beside the message the page carries: the run
 * decides from it whether the page failed (`--plugin-errors`, `--strict`), so that the page's
 * output is the same whatever that decision is.
 */
export interface PluginProblem {
  kind: 'failed' | 'removed text';
  pass: string;
  file: string;
  /** the text of the message the page carries for it */
  message: string;
  /** for removed text: the pass says it removes text (Pass.removesText) */
  declared?: boolean;
}

/** What a caller may watch while a page goes through its steps. */
export interface StepWatch {
  /** called before each step with its index, so that a page that hangs can be placed */
  onStep?(index: number): void;
  /** the plugins' problems on this page are pushed here */
  problems?: PluginProblem[];
}

export function parsePage(input: PageInput, steps: readonly Step[], watch: StepWatch = {}): Page {
  const made = createPage(input.source, input.stem, input.text, input.encoding);
  const page = input.overrides?.length ? pageWith(made, { overrides: input.overrides }) : made;
  return finish(runSteps(page, steps, watch));
}

/**
 * Run passes in order. A plugin's pass that throws or returns something that is not a Page
 * is reported by name and file as an error, and the page goes on as if that pass were absent;
 * one that takes text out of the page is reported with the count of what it took.
 */
export function runSteps(page: Page, steps: readonly Step[], watch: StepWatch = {}): Page {
  let current = page;
  steps.forEach(({ pass, options, file }, index) => {
    watch.onStep?.(index);
    const where = file ? `${pass.name} (${file})` : pass.name;
    let next: unknown;
    const reported: Message[] = [];
    const context: PassContext = {
      report: (text, place = {}) => {
        // a plugin's kind is whatever it says, as long as it is text; else its pass's name
        const kind = typeof place.kind === 'string' && place.kind !== '' ? place.kind : pass.name;
        reported.push(message(pass.name, String(text), place.line ?? null, place.severity ?? 'warning', place.column, place.endLine, kind));
      },
    };
    const failed = (text: string) => {
      current = withMessage(current, 'pipeline', 'pass-failed', text, null, 'error');
      if (file) watch.problems?.push({ kind: 'failed', pass: pass.name, file, message: text });
    };
    // only a plugin's pass is counted: the built-in ones are held to rule 6 by their tests
    const before = file ? countText(current) : null;
    try {
      // A user's pass gets a copy: if it changes the page in place and then fails, the page
      // must still be as if the pass were absent.
      next = pass.run(file ? structuredClone(current) : current, options, context);
    } catch (err) {
      return failed(`pass ${where} failed and was skipped: ${errorText(err)}`);
    }
    // built-in passes are held to the model by the type checker and their tests; a user's is not
    let problem: string | null = null;
    try {
      if (file) problem = pageProblem(next);
    } catch (err) {
      // a getter or a Proxy in a user's page can throw while it is being checked
      problem = `reading it threw: ${errorText(err)}`;
    }
    if (problem) return failed(`pass ${where} returned a malformed page (${problem}) and was skipped`);
    // a user's page may be made of any objects: rebuilt, it keeps later passes on their fast path
    current = file ? normalizePage(next as Page) : (next as Page);
    if (reported.length) current = pageWith(current, { messages: [...current.messages, ...reported] });
    if (before && file) {
      const lost = removedText(before, countText(current));
      if (lost) {
        const declared = (pass as { removesText?: unknown }).removesText === true;
        const text = `pass ${where} removed ${lost}${declared ? ', as it says it does (removesText)' : ''}`;
        current = withMessage(current, 'pipeline', 'lost-text', text);
        watch.problems?.push({ kind: 'removed text', pass: pass.name, file, message: text, declared });
      }
    }
  });
  return current;
}

/** Letters (other than Han), digits and Han characters: what counts as a page's text. */
interface TextCount {
  letters: number;
  digits: number;
  han: number;
}

/**
 * The text a page would be written with if the pipeline ended here: its blocks, articles and
 * furniture, or, before any pass grouped lines, its lines (as finish() decides). Punctuation
 * and spaces are not counted: passes tidy them by design.
 */
function countText(page: Page): TextCount {
  const count: TextCount = { letters: 0, digits: 0, han: 0 };
  const add = (s: string | null) => {
    if (!s) return;
    const han = codePoints(s.replace(NOT_HAN, ''));
    count.han += han;
    count.letters += codePoints(s.replace(NOT_LETTER, '')) - han;
    count.digits += codePoints(s.replace(NOT_DIGIT, ''));
  };
  if (page.blocks.length === 0 && page.articles.length === 0 && page.furniture.length === 0) {
    for (const l of page.lines) add(l.text);
    return count;
  }
  for (const b of page.blocks) add(b.text);
  for (const a of page.articles) {
    for (const s of [a.headline, a.byline, a.section, a.attribution, ...a.subheadlines, ...a.captions]) add(s);
    for (const b of a.body) add(b.text);
  }
  for (const f of page.furniture) add(f.text);
  return count;
}

const NOT_HAN = /[^\p{Script=Han}]+/gu;
const NOT_LETTER = /[^\p{L}]+/gu;
const NOT_DIGIT = /[^\p{N}]+/gu;

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/**
 * What a pass took out, class by class, in words; null when it took nothing. Counts, not
 * characters: a pass that corrects a misread character for another keeps the count, and
 * text moved to furniture is still counted.
 */
function removedText(before: TextCount, after: TextCount): string | null {
  const parts: string[] = [];
  let total = 0;
  for (const [key, one, many] of [['han', 'Han character', 'Han characters'], ['letters', 'letter', 'letters'], ['digits', 'digit', 'digits']] as const) {
    const n = before[key] - after[key];
    if (n <= 0) continue;
    total += n;
    parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return total ? `${total} character${total === 1 ? '' : 's'} of text (${parts.join(', ')}) that no article or furniture keeps` : null;
}

/**
 * Whatever the chosen passes left unplaced still reaches the output: loose lines become
 * paragraphs, loose blocks an article of their own, so a short `--passes` list loses nothing.
 */
export function finish(page: Page): Page {
  let { blocks, articles } = page;
  const furniture = listFrom(page.furniture);
  // Only when no pass grouped anything: a page whose one line became furniture (an unmatched
  // headline) is placed already, and would otherwise be written twice.
  if (blocks.length === 0 && articles.length === 0 && furniture.length === 0) blocks = linesAsParagraphs(page);
  const body: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'furniture' || b.kind === 'heading') furniture.push({ text: b.text, lines: b.lines });
    else body.push(b.kind === 'paragraph' || b.kind === 'subhead' ? b : blockWith(b, { kind: 'paragraph' }));
  }
  if (body.length) articles = [...articles, emptyArticle(body)];
  articles = articles.filter((a) => a.body.length || a.headline || a.captions.length || a.byline || a.attribution);
  if (page.lines.every((l) => l.text.trim() === '')) {
    page = withMessage(page, 'pipeline', 'empty-page', 'the page has no text', null);
  }
  const fixed = fixedChoices(page);
  if (fixed && fixed.set.length) ({ page, articles } = setFields(page, articles, fixed.set));
  return pageWith(page, { blocks: [], articles, furniture });
}

/**
 * An editor's `set` overrides: the byline, source note or section of the article holding a
 * line, as given (null clears). Applied last, once every pass (a plugin's too) has placed the
 * articles and filled their fields, so no later decision undoes them.
 */
function setFields(page: Page, placed: Article[], sets: readonly Override[]): { page: Page; articles: Article[] } {
  const articles = listFrom(placed);
  for (const o of sets) {
    const i = articleHolding(articles, o.line);
    if (i < 0) {
      page = withMessage(page, 'overrides', 'override-not-applied', `the set override of line ${o.line} (${o.origin}) is not applied: no article holds the line`, o.line);
      continue;
    }
    const change: Partial<Article> = {};
    if (o.byline !== undefined) change.byline = o.byline;
    if (o.attribution !== undefined) change.attribution = o.attribution;
    if (o.section !== undefined) change.section = o.section;
    articles[i] = articleWith(articles[i]!, change);
  }
  return { page, articles };
}

function linesAsParagraphs(page: Page): Block[] {
  const out: Block[] = [];
  let run: { no: number; text: string }[] = [];
  const close = () => {
    if (run.length) out.push(makeBlock('paragraph', run.map((l) => l.text.trim()).join(''), [run[0]!.no, run[run.length - 1]!.no]));
    run = [];
  };
  for (const l of page.lines) (l.text.trim() === '' ? close() : run.push(l));
  close();
  return out;
}

function withMessage(page: Page, origin: string, kind: string, text: string, line: number | null = null, severity: Severity = 'warning'): Page {
  return pageWith(page, { messages: [...page.messages, message(origin, text, line, severity, undefined, undefined, kind)] });
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';
const isSpan = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n));
const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null;

/** What later passes and the writers rely on; a plugin's page that breaks it is not taken. */
function pageProblem(p: unknown): string | null {
  if (!isObj(p)) return 'not an object';
  if (typeof (p as { then?: unknown }).then === 'function') return 'a Promise: run must be synchronous';
  const page = p as Record<string, unknown>;
  for (const key of ['lines', 'blocks', 'articles', 'furniture', 'messages']) {
    if (!Array.isArray(page[key])) return `${key} is not an array`;
  }
  if (!isStr(page.source) || !isStr(page.stem) || !isStr(page.encoding)) return 'source, stem or encoding is not a string';
  if (!(page.lines as unknown[]).every((l) => isObj(l) && Number.isInteger(l.no) && isStr(l.text))) return 'a line has no number or text';
  const blockOk = (b: unknown) => isObj(b) && isStr(b.text) && isStr(b.kind) && isSpan(b.lines);
  if (!(page.blocks as unknown[]).every(blockOk)) return 'a block has no kind, text or lines';
  for (const a of page.articles as unknown[]) {
    if (!isObj(a) || !Array.isArray(a.body)) return 'an article has no body array';
    if (!a.body.every(blockOk)) return 'a block has no kind, text or lines';
    if (![a.headline, a.byline, a.section, a.attribution].every(isStrOrNull)) return 'an article field is neither text nor null';
    if (!Array.isArray(a.subheadlines) || !a.subheadlines.every(isStr) || !Array.isArray(a.captions) || !a.captions.every(isStr)) {
      return 'an article has subheadlines or captions that are not lists of text';
    }
    if (!isSpan(a.lines)) return 'an article has no line span';
  }
  if (!(page.furniture as unknown[]).every((f) => isObj(f) && isStr(f.text) && isSpan(f.lines))) return 'furniture without text or lines';
  if (!(page.messages as unknown[]).every((m) => isObj(m) && isStr(m.message) && (m.line === null || Number.isInteger(m.line)))) return 'a malformed message';
  return null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
