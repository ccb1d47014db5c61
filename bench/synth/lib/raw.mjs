// The "raw" dialect: a page's columns as OCR left them (see the seeds 000, 002, 004).
import { wrap, spaceArtifacts, canLetterSpace, letterSpace, breakHeadline, widthOf, fullWidthAlnum, strayGlyphs, graphemes, isHan, SENTENCE_END } from './text.mjs';
import { prepareArticle, goldArticle, articleTags, LABELS_CJK, LABELS_LATIN, NAMES } from './article.mjs';
import { Rng } from './prng.mjs';
import { rubricFor, unmarkGroup, unmarkedGroup, PHRASE_SPACE, SHORT_HEADLINES, editorCredit, issueDate } from './forms.mjs';

/** column labels set in mid-page over a run of short reports */
const COLUMN_LABELS = ['简讯', '快讯', '短波', '动态', '地方传真', '基层动态', '各地简讯', '志愿者风采', '基层新气象'];
const P = { kicker: 0.85, subtitle: 0.85, byline: 0.9, credit: 0.9, attribution: 0.9, noteInline: 0.45, caption: 0.75 };
const LEAD = '\uFFFD \uFFFD ';
const WIDTHS = { 5: 1, 6: 2, 7: 2, 8: 2, 9: 2, 10: 3, 11: 4, 12: 4, 13: 4, 14: 3 };
const halfComma = (s, rng, p) => {
  if (p <= 0) return s;
  const g = graphemes(s);
  for (let i = 1; i < g.length - 1; i++) if (g[i] === '，' && (isHan(g[i - 1]) || isHan(g[i + 1])) && rng.chance(p)) g[i] = ',';
  return g.join('');
};

