/**
 * OUTPUT.md rule 1 (wrapped lines are joined), through the passes that join lines: rejoin-lines
 * joins a paragraph's lines and mends a Markdown paragraph a page or picture cut, match-headlines
 * joins a headline's printed lines. (Each pass's own behaviour is in its own test file.)
 */
import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { matchHeadlines } from '../../src/passes/match-headlines.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { splitArticles } from '../../src/passes/split-articles.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { trailingCredits } from '../../src/passes/trailing-credits.js';
import { column, lead, page, testPass, type PassCase } from '../pass-tester.js';

const LINE_PASSES = [detectDialect, stripGlyphs, markdownHeadings, letterSpacing, canonicalText];

/** A lead paragraph printed as these lines, read as one paragraph. */
const paragraph = (name: string, lines: string[], text: string): PassCase => ({
  name,
  text: lead(lines),
  blocks: [{ kind: 'paragraph', text, lines: [1, lines.length] }],
});

testPass(rejoinLines, {
  before: LINE_PASSES,
  valid: [
    paragraph('no space between CJK characters', ['今年以来，社区居', '民委员会组织志愿者', '上门探访老人。'], '今年以来，社区居民委员会组织志愿者上门探访老人。'),
    paragraph('one space between Latin words', ['社工站引入了，Care', 'Link平台，方便预约。'], '社工站引入了，Care Link平台，方便预约。'),
    paragraph('a hyphenated Latin word is mended before a lower-case line', ['社工称之为，volun-', 'teer时间，人人可存。'], '社工称之为，volunteer时间，人人可存。'),
    paragraph('the hyphen stays before an upper-case line', ['社区已开通，免费Wi-', 'Fi服务，覆盖全楼。'], '社区已开通，免费Wi-Fi服务，覆盖全楼。'),
    paragraph('a number split across lines is one number', ['全区共有志愿者 12', '34 人，比去年多。'], '全区共有志愿者1234人，比去年多。'),
    paragraph('no space between a CJK character and a letter or digit at the seam', ['驿站今年接待老人，', '3000人次，下载APP', '预约的占一半。'], '驿站今年接待老人，3000人次，下载APP预约的占一半。'),
    // rule 5 across a seam: the mark touches CJK text only once the lines are joined
    paragraph('a half-width mark starting a line after astral Han becomes full-width', ['该村的古称是𠀀', '(2019年更名)，村民说，', '如今已改名。'], '该村的古称是𠀀（2019年更名），村民说，如今已改名。'),
    paragraph('a half-width mark ending a line before CJK becomes full-width', ['驿站使用了，Care (', '每周五天）等服务。'], '驿站使用了，Care（每周五天）等服务。'),
    {
      name: 'a column break: a blank line inside a sentence is joined over',
      text: [...lead(['今年以来，南湖区民政', '局组织社工走进十二个社']), '', '区，为困难家庭上门送去', '生活物资和政策咨询。'],
      blocks: [{ kind: 'paragraph', text: '今年以来，南湖区民政局组织社工走进十二个社区，为困难家庭上门送去生活物资和政策咨询。', lines: [1, 5] }],
    },
    {
      name: 'Markdown: a paragraph cut by a page break is joined over it',
      text: ['# 东岸社区康复站启用', '', '康复站配备了多种训练设备,由专业康复师和社工共同', '', '为居民提供服务,每周开放五天。'],
      blocks: [
        { kind: 'heading', text: '东岸社区康复站启用' },
        { kind: 'paragraph', text: '康复站配备了多种训练设备，由专业康复师和社工共同为居民提供服务，每周开放五天。', lines: [3, 5] },
      ],
    },
    {
      name: 'Markdown: Latin words meeting at the cut get their space',
      text: ['# 东岸社区康复站启用', '', '康复站引进了 Smart', '', 'Care 系统,每周开放五天。'],
      blocks: [{ kind: 'heading' }, { kind: 'paragraph', text: '康复站引进了Smart Care系统，每周开放五天。' }],
    },
  ],
});

testPass(matchHeadlines, {
  before: [...LINE_PASSES, rejoinLines, trailingCredits, splitArticles],
  valid: [
    {
      name: "a headline's printed lines are joined, and so are its subtitle's",
      // a headline printed after its article's source note, on three lines: two of it, one of its subtitle
      text: page(lead(column('北坡县民政局近日组织社工走进养老驿站，为老人测量血压，登记助餐需求。', 11)), '（据北坡县民政局）', ['北坡县社工走进养老驿站', '为老人测量血压', '登记助餐需求和服务意愿']),
      articles: [{ headline: '北坡县社工走进养老驿站为老人测量血压', subheadlines: ['登记助餐需求和服务意愿'], attribution: '据北坡县民政局' }],
    },
  ],
});
