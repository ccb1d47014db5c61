import { builtinPasses } from '../passes/registry.js';
import type { Pass } from '../passes/pass.js';
import { loadPlugins, UsageError } from '../run/steps.js';

interface Listed { pass: Pass<any>; file?: string }

/** Every built-in pass in default order, then the plugin passes from --plugin or the config. */
export async function runPasses(opts: { json?: boolean; plugin?: string[] }): Promise<number> {
  let plugins: Listed[];
  try {
    plugins = await loadPlugins(opts.plugin ?? []);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bulletin: ${err.message}\n`);
    return 2;
  }
  const all: Listed[] = [...builtinPasses.map((pass) => ({ pass })), ...plugins];
  if (opts.json) {
    const list = all.map(({ pass: p, file }) => ({ name: p.name, description: p.description, defaults: p.defaults ?? {}, ...(file ? { plugin: file } : {}) }));
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...all.map((p) => p.pass.name.length));
  const pad = `    ${' '.repeat(width)}  `;
  const lines = all.map(({ pass: p, file }, i) => {
    const opts = Object.entries(p.defaults ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    return `${String(i + 1).padStart(2)}. ${p.name.padEnd(width)}  ${p.description ?? ''}` +
      (file ? `\n${pad}plugin: ${file}` : '') +
      (opts ? `\n${pad}options: ${opts}` : '');
  });
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
