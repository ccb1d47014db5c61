import type { PageResult } from './process.js';

/**
 * What the run makes of a plugin's trouble on a page. The page's output is the same either
 * way (the pass is skipped when it failed, kept when it removed text): only whether the page
 * counts as failed, and so the exit status, depends on this.
 */
export interface PluginPolicy {
  /** `error` (the default): a plugin pass that fails fails the page; `warn`: it is a warning */
  pluginErrors?: PluginErrors;
  /** text removed by a plugin pass that does not say it removes text fails the page */
  strict?: boolean;
}

export const PLUGIN_ERRORS = ['error', 'warn'] as const;
export type PluginErrors = (typeof PLUGIN_ERRORS)[number];

/**
 * The messages of a page that make it fail under `policy`, by their text; empty when it has
 * not failed.
 */
export function failingMessages(r: PageResult, policy: PluginPolicy): Set<string> {
  const out = new Set<string>();
  for (const p of r.pluginProblems ?? []) {
    if (p.kind === 'failed' ? (policy.pluginErrors ?? 'error') === 'error' : policy.strict === true && !p.declared) out.add(p.message);
  }
  return out;
}
