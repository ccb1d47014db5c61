// Runs ../shared/tools/check-gold.mjs on generated pages.
//  - 'inproc' (default): the checker's own source, evaluated in this process with its three
//    globals (fs, process.argv/exit, console) supplied; no logic of it is repeated here.
//    Starting node for each page costs ~0.3 s on this machine, which would make 1,000 pages
//    take minutes. If the checker ever imports anything but node:fs, this falls back to spawn.
//  - 'spawn': `node check-gold.mjs GOLD PAGE` per page, in parallel (full fidelity, slow).
import fs from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';

const EXIT = Symbol('exit');

export function makeChecker(checkPath, mode = 'inproc') {
  if (mode === 'none') return null;
  if (mode === 'inproc') {
    const src = fs.readFileSync(checkPath, 'utf8').replace(/^#!.*\n/, '');
    const body = src.replace(/^import fs from ['"]node:fs['"];?[ \t]*$/m, '');
    if (!/^\s*import\s/m.test(body) && !/\bimport\s*\(/.test(body)) {
      const fn = new Function('fs', 'process', 'console', `"use strict";\n${body}`);
      return {
        mode,
        async run(jobs) {
          const results = [];
          for (const [gold, page] of jobs) {
            const logs = []; let code = 0;
            const proc = { argv: [process.execPath, checkPath, gold, page], exit: (c) => { code = c ?? 0; throw EXIT; } };
            const cons = { log: (...a) => logs.push(a.join(' ')), error: (...a) => logs.push(a.join(' ')) };
            try { fn(fs, proc, cons); } catch (e) { if (e !== EXIT) { code = 2; logs.push(String(e?.stack ?? e)); } }
            results.push({ gold, page, code, output: logs.join('\n') });
          }
          return results;
        },
      };
    }
    mode = 'spawn';
  }
  return {
    mode,
    async run(jobs) {
      const results = new Array(jobs.length);
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const k = next++;
          const [gold, page] = jobs[k];
          results[k] = await new Promise((resolve) => {
            const ch = spawn(process.execPath, [checkPath, gold, page], { stdio: ['ignore', 'pipe', 'pipe'] });
            let output = '';
            ch.stdout.on('data', (d) => { output += d; });
            ch.stderr.on('data', (d) => { output += d; });
            ch.on('close', (code) => resolve({ gold, page, code, output: output.trim() }));
          });
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, os.cpus().length) }, worker));
      return results;
    },
  };
}
