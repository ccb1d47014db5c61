import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { trailingCredits } from '../../src/passes/trailing-credits.js';
import { testPass } from '../pass-tester.js';

const markdown = (...paragraphs: string[]) => ['## 北坡县养老驿站开张', '', ...paragraphs.flatMap((p, i) => (i ? ['', p] : [p]))];
const heading = { kind: 'heading', text: '北坡县养老驿站开张' } as const;

/**
 * OUTPUT.md: `attribution` is a trailing source note without its outer brackets (`据民政部网站`,
 * `《新华日报》`); `byline` may be a trailing author credit `（王龙江）` as `王龙江`.
 */
testPass(trailingCredits, {
  before: [detectDialect, stripGlyphs, markdownHeadings, letterSpacing, canonicalText, rejoinLines],
  valid: [
    {
      name: 'a source note at a paragraph end becomes the attribution and ends the article',
      text: ['\uFFFD \uFFFD 今年以来，南湖区民政', '局组织社工开展探访。 （据', '南湖区民政局）'],
      blocks: [
        { kind: 'paragraph', text: '今年以来，南湖区民政局组织社工开展探访。', lines: [1, 3] },
        { kind: 'attribution', text: '据南湖区民政局', lines: [3, 3], endsArticle: true },
      ],
    },
    {
      name: 'a credit naming two authors, set apart by a space, is the byline',
      text: markdown('驿站为老人提供助餐和日间照料服务。（林川 王芳）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐和日间照料服务。' }, { kind: 'byline', text: '林川 王芳', endsArticle: true }],
    },
    {
      name: 'a newspaper title in brackets is a source note',
      text: markdown('驿站为老人提供助餐和日间照料服务。（《新华日报》）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐和日间照料服务。' }, { kind: 'attribution', text: '《新华日报》', endsArticle: true }],
    },
    {
      name: 'a name in brackets after the last sentence is the byline',
      text: markdown('驿站为老人提供助餐和日间照料服务。(林晓川)'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐和日间照料服务。' }, { kind: 'byline', text: '林晓川', endsArticle: true }],
    },
    {
      name: 'a reporter line in brackets is the byline',
      text: markdown('驿站为老人提供助餐服务。（本报记者 张熙）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐服务。' }, { kind: 'byline', text: '本报记者 张熙', endsArticle: true }],
    },
    {
      name: 'a source note on a line of its own loses its brackets',
      text: markdown('驿站为老人提供助餐服务。', '（据北坡县民政局）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐服务。' }, { kind: 'attribution', text: '据北坡县民政局', endsArticle: true }],
    },
    {
      name: 'a source note naming its source with 来源 is the attribution, at a paragraph end or on a line of its own',
      text: markdown('驿站为老人提供助餐服务。(来源:北坡县民政局网站)', '（来源：南湖区民政局）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐服务。' }, { kind: 'attribution', text: '来源：北坡县民政局网站', endsArticle: true }, { kind: 'attribution', text: '来源：南湖区民政局', endsArticle: true }],
    },
    {
      // four Han characters would otherwise read as an author's name
      name: 'a note that the paper compiled the report (本报综合) is the attribution, not an author credit',
      text: markdown('驿站为老人提供助餐服务。', '（本报综合）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站为老人提供助餐服务。' }, { kind: 'attribution', text: '本报综合', endsArticle: true }],
    },
    {
      name: 'a bracket inside a sentence stays in the text',
      text: markdown('驿站由县民政局（牵头单位）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站由县民政局（牵头单位）' }],
    },
    {
      name: 'a bracket after an unfinished sentence is no credit',
      text: markdown('驿站由南湖区（林晓川）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站由南湖区（林晓川）' }],
    },
    {
      name: 'five Han characters in brackets are no personal name',
      text: markdown('驿站开门迎客。（社区服务站）'),
      blocks: [heading, { kind: 'paragraph', text: '驿站开门迎客。（社区服务站）' }],
    },
    { name: 'a page without blocks is left alone', text: '', blocks: [] },
  ],
});
