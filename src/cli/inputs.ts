import { expandInputs } from '../read/inputs.js';
import { readStdin } from '../read/stdin.js';
import type { Reporter } from './report.js';

/** What a command that parses pages takes when given no inputs. */
const DEFAULT_INPUT = 'seeds';

/**
 * The inputs a command that parses pages was given (seeds/ when none) and what they name, or null when an input names
 * nothing: that is a mistake on the command line (exit 2, as eslint and prettier have it), not a
 * page that failed (exit 1), and each such input has been reported.
 */
export async function pageInputs(inputs: readonly string[], report: Reporter): Promise<{ given: string[]; expanded: Awaited<ReturnType<typeof expandInputs>> } | null> {
  const given = inputs.length ? [...inputs] : [DEFAULT_INPUT];
  const expanded = await expandInputs(given);
  const unusable = inputProblems({ ...expanded, files: [...expanded.files, ...expanded.skipped] }, given);
  if (unusable.length === 0) return { given, expanded };
  for (const [input, why] of unusable) report.error(input, why);
  return null;
}

/**
 * What is wrong with the inputs as given, input by input: a path that is not there (and no
 * file matches it as a pattern), or a directory with no pages in it. Each is a usage error.
 */
export function inputProblems(expanded: { files: readonly unknown[]; missing: readonly string[]; empty: readonly string[] }, given: readonly string[]): [string, string][] {
  const problems: [string, string][] = [
    ...expanded.missing.map((m): [string, string] => [m, 'no such file or directory, and no file matches it as a pattern']),
    ...expanded.empty.map((d): [string, string] => [d, 'no *.txt files in this directory']),
  ];
  if (problems.length === 0 && expanded.files.length === 0) problems.push([given.join(' '), 'no *.txt files found']);
  return problems;
}

/**
 * Read `-` before any page is parsed. On a terminal the user types (or pastes) the page, so
 * say how to end it; in a pipe nothing is said.
 */
export async function readStandardInput(report: Reporter): Promise<void> {
  if (process.stdin.isTTY) report.note('reading a page from the terminal: end it with Ctrl-D');
  await readStdin();
}