export function composeRaw(rng, srcs, others, frng) {
  const n = srcs.length;
  const pageTags = new Set(['dialect:raw']);
  const furniture = [];

  // ---- where each headline goes
  const pos = srcs.map(() => rng.weighted({ before: 50, top: 20, after: 13, far: 7, none: 6 }));
  const runIn = n >= 2 && rng.chance(0.3) ? rng.int(1, n - 1) : -1;
  if (runIn >= 0) pos[runIn] = rng.weighted({ none: 3, top: 1, far: 1 });
  if (runIn > 0 && pos[runIn - 1] === 'after') pos[runIn - 1] = 'before';
  // a topic rubric (2–4 characters) alone on the first line, directly over the first
  // article's headline with no blank: no teasers or headline list, so the first headline is
  // printed over its own body
  const rubricTop = frng.chance(0.06);
  if (rubricTop) { pos.forEach((p, i) => { if (p === 'top' || p === 'far') pos[i] = i === runIn ? 'none' : 'before'; }); pos[0] = 'before'; }
  let nTop = 0;
  pos.forEach((p, i) => { if (p === 'top' && ++nTop > 4) pos[i] = 'before'; });
  const hostOf = new Map(); // host index -> owner index of the far headline printed above it
  const farKind = [];
  pos.forEach((p, i) => {
    if (p !== 'far') return;
    const hosts = [];
    for (let j = 0; j < n; j++) if (j !== i && j !== runIn && ['top', 'after', 'none'].includes(pos[j]) && !hostOf.has(j)) hosts.push(j);
    if (hosts.length && rng.chance(0.75)) { hostOf.set(rng.pick(hosts), i); farKind[i] = 'above'; }
    else { pos[i] = 'top'; farKind[i] = 'top'; }
  });
  // a far wish that fell back to the top list: make it a list of one when the list is crowded
  if (farKind.includes('top') && pos.filter((p) => p === 'top').length > 1 && rng.chance(0.6)) {
    pos.forEach((p, i) => { if (p === 'top' && farKind[i] !== 'top') pos[i] = 'before'; });
    let kept = false;
    pos.forEach((p, i) => { if (p === 'top') { if (kept) pos[i] = 'before'; kept = true; } });
  }

  // ---- the articles' printed parts
  const leadP = rng.weighted([[0.9, 3], [0.5, 1], [0, 1]]); // seeds 000/004 mark most leads, 002 none
  const arts = srcs.map((s, i) => prepareArticle(rng, s, P, { forceDateline: i === runIn }));
  arts.forEach((a, i) => {
    a.pos = pos[i];
    a.width = Number(rng.weighted(WIDTHS));
    a.tags.add(a.width <= 7 ? 'width:5-7' : a.width <= 10 ? 'width:8-10' : 'width:11-14');
    a.indent = rng.weighted([[2, 85], [1, 5], [0, 10]]);
    a.letterSpace = rng.chance(a.width <= 6 ? 0.85 : a.width <= 8 ? 0.55 : a.width <= 10 ? 0.2 : 0);
    a.hangP = 0.25 + rng.float() * 0.4;
    a.sp = {
      pDigit: rng.weighted([[0, 2], [0.5, 2], [0.9, 4]]),
      pStop: rng.weighted([[0, 2], [0.5, 3], [0.85, 3]]),
      pComma: rng.weighted([[0, 4], [0.1, 3], [0.25, 1]]),
      pBefore: rng.weighted([[0, 8], [0.03, 2]]),
    };
    if (a.sp.pDigit >= 0.5) a.tags.add('digit-spaces');
    a.paraBlankP = 0.78 + rng.float() * 0.2;
    a.leadMarker = rng.chance(a.pos === 'before' ? leadP : Math.min(1, leadP + 0.2));
    if (a.width >= 10 && rng.chance(0.12)) {
      const from = rng.int(1, 8);
      a.stretch = { from, to: from + rng.int(6, 22), w: Math.max(5, Math.floor(a.width / 2) + rng.int(-1, 1)) };
    }
    a.captions.forEach((c) => { c.para = rng.int(0, a.paras.length - 1); });
  });
  if (runIn >= 0) {
    const a = arts[runIn], prev = arts[runIn - 1];
    a.leadMarker = false; a.byline = null;
    prev.attribution = null; prev.credit = null;
    hostOf.forEach((o, h) => { if (h === runIn) hostOf.delete(h); });
  }
  // every article after the first needs a printed cue that a new one starts (a headline right
  // above it, the previous one's headline or source note or credit below it, a lead marker, a
  // byline), as on the seeds; only the chosen run-in article is left with just its dateline
  arts.forEach((a, i) => {
    if (i === 0 || i === runIn) return;
    const prev = arts[i - 1];
    const cue = a.pos === 'before' || hostOf.has(i) || prev.pos === 'after' || a.leadMarker || a.byline || prev.attribution || prev.credit;
    if (!cue) a.leadMarker = true;
  });
  if (rubricTop) { const a = arts[0]; a.kicker = null; a.kickerPrint = null; a.tags.delete('kicker:mark-added'); a.tags.add('label:above-headline'); }
  arts.forEach((a, i) => { a.group = chooseGroupForm(frng, a, arts[i - 1], i, runIn, hostOf); });

  const out = [];
  let since = 0, colBase = rng.int(12, 40), colH = colBase;
  const blank = () => { if (out.length && out[out.length - 1] !== '') out.push(''); };
  const push = (s, ctx) => {
    if (since >= colH) {
      if (out.length && out[out.length - 1] !== '') { out.push(''); if (ctx?.mid) ctx.art.tags.add('column-break'); }
      since = 0; colH = Math.max(8, colBase + rng.int(-5, 5));
    }
    out.push(s); since++;
  };
  const leadSpaceP = rng.weighted([[0, 3], [0.5, 2], [1, 1]]);
  const halfP = rng.chance(0.15) ? 0.15 : 0;
  const fullP = rng.chance(0.06) ? 0.6 : 0;
  if (halfP) pageTags.add('half-width-raw');
  if (fullP) pageTags.add('fullwidth-alnum');
  const strayP = rng.chance(0.05) ? 0.01 : 0;
  if (strayP) pageTags.add('stray-glyph');

  // ---- top-of-page block
  const groups = [];
  let label = null;
  if (rng.chance(0.3) && !rubricTop) {
    const latin = rng.chance(0.5);
    label = rng.pick(latin ? LABELS_LATIN : LABELS_CJK);
    pageTags.add('label'); pageTags.add(latin ? 'label:latin' : 'label:cjk');
  }
  if (rubricTop) { label = rubricFor(srcs[0], frng.pick(LABELS_CJK)); pageTags.add('label'); pageTags.add('label:cjk'); }
  if (rng.chance(0.35) && !rubricTop) groups.push({ kind: 'teaser', lines: teaserLines(rng, others, pageTags) });
  const topIdx = pos.map((p, i) => (p === 'top' ? i : -1)).filter((i) => i >= 0);
  if (topIdx.length) {
    let order = rng.shuffle(topIdx);
    if (order.length >= 2 && order.every((x, k) => x === topIdx[k]) && rng.chance(0.85)) order = [...order.slice(1), order[0]];
    const spaced = rng.chance(0.45);
    const lines = [];
    for (const i of order) {
      const a = arts[i];
      a.headlinePrinted = true;
      a.tags.add('headline:top-list'); a.tags.add(`top-list:size-${order.length}`); a.tags.add(spaced ? 'top-list:blank-separated' : 'top-list:consecutive');
      let hl = [a.headlinePrint];
      if (spaced && widthOf(a.headline) >= 10 && rng.chance(0.2)) { const b = breakHeadline(a.headlinePrint, rng, 2); if (b) { hl = b; a.tags.add('headline:broken'); } }
      if (rng.chance(leadSpaceP)) { hl[0] = ' ' + hl[0]; a.tags.add('headline:lead-space'); }
      if (spaced && lines.length) lines.push('');
      lines.push(...hl.map((text) => ({ text, furniture: null })));
    }
    groups.push({ kind: 'list', lines });
    if (order.length === 1 && order[0] !== 0) { arts[order[0]].tags.add('headline:far'); arts[order[0]].tags.add('far:top-single'); }
  }
  const ordered = rng.shuffle(groups);
  if (label) ordered.unshift({ kind: 'label', lines: [{ text: (rng.chance(0.5) ? ' ' : '') + label, furniture: label }] });
  if (topIdx.length && (label || groups.some((g) => g.kind === 'teaser'))) pageTags.add('top-block:mixed');
  // a Han label with no teasers or headline list under it stands right over the articles
  // themselves: it is their column's heading (OUTPUT.md's section, `地方动态`), not the page's
  // label, unless the first story names it (a rubric for its topic); set apart by a blank line
  // (decided below), as a rubric set right on a headline is not
  let topSection = label !== null && !rubricTop && ordered.length === 1 && n >= 2 && !LABELS_LATIN.includes(label) && !namedBy(label, srcs[0]) ? label : null;
  ordered.forEach((g, k) => {
    if (k > 0 && rng.chance(0.7)) blank();
    for (const l of g.lines) {
      if (l === '') { blank(); continue; }
      push(l.text);
      if (l.furniture) for (const f of [].concat(l.furniture)) furniture.push(f);
    }
  });
  if (ordered.length && rng.chance(0.75) && !rubricTop) blank();
  if (topSection && out[out.length - 1] !== '') topSection = null;
  if (topSection) { furniture.splice(furniture.indexOf(topSection), 1); pageTags.add('section:top-label'); for (const a of arts) a.tags.add('section:top-label'); }

  // ---- a column's label in mid-page (`简讯`) over the page's last articles, their section:
  // drawn from a generator of its own, so that the pages without one are drawn as before
  const crng = Rng.for('raw-column-label', arts[0]?.headline ?? '', n);
  let columnFrom = -1;
  let columnLabel = null;
  if (n >= 3 && !rubricTop && crng.chance(0.15)) {
    const k = crng.int(1, n - 2);
    if (arts.every((a, j) => j < k || (pos[j] === 'before' && !hostOf.has(j) && j !== runIn))) { columnFrom = k; columnLabel = crng.pick(COLUMN_LABELS); }
  }

  // ---- the articles
  arts.forEach((a, i) => {
    if (i > 0 && out[out.length - 1] !== '') {
      const prev = arts[i - 1];
      const p = prev.pos === 'after' ? 0.5 : i === runIn ? a.paraBlankP : 0.85;
      if (i === columnFrom || a.group || rng.chance(p)) blank(); else if (prev.pos === 'after' && (a.pos === 'before' || hostOf.has(i))) prev.tags.add('after:then-headline');
    }
    if (i === columnFrom) {
      // a label of two characters is often spread across its line (`简 讯`)
      // (and a longer one is set in display type, spread across its line)
      const chars = [...columnLabel].length;
      push((chars === 2 && crng.chance(0.5)) || chars >= 5 ? [...columnLabel].join(' ') : columnLabel);
      blank();
      pageTags.add('section:raw-label');
    }
    if (columnFrom >= 0 && i >= columnFrom) a.tags.add('section:raw-label');
    if (hostOf.has(i)) {
      const owner = arts[hostOf.get(i)];
      owner.tags.add('headline:far'); owner.tags.add('far:above-unrelated');
      for (const l of groupLines(rng, owner, leadSpaceP)) push(l);
    }
    if (a.group) {
      // the group stands between blanks: a column break inside it would make it two groups
      a.tags.add('headline:before');
      if (since + a.group.length + 2 >= colH) since = 0; // and keep the lead's first lines with it
      for (const l of a.group) push(l);
      blank();
    } else if (a.pos === 'before') { a.tags.add('headline:before'); for (const l of groupLines(rng, a, leadSpaceP)) push(l); }
    if (a.byline) {
      if (rng.chance(0.7)) blank();
      push(a.bylineBullet ? `■ ${a.byline}` : a.byline);
      if (rng.chance(0.75)) blank();
    }
    renderBody(rng, a, push, blank, { halfP, fullP, strayP });
    if (a.pos === 'after') {
      a.tags.add('headline:after');
      if (rng.chance(0.6)) blank();
      for (const l of groupLines(rng, a, leadSpaceP)) push(l);
    }
  });
  for (const a of arts) if (!a.headlinePrinted) { a.pos = 'none'; a.tags.add('headline:none'); }
  // the issue's date in the running head, over everything else
  // (not over a topic rubric set on the first line: that stays the page's first line)
  const date = rubricTop ? null : issueDate(arts[0]?.headline ?? '');
  if (date) {
    const head = date.gap ? [date.folio + ' '.repeat(date.gap) + date.printed] : date.joined ? [`${date.folio} ${date.printed}`] : date.folio ? [date.folio, date.printed] : [date.printed];
    out.unshift(...head, '');
    if (date.gap) pageTags.add('furniture:gapped-head');
    if (date.joined) pageTags.add('furniture:joined-head');
    furniture.unshift(...(date.folio ? [date.folio] : []), date.canonical);
    pageTags.add('furniture:issue-date');
    if (date.folio) pageTags.add('furniture:folio-top');
  }
  // ---- the page's editors, credited at its foot
  const editors = editorCredit(arts[0]?.headline ?? '', NAMES, halfP > 0);
  if (editors) { blank(); out.push(editors.printed); furniture.push(editors.canonical); pageTags.add('furniture:editor-credit'); }
  if (rng.chance(0.5)) out.push('');

  // ---- boundaries, after the fact
  arts.forEach((a, i) => {
    if (i === 0) return;
    const prev = arts[i - 1];
    const cue = a.pos === 'before' || hostOf.has(i) || prev.pos === 'after' || a.leadMarker || a.byline || prev.attribution || prev.credit;
    if (!cue && a.dateline) a.tags.add(a.headlinePrinted ? 'boundary:run-in' : 'boundary:dateline-no-headline');
  });

  return {
    text: out.join('\n'),
    gold: { articles: arts.map((a, i) => goldArticle(a, columnFrom >= 0 && i >= columnFrom ? columnLabel : topSection)), furniture },
    tags: { dialect: 'raw', tags: [...pageTags].sort(), articles: arts.map((a) => ({ headline: a.headlinePrinted ? a.headline : null, src: a.id, tags: articleTags(a) })) },
  };
}

