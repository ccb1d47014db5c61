import { blockWith, createPage, emptyArticle, listFrom, makeBlock, message, normalizePage, pageWith } from './model/page.js';
import type { Block, Message, Page } from './model/types.js';
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
}

export function parsePage(input: PageInput, steps: readonly Step[]): Page {
  const page = createPage(input.source, input.stem, input.text, input.encoding);
  return finish(runSteps(page, steps));
}

/**
 * Run passes in order. A pass that throws or returns something that is not a Page is
 * reported by name and file, and the page goes on as if that pass were absent.
 */
export function runSteps(page: Page, steps: readonly Step[]): Page {
  let current = page;
  for (const { pass, options, file } of steps) {
    const where = file ? `${pass.name} (${file})` : pass.name;
    let next: unknown;
    const reported: Message[] = [];
    const context: PassContext = {
      report: (text, place = {}) => {
        reported.push(message(pass.name, String(text), place.line ?? null, place.severity ?? 'warning', place.column, place.endLine));
      },
    };
    try {
      // A user's pass gets a copy: if it changes the page in place and then fails, the page
      // must still be as if the pass were absent.
      next = pass.run(file ? structuredClone(current) : current, options, context);
    } catch (err) {
      current = withMessage(current, 'pipeline', `pass ${where} failed and was skipped: ${errorText(err)}`);
      continue;
    }
    // built-in passes are held to the model by the type checker and their tests; a user's is not
    let problem: string | null = null;
    try {
      if (file) problem = pageProblem(next);
    } catch (err) {
      // a getter or a Proxy in a user's page can throw while it is being checked
      problem = `reading it threw: ${errorText(err)}`;
    }
    if (problem) {
      current = withMessage(current, 'pipeline', `pass ${where} returned a malformed page (${problem}) and was skipped`);
      continue;
    }
    // a user's page may be made of any objects: rebuilt, it keeps later passes on their fast path
    current = file ? normalizePage(next as Page) : (next as Page);
    if (reported.length) current = pageWith(current, { messages: [...current.messages, ...reported] });
  }
  return current;
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
    page = withMessage(page, 'pipeline', 'the page has no text', null);
  }
  return pageWith(page, { blocks: [], articles, furniture });
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

function withMessage(page: Page, origin: string, text: string, line: number | null = null): Page {
  return pageWith(page, { messages: [...page.messages, message(origin, text, line)] });
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
