import { Rng } from './prng.mjs';
// Headline forms added for issue 13 from pages made by people who had not seen the code
// (briefs/synth3): strings and small decisions both dialects share. Every choice here is
// drawn from the page's own "forms" stream (page.mjs), so a page that shows none of these
// forms is byte for byte the page the generator made before they existed.

/**
 * Short figurative main headlines (主题, 3–7 characters) for bank articles, keyed by bank id,
 * written for this synthesizer (briefs/synth3), not taken from any page: newspapers often
 * set a short image as the main headline and the descriptive sentence as the subtitle
 * (副题) under it. Pure Han, so any of them can be letter-spaced by a converter.
 */
export const SHORT_HEADLINES = {
  'bank-a:a001': '时间能存取', 'bank-a:a002': '扶稳回家路', 'bank-a:a003': '数据种菜',
  'bank-a:a004': '候鸟回家', 'bank-a:a007': '田埂上的课', 'bank-a:a008': '云上看病',
  'bank-a:a009': '古镇不夜', 'bank-a:a011': '车位商量出来', 'bank-a:a013': '银发护学路',
  'bank-a:a014': '撑起一片天', 'bank-a:a016': '荒坡披绿装', 'bank-a:a018': '飞进田间',
  'bank-a:a020': '健康有人管', 'bank-a:a021': '指尖绣生活', 'bank-a:a023': '跑腿暖民心',
  'bank-a:a025': '一路有陪伴', 'bank-a:a026': '一碗暖心饭', 'bank-a:a028': '清水回来了',
  'bank-a:a032': '护佑新生', 'bank-a:a035': '旧楼焕新颜', 'bank-a:a036': '练在平时',
  'bank-a:a037': '点亮暑假', 'bank-a:a038': '工坊里的笑脸', 'bank-a:a040': '江豚回来了',
  'bank-a:a044': '家门口的中医', 'bank-a:a047': '议出一部电梯', 'bank-a:a050': '指尖上的救助',
  'bank-a:a052': '积分攒出新风', 'bank-a:a055': '掌握一技之长', 'bank-a:a056': '与时间赛跑',
  'bank-a:a057': '老宅新生', 'bank-a:a059': '邻里和为贵', 'bank-a:a060': '风雨同舟',
  'bank-b:b006': '看得见的安心', 'bank-b:b014': '家门口上班', 'bank-b:b015': '书香进山村',
  'bank-b:b022': '空中护林', 'bank-b:b029': '法庭开到田间', 'bank-b:b032': '爱心驿站',
  'bank-b:b033': '托起幼小', 'bank-b:b041': '上楼不再难', 'bank-b:b046': '欠薪追回来',
  'bank-b:b049': '积蓄化春雨', 'bank-b:b050': '温暖的港湾', 'bank-b:b051': '英雄回家路',
  'bank-dev:dev-01': '饭香进街巷', 'bank-dev:dev-02': '充电再出发', 'bank-dev:dev-04': '互助有存折',
  'bank-dev:dev-05': '连夜转移', 'bank-dev:dev-08': '巷子里的管家', 'bank-dev:dev-09': '安全不松劲',
  'bank-dev:dev-10': '求助一键达', 'bank-dev:dev-11': '护苗有站点',
};

/**
 * Topic rubrics (栏目 labels of 2–4 characters) a page sets over its first article, chosen
 * from the article's own words so that the rubric fits the story; the generator writes them.
 */
const RUBRICS = [
  [/残疾|助残|残障/, '助残'], [/留守|儿童|托育|未成年/, '护苗'], [/老人|养老|老年|银发/, '养老'],
  [/救助|低保|困难群众/, '救助'], [/就业|招聘|岗位|技能/, '就业'], [/志愿/, '志愿服务'],
  [/社工/, '社工'], [/学校|学生|课堂|教育/, '教育'], [/小区|社区|居民/, '社区'],
  [/草原|河道|生态|森林|矿山/, '生态'], [/乡村|农民|农田|种植/, '乡村振兴'], [/非遗|古镇|文旅|博物馆/, '文旅'],
];
export function rubricFor(src, fallback) {
  const text = [src.headline, ...src.paragraphs].join('');
  for (const [re, r] of RUBRICS) if (re.test(text)) return r;
  return fallback;
}