/** Whether a story's text holds more than half of a label's character pairs. */
function namedBy(label, src) {
  const chars = [...label];
  const text = [src.headline, ...src.paragraphs].join('');
  let named = 0;
  for (let i = 1; i < chars.length; i++) if (text.includes(chars[i - 1] + chars[i])) named++;
  return chars.length > 1 && named * 2 > chars.length - 1;
}

function groupLines(rng, a, leadSpaceP) {
  const L = [];
  if (a.kicker) { L.push(a.kickerPrint); a.kickerPrinted = true; }
  const h = a.headline, hp = a.headlinePrint, len = widthOf(h);
  let main = null;
  if (len >= 4 && len <= 16 && canLetterSpace(h) && rng.chance(0.15)) { main = [letterSpace(h)]; a.tags.add('headline:letter-spaced'); }
  else if ((len >= 10 && rng.chance(0.28)) || len > 22) {
    const parts = breakHeadline(hp, rng, len >= 16 && rng.chance(0.45) ? 3 : 2);
    if (parts) { main = parts; a.tags.add('headline:broken'); if (parts.length === 3) a.tags.add('headline:broken-3'); }
  }
  L.push(...(main ?? [hp]));
  a.headlinePrinted = true;
  if (a.subtitle) {
    let sub = [a.subtitlePrint];
    if (widthOf(a.subtitle) > 24) { const b = breakHeadline(a.subtitlePrint, rng, 2); if (b) sub = b; }
    L.push(...sub); a.subtitlePrinted = true;
  }
  if (rng.chance(leadSpaceP)) { L[0] = ' ' + L[0]; a.tags.add('headline:lead-space'); }
  return L;
}

