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

  withPipelineOptions(cli
    .command('parse')
    .description('Parse pages into articles: JSON and Markdown files per article, or a JSON Lines stream')
    .argument('[inputs...]', 'files, directories (searched for *.txt), globs, or - for standard input', [])
    .option('-o, --out <dir>', 'output directory, or - for standard output (default: the config\'s out, else corpus; stdout for --format jsonl)')
    // not .choices(): a comma-separated list (json,jsonl) is a format too; parse checks each part
    .addOption(new Option('-f, --format <format>', 'what to write: json, md, jsonl, all, or a comma-separated list').default('json,md', 'json and md files')))
    .option('--shard <k/n>', 'parse only shard K of N (1-based), chosen by a hash of each input path', shardOf)
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('-c, --config <file>', 'read settings from this YAML file (default: ./bulletin.config.yaml if present)')
    .option('--overrides <file>', 'apply an editor\'s corrections from this YAML file (default: bulletin.overrides.yaml beside the config file, or in the working directory)')
    .option('--force', 'rebuild every page, even those the manifest says are up to date (overrides still apply)')
    .option('--check', 'write nothing; exit 1 and list the pages whose output is stale or was edited by hand')
    .option('--max-warnings <n>', 'exit 1 when the pages carry more than n warnings (unchanged pages included; the output is written all the same)', count)
    .option('--color', 'colour the messages on stderr even when it is not a terminal')
    .option('--no-color', 'no colour on stderr (as NO_COLOR=1 does)')
    // the list of read/decode.ts's ENCODINGS, not imported: this module stays free of imports
    .addOption(new Option('--encoding <name>', 'read every page in this encoding instead of detecting it').choices(['utf-8', 'gb18030', 'big5']))
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
  $ bulletin parse --overrides fixes.yaml           # with an editor's corrections

Every run with an output directory writes OUT/warnings.jsonl, one line per warning of its
pages: {source, line, pass, kind, severity, message}.

Corrections (bulletin.overrides.yaml) fix a decision for one page and survive regeneration:
  version: 1
  pages:
    seeds/002_4ffd5773b4f85cfa.txt:               # the page's path, relative to this file
      - { line: 12, text: "…", kind: headline, of: 15 }
  Each entry anchors to a source line and carries its text, trimmed; a page whose line no
  longer reads so fails with an error naming the file and the entry's line. Kinds: headline
  and subheadline (of: a line of the article), body, furniture, article-start,
  no-article-start, paragraph-start, no-paragraph-start, caption (to: its last line), set
  (byline, attribution, section of the article holding the line; null clears). Editing a
  page's entries makes --check report that page stale and a run re-parse only it.

Exit status: 0 when every page was parsed, 1 when a file could not be read or parsed, a
plugin pass failed on it or an override's anchor no longer matches it (the others are still
written), or the pages carry more warnings than --max-warnings, 2 for a usage error (such as
an input that does not exist, a directory without *.txt pages or a mistake in the config or
overrides file: then nothing is parsed).`,
    )
    .action(async (inputs: string[], opts, cmd: Command) => {
      const choice = await withConfig(inputs, opts, cmd);
      if (!choice) return;
      const { runParse } = await import('./parse.js');
      const { inputs: chosen, ...settings } = choice;
      process.exitCode = await runParse(chosen, { ...opts, ...settings });
    });

  withPipelineOptions(cli
    .command('review')
    .description('Write a static site to review the parse: every page\'s source lines beside its articles, warnings and the override that would change each decision')
    .argument('[inputs...]', 'files, directories (searched for *.txt), globs, or - for standard input', [])
    .option('-o, --out <dir>', 'the site\'s directory (default: review)'))
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('-c, --config <file>', 'read settings from this YAML file (default: ./bulletin.config.yaml if present)')
    .option('--overrides <file>', 'apply an editor\'s corrections from this YAML file, as parse does (default: bulletin.overrides.yaml beside the config file)')
    .option('--color', 'colour the messages on stderr even when it is not a terminal')
    .option('--no-color', 'no colour on stderr (as NO_COLOR=1 does)')
    .addOption(new Option('--encoding <name>', 'read every page in this encoding instead of detecting it').choices(['utf-8', 'gb18030', 'big5']))
    .addHelpText(
      'after',
      `
With no inputs, reviews seeds/ into review/. Open review/index.html in a browser: it needs no
server and no network.

Examples:
  $ bulletin review seeds -o review
  $ bulletin review 'scans/**/*.txt' -o /tmp/review

Exit status: 0, 1 when a file could not be read or parsed (the others are still written), 2 for
a usage error.`,
    )
    .action(async (inputs: string[], opts, cmd: Command) => {
      // the config's out is for the corpus: a review goes to its own directory
      const choice = await withConfig(inputs, { ...opts, out: undefined, format: 'json,md' }, cmd);
      if (!choice) return;
      const { runReview } = await import('./review.js');
      process.exitCode = await runReview(choice.inputs, { ...opts, config: choice.config, passes: choice.passes, ...(choice.encoding ? { encoding: choice.encoding } : {}), ...pick(choice, ['pluginErrors', 'strict', 'pageTimeout']) });
    });

  cli
    .command('merge')
    .description('Merge the output directories of --shard runs (each with its manifest) into one corpus')
    .argument('<shards...>', 'the output directories of the shard runs')
    .requiredOption('-o, --out <dir>', 'the merged output directory')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .addHelpText(
      'after',
      `
Examples:
  $ bulletin merge out/1 out/2 out/3 out/4 -o corpus
  $ bulletin parse pages/ -o corpus --check     # passes on the merged corpus

