// Decisions shared by both dialects: which of an article's parts get printed (kicker,
// subtitle, byline or trailing credit, source note, captions, dateline), and the gold
// article that follows from exactly those decisions.
import { joinDateline } from './bank.mjs';
import { hash32 } from './prng.mjs';

export const NAMES = ['林涛', '许可', '韩雪梅', '程立', '邵文', '罗一帆', '顾言', '孟川', '苏晓', '唐宁', '黎明远', '方舟', '贺兰', '钟毓', '白桦', '严冬', '秦岚', '殷实', '甘露', '钱程'];
export const PLACES = ['云屏', '桐溪', '望川', '南屿', '江屿', '青岚', '柏溪', '临峰', '石湾', '兰汀', '沙洲', '北岭'];
export const SECTIONS = ['地方动态', '基层传真', '工作交流', '一线故事', '政策速递', '他山之石', '社工视角', '公益观察', '民生热点', '各地简讯'];
export const LABELS_CJK = ['要闻', '关注', '综合', '聚焦', '视点', '一线', '动态', '专题', '民生', '观察', '快讯', '资讯', '本期导读', '社工天地'];
export const LABELS_LATIN = ['News', 'Focus', 'View', 'Info', 'Top'];

/** a dateline the generator writes itself, when a layout needs one and the bank gave none */
export function synthDateline(rng) {
  const place = rng.pick(PLACES), m = rng.int(1, 12), d = rng.int(1, 28), name = rng.pick(NAMES);
  return rng.weighted([
    ['本报讯', 3],
    [`本报讯（记者 ${name}）`, 2],
    [`本报讯（通讯员 ${name}）`, 1],
    [`本报${place}${m}月${d}日电`, 2],
    [`本报${place}${m}月${d}日电（记者 ${name}）`, 3],
    [`据《${place}日报》报道`, 1],
  ]);
}

/**
 * Prepare one article for a page: the printed parts and their tags. `opt` carries the
 * layout's wishes (forceDateline), `p` the dialect's probabilities.
 */
export function prepareArticle(rng, src, p, opt = {}) {
  const tags = new Set();
  const a = { src, id: src.id, tags };
  a.headline = src.headline;
  a.headlinePrint = src.print?.headline ?? src.headline;
  a.kicker = src.kicker && rng.chance(p.kicker) ? src.kicker : null;
  a.kickerPrint = a.kicker ? src.print?.kicker ?? src.kicker : null;
  a.subtitle = src.subtitle && rng.chance(p.subtitle) ? src.subtitle : null;
  a.subtitlePrint = a.subtitle ? src.print?.subtitle ?? src.subtitle : null;
  // kickers often end in "——" or "：", subtitles often start with "——" (OUTPUT.md, issue 13);
  // the banks rarely write them, so the layout adds them to what it prints (and to the gold)
  if (a.kicker && !/(——|：)$/.test(a.kicker) && rng.chance(0.55)) {
    const m = rng.chance(0.7) ? '——' : '：';
    a.kicker += m; a.kickerPrint += m; tags.add('kicker:mark-added');
  }
  if (a.subtitle && !/^——/.test(a.subtitle) && rng.chance(0.45)) {
    a.subtitle = '——' + a.subtitle; a.subtitlePrint = '——' + a.subtitlePrint; tags.add('subtitle:mark-added');
  }

  // byline printed before the body, or a trailing credit, never both (the gold has one byline)
  a.byline = null; a.credit = null;
  if (src.byline && src.credit) { if (rng.chance(0.6)) a.byline = src.byline; else a.credit = src.credit; }
  else if (src.byline) a.byline = rng.chance(p.byline) ? src.byline : null;
  else if (src.credit) a.credit = rng.chance(p.credit) ? src.credit : null;
  a.bylineBullet = rng.chance(0.85);
  // a feature's byline may carry the writer's mark, `文/本报记者 某某`, set without a bullet
  // (chosen by hash, so that the rest of the page is drawn as before)
  if (a.byline && /^(?:本报)?记者/.test(a.byline) && hash32(`writer-mark\u0001${a.byline}\u0001${src.headline ?? ''}`) % 8 === 0) {
    a.byline = '文/' + a.byline; a.bylineBullet = false; tags.add('byline:writer-mark');
  }
  // a source note; with a credit as well, one of them (a page prints one bracket at the end)
  a.attribution = src.attribution && rng.chance(p.attribution) ? src.attribution : null;
  if (a.attribution && a.credit) { if (rng.chance(0.5)) a.credit = null; else a.attribution = null; }
  a.noteInline = rng.chance(p.noteInline);

  // dateline
  a.dateline = src.dateline;
  if (!a.dateline && opt.forceDateline) { a.dateline = synthDateline(rng); tags.add('dateline:synth'); }
  a.paras = src.paragraphs.slice();
  if (a.dateline) { a.paras[0] = joinDateline(a.dateline, a.paras[0]); tags.add('dateline'); }
  a.subheads = { ...src.subheads };

  // captions: printed ones, each with the paragraph it interrupts
  a.captions = [];
  for (const c0 of src.captions) {
    if (!rng.chance(p.caption)) continue;
    let c = c0;
    if (!/摄[）)]?$/.test(c) && rng.chance(0.35)) c = rng.chance(0.6) ? `${c} ${rng.pick(NAMES)} 摄` : `${c}（${rng.pick(NAMES)} 摄）`;
    if (/摄[）)]?$/.test(c)) tags.add('caption:credit');
    a.captions.push({ text: c });
  }
  return a;
}

/** the gold article for what was printed */
export function goldArticle(a, section = null) {
  const body = [];
  a.paras.forEach((t, j) => {
    if (a.subheads[j]) body.push({ kind: 'subhead', text: a.subheads[j] });
    body.push({ kind: 'paragraph', text: t });
  });
  const subheadlines = [];
  if (a.kickerPrinted) subheadlines.push(a.kicker);
  if (a.subtitlePrinted) subheadlines.push(a.subtitle);
  return {
    headline: a.headlinePrinted ? a.headline : null,
    subheadlines,
    byline: a.byline ?? a.credit ?? null,
    section,
    body,
    captions: a.captions.filter((c) => c.printed).sort((x, y) => x.order - y.order).map((c) => c.text),
    attribution: a.attribution ?? null,
  };
}

export function articleTags(a) {
  const t = a.tags;
  if (a.kickerPrinted) { t.add('kicker'); if (/——$/.test(a.kicker)) t.add('kicker:dash'); else if (/：$/.test(a.kicker)) t.add('kicker:colon'); }
  if (a.subtitlePrinted) { t.add('subtitle'); if (/^——/.test(a.subtitle)) t.add('subtitle:dash'); }
  if (a.byline) t.add(a.bylineBullet ? 'byline' : 'byline:bare');
  if (a.credit) { t.add('credit'); if (a.noteInline) t.add('credit:inline'); }
  if (a.attribution) { t.add('attribution'); if (a.noteInline) t.add('attribution:inline'); }
  if (Object.keys(a.subheads).length) t.add('subhead');
  return [...t].sort();
}
