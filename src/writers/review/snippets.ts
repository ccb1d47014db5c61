/**
 * Override entries of `bulletin.overrides.yaml` (see README, "Correcting a page"), one flow
 * mapping a line, as an editor pastes them under the page's key. Strings are written as JSON
 * strings: YAML 1.2 reads every JSON string as the same double-quoted scalar, so a line of any
 * content (quotes, `#`, `: `, a leading `-`) pastes as itself without a YAML serialiser here.
 * The page view's script builds the same entries for a selected line (SNIPPET_SCRIPT).
 */

import type { Override as FixedChoice } from '../../model/types.js';

/**
 * An entry as the editor writes it: the model's fixed choice, with the anchor text it carries in
 * the file and without the file's name (which the loader adds).
 */
export type Override = Omit<FixedChoice, 'origin'> & {
  /** the source line's text, trimmed, exactly as the file has it: the anchor */
  text: string;
};

/** What the editor is told an entry does, beside its copy button. */
export interface Decision {
  label: string;
  entry: string;
}

/** The anchor of a line: its text without surrounding white space, as the overrides format has it. */
export const anchorText = (raw: string): string => raw.trim();

export function overrideEntry(o: Override): string {
  const parts = [`line: ${o.line}`];
  if (o.to !== undefined) parts.push(`to: ${o.to}`);
  parts.push(`text: ${JSON.stringify(o.text)}`, `kind: ${o.kind}`);
  if (o.of !== undefined) parts.push(`of: ${o.of}`);
  for (const field of ['byline', 'attribution', 'section'] as const) {
    const v = o[field];
    if (v !== undefined) parts.push(`${field}: ${v === null ? 'null' : JSON.stringify(v)}`);
  }
  return `- { ${parts.join(', ')} }`;
}

/** The key line a page's entries go under: its source path relative to the overrides file's directory. */
export const pageKeyLine = (key: string): string => `${JSON.stringify(key)}:`;

/**
 * The same entries, built in the browser for a line the editor selects: the page view embeds
 * this function's source (it must stay plain JavaScript that needs nothing around it).
 */
export const SNIPPET_SCRIPT = `function overrideEntry(o) {
  var parts = ['line: ' + o.line];
  if (o.to !== undefined) parts.push('to: ' + o.to);
  parts.push('text: ' + JSON.stringify(o.text), 'kind: ' + o.kind);
  if (o.of !== undefined) parts.push('of: ' + o.of);
  return '- { ' + parts.join(', ') + ' }';
}`;
