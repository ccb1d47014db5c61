// Run by `npm test` before the suite: the recipe tests drive jq, git and script(1) as a user's
// shell would, and the review site's test drives a headless Chromium (Debian's, which
// playwright-core is pointed at: no browser is downloaded) with a font for Chinese text, so
// that its screenshot shows the page. A fresh machine may lack them; they come from Debian's
// packages, as the README's set-up promises, so a missing one is installed here rather than
// letting its tests fail.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const NEEDED = [
  ['jq', 'jq'],
  ['git', 'git'],
  ['script', 'bsdutils'],
  ['chromium', 'chromium'],
  // a file, not a command: the font the screenshot's Chinese text is drawn in
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'fonts-wqy-microhei'],
];
const has = (cmd) => (cmd.startsWith('/') ? fs.existsSync(cmd) : spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0);
const missing = NEEDED.filter(([cmd]) => !has(cmd));
if (missing.length) {
  const packages = missing.map(([, pkg]) => pkg);
  console.error(`test tools missing: ${missing.map(([cmd]) => cmd).join(', ')}; installing Debian's ${packages.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => spawnSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit' }).status === 0;
  if (!run(['apt-get', 'update', '-qq']) || !run(['apt-get', 'install', '-y', '-qq', ...packages]) || missing.some(([cmd]) => !has(cmd))) {
    console.error(`could not install ${packages.join(' ')}: install them (apt-get install ${packages.join(' ')}) and run npm test again`);
    process.exit(1);
  }
}
