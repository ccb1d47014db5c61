import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../helpers.js';
import { cloneEnv, cloneOf, codeBlocks, commitAll, freshClone, sh, type Block, type Shell } from '../sandbox.js';

/**
 * The README's "In GitHub Actions" recipe, end to end (issue 14, item 4): the corpus is made
 * by the tool and committed as the README says, the workflow's commands run on a fresh clone
 * as actions/checkout makes one, a hand edit makes them fail, and the README's repair makes
 * them pass again. Every command is read from the README, so the test follows it.
 */
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = codeBlocks(README).filter((b) => b.section === 'In GitHub Actions');
const workflowBlock = section.find((b) => b.lang === 'yaml' && b.code.startsWith('# .github/workflows/'));
const shellBlocks = section.filter((b) => b.lang === 'sh');
/** The block that makes the corpus and commits it the first time, and the repair. */
const [makeBlock, repairBlock] = shellBlocks as [Block, Block];

interface Step {
  run?: string;
  uses?: string;
  if?: string;
}
const steps: Step[] = Object.values<{ steps: Step[] }>(parseYaml(workflowBlock?.code ?? '').jobs).flatMap((j) => j.steps);

/**
 * Steps this test stands in for rather than runs: what actions/checkout, setup-node and
 * `npm ci` make is the fresh clone with node_modules and the build (cloneOf), and `npm test`
 * is the suite this test is part of.
 */
const STOOD_IN = new Set(['npm ci', 'npm test']);

/** The job as Actions runs it: steps in order until one fails, then only `if: failure()` steps. */
function runJob(checkout: string): { failed: boolean; log: { run: string; result: Shell }[] } {
  const env = cloneEnv(checkout);
  let failed = false;
  const log: { run: string; result: Shell }[] = [];
  for (const step of steps) {
    if (step.run === undefined || STOOD_IN.has(step.run.trim())) continue;
    const onFailure = step.if?.replace(/\s/g, '') === 'failure()';
    if (step.if !== undefined && !onFailure) throw new Error(`a step condition this test does not know: ${step.if}`);
    if (failed !== onFailure) continue;
    const result = sh(step.run, checkout, env);
    log.push({ run: step.run, result });
    if (result.status !== 0 && !onFailure) failed = true;
  }
  return { failed, log };
}
const said = (job: ReturnType<typeof runJob>) => job.log.map((s) => `$ ${s.run}\n${s.result.stdout}${s.result.stderr}`).join('\n');

describe('the GitHub Actions recipe of the README works on this repository', () => {
  test('the README gives the workflow, the first commit of the corpus and the repair', () => {
    expect(workflowBlock).toBeDefined();
    expect(shellBlocks.length).toBeGreaterThanOrEqual(2);
    // the steps the test does not run are only those it stands in for
    const run = steps.filter((s) => s.run !== undefined).map((s) => s.run!.trim());
    expect(run.filter((r) => STOOD_IN.has(r))).toEqual(['npm ci', 'npm test']);
    expect(run.length).toBeGreaterThan(STOOD_IN.size);
    expect(steps.some((s) => s.if !== undefined && s.run !== undefined)).toBe(true);
  });

  test('committed, checked on a fresh clone, broken by a hand edit, repaired', () => {
    const repo = freshClone();
    const env = cloneEnv(repo);

    // 1. the corpus, made by the tool and committed as the README says
    const made = sh(makeBlock.code, repo, env);
    expect({ status: made.status, stderr: made.status ? made.stderr : '' }).toEqual({ status: 0, stderr: '' });
    const out = /-o\s+(\S+)/.exec(makeBlock.code)![1]!.replace(/\/$/, '');
    const committed = sh(`git ls-files ${out}`, repo, env).stdout.split('\n').filter(Boolean);
    // .gitignore must not hide any of it: the manifest, and every page's files
    expect(committed).toContain(`${out}/.bulletin-manifest.json`);
    expect(committed.filter((f) => f.endsWith('/01.json')).length).toBe(fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length);
    expect(sh(`git status --porcelain --ignored ${out}`, repo, env).stdout).toBe('');

    // 2. a fresh checkout of that commit passes the workflow
    const green = runJob(cloneOf(repo));
    expect({ failed: green.failed, log: green.failed ? said(green) : '' }).toEqual({ failed: false, log: '' });
    expect(green.log.length).toBe(steps.filter((s) => s.run && !STOOD_IN.has(s.run.trim()) && !s.if).length);

    // 3. an output edited by hand and committed: the check fails and names the file, the
    // failure step shows what a rebuild changes
    const edited = committed.find((f) => f.endsWith('/01.md'))!;
    fs.appendFileSync(path.join(repo, edited), '\nA line added by hand.\n');
    commitAll(repo, out, 'a hand edit of the corpus');
    const red = runJob(cloneOf(repo));
    expect(red.failed).toBe(true);
    const check = red.log.find((s) => s.result.status !== 0)!;
    expect(check.run).toMatch(/--check/);
    expect(check.result.stdout).toContain(`: edited ${path.posix.relative(out, edited)}`);
    const failureStep = red.log[red.log.length - 1]!;
    expect(failureStep.result.status).toBe(0);
    expect(failureStep.result.stdout).toContain(` M ${edited}`);

    // 4. the README's repair, committed, makes the job pass again
    const repaired = sh(repairBlock.code, repo, env);
    expect({ status: repaired.status, stderr: repaired.status ? repaired.stderr : '' }).toEqual({ status: 0, stderr: '' });
    expect(fs.readFileSync(path.join(repo, edited), 'utf8')).not.toContain('A line added by hand.');
    const again = runJob(cloneOf(repo));
    expect({ failed: again.failed, log: again.failed ? said(again) : '' }).toEqual({ failed: false, log: '' });
  });
});