/**
 * Take off the marks a kicker or subtitle got from the layout (kicker:mark-added,
 * subtitle:mark-added); a bank string that carries its own mark is not printed at all,
 * since these forms are the ones where nothing marks the group's lines.
 */
export function unmarkGroup(a) { unmarkKicker(a); unmarkSubtitle(a); }
/** what unmarkGroup would leave, without changing the article */
export function unmarkedGroup(a) {
  const b = { kicker: a.kicker, kickerPrint: a.kickerPrint, subtitle: a.subtitle, subtitlePrint: a.subtitlePrint, tags: new Set(a.tags) };
  unmarkGroup(b);
  return b;
}
export function unmarkKicker(a) {
  if (a.kicker && a.tags.has('kicker:mark-added')) {
    a.kicker = a.kicker.replace(/(——|：)$/, ''); a.kickerPrint = a.kickerPrint.replace(/(——|：)$/, '');
    a.tags.delete('kicker:mark-added');
  }
  if (a.kicker && /(——|：)$/.test(a.kicker)) { a.kicker = null; a.kickerPrint = null; }
}
export function unmarkSubtitle(a) {
  if (a.subtitle && a.tags.has('subtitle:mark-added')) {
    a.subtitle = a.subtitle.replace(/^——/, ''); a.subtitlePrint = a.subtitlePrint.replace(/^——/, '');
    a.tags.delete('subtitle:mark-added');
  }
  if (a.subtitle && /^——/.test(a.subtitle)) { a.subtitle = null; a.subtitlePrint = null; }
}

/** the phrase spaces of a two-phrase headline ("暴雪过后 电力抢修…"), which a comma may replace */
export const PHRASE_SPACE = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;

/**
 * The page's editors credited on a line of its own at the foot (`本版编辑：林涛`,
 * `责任编辑：许可 美术编辑：程立`): page furniture. Drawn from a generator of its own, keyed by
 * the page's first headline, so that the rest of the page is drawn as before. Returns the
 * printed line and its canonical text, or null for a page without one.
 */
export function editorCredit(key, names, halfWidth = false) {
  const rng = Rng.for('editor-credit', key);
  if (!rng.chance(0.2)) return null;
  const roles = rng.pick([['本版编辑'], ['责任编辑'], ['本版责编', '美编'], ['责任编辑', '美术编辑'], ['本版编辑', '校对']]);
  const joiner = rng.pick([' ', '', '  ']);
  const colon = halfWidth ? ':' : '：';
  const credits = roles.map((r) => `${r}${colon}${rng.pick(names)}`);
  // the desk's telephone or mail after the names, at times
  if (rng.chance(0.3)) credits.push(rng.chance(0.6) ? `电话${colon}010-${rng.int(50000000, 69999999)}` : `邮箱${colon}desk${rng.int(1, 99)}@bulletin.cn`);
  const printed = credits.join(joiner);
  return { printed, canonical: printed.replace(/:/g, '：').replace(/\s+/g, ' ') };
}

/**
 * The issue's date as a running head prints it at the top of a page (`2024年3月8日 星期五`,
 * with its issue number `第10期` at times): page furniture. A generator of its own, keyed by
 * the page's first headline, as editorCredit. Null for a page without one.
 */
export function issueDate(key) {
  const rng = Rng.for('issue-date', key);
  if (!rng.chance(0.2)) return null;
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const weekday = rng.pick(['一', '二', '三', '四', '五', '六', '日']);
  const issue = rng.chance(0.3) ? ` 第${rng.int(1, 52)}期` : '';
  const dotted = rng.chance(0.25);
  const canonical = dotted ? `2024.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}` : `2024年${month}月${day}日 星期${weekday}${issue}`;
  // OCR and converters alike may set spaces round the digits
  const printed = !dotted && rng.chance(0.3) ? canonical.replace(/(\d+)/g, ' $1 ').replace(/\s+/g, ' ').trim() : canonical;
  // the page's number over it, at times
  const folio = rng.chance(0.5) ? String(rng.int(1, 16)).padStart(2, '0') : null;
  // a raw page may keep the running head on one line, its pieces set far apart across the page
  // (or run together, a space apart: `05 2024年3月8日 星期五`)
  const gap = folio && rng.chance(0.4) ? rng.int(6, 30) : 0;
  const joined = folio !== null && gap === 0 && rng.chance(0.35);
  return { printed, canonical, folio, gap, joined };
}
