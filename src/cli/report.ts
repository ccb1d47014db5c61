import { Chalk, chalkStderr } from 'chalk';
import type { Ora } from 'ora';
import type { Message } from '../model/types.js';

/**
 * Whether stderr gets colour: `--color` / `--no-color` first, then FORCE_COLOR (which, as in
 * Node itself, wins over NO_COLOR), then NO_COLOR (https://no-color.org), then whether stderr
 * is a terminal that has colours (chalk's detection).
 */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env, detected: number = chalkStderr.level): 0 | 1 | 2 | 3 {
  const atLeastBasic = Math.max(detected, 1) as 1 | 2 | 3;
  if (flag !== undefined) return flag ? atLeastBasic : 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    // FORCE_COLOR=0 or =false turns colour off; 1, 2, 3 pick a level; empty or true means on
    if (force === '0' || force === 'false') return 0;
    return ['1', '2', '3'].includes(force) ? (Number(force) as 1 | 2 | 3) : atLeastBasic;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return detected as 0 | 1 | 2 | 3;
}

/**
 * Everything the CLI says on stderr goes through here: colour as colorLevel decides, a
 * progress line only on a terminal, nothing but errors when quiet.
 */
/** How often the progress line is redrawn at most, from the loop that counts pages. */
const REDRAW_MS = 100;

/** `120/5000 pages, 850 pages/s, ETA 6 s`: the rate and ETA once a page is done. */
export function progressText(done: number, total: number, seconds: number): string {
  const count = `${done}/${total} pages`;
  if (done === 0 || seconds <= 0) return count;
  const rate = done / seconds;
  const left = Math.ceil((total - done) / rate);
  return `${count}, ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} pages/s, ETA ${duration(left)}`;
}

function duration(s: number): string {
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor(s / 60) % 60).padStart(2, '0')} min`;
}

export class Reporter {
  private readonly color: InstanceType<typeof Chalk>;
  private spinner: Ora | null = null;
  private progressStarted = 0;
  private lastDrawn = 0;
  readonly interactive: boolean;

  constructor(private readonly quiet: boolean, options: { color?: boolean } = {}, private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.color = new Chalk({ level: colorLevel(options.color) });
    // a terminal that reports no width (a pseudo-terminal nobody sized) would make the
    // spinner clear an endless number of lines
    this.interactive = stream.isTTY === true && (stream.columns ?? 0) > 0 && !quiet && process.env.CI !== 'true';
  }

  async startProgress(total: number): Promise<void> {
    if (!this.interactive) return;
    const { default: ora } = await import('ora');
    this.progressStarted = performance.now();
    this.lastDrawn = this.progressStarted;
    // interactive was decided above; ora's own test also turns it off for a CI variable that is
    // set but empty, which would leave a spinner that never moves
    this.spinner = ora({ text: progressText(0, total, 0), stream: this.stream, discardStdin: false, isEnabled: true }).start();
  }

  progress(done: number, total: number): void {
    if (!this.spinner) return;
    const now = performance.now();
    this.spinner.text = progressText(done, total, (now - this.progressStarted) / 1000);
    // ora redraws on a timer, which a busy main thread (eval parses there) starves: draw
    // now and then from here too, and at the end, so the last count is seen
    if (now - this.lastDrawn > REDRAW_MS || done === total) {
      this.spinner.render();
      this.lastDrawn = now;
    }
  }

  stopProgress(): void {
    this.spinner?.stop();
    this.spinner = null;
  }

  /** A line for a person at a terminal, such as how to end typed input; not for logs. */
  note(text: string): void {
    if (!this.quiet) this.say(this.color.dim(text));
  }

  /** ora hooks its stream: a line written while it spins goes above it and it redraws below. */
  private say(line: string): void {
    this.stream.write(line + '\n');
  }

  /** A warning about the run as a whole rather than a line of a page. */
  warning(text: string, where = 'bulletin'): void {
    if (!this.quiet) this.say(`${this.color.bold(where)}: ${this.color.yellow('warning')}: ${text}`);
  }

  error(where: string, text: string): void {
    this.say(`${this.color.bold(where)}: ${this.color.red('error')}: ${text}`);
  }

  /**
   * A page's message, as compilers and linters write them so that editors can jump to it:
   * `FILE:LINE[:COL]: warning: MESSAGE [origin]`, origin being the pass that raised it.
   */
  message(source: string, m: Message): void {
    if (this.quiet) return;
    const where = m.line === null ? source : m.column === undefined ? `${source}:${m.line}` : `${source}:${m.line}:${m.column}`;
    const label = m.severity === 'error' ? this.color.red('error') : this.color.yellow('warning');
    this.say(`${where}: ${label}: ${m.message} ${this.color.dim(`[${m.origin}]`)}`);
  }

  summary(text: string): void {
    if (!this.quiet) this.say(this.color.dim(text));
  }
}
