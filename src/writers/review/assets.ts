import { SNIPPET_SCRIPT } from './snippets.js';

/**
 * The review site's style and scripts, inlined in every file: the site opens from disk with
 * no server and no network, so nothing is fetched, not even from the site itself. The
 * scripts read only what the HTML says (data-lines, the text of source lines) and write only
 * with textContent, so no page text is ever parsed as HTML.
 */

export const STYLE = `
:root { --hl: #ffe58a; --own: #ffd24d; --sel: #fff3c4; --warn: #b35900; --err: #b00020; --line: #e4e4e4; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; color: #1d1d1d; background: #fafafa; }
header.top { padding: 10px 16px; background: #fff; border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 17px; margin: 4px 0; }
.counts span { display: inline-block; margin-right: 10px; padding: 1px 8px; border-radius: 10px; background: #eef1f5; }
h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 6px 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.snippet { display: inline-flex; gap: 6px; align-items: center; background: #f1f3f6; border: 1px solid #d6dbe2; border-radius: 4px; padding: 1px 4px; max-width: 100%; }
.snippet code { white-space: pre-wrap; word-break: break-all; }
button.copy { font-size: 11px; padding: 0 6px; cursor: pointer; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; padding: 12px 16px; }
body.index main { display: block; }
section.source, section.output { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; height: calc(100vh - 140px); overflow: auto; }
ol.src { list-style: none; margin: 0; padding: 0; font-family: ui-monospace, "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 13px; }
ol.src li { display: grid; grid-template-columns: 3.2em 1fr; cursor: pointer; border-left: 3px solid transparent; }
ol.src li .no { color: #999; text-align: right; padding-right: 8px; user-select: none; }
ol.src li .t { white-space: pre-wrap; word-break: break-all; min-height: 1.5em; }
ol.src li.sel { background: var(--sel); }
ol.src li.own { background: var(--own); }
ol.src li.hover { background: var(--hl); }
ol.src li.warned { border-left-color: var(--warn); }
ol.src li .warning { grid-column: 2; }
.warning { margin: 2px 0 4px; padding: 3px 6px; border-radius: 4px; background: #fff4e5; border: 1px solid #f3c98b; font-family: system-ui, sans-serif; font-size: 12px; cursor: default; }
.warning.error { background: #fdecee; border-color: #f0a0aa; }
.warning .origin { font-weight: 600; color: var(--warn); }
.warning.error .origin { color: var(--err); }
dl.call { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 3px 0; }
dl.call dt { color: var(--muted); }
dl.call dd { margin: 0; }
article.art { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 8px 6px; }
article.art.chosen { border-color: #c79a00; box-shadow: 0 0 0 2px #ffe08a; }
.art-head { cursor: pointer; color: var(--muted); font-size: 12px; }
.art-head .id { font-weight: 600; color: #333; }
.block { position: relative; border-left: 3px solid #dfe3e8; padding: 2px 0 2px 8px; margin: 4px 0; cursor: pointer; }
.block:hover { border-left-color: #c79a00; background: #fffbea; }
.block.chosen { border-left-color: #c79a00; background: #fff3c4; }
.block .tag { float: right; margin-left: 8px; font-size: 11px; color: var(--muted); }
.block .tag .kind { font-weight: 600; }
.block .text { margin: 0; font-size: 14px; font-weight: normal; }
.block.headline .text { font-size: 17px; font-weight: 700; }
.block.subheadline .text { font-size: 15px; }
.block.subhead .text { font-weight: 700; }
.block.caption .text, .block.attribution .text, .block.byline .text, .block.section .text { color: #444; font-style: italic; }
.block.furniture { border-left-color: #b9c2cc; }
details.fix { font-size: 12px; margin: 2px 0; }
details.fix summary { color: #2a5db0; cursor: pointer; }
details.fix ul { margin: 2px 0; padding-left: 16px; }
details.fix .why { display: block; color: var(--muted); }
#panel { position: fixed; right: 16px; bottom: 16px; width: min(560px, 45vw); max-height: 45vh; overflow: auto; background: #fff; border: 1px solid #c79a00; border-radius: 6px; box-shadow: 0 4px 18px rgba(0,0,0,.15); padding: 8px 12px; font-size: 13px; }
#panel .close { position: absolute; right: 6px; top: 4px; border: 0; background: none; font-size: 18px; cursor: pointer; }
#panel h3 { margin: 0 0 4px; font-size: 14px; }
#panel .raw { font-family: ui-monospace, monospace; white-space: pre-wrap; background: #f6f6f6; padding: 2px 4px; }
#panel ul { padding-left: 18px; margin: 4px 0; }
table#pages { border-collapse: collapse; background: #fff; width: 100%; }
table#pages th, table#pages td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: right; }
table#pages th:first-child, table#pages td.src { text-align: left; }
table#pages tr.hidden { display: none; }
`;

