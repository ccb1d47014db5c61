import { createPage } from '../../src/model/page.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { runPass, testPass } from '../pass-tester.js';

/** OUTPUT.md rule 4: stray glyphs go; what marked a lead paragraph, a byline or an indent is remembered. */
testPass(stripGlyphs, {
  valid: [
    {
      name: 'the U+FFFD indent marker goes, and marks a lead paragraph',
      text: '\uFFFD \uFFFD 5 月 1 日，社',
      lines: [{ no: 1, text: '5 月 1 日，社', lead: true, bullet: false, indent: 0 }],
    },
    { name: 'a U+FFFD elsewhere goes without marking a lead', text: '社区\uFFFD服务', lines: [{ text: '社区服务', lead: false }] },
    { name: 'the byline bullet goes, and marks a bullet line', text: '■ 本报记者 林川', lines: [{ text: '本报记者 林川', bullet: true }] },
    { name: 'a bullet inside a line goes without marking it', text: '记者■林川', lines: [{ text: '记者林川', bullet: false }] },
    { name: 'indentation goes and is remembered', text: '  南城街道', lines: [{ text: '南城街道', indent: 2 }] },
    { name: 'an indent of ideographic spaces is a kept paragraph indent, not a box', text: '\u3000\u3000南城街道', lines: [{ text: '南城街道', indent: 0, opensParagraph: true }] },
    { name: 'a box indent of plain spaces opens no paragraph', text: ' 南城街道', lines: [{ text: '南城街道', indent: 1, opensParagraph: false }] },
    { name: 'a blank line has no indent', text: '   ', lines: [{ text: '', indent: 0 }] },
    {
      name: 'zero-width and control characters, the BOM, word joiner and soft hyphen go',
      text: '社\u200B区\u0007站\uFEFF服\u2060务\u00AD点\u200C',
      lines: [{ text: '社区站服务点' }],
    },
    { name: 'a zero-width joiner between Han characters goes', text: '社\u200D区', lines: [{ text: '社区' }] },
    { name: 'a zero-width joiner at either end of an emoji goes', text: '\u200D👍好\u200D', lines: [{ text: '👍好' }] },
    // rule 4: a joiner or variation selector inside an emoji sequence is part of that character
    { name: 'a family emoji keeps its joiners', text: '居民👨‍👩‍👧来了', lines: [{ text: '居民👨‍👩‍👧来了' }] },
    { name: 'a flag keeps its variation selector and joiner', text: '🏳️‍🌈活动', lines: [{ text: '🏳️‍🌈活动' }] },
    { name: 'a skin tone before a joiner is part of the sequence', text: '👩🏽‍💻志愿者', lines: [{ text: '👩🏽‍💻志愿者' }] },
    { name: 'a joiner left inside an emoji sequence by other glyphs is kept', text: '👨\u200B\u200D👩', lines: [{ text: '👨‍👩' }] },
    { name: 'astral Han characters stay', text: '𠀀 𠀁区', lines: [{ text: '𠀀 𠀁区' }] },
    { name: 'a wide gap between a line\'s pieces is remembered, and kept for the passes after', text: '03          养老服务', lines: [{ text: '03          养老服务', gapped: true }] },
    { name: 'a letter-spaced line is not gapped', text: '照 顾  不 过 来', lines: [{ text: '照 顾  不 过 来', gapped: false }] },
    { name: 'spaces at the ends go', text: '社区服务 \t', lines: [{ text: '社区服务', indent: 0 }] },
    {
      name: 'line numbers are kept, blank lines included',
      text: ['\uFFFD \uFFFD 社区', '', '■ 林川', '  站点'],
      lines: [{ no: 1, text: '社区' }, { no: 2, text: '' }, { no: 3, text: '林川' }, { no: 4, text: '站点' }],
    },
  ],
});

describe('strip-glyphs, on a page with nothing to strip', () => {
  test('returns the page itself', () => {
    const page = createPage('case.txt', 'case', '社区服务中心\n今年新增了十个站点。\n');
    expect(runPass(stripGlyphs, page).page).toBe(page);
  });
});
