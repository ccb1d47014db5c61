// The floor: what reading every page, splitting its lines and writing one JSON line per page
// costs with no parsing at all. `bulletin parse` is judged against it.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.txt')) files.push(p);
  }
})(dir);

let pending = [];
let size = 0;
for (const f of files) {
  const lines = fs.readFileSync(f, 'utf8').split('\n');
  const line = JSON.stringify({ source: f, lines: lines.length, first: lines[0] }) + '\n';
  pending.push(line);
  size += line.length;
  if (size > 1 << 16) {
    fs.writeSync(1, pending.join(''));
    pending = [];
    size = 0;
  }
}
fs.writeSync(1, pending.join(''));
