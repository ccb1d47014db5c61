// Character classes, the canonical-text rules of OUTPUT.md (as check-gold.mjs tests them),
// line wrapping for narrow columns, and the OCR/converter artifacts applied to printed lines.

const seg = new Intl.Segmenter('zh', { granularity: 'grapheme' });
// code points suffice unless the text holds combining marks, joiners, variation selectors,
// keycaps, skin tones, tags or flags; then the grapheme segmenter keeps clusters whole
const CLUSTERY = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}\u3099\u309a]/u;
export const graphemes = (s) => (CLUSTERY.test(s) ? Array.from(seg.segment(s), (x) => x.segment) : Array.from(s));

export const CJKP = '，。、；：？！“”‘’《》（）…—·';
const CJKP_SET = new Set(CJKP);
export const isCjkPunct = (c) => CJKP_SET.has(c);
const HAN = /^\p{Script=Han}/u;
export const isHan = (c) => HAN.test(c);
export const isAlnum = (c) => /^[A-Za-z0-9]$/.test(c);
export const isAscii = (c) => /^[\x21-\x7e]+$/.test(c);
/** a character after which a line may not start (kinsoku: closing marks) */
const CLOSE = new Set('，。、；：？！”’）》」』】%…—·,.;:?!)');
const OPEN = new Set('“‘（《「『【(');
export const isClose = (a) => CLOSE.has(a[0]);
export const isOpen = (a) => OPEN.has(a[a.length - 1]);
export const SENTENCE_END = /[。！？”…]$/;

