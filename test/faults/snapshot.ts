import fs from 'node:fs';
import path from 'node:path';

/** Every entry below dir, not following links: relative path -> what it is (link target, bytes, dir). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (p: string, rel: string) => {
    for (const name of fs.readdirSync(p).sort()) {
      const full = path.join(p, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) out[r] = `link -> ${fs.readlinkSync(full)}`;
      else if (st.isDirectory()) {
        out[r] = 'dir';
        visit(full, r);
      } else if (st.isFile()) out[r] = `file ${fs.readFileSync(full).toString('base64')}`;
      else out[r] = 'special';
    }
  };
  visit(dir, '');
  return out;
}