function teaserLines(rng, others, pageTags) {
  const k = rng.weighted([[1, 3], [2, 4], [3, 2]]);
  const pool = rng.shuffle(others.filter((o) => widthOf(o.headline) <= 18 && !/[A-Za-z0-9]$/.test(o.headline)));
  const titles = pool.slice(0, k).map((o) => o.headline);
  if (!titles.length) return [];
  const dots = rng.chance(0.6) ? '……' : '';
  const loose = rng.chance(0.55);
  pageTags.add('teaser'); pageTags.add(dots ? 'teaser:dots' : 'teaser:no-dots');
  const items = titles.map((t) => {
    const num = rng.chance(0.7) ? String(rng.int(1, 16)).padStart(2, '0') : String(rng.int(2, 16));
    const printed = loose ? `${t}${dots ? ` ${dots} ` : ' '}${num} 版` : `${t}${dots}${num}版`;
    return { text: printed, furniture: `${t}${dots}${num}版` };
  });
  const lead = () => (rng.chance(0.5) ? ' ' : '');
  const lines = [];
  // a teaser with a second title line above it (seed 002): the extra line is furniture of its own
  if (pool[k] && rng.chance(0.15)) {
    const extra = pool[k].headline;
    pageTags.add('teaser:two-line');
    if (items.length >= 2 && rng.chance(0.5)) {
      // as on seed 002: "A 09 版B-kicker" / "B 08 版"
      const first = items.shift();
      lines.push({ text: lead() + first.text + extra, furniture: [first.furniture, extra] });
    } else lines.push({ text: lead() + extra, furniture: extra });
  }
  if (items.length >= 2 && rng.chance(0.4)) {
    const sep = rng.pick(['', ' ', '  ']);
    lines.push({ text: lead() + items.map((x) => x.text).join(sep), furniture: items.map((x) => x.furniture) });
    pageTags.add('teaser:one-line');
  } else {
    for (const x of items) lines.push({ text: lead() + x.text, furniture: x.furniture });
    pageTags.add(titles.length >= 2 ? 'teaser:several' : 'teaser:single');
  }
  return lines;
}