/** display width in full-width units: CJK 1, ASCII 0.5 */
export function widthOf(s) {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** The string rules of ../shared/tools/check-gold.mjs, repeated to vet bank text early. */
export function canonProblems(s) {
  const p = [];
  if (typeof s !== 'string' || !s.length) return ['empty or not a string'];
  if (/[\n\r\t]/.test(s)) p.push('line break or tab');
  if (/\uFFFD|■/.test(s)) p.push('stray glyph');
  if (s !== s.trim()) p.push('leading/trailing space');
  if (/ {2}/.test(s)) p.push('double space');
  if (new RegExp(`[${CJKP}] | [${CJKP}]`).test(s)) p.push('space next to CJK punctuation');
  if (/\p{Script=Han} [A-Za-z0-9]|[A-Za-z0-9] \p{Script=Han}/u.test(s)) p.push('space between CJK and ASCII');
  if (/\p{Script=Han}[,;:()?!]|[,;:()?!]\p{Script=Han}/u.test(s)) p.push('half-width punctuation in CJK text');
  if (/[\uFF10-\uFF19\uFF21-\uFF3a\uFF41-\uFF5a]/.test(s)) p.push('full-width ASCII letter or digit');
  if (/[\u200B\u200C\u2060\uFEFF\u0000-\u001f]/.test(s)) p.push('control or zero-width character');
  return p;
}

/**
 * Atoms: the units a line may be broken between. An ASCII run is one atom; "……" and "——"
 * are one atom; a space between two CJK-side atoms (a phrase separator the canonical text
 * keeps) glues its neighbours into one atom, so no line ever starts or ends at it; a space
 * between two ASCII words is a break opportunity that the line break consumes (rule 1
 * joins such lines with one space again).
 */
export function atomize(text) {
  const g = graphemes(text);
  const raw = [];
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (/^[A-Za-z0-9.%+\-/_@&#~=]$/.test(c)) {
      let j = i; let s = '';
      while (j < g.length && /^[A-Za-z0-9.%+\-/_@&#~=]$/.test(g[j])) s += g[j++];
      raw.push(s); i = j - 1;
    } else if ((c === '…' || c === '—') && g[i + 1] === c) { raw.push(c + c); i++; }
    else raw.push(c);
  }
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i];
    if (a === ' ') {
      const prev = out[out.length - 1], next = raw[i + 1];
      if (prev && next && /[A-Za-z0-9]$/.test(prev.t) && /^[A-Za-z0-9]/.test(next)) { out.push({ t: ' ', brk: true }); continue; }
      if (prev && next) { prev.t += ' ' + next; i++; prev.glued = true; continue; }
      continue; // cannot happen in canonical text
    }
    out.push({ t: a });
  }
  return out;
}

/**
 * Wrap text into lines. widthAt(n) gives the width of the article's n-th line (so a narrow
 * stretch around a picture can span paragraphs). firstIndent: full-width units the first
 * line loses to the (dropped) paragraph indent. Returns [{text, justified}] where justified
 * marks a line made short by a kinsoku push-down (a candidate for letter-spacing).
 */
export function wrap(text, { widthAt = () => 12, startLine = 0, firstIndent = 0, rng, hangP = 0.4 } = {}) {
  const atoms = atomize(text);
  const lines = [];
  let cur = [], curW = 0, n = startLine;
  const limit = () => widthAt(n) - (lines.length === 0 ? firstIndent : 0);
  const flush = (justified) => {
    while (cur.length && cur[cur.length - 1].brk) cur.pop();
    if (cur.length) lines.push({ text: cur.map((a) => a.t).join(''), justified: !!justified });
    cur = []; curW = 0; n++;
  };
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (a.brk && cur.length === 0) continue;
    const w = a.brk ? 0.5 : widthOf(a.t);
    if (curW + w <= limit() + 1e-9 || cur.length === 0) {
      cur.push(a); curW += w;
      continue;
    }
    // line is full
    if (!a.brk && isClose(a.t)) {
      // the closing marks that follow each other ("。”") travel together
      const run = [a];
      while (i + 1 < atoms.length && !atoms[i + 1].brk && isClose(atoms[i + 1].t)) run.push(atoms[++i]);
      const runW = run.reduce((x, r) => x + widthOf(r.t), 0);
      if (rng && rng.chance(hangP)) { cur.push(...run); flush(false); continue; }
      // push the last atom down with the closing marks
      if (cur.length >= 2 && !isClose(cur[cur.length - 1].t) && !cur[cur.length - 1].brk) {
        const down = [cur.pop()];
        while (cur.length >= 2 && isOpen(cur[cur.length - 1].t)) down.unshift(cur.pop()); // never end a line with “ or （
        flush(true);
        cur = [...down, ...run]; curW = down.reduce((x, r) => x + widthOf(r.t), 0) + runW;
        continue;
      }
      cur.push(...run); flush(false); continue;
    }
    if (cur.length >= 2 && isOpen(cur[cur.length - 1].t)) {
      const last = cur.pop();
      flush(true);
      cur = [last]; curW = widthOf(last.t);
      if (a.brk) continue;
      cur.push(a); curW += w;
      continue;
    }
    flush(false);
    if (a.brk) continue;
    cur.push(a); curW = w;
  }
  flush(false);
  return lines;
}

/** may this printed line be letter-spaced (every character spaced) without ambiguity? */
export function canLetterSpace(line) {
  return line.length >= 3 && !/[ A-Za-z0-9\x21-\x7e]/.test(line);
}
export const letterSpace = (line) => graphemes(line).join(' ');

/**
 * OCR spacing artifacts on one printed line: a space between a Han character and an ASCII
 * letter/digit (pDigit), after CJK punctuation (pStop after 。？！, pComma after ，、；：and
 * closing quotes), rarely before CJK punctuation (pBefore). Rules 2 of OUTPUT.md remove all
 * of them, so the gold text is unchanged.
 */
export function spaceArtifacts(line, rng, { pDigit = 0, pStop = 0, pComma = 0, pBefore = 0 }) {
  const g = graphemes(line);
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const a = g[i], b = g[i + 1];
    out += a;
    if (b === undefined || a === ' ' || b === ' ') continue;
    if ((isHan(a) && isAlnum(b[0])) || (isAlnum(a[a.length - 1]) && isHan(b))) { if (rng.chance(pDigit)) out += ' '; continue; }
    if ('。？！'.includes(a)) { if (rng.chance(pStop)) out += ' '; continue; }
    if ('，、；：”）》'.includes(a) && !isCjkPunct(b)) { if (rng.chance(pComma)) out += ' '; continue; }
    if ('，、。'.includes(b) && !isCjkPunct(a) && !isAscii(a)) { if (rng.chance(pBefore)) out += ' '; continue; }
  }
  return out;
}

