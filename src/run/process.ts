import { binaryReason, decode, describeInvalid, type ForcedEncoding } from '../read/decode.js';
import { readWhole } from '../read/whole-file.js';
import { stdinBytes } from '../read/stdin.js';
import type { InputFile } from '../read/inputs.js';
import { parsePage, type PluginProblem, type Step, type StepWatch } from '../pipeline.js';
import { message, pageWith, splitLines } from '../model/page.js';
import { entriesFor, staleAnchor, type Overrides } from '../read/overrides.js';
import type { Message, Page } from '../model/types.js';
import { pageToJsonl } from '../writers/jsonl.js';
import { pageFiles, type FileFormat } from '../writers/files.js';
import { reviewPage, type ReviewPage } from '../writers/review/site.js';

export interface OutputPlan {
  jsonl: boolean;
  files: readonly FileFormat[];
  /** `--encoding`: read every page as this, without guessing */
  encoding?: ForcedEncoding;
  /** `bulletin review`: each page's view of the review site, and its line in the index */
  review?: boolean;
  /** bulletin.overrides.yaml, loaded and checked: each page takes its own entries */
  overrides?: Overrides;
}

/**
 * What one input became, ready to be written by the main thread in input order. The same
 * shape wherever the page was parsed: in this thread, or in a worker, which hands its batch's
 * JSON Lines over as bytes (see run/work.ts).
 */
export interface PageResult<Jsonl extends string | Uint8Array = string | Uint8Array> {
  source: string;
  stem: string;
  /** a reason the file could not be parsed at all; nothing is written for it */
  error?: string;
  articles: number;
  /** the page's messages, each with the pass (or reader stage) that raised it */
  warnings: Message[];
  /** the page's JSON Lines: text where it was parsed, UTF-8 bytes once it came from a worker */
  jsonl?: Jsonl;
  files?: [string, string][];
  /** the page was parsed but writing its files failed (when they were written off the main thread) */
  writeError?: string;
  /** the error code behind writeError (ENOSPC…), so the run can stop on a failing disk */
  writeErrorCode?: string;
  /** names and content hashes of the files, when a worker wrote them itself (see Manifest) */
  fileHashes?: [string, string][];
  /** what went wrong with plugin passes: the run decides whether that fails the page */
  pluginProblems?: PluginProblem[];
  /** the page's view and index entry, for `bulletin review` */
  review?: ReviewPage;
}

/** A page that could not be parsed, or whose thread failed: only its error is reported. */
export const failedPage = (file: InputFile, error: string): PageResult<never> => ({ source: file.path, stem: file.stem, articles: 0, warnings: [], error });

const MAX_DECODE_WARNINGS = 20;

export function processBytes(file: InputFile, bytes: Uint8Array, steps: readonly Step[], plan: OutputPlan, watch: StepWatch = {}): PageResult<string> {
  const binary = binaryReason(bytes);
  if (binary) return failedPage(file, binary);
  const decoded = decode(bytes, plan.encoding);
  if (decoded.implausible) return failedPage(file, decoded.implausible);
  // An editor's overrides hold only for the page they were written against: each anchor is
  // checked on the lines as decoded, before any pass, and a page that changed under one fails.
  const entries = entriesFor(plan.overrides, file.path);
  if (entries.length) {
    const stale = staleAnchor(plan.overrides!, entries, splitLines(decoded.text));
    if (stale) return failedPage(file, stale);
  }
  const overrides = entries.map((e) => e.override);
  const problems: PluginProblem[] = [];
  let page: Page = parsePage({ source: file.path, stem: file.stem, text: decoded.text, encoding: decoded.encoding, overrides }, steps, { ...watch, problems });
  if (decoded.invalid.length) {
    // One warning per sequence, each on its line, so `file:line` leads to it; a page of
    // garbage is summed up rather than listed.
    const shown = decoded.invalid.slice(0, MAX_DECODE_WARNINGS);
    const notes = shown.map((s) => message('decode', describeInvalid(s, decoded.encoding, bytes), s.line, 'warning', undefined, undefined, 'invalid-bytes'));
    const rest = decoded.invalid.length - shown.length;
    if (rest > 0) notes.push(message('decode', `${rest} more invalid ${decoded.encoding} byte sequence(s) after byte offset ${shown[shown.length - 1]!.offset}`, null, 'warning', undefined, undefined, 'invalid-bytes'));
    page = pageWith(page, { messages: [...notes, ...page.messages] });
  }
  return {
    source: file.path,
    stem: file.stem,
    articles: page.articles.length,
    warnings: page.messages,
    ...(plan.jsonl ? { jsonl: pageToJsonl(page) } : {}),
    ...(plan.files.length ? { files: [...pageFiles(page, plan.files)] } : {}),
    ...(problems.length ? { pluginProblems: problems } : {}),
    // the view anchors overrides to the lines as read, so it is made here, with the decoded text
    ...(plan.review ? { review: reviewPage(page, decoded.text) } : {}),
  };
}

/** `bytes`: the input's content when another thread read it already (standard input). */
export function processFile(file: InputFile, steps: readonly Step[], plan: OutputPlan, watch: StepWatch = {}, bytes?: Uint8Array): PageResult<string> {
  try {
    bytes ??= file.path === '-' ? stdinBytes() : readWhole(file.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    return failedPage(file, `cannot read: ${why}`);
  }
  try {
    return processBytes(file, bytes, steps, plan, watch);
  } catch (err) {
    // A bug on one page must not stop the run: the page is reported and the others written.
    return failedPage(file, `internal error: ${(err as Error)?.stack ?? String(err)}`);
  }
}
