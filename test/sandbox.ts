/**
 * A fresh clone of this repository for recipes to run in, as a new user would run them: the
 * README's shell examples (test/e2e/readme.test.ts) and its GitHub Actions recipe
 * (test/e2e/recipes-ci.test.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, cliEnv, ROOT, tempDir } from './helpers.js';

/** A git identity, for the recipes that commit, and nothing of the developer's git config. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'README test',
  GIT_AUTHOR_EMAIL: 'readme-test@example.invalid',
  GIT_COMMITTER_NAME: 'README test',
  GIT_COMMITTER_EMAIL: 'readme-test@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface Shell {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a script with bash as a README reader would paste it: errors and failed pipes stop it. */
export function sh(script: string, cwd: string, env: NodeJS.ProcessEnv): Shell {
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr + (r.error ? `\n${r.error.message}` : '') };
}

function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd}: ${r.stderr}`);
  return r.stdout;
}

/**
 * What `npm ci` adds to a clone: node_modules and the build in dist/, taken from this
 * checkout (the suite has just built it). Nothing in the clone leads back into the checkout
 * for a command to change: dist/ is a copy, and node_modules a directory of links to each
 * package, so that a command that rebuilds or reinstalls (which a README block may one day
 * do) changes the clone only. .gitignore ignores node_modules/ as a directory, which it is,
 * and the clone's own exclude file keeps both out of `git status` anyway.
 */
function installed(dir: string): void {
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.appendFileSync(path.join(dir, '.git', 'info', 'exclude'), '/node_modules\n/dist\n');
}

/**
 * `npx bulletin` finds the package's own bin and links the package into npm's cache
 * (~/.npm/_npx) to run it, which a test must not write to. This stand-in runs the clone's
 * bin the same way (as a program, so with its V8 flags); any other package is refused, since
 * a README example must not need one. `.ci/run` runs the real `npm ci && npx bulletin` on a
 * fresh clone.
 */
function npxStandIn(clone: string): string {
  const dir = tempDir('bulletin-npx-');
  const bin = path.join(clone, path.relative(ROOT, BIN));
  fs.writeFileSync(
    path.join(dir, 'npx'),
    `#!/bin/sh\nif [ "$1" = bulletin ]; then shift; exec "${bin}" "$@"; fi\necho "npx $1: a README example may use npx only for bulletin" >&2\nexit 127\n`,
    { mode: 0o755 },
  );
  // npm would install or build: a README test does neither (mark such a block not-run)
  fs.writeFileSync(path.join(dir, 'npm'), '#!/bin/sh\necho "npm $1: the README test does not install or build; mark the block <!-- not-run: REASON -->" >&2\nexit 127\n', { mode: 0o755 });
  // and a bare `bulletin` fails even where a developer ran `npm link`: a fresh clone has none
  fs.writeFileSync(path.join(dir, 'bulletin'), '#!/bin/sh\necho "bulletin is not on the PATH of a fresh clone: write npx bulletin" >&2\nexit 127\n', { mode: 0o755 });
  return dir;
}

/** The environment a clone's commands run in: its npx first on the PATH, no colour, not CI. */
export function cloneEnv(clone: string): NodeJS.ProcessEnv {
  const { CI: _, ...env } = cliEnv(GIT_ENV);
  return { ...env, PATH: `${npxStandIn(clone)}${path.delimiter}${process.env.PATH ?? ''}` };
}

/**
 * A fresh clone of this checkout after `npm ci`: every file git tracks, as it is on disk now,
 * committed as one commit, so that what a clone holds and what git ignores is what a user's
 * clone has. Untracked files stay out: a developer's bulletin.config.yaml, say, is not in
 * anyone's clone (a new file the README needs must be added to git first).
 */
export function freshClone(): string {
  const dir = tempDir('bulletin-clone-');
  const files = git(['ls-files', '-z', '--cached'], ROOT).split('\0').filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    // a tracked file deleted in the working tree is not in a clone of what is about to be committed
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, f));
    fs.chmodSync(path.join(dir, f), fs.statSync(from).mode);
  }
  git(['init', '-q', '-b', 'main'], dir);
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'the checkout under test'], dir);
  installed(dir);
  return dir;
}

/** `git clone` of a clone, as actions/checkout makes it, with what `npm ci` adds. */
export function cloneOf(repo: string): string {
  const dir = path.join(tempDir('bulletin-checkout-'), 'repo');
  git(['clone', '-q', repo, dir], path.dirname(dir));
  installed(dir);
  return dir;
}

/** Commit everything under `what` in `repo`. */
export function commitAll(repo: string, what: string, message: string): void {
  git(['add', '-A', what], repo);
  git(['commit', '-q', '-m', message], repo);
}

export interface Block {
  /** the fence's language, such as sh or yaml */
  lang: string;
  code: string;
  /** the 1-based line of the opening fence */
  line: number;
  /** the reason given in a `<!-- not-run: REASON -->` comment just above the block */
  notRun?: string;
  /** the heading the block is under */
  section: string;
}

/**
 * The fenced code blocks of a Markdown file. A `<!-- not-run: REASON -->` among the HTML
 * comment lines right above a block (blank lines between allowed) marks it as not run.
 */
export function codeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6} (.*)$/.exec(lines[i]!);
    if (heading) section = heading[1]!;
    const fence = /^(```+)(\S*)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]!) && l.trim() === fence[1]);
    if (end < 0) throw new Error(`README.md:${i + 1}: a code block that never ends`);
    let notRun: string | undefined;
    for (let j = i - 1; j >= 0 && (lines[j]!.trim() === '' || /^<!--.*-->$/.test(lines[j]!.trim())); j--) {
      const mark = /^<!--\s*not-run:(.*)-->$/.exec(lines[j]!.trim());
      if (mark) notRun = mark[1]!.trim();
    }
    blocks.push({ lang: fence[2]!, code: lines.slice(i + 1, end).join('\n'), line: i + 1, section, ...(notRun !== undefined ? { notRun } : {}) });
    i = end;
  }
  return blocks;
}