Exit status: 0, 1 when a shard's files do not match its manifest or two shards conflict
(nothing is written then), 2 for a usage error.`,
    )
    .action(async (shards: string[], opts: { out: string; quiet?: boolean }) => {
      const { runMerge } = await import('./merge.js');
      process.exitCode = await runMerge(shards, opts);
    });

  cli
    .command('eval')
    .description('Score parsed output against gold files (the format of OUTPUT.md): per page and overall')
    .argument('[inputs...]', 'pages to parse and score, and to count lost and added characters against (default: seeds/)', [])
    .requiredOption('-g, --gold <dir>', 'directory of gold STEM.json files')
    .option('--pred <file>', 'score this JSON Lines file (- for standard input) instead of parsing the inputs')
    .option('--json', 'print the scores as JSON')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .option('--color', 'colour the messages on stderr even when it is not a terminal')
    .option('--no-color', 'no colour on stderr (as NO_COLOR=1 does)')
    .option('-v, --verbose', 'show every article match')
    .option('-p, --passes <list>', 'comma-separated pass names to run, in this order')
    .option('--plugin <file>', 'load passes from a JavaScript module (repeatable)', collect, [])
    .option('-c, --config <file>', 'read passes and inputs from this YAML file (default: ./bulletin.config.yaml if present)')
    .option('--min-f1 <x>', 'exit 1 when article F1 is below x', ratio)
    .option('--min-headline <x>', 'exit 1 when headline accuracy is below x', ratio)
    .option('--max-cer <x>', 'exit 1 when body character error rate is above x', ratio)
    .option('--min-para-f1 <x>', 'exit 1 when paragraph-boundary F1 is below x', ratio)
    .option('--min-exact <x>', 'exit 1 when the share of exactly right paragraphs is below x', ratio)
    .option('--min-fields <x>', 'exit 1 when field accuracy is below x', ratio)
    .option('--max-lost <n>', 'exit 1 when more than n source characters are lost', count)
    .option('--max-added <n>', 'exit 1 when more than n characters not in the source are added', count)
    .addHelpText(
      'after',
      `
Examples:
  $ bulletin eval --gold gold/ seeds/
  $ bulletin eval --gold gold/ --pred corpus.jsonl seeds/
  $ bulletin parse seeds/ --format jsonl -q | bulletin eval --gold gold/ --pred - seeds/
  $ bulletin eval --gold gold/ --json | jq .summary
  $ bulletin eval --gold gold/ --min-f1 0.9 --max-cer 0.02     # a CI gate

Exit status: 0, or 1 when a threshold is not met, 2 for a usage error.`,
    )
    .action(async (inputs: string[], opts, cmd: Command) => {
      const choice = await withConfig(inputs, { format: 'json,md', ...opts }, cmd);
      if (!choice) return;
      const { runEval } = await import('./eval.js');
      const { inputs: chosen, passes, config } = choice;
      process.exitCode = await runEval(chosen, { ...opts, passes, config });
    });

  cli
    .command('passes')
    .description('List the passes a run uses, in its order, with each option\'s meaning, unit, range, default and the value in force')
    .option('--json', 'print the list as JSON')
    .option('-p, --passes <list>', 'comma-separated pass names to run, in this order, as parse takes it')
    .option('--plugin <file>', 'also list the passes this JavaScript module exports (repeatable)', collect, [])
    .option('-c, --config <file>', 'apply this YAML file\'s passes, options and plugins (default: ./bulletin.config.yaml if present)')
    .action(async (opts: { json?: boolean; passes?: string; plugin: string[]; config?: string }, cmd: Command) => {
      const choice = await withConfig([], { format: 'json,md', ...opts }, cmd);
      if (!choice) return;
      const { runPasses } = await import('./passes.js');
      process.exitCode = await runPasses({ json: opts.json, passes: choice.passes, config: choice.config });
    });

  return cli;
}

/** Settings from the config file under the flags; an invalid file is a usage error. */
async function withConfig(inputs: string[], opts: any, cmd: Command) {
  const { mergeConfig, ConfigError } = await import('../config.js');
  try {
    return mergeConfig(inputs, opts, (flag) => cmd.getOptionValueSource(flag) === 'cli');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`bulletin: ${err.message}\n`);
    process.exitCode = 2;
    return null;
  }
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}

/** The options of every command that runs the pipeline (parse, review), spelt once. */
function withPipelineOptions(cmd: Command): Command {
  return cmd
    .option('-p, --passes <list>', 'comma-separated pass names to run, in this order (see `bulletin passes`)')
    .option('--plugin <file>', 'load passes from a JavaScript module (repeatable)', collect, [])
    .addOption(new Option('--plugin-errors <mode>', 'a plugin pass that fails: an error that fails its page (exit 1), or only a warning').choices(['error', 'warn']))
    .option('--strict', 'text removed by a plugin pass that does not declare removesText is an error, not a warning')
    .option('--page-timeout <seconds>', 'stop a page that takes longer, when plugins are loaded, and report it (default: 60)', seconds)
    .option('-j, --jobs <n>', 'worker threads (default: number of CPUs)', positiveInt);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function ratio(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) usage(`a threshold takes a number from 0 to 1, not "${value}"`);
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) usage(`a count takes a whole number of at least 0, not "${value}"`);
  return n;
}

function usage(text: string): never {
  process.stderr.write(`bulletin: ${text}\n`);
  process.exit(2);
}

function shardOf(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) {
    usage(`--shard takes K/N with 1 ≤ K ≤ N (such as 2/8), not "${value}"`);
  }
  return shard;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) usage(`--page-timeout takes a number of seconds above 0, not "${value}"`);
  return n;
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
