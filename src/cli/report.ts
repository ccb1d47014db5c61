import { Chalk, chalkStderr } from 'chalk';
import type { Ora } from 'ora';
import type { Message } from '../model/types.js';

/**
 * Everything the CLI says on stderr goes through here: colour only for a terminal that wants
 * it (NO_COLOR is honoured), a spinner only on a terminal, nothing but errors when quiet.
 */
export class Reporter {
  private readonly color: InstanceType<typeof Chalk>;
  private spinner: Ora | null = null;
  readonly interactive: boolean;

  constructor(private readonly quiet: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {
    const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
    this.color = new Chalk({ level: noColor ? 0 : chalkStderr.level });
    // a terminal that reports no width (a pseudo-terminal nobody sized) would make the
    // spinner clear an endless number of lines
    this.interactive = stream.isTTY === true && (stream.columns ?? 0) > 0 && !quiet && process.env.CI !== 'true';
  }

  async startProgress(total: number): Promise<void> {
    if (!this.interactive) return;
    const { default: ora } = await import('ora');
    this.spinner = ora({ text: `0/${total} pages`, stream: this.stream, discardStdin: false }).start();
  }

  progress(done: number, total: number): void {
    if (this.spinner) this.spinner.text = `${done}/${total} pages`;
  }

  stopProgress(): void {
    this.spinner?.stop();
    this.spinner = null;
  }

  /** ora hooks its stream: a line written while it spins goes above it and it redraws below. */
  private say(line: string): void {
    this.stream.write(line + '\n');
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