export const PAGE_SCRIPT = `(function () {
'use strict';
${SNIPPET_SCRIPT}
function spanOf(el) {
  var s = el.getAttribute('data-lines');
  if (!s) return null;
  var p = s.split('-');
  return [Number(p[0]), Number(p[1])];
}
function mark(span, cls) {
  if (!span) return;
  for (var n = span[0]; n <= span[1]; n++) {
    var li = document.getElementById('L' + n);
    if (li) li.classList.add(cls);
  }
}
function clear(cls) {
  document.querySelectorAll('.' + cls).forEach(function (e) { e.classList.remove(cls); });
}
function clearSelection() {
  clear('sel'); clear('own'); clear('chosen');
}
function scrollToLine(n) {
  var li = document.getElementById('L' + n);
  if (li) li.scrollIntoView({ block: 'center' });
}
function selectBlock(b) {
  clearSelection();
  b.classList.add('chosen');
  var s = spanOf(b);
  mark(s, 'sel');
  mark(s, 'own');
  if (s) scrollToLine(s[0]);
}
function selectArticle(art) {
  clearSelection();
  art.classList.add('chosen');
  var s = spanOf(art);
  mark(s, 'sel');
  var first = null;
  art.querySelectorAll('.block').forEach(function (b) {
    var bs = spanOf(b);
    mark(bs, 'own');
    if (bs && (first === null || bs[0] < first)) first = bs[0];
  });
  if (first !== null) scrollToLine(first);
}
var panel = document.getElementById('panel');
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function snippet(entry) {
  var s = el('span', 'snippet');
  s.appendChild(el('code', null, entry));
  var b = el('button', 'copy', 'copy');
  b.type = 'button';
  b.setAttribute('data-copy', entry);
  s.appendChild(b);
  return s;
}
function showLine(n) {
  var li = document.getElementById('L' + n);
  if (!li) return;
  clearSelection();
  li.classList.add('sel');
  var raw = li.querySelector('.t').textContent;
  var text = raw.trim();
  var body = panel.querySelector('.body');
  body.textContent = '';
  body.appendChild(el('h3', null, 'Line ' + n));
  body.appendChild(el('div', 'raw', raw === '' ? '(blank)' : raw));
  var covering = Array.prototype.filter.call(document.querySelectorAll('.block[data-lines]'), function (b) {
    var s = spanOf(b);
    return s && s[0] <= n && n <= s[1];
  });
  var became = el('ul');
  covering.forEach(function (b) {
    var art = b.closest('article');
    var item = el('li');
    var a = el('a', null, b.getAttribute('data-kind') + (art ? ' of ' + art.querySelector('.id').textContent : '') + ' (' + b.querySelector('.lines').textContent + ')');
    a.href = '#' + b.id;
    a.addEventListener('click', function (e) { e.preventDefault(); b.scrollIntoView({ block: 'center' }); selectBlock(b); li.classList.add('sel'); });
    item.appendChild(a);
    item.appendChild(el('div', null, b.querySelector('.text').textContent));
    became.appendChild(item);
  });
  body.appendChild(el('p', null, covering.length ? 'It became:' : (text === '' ? 'A blank line: a paragraph end or a column break.' : 'No output block was found on this line.')));
  if (covering.length) body.appendChild(became);
  var options = [];
  if (text !== '') {
    covering.forEach(function (b) {
      var kind = b.getAttribute('data-kind');
      var s = spanOf(b);
      if (kind !== 'paragraph') return;
      if (s[0] === n) {
        if (b.getAttribute('data-opens')) options.push(['no article starts here: this text joins the article before', { line: n, text: text, kind: 'no-article-start' }]);
        else options.push(['no paragraph starts here: this line continues the one before', { line: n, text: text, kind: 'no-paragraph-start' }]);
      } else {
        options.push(['a paragraph starts at this line', { line: n, text: text, kind: 'paragraph-start' }]);
        options.push(['an article starts at this line', { line: n, text: text, kind: 'article-start' }]);
        options.push(['this line is a picture caption (set to: for more lines)', { line: n, to: n, text: text, kind: 'caption' }]);
      }
    });
    if (covering.length === 0) options.push(['an article starts at this line', { line: n, text: text, kind: 'article-start' }]);
  }
  if (options.length) {
    body.appendChild(el('p', null, 'Overrides for this line:'));
    var ul = el('ul');
    options.forEach(function (o) {
      var item = el('li');
      item.appendChild(el('div', 'why', o[0]));
      item.appendChild(snippet(overrideEntry(o[1])));
      ul.appendChild(item);
    });
    body.appendChild(ul);
  } else if (covering.length) {
    body.appendChild(el('p', null, 'The overrides of a headline, byline or furniture are under its block.'));
  }
  panel.hidden = false;
}
function copy(btn) {
  var text = btn.getAttribute('data-copy');
  var done = function () {
    btn.textContent = 'copied';
    setTimeout(function () { btn.textContent = 'copy'; }, 1500);
  };
  var fallback = function () {
    var ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand('copy'); } catch (e) { /* the text stays selectable in the page */ }
    document.body.removeChild(ta);
    done();
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
}
document.addEventListener('mouseover', function (e) {
  clear('hover');
  var b = e.target.closest && e.target.closest('.block');
  if (b) mark(spanOf(b), 'hover');
});
document.addEventListener('click', function (e) {
  var t = e.target;
  if (t.closest('button.copy')) { copy(t.closest('button.copy')); return; }
  if (t.closest('#panel .close')) { panel.hidden = true; clearSelection(); return; }
  if (t.closest('summary') || t.closest('details.fix') || t.closest('#panel')) return;
  var go = t.closest('[data-goto]');
  if (go) { e.preventDefault(); var n = Number(go.getAttribute('data-goto')); scrollToLine(n); showLine(n); return; }
  var head = t.closest('.art-head');
  if (head) { selectArticle(head.closest('article')); return; }
  var b = t.closest('.block');
  if (b) { selectBlock(b); return; }
  var li = t.closest('ol.src li');
  if (li && !t.closest('.warning')) showLine(Number(li.getAttribute('data-line')));
});
document.addEventListener('keydown', function (e) {
  if (e.key !== 'Enter') return;
  var t = e.target;
  if (t.classList && t.classList.contains('art-head')) selectArticle(t.closest('article'));
  else if (t.classList && t.classList.contains('block')) selectBlock(t);
});
var m = /^#L(\\d+)$/.exec(location.hash);
if (m) { scrollToLine(Number(m[1])); showLine(Number(m[1])); }
})();`;

export const INDEX_SCRIPT = `(function () {
'use strict';
var input = document.getElementById('filter');
var shown = document.getElementById('shown');
var rows = document.querySelectorAll('#pages tbody tr');
function apply() {
  var q = input.value.trim().toLowerCase();
  var n = 0;
  rows.forEach(function (r) {
    var hit = q === '' || r.getAttribute('data-filter').indexOf(q) >= 0;
    r.classList.toggle('hidden', !hit);
    if (hit) n++;
  });
  shown.textContent = n + ' of ' + rows.length + ' pages';
}
input.addEventListener('input', apply);
apply();
})();`;
