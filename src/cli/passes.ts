import { builtinPasses } from '../passes/registry.js';

export function runPasses(opts: { json?: boolean }): number {
  if (opts.json) {
    const list = builtinPasses.map((p) => ({ name: p.name, description: p.description, defaults: p.defaults }));
    process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...builtinPasses.map((p) => p.name.length));
  const lines = builtinPasses.map((p, i) => {
    const opts = Object.entries(p.defaults).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    return `${String(i + 1).padStart(2)}. ${p.name.padEnd(width)}  ${p.description}${opts ? `\n    ${' '.repeat(width)}  options: ${opts}` : ''}`;
  });
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
