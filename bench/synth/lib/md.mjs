// The "markdown" dialect: PDF-to-Markdown converter output (see the seeds 001 and 003).
import { halfWidth, fullWidthAlnum, strayGlyphs, graphemes, isAscii, isClose, isOpen, SENTENCE_END, widthOf, breakHeadline, letterSpace } from './text.mjs';
import { prepareArticle, goldArticle, articleTags, SECTIONS, NAMES } from './article.mjs';
import { SHORT_HEADLINES, unmarkKicker, editorCredit, issueDate } from './forms.mjs';

const P = { kicker: 0.75, subtitle: 0.85, byline: 0.9, credit: 0.9, attribution: 0.9, noteInline: 0.5, caption: 0.7 };

/** a position inside a paragraph where a page or a picture may cut it: mid-sentence */
/** a caption's closing credit: `某某 摄` after a space, or `（某某 摄）` */
const CREDIT_TAIL = /^(.*[^\s])(\s?)((?:（[^（）]*摄）)|(?:(?<=\s)\S{2,4} 摄))$/u;

/** FNV-1a of a string: a stable choice made from text alone */
function textHash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function cutPoint(rng, text) {
  const g = graphemes(text);
  if (g.length < 24) return null;
  const ks = [];
  for (let k = Math.floor(g.length * 0.2); k < Math.floor(g.length * 0.85); k++) {
    const a = g[k - 1], b = g[k];
    if (a === ' ' || b === ' ' || (isAscii(a) && isAscii(b)) || SENTENCE_END.test(a) || isClose(b) || isOpen(a)) continue;
    ks.push(k);
  }
  if (!ks.length) return null;
  const k = rng.pick(ks);
  return [g.slice(0, k).join(''), g.slice(k).join('')];
}

