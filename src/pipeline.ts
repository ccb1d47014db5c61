import { createPage, emptyArticle, message, spanOf } from './model/page.js';
import type { Block, Page } from './model/types.js';
import type { Pass, PassOptions } from './passes/pass.js';

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
    try {
      next = pass.run(current, options);
    } catch (err) {
      current = withMessage(current, 'pipeline', `pass ${where} failed and was skipped: ${errorText(err)}`);
      continue;
    }
    const problem = pageProblem(next);
    if (problem) {
      current = withMessage(current, 'pipeline', `pass ${where} returned a malformed page (${problem}) and was skipped`);
      continue;
    }
    current = next as Page;
  }
  return current;
}

/**
 * Whatever the chosen passes left unplaced still reaches the output: loose lines become
 * paragraphs, loose blocks an article of their own, so a short `--passes` list loses nothing.
 */
export function finish(page: Page): Page {
  let { blocks, articles } = page;
  const furniture = [...page.furniture];
  if (blocks.length === 0 && articles.length === 0) blocks = linesAsParagraphs(page);
  const body: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'furniture' || b.kind === 'heading') furniture.push({ text: b.text, lines: b.lines });
    else body.push(b.kind === 'paragraph' || b.kind === 'subhead' ? b : { ...b, kind: 'paragraph' });
  }
  if (body.length) articles = [...articles, { ...emptyArticle(body), lines: spanOf(body) }];
  articles = articles.filter((a) => a.body.length || a.headline || a.captions.length || a.byline || a.attribution);
  if (page.lines.every((l) => l.text.trim() === '')) {
    page = withMessage(page, 'pipeline', 'the page has no text', null);
  }
  return { ...page, blocks: [], articles, furniture };
}

function linesAsParagraphs(page: Page): Block[] {
  const out: Block[] = [];
  let run: { no: number; text: string }[] = [];
  const close = () => {
    if (run.length) out.push({ kind: 'paragraph', text: run.map((l) => l.text.trim()).join(''), lines: [run[0]!.no, run[run.length - 1]!.no] });
    run = [];
  };
  for (const l of page.lines) (l.text.trim() === '' ? close() : run.push(l));
  close();
  return out;
}

function withMessage(page: Page, origin: string, text: string, line: number | null = null): Page {
  return { ...page, messages: [...page.messages, message(origin, text, line)] };
}

function pageProblem(p: unknown): string | null {
  if (typeof p !== 'object' || p === null) return 'not an object';
  const page = p as Record<string, unknown>;
  for (const key of ['lines', 'blocks', 'articles', 'furniture', 'messages']) {
    if (!Array.isArray(page[key])) return `${key} is not an array`;
  }
  if (typeof page.source !== 'string' || typeof page.stem !== 'string') return 'source or stem is not a string';
  for (const a of page.articles as unknown[]) {
    const art = a as Record<string, unknown>;
    if (typeof art !== 'object' || art === null || !Array.isArray(art.body)) return 'an article has no body array';
    if (!(art.body as unknown[]).every((b) => typeof (b as Block)?.text === 'string')) return 'a block has no text';
  }
  return null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