function renderBody(rng, a, push, blank, { halfP, fullP, strayP }) {
  const widthAt = (n) => (a.stretch && n >= a.stretch.from && n < a.stretch.to ? a.stretch.w : a.width);
  let lineNo = 0, order = 0;
  const note = a.attribution ? `（${a.attribution}）` : a.credit ? `（${a.credit}）` : null;
  const deco = (l, w) => {
    let s = l.text;
    if (l.justified && a.letterSpace && w <= 9 && canLetterSpace(s)) { a.tags.add('letter-spaced-body'); return s.length ? letterSpace(s) : s; }
    s = halfComma(s, rng, halfP);
    s = spaceArtifacts(s, rng, a.sp);
    if (fullP) s = fullWidthAlnum(s, rng, fullP);
    if (strayP) s = strayGlyphs(s, rng, strayP);
    return s;
  };
  a.paras.forEach((text, j) => {
    if (a.subheads[j]) {
      blank();
      const sh = a.subheads[j];
      let lines = [sh];
      if (widthOf(sh) > a.width || rng.chance(0.3)) {
        const b = breakHeadline(sh, rng, 2);
        if (b && b.every((x) => widthOf(x) <= Math.max(a.width, 8))) { lines = b; a.tags.add('subhead:broken'); }
        else if (widthOf(sh) > a.width) lines = wrap(sh, { widthAt: () => a.width, rng }).map((l) => l.text);
      }
      for (const l of lines) push(l);
      blank();
    }
    const last = j === a.paras.length - 1;
    const printed = last && note && a.noteInline ? text + note : text;
    const lines = wrap(printed, { widthAt, startLine: lineNo, firstIndent: a.indent, rng, hangP: a.hangP });
    // a picture caption interrupting this paragraph
    const caps = a.captions.filter((c) => c.para === j && !c.printed);
    const capAt = new Map();
    for (const c of caps) {
      if (lines.length < 2) { if (j < a.paras.length - 1) c.para = j + 1; continue; }
      const ks = [];
      let done = 0; // characters of the paragraph before line k: a caption may not split an inline source note
      for (let k = 1; k < lines.length; k++) {
        done += lines[k - 1].text.length;
        if (done < text.length - 1 && !SENTENCE_END.test(lines[k - 1].text) && !capAt.has(k)) ks.push(k);
      }
      const k = ks.length ? rng.pick(ks) : null;
      if (k === null) { if (j < a.paras.length - 1) c.para = j + 1; continue; }
      capAt.set(k, c);
    }
    lines.forEach((l, k) => {
      if (capAt.has(k)) {
        const c = capAt.get(k);
        blank();
        const cw = Math.max(6, a.width + rng.int(-2, 4));
        for (const cl of wrap(c.text, { widthAt: () => cw, rng })) push(cl.text);
        blank();
        c.printed = true; c.order = order++; a.tags.add('caption:raw');
      }
      const w = widthAt(lineNo + k);
      if (a.stretch && lineNo + k >= a.stretch.from && lineNo + k < a.stretch.to) a.tags.add('narrow-stretch');
      let s = deco(l, w);
      if (j === 0 && k === 0 && a.leadMarker) { s = LEAD + s; a.tags.add('lead-marker'); }
      push(s, { mid: k > 0, art: a });
    });
    lineNo += lines.length;
    if (!last && rng.chance(a.paraBlankP)) blank();
  });
  if (note && !a.noteInline) { if (rng.chance(0.7)) blank(); push(note); }
}

