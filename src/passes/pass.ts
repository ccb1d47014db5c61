import type { Page } from '../model/types.js';

export type PassOptions = Record<string, unknown>;

/**
 * A pass is one small, pure transformation of a Page, in the spirit of a unified plugin:
 * it returns a new Page (or the same one when it has nothing to do) and reports doubts as
 * messages on the page rather than by printing or throwing.
 */
export interface Pass<O extends PassOptions = PassOptions> {
  readonly name: string;
  readonly description: string;
  readonly defaults: O;
  run(page: Page, options: O): Page;
}

export function definePass<O extends PassOptions>(pass: Pass<O>): Pass<O> {
  return pass;
}
