import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { markdownSubheads } from '../../src/passes/markdown-subheads.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { trailingCredits } from '../../src/passes/trailing-credits.js';
import { page, testPass } from '../pass-tester.js';

const before = [detectDialect, stripGlyphs, markdownHeadings, letterSpacing, canonicalText, rejoinLines, trailingCredits];

const story = ['# 北坡县首家养老驿站开门迎客', '北坡县首家养老驿站日前开门迎客,驿站为老人提供助餐和日间照料。'];
// the paragraph below a subhead goes on with the story in words of its own
const goesOn = '驿站的厨房每天早上六点开火,厨师按老人的口味调整菜单,少盐少油。';
// the paragraph below another report's headline repeats that headline's words
const another = '东岸社区近日举办了一场邻里运动会,居民们踊跃参加各项比赛项目。';

testPass(markdownSubheads, {
  before,
  valid: [
    {
      name: 'a smaller heading between paragraphs whose words the text below seldom holds is a subhead',
      text: page(...story, '### 一日三餐有着落', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '一日三餐有着落' }, { kind: 'paragraph' }],
    },
    {
      name: 'a heading an override names a headline stays a heading, whatever the text below holds',
      text: page(...story, '### 一日三餐有着落', goesOn),
      overrides: [{ kind: 'headline', line: 5, of: 7 }],
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading', text: '一日三餐有着落' }, { kind: 'paragraph' }],
    },
    {
      name: 'a smaller heading whose words fill the text below is the next report’s headline',
      text: page(...story, '## 东岸社区举办邻里运动会', another),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading', text: '东岸社区举办邻里运动会' }, { kind: 'paragraph' }],
    },
    {
      name: 'a smaller heading with a label and a colon the text below does not name is a subhead',
      text: page(...story, '### 一张床：护理搬到家门口', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '一张床：护理搬到家门口' }, { kind: 'paragraph' }],
    },
    {
      // the second subhead's words all stand in the text below it: alone it would read as a headline
      name: 'single headings of one size between the paragraphs of one report are sibling subheads, however many of the words below each names',
      text: page(...story, '### 一日三餐有着落', goesOn, '### 邻里运动会', another),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '一日三餐有着落' }, { kind: 'paragraph' }, { kind: 'subhead', text: '邻里运动会' }, { kind: 'paragraph' }],
    },
    {
      name: 'a page number a page break left between a paragraph and the next sibling subhead does not part them',
      text: page(...story, '### 一日三餐有着落', goesOn, '- 8 -', '### 邻里运动会', another),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '一日三餐有着落' }, { kind: 'paragraph' }, { kind: 'furniture' }, { kind: 'subhead', text: '邻里运动会' }, { kind: 'paragraph' }],
    },
    {
      name: 'a heading also listed in the headline list at the page top is a headline, sibling or not',
      text: page('东岸社区举办邻里运动会', ...story, '### 一日三餐有着落', goesOn, '### 东岸社区举办邻里运动会', another),
      blocks: [{ kind: 'heading' }, { kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '一日三餐有着落' }, { kind: 'paragraph' }, { kind: 'heading', text: '东岸社区举办邻里运动会' }, { kind: 'paragraph' }],
    },
    {
      name: 'a heading after a source note opens an article, whatever its words',
      text: page(...story, '(据北坡县民政局)', '### 一日三餐有着落', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'attribution' }, { kind: 'heading', text: '一日三餐有着落' }, { kind: 'paragraph' }],
    },
    {
      name: 'a heading as large as the headline is never a subhead',
      text: page(...story, '# 一日三餐有着落', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading', text: '一日三餐有着落' }, { kind: 'paragraph' }],
    },
    {
      name: 'with maxNamedShare 0 no heading is a subhead',
      options: { maxNamedShare: 0 },
      text: page(...story, '### 一日三餐有着落', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading', text: '一日三餐有着落' }, { kind: 'paragraph' }],
    },
    {
      name: 'with maxSubheadChars 4 a longer heading stays a heading',
      options: { maxSubheadChars: 4 },
      text: page(...story, '### 一日三餐有着落', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading' }, { kind: 'paragraph' }],
    },
  ],
  invalid: [
    {
      // the text below holds few of the heading's words, but names its place
      name: 'a smaller heading that opens with a place and a colon, over text naming the place, is the next report’s headline',
      text: page(...story, '### 甘肃定西：旧厂房变身老年食堂', '在甘肃省定西市安定区,老人们每天中午来这里吃上热饭。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading', text: '甘肃定西：旧厂房变身老年食堂' }, { kind: 'paragraph' }],
      messages: [{ message: /close call: heading "甘肃定西：旧厂房变身老年食堂" read as a new article's headline/ }],
    },
    {
      name: 'a heading holding a few of the words below it is a subhead where no headline on the page is set in its size',
      text: page(...story, '## 社区食堂开进老小区', '附近小区的老人每天都来这里吃饭，社区还请来了志愿者帮忙。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '社区食堂开进老小区' }, { kind: 'paragraph' }],
      messages: [{ line: 5, message: /read as a subhead/ }],
    },
    {
      name: 'the same heading is a headline where the page sets a headline over a dateline in its size',
      text: page(...story, '## 社区食堂开进老小区', '附近小区的老人每天都来这里吃饭，社区还请来了志愿者帮忙。', '## 南湖区社工上门探访困难家庭', '本报讯 南湖区民政局近日组织社工走进十二个社区。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'heading', text: '社区食堂开进老小区' }, { kind: 'paragraph' }, { kind: 'heading' }, { kind: 'paragraph' }],
      messages: [{ line: 5, message: /read as a new article's headline/ }],
    },
    {
      name: 'a subhead whose words the text below half holds is a close call, reported',
      text: page(...story, '### 厨师好手艺', goesOn),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead' }, { kind: 'paragraph' }],
      messages: [{ line: 5, message: /close call/ }],
    },
  ],
});
