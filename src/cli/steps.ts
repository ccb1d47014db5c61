import type { Config } from '../config.js';
import type { Step } from '../pipeline.js';
import type { KnownPass, PassChoice } from '../run/steps.js';

/**
 * A run's passes, loaded: the config file's pass names and options are checked against every
 * pass the run may use first, so that its mistakes are reported with their lines. `seen` is
 * given those passes too.
 */
export async function loadSteps(choice: PassChoice, config: Config | null | undefined, seen?: (known: readonly KnownPass[]) => void): Promise<Step[]> {
  const [{ resolveSteps }, { checkPasses }] = await Promise.all([import('../run/steps.js'), import('../config.js')]);
  return resolveSteps(choice, async (known) => {
    seen?.(known);
    if (config) await checkPasses(config, known.map((k) => k.pass));
  });
}
