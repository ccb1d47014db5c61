import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { matchHeadlines } from '../../src/passes/match-headlines.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { splitArticles } from '../../src/passes/split-articles.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { trailingCredits } from '../../src/passes/trailing-credits.js';
import type { Page } from '../../src/model/types.js';
import { testPass, type PassCase } from '../pass-tester.js';

const bodies = (p: Page) => p.articles.map((a) => a.body.map((b) => b.text));

/** A case of one line: `from` as the source has it, `to` as OUTPUT.md's rules write it. */
const rule = (name: string, from: string, to: string): PassCase => ({ name: `${name}: ${from} -> ${to}`, text: from, lines: [{ text: to }] });

/** OUTPUT.md "Canonical text", rules 2 and 5 within a line, and rule 6: nothing else changes. */
testPass(canonicalText, {
  before: [detectDialect, stripGlyphs, markdownHeadings, letterSpacing],
  valid: [
    // rule 2: no whitespace next to CJK punctuation, none between CJK and an ASCII letter or digit
    rule('rule 2', '3 月 23 日', '3月23日'),
    rule('rule 2', 'A20 全球', 'A20全球'),
    rule('rule 2', '。 民政部', '。民政部'),
    rule('rule 2', '5 月 12 日，河西区', '5月12日，河西区'),
    rule('rule 2', '活动。 他说', '活动。他说'),
    rule('rule 2', '签约 ，并且', '签约，并且'),
    rule('rule 2', '“ 社区 ”', '“社区”'),
    rule('rule 2', '《 社会工作 》 一书', '《社会工作》一书'),
    rule('rule 2', 'B12 楼', 'B12楼'),
    rule('rule 2', '下载 APP 使用', '下载APP使用'),
    rule('rule 2, astral Han', '𠀀 A 𠀁 9', '𠀀A𠀁9'),
    // the gold answers read a percent sign as part of its number: `10% 的` is `10%的`
    rule('rule 2, a percentage', '增长 10% 的', '增长10%的'),
    rule('rule 2, a decimal', '人均 3.5 万元', '人均3.5万元'),
    // rule 3 is letter-spacing's; the spacing rules keep a single space between CJK characters
    rule('rule 3', '“邻里守望 温情相伴”', '“邻里守望 温情相伴”'),
    rule('rule 3', '本报记者 张熙', '本报记者 张熙'),
    // rule 5: half-width marks next to CJK text become full-width
    rule('rule 5', '组织(社团)登记', '组织（社团）登记'),
    rule('rule 5', '他说:好', '他说：好'),
    rule('rule 5', '居民,志愿者;社工', '居民，志愿者；社工'),
    rule('rule 5', '真的吗?是的!', '真的吗？是的！'),
    rule('rule 5, a space between does not part them', '签约 , 并且', '签约，并且'),
    rule('rule 5, CJK punctuation on one side', '“好”,他说', '“好”，他说'),
    rule('rule 5, a run of marks', '真的吗?!', '真的吗？！'),
    rule('rule 5, astral Han', '𠀀,𠁀', '𠀀，𠁀'),
    rule('rule 5, full-width letters and digits', '２０２３年ＡＢ类', '2023年AB类'),
    rule('rule 5, full-width digits with a space', '第 １２ 届', '第12届'),
    // rule 5: decimal points, %, + and - stay
    rule('rule 5', '同比增长+8.5%', '同比增长+8.5%'),
    rule('rule 5', '1-3月', '1-3月'),
    rule('rule 5', '增长 3.5%，达到 A+', '增长3.5%，达到A+'),
    // rule 6: nothing else changes
    rule('rule 6, marks between ASCII', 'at 10:30, see (a)', 'at 10:30, see (a)'),
    rule('rule 6, a colon between digits', '上午 10:30 开始', '上午10:30开始'),
    rule('rule 6, a full-width percent sign is no letter or digit', '增长１０％', '增长10％'),
    rule('rule 6, emoji are not CJK', '点赞 👍 好', '点赞 👍 好'),
    rule('rule 6, an emoji sequence', '居民 👨‍👩‍👧 来了', '居民 👨‍👩‍👧 来了'),
    rule('rule 6, between Latin words', 'Care Link 平台', 'Care Link平台'),
    {
      name: 'each line on its own, numbered as before; a line with nothing to change is left as it was',
      text: ['到 2025 年 , 全区(县)', '', '社区服务中心'],
      lines: [{ no: 1, text: '到2025年，全区（县）' }, { no: 2, text: '' }, { no: 3, text: '社区服务中心' }],
    },
  ],
});

/** It can run last, too: then it makes the blocks, articles and furniture already built canonical. */
testPass(canonicalText, {
  before: [detectDialect, stripGlyphs, markdownHeadings, rejoinLines, trailingCredits, splitArticles, matchHeadlines],
  valid: [
    {
      name: 'headlines, bodies, bylines, source notes and furniture',
      text: ['## 基层快讯', '', '### 北坡县 : 养老驿站开张', '', '■ 本报记者 林川', '', '驿站 为 ２０ 位老人提供助餐 , 每周 7 天。', '', '（据北坡县ＡＢ网站）'],
      articles: [
        {
          section: '基层快讯',
          headline: '北坡县：养老驿站开张',
          byline: '本报记者 林川',
          attribution: '据北坡县AB网站',
        },
      ],
      // rule 3: a single space between two Han characters is kept (letter-spacing did not run)
      check: (p) => expect(bodies(p)).toEqual([['驿站 为20位老人提供助餐，每周7天。']]),
    },
    {
      name: 'a teaser kept as page furniture',
      text: ['\uFFFD \uFFFD 驿站为老人提供助餐 ,', '每周开放 7 天。', '', '养老服务 …… 09 版'],
      check: (p) => expect(bodies(p)).toEqual([['驿站为老人提供助餐，每周开放7天。']]),
      furniture: ['养老服务……09版'],
    },
  ],
});
