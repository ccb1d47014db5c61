import type { Pass } from './pass.js';
import { detectDialect } from './detect-dialect.js';
import { stripGlyphs } from './strip-glyphs.js';
import { markdownHeadings } from './markdown-headings.js';
import { letterSpacing } from './letter-spacing.js';
import { canonicalText } from './canonical-text.js';
import { rejoinLines } from './rejoin-lines.js';
import { markdownSubheads } from './markdown-subheads.js';
import { trailingCredits } from './trailing-credits.js';
import { splitArticles } from './split-articles.js';
import { matchHeadlines } from './match-headlines.js';

/** Every built-in pass, in the order a default run applies them. */
export const builtinPasses: readonly Pass<any>[] = [
  detectDialect,
  stripGlyphs,
  markdownHeadings,
  letterSpacing,
  canonicalText,
  rejoinLines,
  trailingCredits,
  markdownSubheads,
  splitArticles,
  matchHeadlines,
];

export const defaultPassNames = (): string[] => builtinPasses.map((p) => p.name);

export function findPass(name: string, extra: readonly Pass<any>[] = []): Pass<any> | undefined {
  return [...extra, ...builtinPasses].find((p) => p.name === name);
}