/**
 * A headline group between blanks after the previous article's last paragraph, directly over
 * this article's lead (marked `� �`), with no byline between and no dash or colon on the
 * kicker or subtitle: 'group:comma' when the main headline holds a comma (two phrases; the
 * bank's phrase space set as a comma, as papers set either), possibly centred, and never broken
 * however much wider than the column it is; 'group:narrow' when it holds none and every line of the group is narrower than
 * the column, so that only the blanks and the lead below tell it from a paragraph's end.
 * Returns the printed lines, or null.
 */
function chooseGroupForm(frng, a, prev, i, runIn, hostOf) {
  if (i === 0 || i === runIn || a.pos !== 'before' || hostOf.has(i) || prev.pos === 'after') return null;
  const r = frng.float();
  const twoPhrases = a.headline === a.headlinePrint && a.headline.match(PHRASE_SPACE)?.length === 1;
  let lines;
  if (r < 0.6 && twoPhrases) {
    unmarkGroup(a);
    a.headline = a.headline.replace(PHRASE_SPACE, '，'); a.headlinePrint = a.headline;
    a.tags.add('group:comma'); a.tags.add('headline:comma-added');
    let main = a.headlinePrint;
    if (frng.chance(0.5)) { main = ' ' + main; a.tags.add('headline:lead-space'); }
    lines = [a.kickerPrint, main, a.subtitlePrint].filter(Boolean);
  } else if (!twoPhrases && r < 0.5 && !/，/.test(a.headline)) {
    const u = unmarkedGroup(a);
    let parts = [u.kickerPrint, a.headlinePrint, u.subtitlePrint].filter(Boolean);
    // or a short figurative main headline over the bank's headline as the subtitle (as in md's
    // headline:short), which gives most of the three-line groups: the banks seldom have both
    // a kicker and a subtitle that fit a column
    const short = SHORT_HEADLINES[a.id];
    const asShort = short && widthOf(a.headline) <= 13 && frng.chance(0.6);
    if (asShort) parts = [u.kickerPrint, short, a.headlinePrint].filter(Boolean);
    if (parts.length < 2) return null;
    const width = Math.max(a.width, Math.ceil(Math.max(...parts.map(widthOf))) + frng.int(1, 2));
    if (width > 14) return null;
    unmarkGroup(a);
    if (asShort) {
      a.subtitle = a.headline; a.subtitlePrint = a.headlinePrint;
      a.headline = short; a.headlinePrint = short;
      a.tags.add('group:narrow-short');
    }
    if (width !== a.width) {
      for (const t of ['width:5-7', 'width:8-10', 'width:11-14']) a.tags.delete(t);
      a.width = width;
      a.tags.add(a.width <= 7 ? 'width:5-7' : a.width <= 10 ? 'width:8-10' : 'width:11-14');
    }
    a.tags.add('group:narrow'); if (parts.length === 3) a.tags.add('group:narrow-3');
    lines = parts;
  } else return null;
  a.kickerPrinted = !!a.kicker; a.subtitlePrinted = !!a.subtitle; a.headlinePrinted = true;
  a.byline = null; a.leadMarker = true;
  return lines;
}
