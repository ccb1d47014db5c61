import type { Message } from '../model/types.js';
import type { WarningLine } from '../model/records.js';
import { kindOf } from './records.js';
import { WARNINGS_NAME } from './out-dir.js';
import { writeOutputFile } from './files.js';

/**
 * OUT/warnings.jsonl: every warning of every page in the output directory, one JSON object a
 * line, so that a corpus's doubts can be read, counted and filtered (`jq`) without opening
 * each page.json. It is written whole, atomically, by whoever saves the manifest (or, for a
 * run without one, at the end of the run), from the warnings each page was written with.
 */
export { WARNINGS_NAME } from './out-dir.js';

/**
 * A page's warnings as lines of the report, in the order of the lines they are about (the
 * page's own warnings, on no line, first), and in the page record's order on one line.
 */
export function warningLines(source: string, messages: readonly Message[]): WarningLine[] {
  const lines = messages.map((m) => ({ source, line: m.line, pass: m.origin, kind: kindOf(m), severity: m.severity, message: m.message }));
  // Array.prototype.sort is stable: the page's order stays among warnings on one line
  return lines.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The file's content from each page's lines, keyed by the page's input path relative to the
 * output directory (the manifest's key). Pages go in the order of their keys, not of the run
 * that wrote them: a corpus built run by run, by shards or with `--jobs`, has the same file
 * as one fresh run over it.
 */
export function warningsJsonl(pages: Iterable<readonly [key: string, lines: readonly WarningLine[]]>): string {
  const sorted = [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let out = '';
  for (const [, lines] of sorted) for (const l of lines) out += JSON.stringify(l) + '\n';
  return out;
}

/** Write the report into the output directory, whole and atomically. */
export function writeWarnings(outDir: string, content: string): void {
  writeOutputFile(outDir, WARNINGS_NAME, content);
}
