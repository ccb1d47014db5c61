import { Command, Option } from 'commander';
import { createRequire } from 'node:module';
// no imports of its own, so --version stays fast
import { parseShard, type Shard } from '../run/shard.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The command line. Subcommands load their modules only when they run, so that `--version`
 * and `--help` start in a few tens of milliseconds.
 */
export function program(): Command {
  const cli = new Command('bulletin')
    .description('Turn OCR\'d pages of a Chinese weekly bulletin into a clean corpus of articles.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (s, write) => write(s) })
    .exitOverride((err) => process.exit(err.exitCode === 1 && err.code !== 'commander.version' && err.code !== 'commander.helpDisplayed' ? 2 : err.exitCode));

  cli
    .command('parse')
    .description('Parse pages into articles: JSON and Markdown files per article, or a JSON Lines stream')
    .argument('[inputs...]', 'files, directories (searched for *.txt), globs, or - for standard input', [])
    .option('-o, --out <dir>', 'output directory, or - for standard output (default: corpus, or stdout for jsonl)')
    .addOption(new Option('-f, --format <format>', 'what to write').choices(['json', 'md', 'jsonl', 'all']).default('json,md', 'json and md files'))
    .option('-p, --passes <list>', 'comma-separated pass names to run, in this order (see `bulletin passes`)')
    .option('--plugin <file>', 'load passes from a JavaScript module (repeatable)', collect, [])
    .option('-j, --jobs <n>', 'worker threads (default: number of CPUs)', positiveInt)
    .option('--shard <k/n>', 'parse only shard K of N (1-based), chosen by a hash of each input path', shardOf)
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .addHelpText(
      'after',
      `
With no inputs, parses seeds/ into corpus/.

Examples:
  $ bulletin parse                                  # seeds/ -> corpus/STEM/NN.json, NN.md, page.json
  $ bulletin parse pages/ -o out                    # every *.txt under pages/
  $ bulletin parse 'scans/**/*.txt' --format jsonl | jq -r 'select(.type=="article") | .headline'
  $ cat page.txt | bulletin parse - --format jsonl
  $ bulletin parse pages/ --passes strip-glyphs,canonical-text,rejoin-lines
  $ bulletin parse pages/ --shard 3/8 -o out/3      # one machine's eighth of a corpus

Exit status: 0 when every page was parsed, 1 when a file could not be read or parsed
(the others are still written), 2 for a usage error.`,
    )
    .action(async (inputs: string[], opts) => {
      const { runParse } = await import('./parse.js');
      process.exitCode = await runParse(inputs, opts);
    });

  cli
    .command('passes')
    .description('List the passes in their default order, with their options and defaults')
    .option('--json', 'print the list as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { runPasses } = await import('./passes.js');
      process.exitCode = runPasses(opts);
    });

  return cli;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function shardOf(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) {
    process.stderr.write(`bulletin: --shard takes K/N with 1 ≤ K ≤ N (such as 2/8), not "${value}"\n`);
    process.exit(2);
  }
  return shard;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bulletin: --jobs takes a whole number of at least 1, not "${value}"\n`);
    process.exit(2);
  }
  return n;
}

await program().parseAsync(process.argv);