export function composeMd(rng, srcs, frng) {
  const n = srcs.length;
  const pageTags = new Set(['dialect:md']);
  const furniture = [];
  const none = new Set();
  // an article printed with no heading of its own, run on after the previous one's last paragraph
  if (n >= 2 && rng.chance(0.15)) none.add(rng.int(1, n - 1));
  const arts = srcs.map((s, i) => prepareArticle(rng, s, P, { forceDateline: none.has(i) }));
  for (const i of none) {
    const prev = arts[i - 1];
    if (rng.chance(0.7)) { prev.attribution = null; prev.credit = null; }
    arts[i].byline = null;
  }

  // sections: a run of "### " articles under a "## " section heading
  const section = new Array(n).fill(null);
  if (n >= 3 && rng.chance(0.4)) {
    const s = rng.int(0, n - 2);
    const e = rng.chance(0.3) && n - s > 2 ? rng.int(s + 2, n - 1) : n;
    const name = rng.pick(SECTIONS);
    for (let i = s; i < e; i++) section[i] = name;
    if (e < n - 1 && rng.chance(0.4)) { const name2 = rng.pick(SECTIONS.filter((x) => x !== name)); for (let i = e + 1; i < n; i++) section[i] = name2; }
  }
  for (const i of none) if (section[i] !== section[i - 1]) none.delete(i); // a new section heading would be a boundary
  arts.forEach((a, i) => { if (!none.has(i)) a.form = chooseForm(frng, a); });

  const hw = rng.chance(0.88) ? 1 : rng.chance(0.5) ? 0.5 : 0;
  const hwMarks = rng.chance(0.3) ? '，：；（）？！' : '，：；（）';
  const fullP = rng.chance(0.04) ? 0.5 : 0, strayP = rng.chance(0.04) ? 0.005 : 0;
  const H = (s) => {
    let t = halfWidth(s, rng, hw, hwMarks);
    if (fullP) t = fullWidthAlnum(t, rng, fullP);
    if (strayP) t = strayGlyphs(t, rng, strayP);
    return t;
  };
  if (hw) pageTags.add('half-width-md');
  if (fullP) pageTags.add('fullwidth-alnum');
  if (strayP) pageTags.add('stray-glyph');
  const runningHeadP = 0.12;

  const out = [];
  const blank = () => { if (out.length && out[out.length - 1] !== '') out.push(''); };
  if (rng.chance(0.6)) out.push('', '');
  let pageBreaks = rng.weighted([[0, 3], [1, 4], [2, 2]]);

  arts.forEach((a, i) => {
    const sec = section[i];
    if (i > 0) { blank(); for (let k = rng.int(0, 2); k > 0; k--) out.push(''); }
    if (sec && sec !== section[i - 1]) {
      out.push(`## ${sec}`, '');
      for (let k = rng.int(0, 1); k > 0; k--) out.push('');
    }
    const level = sec ? 3 : i === 0 && rng.chance(0.5) ? 1 : 2;
    const hashes = '#'.repeat(level);
    if (!none.has(i) && a.form) printForm(frng, a, level, H, out);
    else if (!none.has(i)) {
      if (a.kicker) {
        // a kicker set as a heading only when it carries its mark; a bare one is a plain line
        if (/(——|：)$/.test(a.kicker) && rng.chance(0.6)) { out.push(`${hashes} ${H(a.kickerPrint)}`, ''); a.tags.add('kicker:md-heading'); }
        else out.push(H(a.kickerPrint), '');
        a.kickerPrinted = true;
      }
      out.push(`${hashes} ${H(a.headlinePrint)}`, '');
      a.headlinePrinted = true; a.tags.add('headline:before');
      if (a.subtitle) {
        const r = rng.float();
        if (r < 0.45) { out.push(`${hashes} ${H(a.subtitlePrint)}`, ''); a.tags.add('subtitle:md-heading'); }
        else if (r < 0.7 && level < 4) { out.push(`${'#'.repeat(level + 1)} ${H(a.subtitlePrint)}`, ''); a.tags.add('subtitle:md-heading'); }
        else out.push(H(a.subtitlePrint), '');
        a.subtitlePrinted = true;
      }
    } else {
      a.tags.add('headline:none');
      if (a.dateline && !arts[i - 1].attribution && !arts[i - 1].credit) a.tags.add('boundary:dateline-no-headline');
    }
    if (sec) a.tags.add('section-md');
    if (a.byline) out.push(a.bylineBullet ? `■ ${a.byline}` : a.byline, '');

    const note = a.attribution ? `（${a.attribution}）` : a.credit ? `（${a.credit}）` : null;
    const caps = a.captions.map((c) => ({ c, para: rng.int(0, a.paras.length - 1), between: rng.chance(0.15) }));
    // A converter may keep a caption's credit on a line of its own, right under the caption
    // (`…觅食` + `某某 摄`): the caption is the two lines joined, no space between.
    // (decided by the caption's own text, not a draw of the page's generator, so that the
    // pages generated before this form existed stay as they were)
    const captionLines = (cap, art) => {
      const m = CREDIT_TAIL.exec(cap.text);
      if (!m || textHash(cap.text + art.headline) % 10 >= 4) return [H(cap.text)];
      cap.text = m[1] + m[3];
      art.tags.add('caption:md-credit-line');
      return [H(m[1]), H(m[3])];
    };
    let order = 0;
    a.paras.forEach((text, j) => {
      if (a.subheads[j]) {
        if (rng.chance(0.35)) { out.push(`${'#'.repeat(Math.min(4, level + 1))} ${H(a.subheads[j])}`, ''); a.tags.add('subhead:md-heading'); }
        else out.push(H(a.subheads[j]), '');
      }
      const last = j === a.paras.length - 1;
      let printed = H(text) + (last && note && a.noteInline ? H(note) : '');
      const mine = caps.filter((x) => x.para === j);
      const pieces = [printed];
      const inserts = [];
      for (const x of mine) {
        if (x.between) { inserts.push({ after: true, lines: [H(x.c.text)], cap: x.c }); continue; }
        const cut = cutPoint(rng, pieces[pieces.length - 1]);
        if (!cut) { inserts.push({ after: true, lines: [H(x.c.text)], cap: x.c }); continue; }
        pieces.splice(pieces.length - 1, 1, cut[0], cut[1]);
        inserts.push({ at: pieces.length - 2, cap: x.c });
      }
      let pb = null;
      if (pageBreaks > 0 && rng.chance(0.35)) {
        const cut = cutPoint(rng, pieces[pieces.length - 1]);
        if (cut) { pieces.splice(pieces.length - 1, 1, cut[0], cut[1]); pb = pieces.length - 2; pageBreaks--; }
      }
      pieces.forEach((pc, k) => {
        out.push(pc);
        if (k === pieces.length - 1) return;
        const ins = inserts.find((x) => x.at === k);
        if (ins) {
          out.push('', '', '');
          out.push(...captionLines(ins.cap, a), '');
          ins.cap.printed = true; ins.cap.order = order++; a.tags.add('caption:md');
        } else if (k === pb) {
          out.push('');
          for (let q = rng.int(0, 2); q > 0; q--) out.push('');
          if (rng.chance(runningHeadP)) {
            const num = rng.int(2, 16);
            const [printedRh, canon] = rng.pick([[`— ${num} —`, `—${num}—`], [`第 ${num} 版`, `第${num}版`], [`${num}`, `${num}`]]);
            out.push(printedRh, ''); furniture.push(canon); pageTags.add('running-head');
          }
          a.tags.add('page-break-md');
        } else out.push('');
      });
      out.push('');
      for (const ins of inserts.filter((x) => x.after)) {
        out.push('', ...captionLines(ins.cap, a), '', '');
        ins.cap.printed = true; ins.cap.order = order++; a.tags.add('caption:md-between');
      }
    });
    if (note && !a.noteInline) out.push(H(note), '');
    while (out.length && out[out.length - 1] === '') out.pop();
  });

  // the issue's date in the running head, over everything else
  const date = issueDate(arts[0]?.headline ?? '');
  if (date) {
    out.unshift(...(date.folio ? [date.folio] : []), date.printed, '');
    furniture.unshift(...(date.folio ? [date.folio] : []), date.canonical);
    pageTags.add('furniture:issue-date');
    if (date.folio) pageTags.add('furniture:folio-top');
  }
  // the page's editors, credited at its foot
  const editors = editorCredit(arts[0]?.headline ?? '', NAMES, true);
  if (editors) { out.push('', editors.printed); furniture.push(editors.canonical); pageTags.add('furniture:editor-credit'); }
  return {
    text: out.join('\n') + (rng.chance(0.5) ? '\n' : ''),
    gold: { articles: arts.map((a, i) => goldArticle(a, section[i])), furniture },
    tags: { dialect: 'md', tags: [...pageTags].sort(), articles: arts.map((a) => ({ headline: a.headlinePrinted ? a.headline : null, src: a.id, tags: articleTags(a) })) },
  };
}

