import type { Page } from '../model/types.js';
import { pageRecords } from './records.js';

/** A page as JSON Lines: one compact object per line, each line ending in `\n`. */
export function pageToJsonl(page: Page): string {
  return pageRecords(page).map((r) => JSON.stringify(r) + '\n').join('');
}