const HALF = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '？': '?', '！': '!' };
const cjkSide = (c) => c !== undefined && (isHan(c) || isCjkPunct(c));
/**
 * Markdown converters print , : ; ( ) (and sometimes ? !) half-width. Only marks with a CJK
 * neighbour in the canonical text are converted, because rule 5 turns exactly those back.
 */
export function halfWidth(text, rng, p, marks = '，：；（）') {
  if (p <= 0) return text;
  const g = graphemes(text);
  for (let i = 0; i < g.length; i++) {
    if (marks.includes(g[i]) && (cjkSide(g[i - 1]) || cjkSide(g[i + 1])) && rng.chance(p)) {
      // a half-width mark between two ASCII characters on both sides would stay half-width
      g[i] = HALF[g[i]];
    }
  }
  return g.join('');
}

/** full-width forms of ASCII letters/digits (rule 5 maps them back) */
export function fullWidthAlnum(text, rng, p) {
  return text.replace(/[A-Za-z0-9]/g, (c) => (rng.chance(p) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c));
}

/**
 * Break a headline into 2 or 3 lines at phrase boundaries, unevenly. Returns null when the
 * headline has no usable boundary. Never breaks at or next to a space (rule 1 would drop
 * the space) or inside an ASCII run.
 */
const CONNECT = ['召开', '举行', '开展', '推进', '发布', '启动', '出台', '建成', '实现', '助力', '打造', '破解', '探索', '走进', '加快', '全面', '持续', '深化', '构建', '推动', '提升', '织密', '守护', '开通', '上线', '部署', '印发', '覆盖', '让', '为', '与', '在', '暨', '向', '把'];
export function breakPoints(h) {
  const g = graphemes(h);
  const pts = new Map(); // index i: break before g[i] -> strength
  for (let i = 2; i <= g.length - 2; i++) {
    const a = g[i - 1], b = g[i];
    if (a === ' ' || b === ' ' || (isAscii(a) && isAscii(b))) continue;
    if (isClose(b) || isOpen(a)) continue;
    if ('：，、'.includes(a) || a === '—' && b !== '—' || a === '”' || a === '》') pts.set(i, 3);
    else if ((b === '“' || b === '《') && !isOpen(a)) pts.set(i, 2);
    else if (CONNECT.some((w) => g.slice(i, i + w.length).join('') === w)) pts.set(i, 1);
  }
  return { g, pts };
}
export function breakHeadline(h, rng, nLines = 2) {
  const { g, pts } = breakPoints(h);
  const cand = [...pts.keys()].filter((i) => i >= 3 && g.length - i >= 3);
  if (!cand.length) return null;
  if (nLines === 3 && cand.length >= 2 && g.length >= 16) {
    const a = rng.shuffle(cand).slice(0, 2).sort((x, y) => x - y);
    if (a[1] - a[0] >= 3) return [g.slice(0, a[0]).join(''), g.slice(a[0], a[1]).join(''), g.slice(a[1]).join('')];
  }
  // uneven: aim at a random fraction, prefer strong boundaries
  const target = g.length * (0.3 + rng.float() * 0.45);
  let best = null, bestScore = Infinity;
  for (const i of cand) {
    const s = Math.abs(i - target) - pts.get(i) * 2 + rng.float();
    if (s < bestScore) { bestScore = s; best = i; }
  }
  return [g.slice(0, best).join(''), g.slice(best).join('')];
}

/** stray zero-width characters (rule 4 removes them), only between two CJK characters */
export function strayGlyphs(line, rng, p) {
  if (p <= 0) return line;
  const g = graphemes(line);
  let out = '';
  for (let i = 0; i < g.length; i++) {
    out += g[i];
    if (i + 1 < g.length && (isHan(g[i]) || isCjkPunct(g[i])) && (isHan(g[i + 1]) || isCjkPunct(g[i + 1])) && rng.chance(p)) out += rng.pick(['\u200B', '\uFEFF', '\u200B']);
  }
  return out;
}