/**
 * One of the headline forms of briefs/synth3 for this article, or null; drawn from the page's
 * forms stream. Each form is a few % of markdown articles.
 */
function chooseForm(frng, a) {
  const short = SHORT_HEADLINES[a.id];
  const r = frng.float();
  // a kicker with no mark set as a smaller (deeper) heading above the main one
  if (r < 0.2 && a.kicker && !/(——|：)$/.test(a.src.kicker)) { unmarkKicker(a); return 'kicker-deeper'; }
  // the main headline over two headings of its own level
  if (r >= 0.2 && r < 0.25 && widthOf(a.headline) >= 10) { const parts = breakHeadline(a.headlinePrint, frng, 2); if (parts) { a.splitParts = parts; return 'headline-split'; } }
  // a short figurative main headline over the bank's headline as an unmarked subtitle
  if (r >= 0.25 && r < 0.33 && short) return 'short';
  return null;
}

function printForm(frng, a, level, H, out) {
  const hashes = '#'.repeat(level);
  a.headlinePrinted = true; a.tags.add('headline:before');
  if (a.form === 'kicker-deeper') {
    const deeper = Math.min(4, level + (frng.chance(0.5) ? 1 : 2));
    out.push(`${'#'.repeat(deeper)} ${H(a.kickerPrint)}`, '');
    a.kickerPrinted = true; a.tags.add('kicker:md-deeper');
    out.push(`${hashes} ${H(a.headlinePrint)}`, '');
    if (a.subtitle) {
      // a subtitle as a heading of the kicker's level would make the group symmetric and
      // unreadable; it is a plain line or one level deeper than the headline, as on the seeds
      if (frng.chance(0.5) && level + 1 !== deeper) out.push(`${'#'.repeat(level + 1)} ${H(a.subtitlePrint)}`, '');
      else out.push(H(a.subtitlePrint), '');
      a.subtitlePrinted = true;
    }
    return;
  }
  if (a.form === 'headline-split') {
    if (a.kicker) { out.push(H(a.kickerPrint), ''); a.kickerPrinted = true; }
    for (const part of a.splitParts) out.push(`${hashes} ${H(part)}`, '');
    a.tags.add('headline:md-split');
    if (a.subtitle) {
      // never a third heading of the same level: the gold could not tell it from the headline
      if (frng.chance(0.5) && level < 4) out.push(`${'#'.repeat(level + 1)} ${H(a.subtitlePrint)}`, '');
      else out.push(H(a.subtitlePrint), '');
      a.subtitlePrinted = true;
    }
    return;
  }
  // 'short': the short headline is the main one; the bank's headline, unmarked, is the subtitle
  const src = a.src, short = SHORT_HEADLINES[a.id];
  a.subtitle = src.headline; a.subtitlePrint = src.print?.headline ?? src.headline;
  a.tags.delete('subtitle:mark-added');
  a.headline = short; a.headlinePrint = short;
  a.kicker = null; a.kickerPrint = null; a.tags.delete('kicker:mark-added');
  if (src.kicker && !/——$/.test(src.kicker) && frng.chance(0.4)) {
    const colon = /：$/.test(src.kicker) ? '' : '：';
    a.kicker = src.kicker + colon; a.kickerPrint = (src.print?.kicker ?? src.kicker) + colon;
    out.push(H(a.kickerPrint), ''); a.kickerPrinted = true; a.tags.add('short:kicker');
  }
  a.tags.add('headline:short');
  const spaced = frng.chance(0.5);
  if (spaced) a.tags.add('short:letter-spaced');
  out.push(`${hashes} ${spaced ? letterSpace(short) : short}`, '');
  out.push(`${'#'.repeat(Math.min(4, level + 1))} ${H(a.subtitlePrint)}`, '');
  a.subtitlePrinted = true;
}
