// Writes a generated corpus: DIR/pages/NAME.txt, DIR/gold/NAME.json, DIR/tags.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBanks } from './bank.mjs';
import { generatePage } from './page.mjs';
import { makeChecker } from './check.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SYNTH = path.resolve(HERE, '..');
export const REPO = path.resolve(SYNTH, '../..');
export const SHARED = path.resolve(REPO, '../shared');

export async function generateCorpus({ seed = 1, pages = 100, out, dialect = 'mix', check = 'inproc', texts = path.join(SYNTH, 'texts'), log = () => {} }) {
  const t0 = process.hrtime.bigint();
  const bank = loadBanks(texts);
  if (bank.articles.length < 8) throw new Error(`only ${bank.articles.length} usable articles in ${texts}`);
  for (const r of bank.rejected) log(`bank: skipped ${r.id ?? r.file}: ${r.problems.join('; ')}`);
  const pagesDir = path.join(out, 'pages'), goldDir = path.join(out, 'gold');
  for (const d of [pagesDir, goldDir]) {
    fs.mkdirSync(d, { recursive: true });
    for (const f of fs.readdirSync(d)) if (/\.(txt|json)$/.test(f)) fs.unlinkSync(path.join(d, f));
  }
  const tags = {}, jobs = [];
  let nRaw = 0, nArticles = 0;
  for (let i = 0; i < pages; i++) {
    const p = generatePage(seed, i, bank.articles, { dialect });
    const txt = path.join(pagesDir, `${p.name}.txt`), gold = path.join(goldDir, `${p.name}.json`);
    fs.writeFileSync(txt, p.text);
    fs.writeFileSync(gold, JSON.stringify(p.gold, null, 1) + '\n');
    tags[p.name] = p.tags;
    jobs.push([gold, txt]);
    if (p.dialect === 'raw') nRaw++;
    nArticles += p.gold.articles.length;
  }
  const genMs = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.writeFileSync(path.join(out, 'tags.json'), JSON.stringify({
    seed, pages, dialect,
    bank: { sources: bank.sources, rejected: bank.rejected.map((r) => ({ id: r.id ?? r.file, problems: r.problems })), canonicalized: bank.canonicalized },
    pagesTags: tags,
  }, null, 1) + '\n');
  let failures = [];
  let checkMs = 0, checkMode = 'none';
  const checker = makeChecker(path.join(SHARED, 'tools/check-gold.mjs'), check);
  if (checker) {
    const t1 = process.hrtime.bigint();
    checkMode = checker.mode;
    const res = await checker.run(jobs);
    failures = res.filter((r) => r.code !== 0);
    checkMs = Number(process.hrtime.bigint() - t1) / 1e6;
  }
  return { out, pagesDir, goldDir, pages, raw: nRaw, md: pages - nRaw, articles: nArticles, genMs, checkMs, checkMode, failures, bank };
}
