import type { Block } from '../../src/model/types.js';
import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { lead, page, testPass } from '../pass-tester.js';

const before = [detectDialect, stripGlyphs, markdownHeadings, letterSpacing, canonicalText];

// one raw column, ten characters wide; a paragraph's first line is two characters shorter
const first = lead(['今年以来，南湖区民', '政局组织社工走进十二', '个社区开展上门探访。']);

// a paragraph, then a kicker and a headline wider than the column (lines 5, 6) over a paragraph (7-9)
const boxed = page(lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), ['守护一老一小——', '北坡县首家社区养老驿站正式开门迎客', '驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。']);

// a Markdown picture caption (a line, or lines with no blank between) set between two finished paragraphs
const betweenParagraphs = (caption: string | string[]) => page('# 东岸社区康复站启用', '康复站配备了多种训练设备,每周开放五天。', caption, '站里还为行动不便的老人提供上门服务。');
const captionBetween = (caption: string, lines: [number, number]): Partial<Block>[] => [
  { kind: 'heading', level: 1 },
  { kind: 'paragraph', text: '康复站配备了多种训练设备，每周开放五天。' },
  { kind: 'caption', text: caption, lines },
  { kind: 'paragraph', text: '站里还为行动不便的老人提供上门服务。' },
];

testPass(rejoinLines, {
  before,
  valid: [
    {
      name: 'overrides fix line roles whatever the shapes say: furniture, a caption, body text',
      text: boxed,
      overrides: [{ kind: 'furniture', line: 5 }, { kind: 'caption', line: 6, to: 6 }],
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'furniture', text: '守护一老一小——', lines: [5, 5] },
        { kind: 'paragraph', lines: [7, 9] },
        { kind: 'caption', text: '北坡县首家社区养老驿站正式开门迎客', lines: [6, 6] },
      ],
    },
    {
      name: 'an override that a headline-shaped line is body text: no heading is made of it',
      text: boxed,
      overrides: [{ kind: 'body', line: 5 }, { kind: 'body', line: 6 }],
      check: (p) => {
        expect(p.blocks.map((b) => b.kind)).not.toContain('heading');
        expect(p.blocks.map((b) => b.lines[0])).toContain(5);
      },
    },
    {
      name: 'an override fixes a paragraph start, and an article start is one',
      text: boxed,
      overrides: [{ kind: 'paragraph-start', line: 8 }, { kind: 'article-start', line: 3 }],
      blocks: [{ kind: 'paragraph', lines: [1, 2] }, { kind: 'paragraph', lines: [3, 3] }, { kind: 'heading', lines: [5, 6] }, { kind: 'paragraph', lines: [7, 7] }, { kind: 'paragraph', lines: [8, 9] }],
    },
    {
      // lines 4-5 fall short of the column by more than an indent and end no sentence, with text
      // right under them: a justified paragraph has no such lines, a headline has
      name: 'short unfinished lines set right after a finished sentence, over a body that opens, are a heading',
      text: [...first, '社工上门探访', '独居老人不再孤单', '驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。'],
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'heading', text: '社工上门探访独居老人不再孤单', lines: [4, 5] },
        { kind: 'paragraph', text: '驿站设在县城中心社区，可为周边老人提供助餐和日间照料服务。', lines: [6, 8] },
      ],
    },
    {
      // line 5 is spread across the column though nothing was moved off it to the line below
      // (which starts with no mark that cannot start a line): big type, a headline set right on its body
      name: 'a letter-spaced headline-shaped line that fills its column, after a finished paragraph, is a heading',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区开展上门探访。']), ['社 区 食 堂 开 进 老 街 坊 家', '城东街道今年开设了三', '家社区食堂，为辖区老', '人提供助餐服务。']),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'heading', text: '社区食堂开进老街坊家', lines: [5, 5] },
        { kind: 'paragraph', text: '城东街道今年开设了三家社区食堂，为辖区老人提供助餐服务。', lines: [6, 8] },
      ],
    },
    {
      // the line below line 5 starts with a character and a comma moved down together: line 5
      // was left short and justified, a paragraph's line however full it looks
      name: 'a letter-spaced line over a line that starts with a mark moved down is a justified body line',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区探访。']), ['老 人 们 都 说 社 区 食 堂 饭', '香，价格也很实惠，', '吃饭比以前方便多了。']),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'paragraph', text: '老人们都说社区食堂饭香，价格也很实惠，吃饭比以前方便多了。', lines: [5, 7] },
      ],
    },
    {
      // line 6 lists what was found with enumeration commas, as a body line would, but hangs
      // from a dash and is wider than the column: the subtitle of the headline above it, not the
      // start of a paragraph that the blank after it cut
      name: 'a subtitle hanging from a dash may hold enumeration commas: the headline group stays a heading',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区探访。']), ['城北发现一处古代遗址', '——出土陶器、石器等各类遗物三千余件'], ['本报郑州9月12日电', '（记者 李文）考古人', '员在城北发现遗址。']),
      check: (p) => {
        expect(p.blocks.slice(0, 3).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 3]], ['heading', [5, 6]], ['paragraph', [8, 10]]]);
      },
    },
    {
      // line 5 is far short of the column and ends no sentence; line 6 is headline-shaped; line 7
      // falls short of line 8 by a dropped indent: a headline broken unevenly, set right on its body
      name: 'an unevenly broken headline set right on a body that opens by its indent, after a finished paragraph, is a heading',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区探访。']), ['中外学生', '走进乡村体验农耕文化', '10月26日，来自巴基', '斯坦等12个国家的40余', '名留学生走进城东村。']),
      check: (p) => {
        expect(p.blocks.slice(0, 3).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 3]], ['heading', [5, 6]], ['paragraph', [7, 9]]]);
      },
    },
    {
      // line 1 is a plain line above the page's first heading with a teaser (line 3) between:
      // a headline listed at the page top, not a one-line paragraph
      name: 'Markdown: a plain headline-shaped line among teasers above the first heading is a listed headline',
      text: page('北坡县：养老驿站开进老小区', '社区食堂何以叫好又叫座……06版', '# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。'),
      blocks: [
        { kind: 'heading', text: '北坡县：养老驿站开进老小区', lines: [1, 1] },
        { kind: 'furniture', text: '社区食堂何以叫好又叫座……06版' },
        { kind: 'heading', text: '南湖区社工上门探访困难家庭', level: 1 },
        { kind: 'paragraph', lines: [7, 7] },
      ],
    },
    {
      // line 5 credits the page's editors, two of them run together without a space
      name: "the page's editors' credit line at its foot is furniture, not a paragraph",
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二', '个社区开展上门探访。']), '本版编辑：林涛校对：许可'),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'furniture', text: '本版编辑：林涛校对：许可', lines: [5, 5] },
      ],
    },
    {
      // line 1: a rubric that the headline's first line (line 2) would hold beside it in the column
      name: "raw: a rubric at the page's top that would fit beside the headline line under it is the page's label, not the headline's first part",
      text: [' 志愿服务', ' 退役老兵十年奔走', '为烈士寻亲', ...lead(['安徽省淮北市退役军人李国栋', '十年来走访全国十多个省份的', '烈士陵园，查阅档案资料上万', '份，帮助七十多位烈士找到了', '亲人。'])],
      blocks: [{ kind: 'furniture', text: '志愿服务', lines: [1, 1] }, { kind: 'heading', text: '退役老兵十年奔走为烈士寻亲', lines: [2, 3] }, { kind: 'paragraph', lines: [4, 8] }],
    },
    {
      // line 5: the editors' names spread across the line in the credit's display type
      name: "raw: the editors' credit line with its names letter-spaced is furniture",
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二', '个社区开展上门探访。']), '本版责编：周  敏    美编：陈  洁'),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'furniture', lines: [5, 5] },
      ],
    },
    {
      // line 5: the headline printed after its article; line 7: the desk's credit with its telephone
      name: "raw: the editors' credit line with the desk's telephone is furniture, and the headline above it stays a headline",
      text: page(lead(['今年以来，南湖区民政局组', '织社工走进十二个社区，开', '展上门探访服务。']), ['南湖区组织社工上门探', '访困难家庭'], '本版编辑：林涛  电话：010-58123456'),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'heading', text: '南湖区组织社工上门探访困难家庭', lines: [5, 6] },
        { kind: 'furniture', lines: [8, 8] },
      ],
    },
    {
      name: "Markdown: the page's editors' credit line, half-width colons and all, is furniture",
      text: page('# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。', '责任编辑:林涛 美术编辑:程立'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', lines: [3, 3] },
        { kind: 'furniture', text: '责任编辑：林涛 美术编辑：程立', lines: [5, 5] },
      ],
    },
    {
      // line 3 carries the writer's mark, as a feature's byline does, without a bullet
      name: "a byline with the writer's mark (文/本报记者 …, 文/图 …) is a byline, not the body's first line",
      text: page('# 南湖区社工上门探访困难家庭', '文/本报记者 林涛', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。', '## 北坡县养老驿站开张', '文/图 程立', '驿站为老人提供助餐服务。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'byline', text: '文/本报记者 林涛' },
        { kind: 'paragraph', lines: [5, 5] },
        { kind: 'heading', level: 2 },
        { kind: 'byline', text: '文/图 程立' },
        { kind: 'paragraph', lines: [11, 11] },
      ],
    },
    {
      name: "the issue's date in the running head, with its weekday and issue number, is furniture",
      text: page('2024年3月8日 星期五 第10期', '# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。'),
      blocks: [
        { kind: 'furniture', text: '2024年3月8日 星期五 第10期', lines: [1, 1] },
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', lines: [5, 5] },
      ],
    },
    {
      name: "Markdown: a date in any form above the page's first text is the running head's",
      text: page('05', '2024.12.05', '# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。'),
      blocks: [
        { kind: 'furniture', text: '05', lines: [1, 1] },
        { kind: 'furniture', text: '2024.12.05', lines: [3, 3] },
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', lines: [7, 7] },
      ],
    },
    {
      // line 1: the paper's name and the issue's number; line 3: the date, set as a heading
      name: "Markdown: the issue's number in the running head, and the date set as a heading, above the page's first text are furniture",
      text: page('社会工作周刊·第15期', '# 2024年4月18日 星期四', '# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。'),
      blocks: [
        { kind: 'furniture', text: '社会工作周刊·第15期', lines: [1, 1] },
        { kind: 'furniture', text: '2024年4月18日 星期四', lines: [3, 3] },
        { kind: 'heading', level: 1, lines: [5, 5] },
        { kind: 'paragraph', lines: [7, 7] },
      ],
    },
    {
      // a notice closes with its date, which carries no weekday: the notice's last paragraph
      name: "a date on a line of its own without a weekday or issue number is the text's, not the running head's",
      text: page('# 关于开展养老机构安全检查的通知', '各区民政局:请按要求开展检查。', '2024年3月8日'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', lines: [3, 3] },
        { kind: 'paragraph', text: '2024年3月8日' },
      ],
    },
    {
      // line 5, the author's bracketed credit, stands right above the next article's heading
      name: "Markdown: an author's bracketed credit right over the next heading closes the article above; it is no kicker",
      text: page('# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。', '(本报记者 林涛)', '## 北坡县养老驿站开张', '驿站为老人提供助餐服务。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', lines: [3, 3] },
        { kind: 'paragraph', text: '（本报记者 林涛）' },
        { kind: 'heading', level: 2 },
        { kind: 'paragraph', lines: [9, 9] },
      ],
    },
    {
      // lines 1-3: the running head's page number, the page's rubric right under it, the date;
      // line 9: the page number at the foot; line 11: the editor credited without a colon
      name: "raw: the running head's page number and date over the page's first text, and the page number at its foot, are furniture",
      text: page(['06', '综合新闻', '2024.12.05'], lead(['南湖区民政局组织社', '工开展上门探访服务。']), '07', '本版编辑 林涛'),
      blocks: [
        { kind: 'furniture', text: '06', lines: [1, 1] },
        { kind: 'furniture', text: '综合新闻', lines: [2, 2] },
        { kind: 'furniture', text: '2024.12.05', lines: [3, 3] },
        { kind: 'paragraph', lines: [5, 6] },
        { kind: 'furniture', text: '07', lines: [8, 8] },
        { kind: 'furniture', text: '本版编辑 林涛', lines: [10, 10] },
      ],
    },
    {
      // lines 1-2: the running head set across the page, its pieces far apart on each line;
      // line 4, the headline, would run on from the unfinished second line over the blank
      name: "raw: a running head whose pieces stand far apart on one line, over the page's first text, is furniture",
      text: page(['03                    养老服务', '2026 年 4 月 16 日  星期四          责任编辑：刘畅'], '北坡县养老驿站开张', lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [
        { kind: 'furniture', text: '03养老服务', lines: [1, 1] },
        { kind: 'furniture', lines: [2, 2] },
        { kind: 'heading', text: '北坡县养老驿站开张', lines: [4, 4] },
        { kind: 'paragraph', lines: [6, 7] },
      ],
    },
    {
      // lines 1-2: the running head's pieces run together on each line, a space or a dot apart
      name: "raw: a running head's rubric, page number, date and editor run together on lines over the page's first text are furniture",
      text: page([' 养老服务 · 第 05 版', ' 2023 年 6 月 15 日 星期四 责任编辑：宋雨桐', '07 基层治理'], '北坡县养老驿站开张', lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [
        { kind: 'furniture', text: '养老服务·第05版', lines: [1, 1] },
        { kind: 'furniture', lines: [2, 2] },
        { kind: 'furniture', text: '07基层治理', lines: [3, 3] },
        { kind: 'heading', text: '北坡县养老驿站开张', lines: [5, 5] },
        { kind: 'paragraph', lines: [7, 8] },
      ],
    },
    {
      // line 2: under the page number, right on the kicker, with no blank between
      name: "raw: a rubric of two names joined by a middle dot, under the running head's page number, is furniture",
      text: page([' 03', ' 慈善·公益', ' 深耕乡村慈善 激活内生动力', ' 北坡县：首家养老驿站开张'], lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [
        { kind: 'furniture', text: '03', lines: [1, 1] },
        { kind: 'furniture', text: '慈善·公益', lines: [2, 2] },
        { kind: 'heading', lines: [3, 4] },
        { kind: 'paragraph', lines: [6, 7] },
      ],
    },
    {
      // line 1: the paper's name and its section, a middle dot apart, right over the issue's date
      name: "raw: a paper's name and its section joined by a middle dot, right over the running head's date, are furniture",
      text: page([' 北坡社区工作周刊 · 深度', ' 2026 年 4 月 23 日  第 16 期', ' 北坡县养老驿站开张'], lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [
        { kind: 'furniture', text: '北坡社区工作周刊·深度', lines: [1, 1] },
        { kind: 'furniture', lines: [2, 2] },
        { kind: 'heading', text: '北坡县养老驿站开张', lines: [3, 3] },
        { kind: 'paragraph', lines: [5, 6] },
      ],
    },
    {
      // line 1: the page's section, a middle dot between its names, with the page number set against it
      name: "raw: a section's name joined by a middle dot with the page number beside it, over the page's first text, is furniture",
      text: page(' 养老·社会事务  11', lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [{ kind: 'furniture', text: '养老·社会事务11', lines: [1, 1] }, { kind: 'paragraph', lines: [3, 4] }],
    },
    {
      // line 2: a colon after a topic in quoted words, past where a place's colon comes
      name: 'raw: a headline whose colon follows a topic in quoted words, far into the line, is a headline line',
      text: page('北坡县养老驿站开张', [' 从“有人管护”到“管护得好”：北坡县', ' 养老驿站运行调查'], lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [{ kind: 'heading' }, { kind: 'heading', text: '从“有人管护”到“管护得好”：北坡县养老驿站运行调查', lines: [3, 4] }, { kind: 'paragraph' }],
    },
    {
      // line 5: the page number between middle dots, where one printed page ended
      name: 'Markdown: a page number set between middle dots is furniture',
      text: page('# 南湖区社工上门探访困难家庭', '南湖区民政局近日组织社工走进十二个社区,上门探访困难家庭。', '·10·'),
      blocks: [{ kind: 'heading', level: 1 }, { kind: 'paragraph', lines: [3, 3] }, { kind: 'furniture', text: '·10·', lines: [5, 5] }],
    },
    {
      // lines 5-6: a source note without brackets, its first line filling the column, its second the article's last
      name: 'raw: a source note without brackets broken over two lines where its first fills the column is one note',
      text: page(lead(['北坡县首家养老驿站', '日前开张迎客，驿站为老', '人提供助餐和日间照料。']), ['来源：北坡县民政局官方', '网站']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'attribution', text: '来源：北坡县民政局官方网站', lines: [5, 6] }],
    },
    {
      // line 5 falls short of the column: the note ends there, and line 6 is what follows the article
      name: 'raw: a source note without brackets that falls short of the column ends on its line, the line under it apart',
      text: page(lead(['北坡县首家养老驿站', '日前开张迎客，驿站为老', '人提供助餐和日间照料。']), ['来源：北坡县民政局', '北坡县养老驿站开张']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'attribution', text: '来源：北坡县民政局', lines: [5, 5] }, { kind: 'heading', text: '北坡县养老驿站开张', lines: [6, 6] }],
    },
    {
      name: 'raw: a teaser whose title asks a question before its leader dots is furniture',
      text: page('养老驿站如何“驿”起来？ …… 08 版', '北坡县养老驿站开张', lead(['北坡县首家养老驿站', '日前开张迎客。'])),
      blocks: [{ kind: 'furniture', lines: [1, 1] }, { kind: 'heading', text: '北坡县养老驿站开张' }, { kind: 'paragraph' }],
    },
    {
      // line 2 closes the report with a source note set without brackets; lines 4 and 6 are the next report's label and headline
      name: 'raw: a paragraph closed by an unbracketed source note ends its article: the short lines after it are no caption',
      text: page(lead(['北坡县救助管理办法日前印', '发。 来源：北坡县民政局']), '公益观察', '让志愿服务更有温度', lead(['冬日里，不少城市的街', '头多了红马甲的身影。'])),
      check: (p) => expect(p.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'heading', 'paragraph']),
    },
    {
      name: "raw: a headline opening with a count at the page's top is no running head",
      text: page('12 个社区建成养老驿站', lead(['北坡县十二个社区建', '成了养老驿站。'])),
      blocks: [{ kind: 'heading', text: '12个社区建成养老驿站' }, { kind: 'paragraph' }],
    },
    {
      name: 'raw: a line with a wide gap inside the text is the text’s',
      text: page(lead(['南湖区民政局组织社', '工开展上门      探访服务。'])),
      // (the gap between Han characters keeps one space, as a phrase separator would: OUTPUT.md rule 3)
      blocks: [{ kind: 'paragraph', text: '南湖区民政局组织社工开展上门 探访服务。' }],
    },
    {
      // lines 4-5: a label and its colon over a phrase, between a finished paragraph and text going on
      name: "raw: a short label and its colon over one line, inside a report, is a subhead, not a kicker over a headline",
      text: page(lead(['今年以来，南湖区民政局组', '织社工走进十二个社区，开', '展上门探访服务。']), ['一张床：', '把专业护理搬到家门口'], ['社区综合体二楼设有三十张', '护理床位，主要面向失能老', '人提供短期托养。']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'subhead', text: '一张床：把专业护理搬到家门口' }, { kind: 'paragraph', lines: [8, 10] }],
    },
    {
      // line 5 is set in (a box); lines 6-7 are flush, fill the column and run on into line 8
      name: "raw: flush lines that fill the column under a boxed headline and run on into the text are the body's",
      text: page(lead(['北坡县民政局今年组织', '社工走进十二个社区，开', '展上门探访服务工作。']), [' 北坡县开展殡葬收费检查', '北坡县民政局日前部署开', '展为期三个月的专项检查', '重点整治捆绑销售，结果', '将向社会公开。']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'heading', text: '北坡县开展殡葬收费检查' }, { kind: 'paragraph', text: '北坡县民政局日前部署开展为期三个月的专项检查重点整治捆绑销售，结果将向社会公开。' }],
    },
    {
      // lines 6-7 after a credit: flush, full, running on into line 8 without a sentence's end
      name: 'raw: after an article ends, flush lines that fill the column and run on are a brief printed without a headline',
      text: page(['北坡县民政局今年组织', '社工走进十二个社区，开', '展上门探访服务工作。', '（李明）'], ['南湖区日前为辖区七十八', '名独居老人免费安装燃气', '报警器，并将报警信号接', '入社区网格员的手机。']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'paragraph', lines: [4, 4] }, { kind: 'paragraph', lines: [6, 9] }],
    },
    {
      // line 7 opens with when it happened: the full line above it ends, a headline's
      name: 'raw: a full flush line over one that opens with a time and a comma stays a headline',
      text: page(['北坡县民政局今年组织', '社工走进十二个社区，开', '展上门探访服务工作。', '（李明）'], ['北坡县公布培育新清单', '6 月 7 日，北坡县民政局', '发布社区社会组织培育清', '单，明确四类重点方向。']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'paragraph', lines: [4, 4] }, { kind: 'heading', text: '北坡县公布培育新清单' }, { kind: 'paragraph', lines: [7, 9] }],
    },
    {
      name: 'raw: a place and its colon over one line, inside the text, is a headline group',
      text: page(lead(['今年以来，南湖区民政局组', '织社工走进十二个社区，开', '展上门探访服务。']), ['甘肃定西：', '旧厂房变身老年食堂'], ['在定西市安定区，闲置厂房', '改造成老年食堂，每天中午', '为老人提供热饭。']),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'heading', text: '甘肃定西：旧厂房变身老年食堂' }, { kind: 'paragraph', lines: [8, 10] }],
    },
    {
      // line 3 is a number a narrow column set on a line of its own, in mid-text
      name: 'raw: a number alone on a line inside the text is the text’s, not a page number',
      text: page(lead(['南湖区今年已协商解决', '问题', '2300', '余件，居民满意。'])),
      blocks: [{ kind: 'paragraph', text: '南湖区今年已协商解决问题2300余件，居民满意。' }],
    },
    {
      // lines 5-6: a numbered part's heading broken over two lines, blank around it
      name: "raw: a numbered part's heading between paragraphs is a subhead: its number's mark enumerates nothing",
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), ['一、“熟人慈善”', '激发热情'], ['社工为每位老人建立档', '案并登记生活需求。']),
      check: (p) => expect(p.blocks.map((b) => [b.kind, b.text])).toEqual([['paragraph', '南湖区民政局组织社工开展上门探访服务。'], ['subhead', '一、“熟人慈善”激发热情'], ['paragraph', '社工为每位老人建立档案并登记生活需求。']]),
    },
    {
      // lines 5-6: a numbered part's heading whose first line ends in a colon, blank around it
      name: "raw: a numbered part's heading ending its first line in a colon is a subhead, not a kicker over a headline",
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), ['三、评了有什么用：', '与补贴挂钩'], ['评定结果将作为购买', '服务的重要依据。']),
      check: (p) => expect(p.blocks.map((b) => [b.kind, b.text])).toEqual([['paragraph', '南湖区民政局组织社工开展上门探访服务。'], ['subhead', '三、评了有什么用：与补贴挂钩'], ['paragraph', '评定结果将作为购买服务的重要依据。']]),
    },
    {
      // the same words in a sentence of the body are no credit line
      name: 'a body line that names an editor in a sentence stays body text',
      text: page('# 南湖区社工上门探访困难家庭', '编辑:林涛说得好,社工要常去。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', text: '编辑：林涛说得好，社工要常去。' },
      ],
    },
    {
      // line 3 is set in from the column's edge, centred under the headline's first two lines,
      // and lists with an enumeration comma: still the headline's, not a paragraph of one line
      name: 'a centred headline line may hold an enumeration comma: the whole broken headline is a heading',
      text: ['社工站联合合作社', '让搬迁群众', '   稳得住、能致富', '', '■ 本报记者 林川', '', ...lead(['走进城东安置点，一', '排排新居整齐排列，社工', '正带着孩子们做游戏。'])],
      check: (p) => {
        expect(p.blocks.slice(0, 2).map((b) => [b.kind, b.lines])).toEqual([['heading', [1, 3]], ['byline', [5, 5]]]);
      },
    },
    {
      // line 4 is set right under the paragraph's finished last line, ends no sentence, and
      // the next report's lead follows it: a paragraph ends its sentence before a report starts
      name: 'a headline-shaped line ending no sentence, right after a finished one and over the next lead, is a heading',
      text: [...lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区开展上门探访。']), '网格员上门办事暖人心', '', ...lead(['“小王，我的养老', '认证怎么弄？”居民', '问道。'])],
      check: (p) => expect(p.blocks.slice(0, 3).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 3]], ['heading', [4, 4]], ['paragraph', [6, 8]]]),
    },
    {
      // a column break cuts the source note after line 3; line 5 closes it, and the article:
      // the headline lines under it (6-7) are the next report's, over its lead
      name: 'a line that closes a source note a column break cut ends the article: the headline lines below it are a heading',
      text: [...lead(['社区食堂开张后，老人', '们吃饭更方便了。（据北', '坡县民政局微信公众']), '', '号）', '南湖区社工上门探访困难家庭送温暖', '东岸社区邻里运动会热闹开幕', ...lead(['东岸社区近日举办了', '一场邻里运动会。'])],
      check: (p) => expect(p.blocks.slice(0, 2).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 5]], ['heading', [6, 7]]]),
    },
    {
      // line 5 is wider than the column; line 6, headline-shaped itself, falls short of line 7 by
      // its dropped indent: the body starts there, and line 5 is its headline
      name: 'a headline-shaped line wider than the column, right on a body whose first line shows its indent, is a heading',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区探访。']), ['退休老兵奔走为烈士寻亲', '北坡县退役军人李', '国栋十年来走访全国，', '帮助七十多位烈士找到亲人。']),
      check: (p) => expect(p.blocks.slice(0, 3).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 3]], ['heading', [5, 5]], ['paragraph', [6, 8]]]),
    },
    {
      name: 'a short line right under a byline is the body’s first, not a headline over it',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区探访。']), ['■ 记者 林川', '在北坡县城东', '社区的活动室里，老', '人们正在学习使用智能', '手机。']),
      check: (p) => expect(p.blocks.map((b) => b.kind)).not.toContain('heading'),
    },
    {
      // line 6 lists with an enumeration comma, as body text does, but sits right on the next
      // report's lead with its sentence unfinished: no paragraph ends so, a subtitle does
      name: 'a line right on the next lead, ending no sentence, may list with enumeration commas and still be a headline’s',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个', '社区探访。']), ['城北发现一处古代遗址', '出土陶器、石器等遗物三千余件', ...lead(['本报讯 考古人员', '近日在城北发现遗址。'])]),
      check: (p) => expect(p.blocks.slice(0, 3).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 3]], ['heading', [5, 6]], ['paragraph', [7, 8]]]),
    },
    {
      // the credit （林晓） is broken over lines 3-4; the blank after it is no column break
      name: "a credit broken over a paragraph's last lines ends the paragraph, blank line or not",
      text: page(lead(['社区食堂开张后，老人', '们都说吃饭更方便了。（林', '晓）']), ['城东街道今年开设', '了三家社区食堂，为老', '人提供助餐服务。']),
      blocks: [
        { kind: 'paragraph', text: '社区食堂开张后，老人们都说吃饭更方便了。（林晓）', lines: [1, 3] },
        { kind: 'paragraph', text: '城东街道今年开设了三家社区食堂，为老人提供助餐服务。', lines: [5, 7] },
      ],
    },
    {
      // lines 5-6 are no wider than the column and hang from no mark; line 8 is the next headline, over a dateline
      name: 'headline lines between blanks after a finished paragraph, above another headline over a report, are a heading',
      text: page(lead(['今年以来，南湖区民政', '局组织社工走进十二个社', '区开展上门探访服务。']), ['社区服务', '社工探访独居老人'], ['城东街道新开三家社区食堂', '本报讯（记者 林晓）', '城东街道今年开设', '了三家社区食堂，为老', '人提供助餐服务。']),
      check: (p) => {
        expect(p.blocks.slice(0, 3).map((b) => [b.kind, b.lines])).toEqual([['paragraph', [1, 3]], ['heading', [5, 6]], ['heading', [8, 8]]]);
      },
    },
    {
      // the lead's two lines stand between blanks after a finished paragraph, short as a subhead's
      name: 'a lead opening with a dateline, set off by blank lines, is a paragraph start, never a subhead',
      text: page(lead(['今年以来，南湖区民政局组', '织社工走进十二个社区开展上', '门探访服务，受到居民欢迎。']), lead(['本报南湖3月5日电', '（记者 林晓）城东']), ['街道今年开设了三家社区食堂', '为老人提供助餐服务，每餐只', '收八元钱。']),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'paragraph', text: '本报南湖3月5日电（记者 林晓）城东街道今年开设了三家社区食堂为老人提供助餐服务，每餐只收八元钱。', lines: [5, 10] },
      ],
    },
    {
      // the kicker is no wider than the column, the headline under it is: the two are one box
      name: 'a kicker above a headline wider than the column, after a finished sentence, is part of the heading',
      text: page(lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), ['守护一老一小——', '北坡县首家社区养老驿站正式开门迎客', '驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。']),
      blocks: [
        { kind: 'paragraph', text: '南湖区民政局今年组织社工走进十二个社区，开展上门探访服务。' },
        { kind: 'heading', text: '守护一老一小——北坡县首家社区养老驿站正式开门迎客' },
        { kind: 'paragraph', text: '驿站设在县城中心社区，可为周边老人提供助餐和日间照料服务。' },
      ],
    },
    {
      name: 'an unmarked headline-shaped line above a headline wider than the column is its kicker, in the heading',
      text: page(lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), ['守护一老一小', '北坡县首家社区养老驿站正式开门迎客', '驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。']),
      blocks: [{ kind: 'paragraph' }, { kind: 'heading', text: '守护一老一小北坡县首家社区养老驿站正式开门迎客', lines: [5, 6] }, { kind: 'paragraph', lines: [7, 9] }],
    },
    {
      name: 'two lines between paragraphs, the first ending in a kicker’s dash, are a headline group, not a subhead',
      text: page(lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), ['守护一老一小——', '养老驿站开门迎客'], ['驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。']),
      blocks: [{ kind: 'paragraph' }, { kind: 'heading', text: '守护一老一小——养老驿站开门迎客', lines: [5, 6] }, { kind: 'paragraph', lines: [8, 10] }],
    },
    {
      // paragraphs here start two characters short; the full line after the short one is a
      // headline only if a body opens under it, and the line under it runs on, full
      name: 'a full line after a paragraph’s short last line, with text running on full below it, starts a paragraph, not a headline',
      text: [...lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展上门探访服务。', '探访中。']), '社工为老人测量血', '压并登记需求。', '村委会相关负责人表示', '将为村里老人建立健康', '档案并定期上门回访。'],
      blocks: [{ kind: 'paragraph' }, { kind: 'paragraph', lines: [5, 6] }, { kind: 'paragraph', text: '村委会相关负责人表示将为村里老人建立健康档案并定期上门回访。' }],
    },
    {
      name: 'the same full line, with a body opening under it short by its indent, is a headline set right on its body',
      text: [...lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展上门探访服务。', '探访中。']), '社工为老人测量血', '压并登记需求。', '北坡县养老服务站开业', '驿站设在县城中', '心社区，为周边老人提', '供助餐服务。'],
      blocks: [{ kind: 'paragraph' }, { kind: 'paragraph', lines: [5, 6] }, { kind: 'heading', text: '北坡县养老服务站开业' }, { kind: 'paragraph', lines: [8, 10] }],
    },
    {
      name: 'a line cut off by a picture is no kicker of the wide caption line under the blank',
      text: page([...lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), '社工同时为老人建立'], ['社工在北坡县养老驿站为老人测量血压', '王芳 摄'], ['健康档案并定期回访。']),
      blocks: [{ kind: 'paragraph', text: '南湖区民政局今年组织社工走进十二个社区，开展上门探访服务。社工同时为老人建立健康档案并定期回访。' }, { kind: 'caption' }],
    },
    {
      name: 'after a full line ending a sentence, a line short of the next by its lost indent starts a paragraph',
      text: [...lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展探访。', '社工为老人测量血', '压并登记生活需求。']), '村委会负责人介', '绍，将为老人建立健康', '档案并定期回访。'],
      blocks: [{ kind: 'paragraph' }, { kind: 'paragraph', text: '社工为老人测量血压并登记生活需求。' }, { kind: 'paragraph', text: '村委会负责人介绍，将为老人建立健康档案并定期回访。' }],
    },
    {
      // the line after holds more than a full line's width (half-width digits), which says no
      // more about an indent than a full line does
      name: 'a line is not short by an indent against a next line wider than the column',
      text: [...lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展探访。', '社工为老人测量血压，', '并登记生活需求意愿。']), '村委会负责人介绍说，', '全县2024年新建社区食堂助', '餐点三十个。'],
      blocks: [{ kind: 'paragraph' }, { kind: 'paragraph', text: '社工为老人测量血压，并登记生活需求意愿。村委会负责人介绍说，全县2024年新建社区食堂助餐点三十个。' }],
    },
    {
      name: 'a headline between paragraphs with its subtitle set off by a blank line below is one heading, not a subhead or body',
      text: page(lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), ['北坡县养老驿站', '开门迎客'], '——可为周边老人提供助餐服务', lead(['驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。'])),
      blocks: [{ kind: 'paragraph' }, { kind: 'heading', text: '北坡县养老驿站开门迎客——可为周边老人提供助餐服务', lines: [5, 8] }, { kind: 'paragraph', lead: true }],
    },
    {
      name: 'a source note a five-character column broke over five lines ends its article: the headline lines set right under it are a heading',
      text: [...lead(['南湖区民政', '局今年组织', '社工走进十', '二个社区，', '开展探访。（据', '北坡县民政', '局微信公众', '号发布消息', '整理）']), '守护一老一小——', '北坡县首家社区养老驿站开门', '驿站设', '在县城中心', '社区，为老', '人提供助餐。'],
      blocks: [{ kind: 'paragraph', lines: [1, 9] }, { kind: 'heading', text: '守护一老一小——北坡县首家社区养老驿站开门', lines: [10, 11] }, { kind: 'paragraph', lines: [12, 15] }],
    },
    {
      name: 'a kicker and a wide headline set right on the sentence before them start a heading there',
      text: [...lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访服务。']), '守护一老一小——', '北坡县首家社区养老驿站正式开门迎客', '驿站设在县城中心', '社区，可为周边老人提', '供助餐和日间照料服务。'],
      blocks: [
        { kind: 'paragraph', text: '南湖区民政局今年组织社工走进十二个社区，开展上门探访服务。' },
        { kind: 'heading', text: '守护一老一小——北坡县首家社区养老驿站正式开门迎客', lines: [4, 5] },
        { kind: 'paragraph', lines: [6, 8] },
      ],
    },
    {
      name: "a credit after a line's last sentence ends the paragraph, though the next article's text follows on the next line",
      text: [...lead(['南湖区民政局今年组织', '社工走进十二个社区，', '开展上门探访。（王芳）']), '记者从民政局获悉，今', '年全县新建社区食堂十', '二家。'],
      blocks: [
        { kind: 'paragraph', text: '南湖区民政局今年组织社工走进十二个社区，开展上门探访。（王芳）' },
        { kind: 'paragraph', text: '记者从民政局获悉，今年全县新建社区食堂十二家。' },
      ],
    },
    {
      // the column above is thirteen characters, the one below six: the headline is no wider
      // than the first, but it opens the second, and is measured against it
      name: 'a line after a blank is measured against the column it opens, where the columns on either side differ',
      text: page(
        lead(['南湖区民政局今年组织社工走', '进十二个社区，为困难家庭上', '门送去米面油等生活物资，并', '为老人测量血压、登记需求。']),
        ['北坡县社区养老驿站开门迎客', '驿站设在', '县城中心', '社区，可', '为周边老', '人提供助', '餐服务。'],
      ),
      blocks: [
        { kind: 'paragraph', lines: [1, 4] },
        { kind: 'heading', text: '北坡县社区养老驿站开门迎客' },
        { kind: 'paragraph', text: '驿站设在县城中心社区，可为周边老人提供助餐服务。' },
      ],
    },
    {
      name: 'a blank line inside a sentence is a column break, joined',
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二']), ['个社区，为困难家庭上', '门送去生活物资。']),
      blocks: [{ kind: 'paragraph', text: '今年以来，南湖区民政局组织社工走进十二个社区，为困难家庭上门送去生活物资。', lead: true }],
    },
    {
      name: 'a short last line that ends a sentence ends the paragraph',
      text: [...lead(['今年以来，南湖区民', '政局组织社工开展探访。', '探访中。']), '社工为老人测量血压', '并登记生活需求和意愿。'],
      blocks: [{ kind: 'paragraph', text: '今年以来，南湖区民政局组织社工开展探访。探访中。' }, { kind: 'paragraph', text: '社工为老人测量血压并登记生活需求和意愿。' }],
    },
    {
      name: 'headline-shaped lines at the top of the page are a heading block',
      text: ['北坡县首家养老驿站开门迎客', ...first],
      blocks: [{ kind: 'heading', text: '北坡县首家养老驿站开门迎客' }, { kind: 'paragraph' }],
    },
    {
      name: 'a rubric alone at the top of the page is furniture',
      text: page('民生', ['北坡县首家养老驿站开门迎客', ...first]),
      blocks: [{ kind: 'furniture', text: '民生' }, { kind: 'heading' }, { kind: 'paragraph' }],
    },
    {
      name: 'a short headline-shaped line between paragraphs is a subhead',
      text: page(first, '精准对接需求', ['社工为老人测量血压并', '登记生活需求。']),
      blocks: [{ kind: 'paragraph' }, { kind: 'subhead', text: '精准对接需求' }, { kind: 'paragraph' }],
    },
    {
      name: 'a dateline after a finished sentence starts a paragraph that opens an article',
      text: [...first, '新华社南宁3月2日电 南', '宁市今年将新建社区食', '堂五十家。'],
      blocks: [{ kind: 'paragraph', lead: true }, { kind: 'paragraph', text: '新华社南宁3月2日电 南宁市今年将新建社区食堂五十家。', lead: true }],
    },
    {
      name: 'a caption that cuts a sentence, ending with a photo credit, is taken out and the sentence mended',
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二']), ['社工为老人测量血压', '王芳 摄'], ['个社区开展上门探访。']),
      blocks: [
        { kind: 'paragraph', text: '今年以来，南湖区民政局组织社工走进十二个社区开展上门探访。' },
        { kind: 'caption', text: '社工为老人测量血压王芳 摄' },
      ],
    },
    {
      // `（记者 王芳 摄）` names a reporter, as a closing credit does, but credits the picture
      name: 'a caption sentence closed by a reporter’s photo credit in brackets is a caption, not an article’s end',
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二']), ['社工为老人测量血压。', '（记者 王芳 摄）'], ['个社区开展上门探访。']),
      blocks: [
        { kind: 'paragraph', text: '今年以来，南湖区民政局组织社工走进十二个社区开展上门探访。' },
        { kind: 'caption', text: '社工为老人测量血压。（记者 王芳 摄）' },
      ],
    },
    {
      name: 'a line without a credit, set off by blanks in mid-sentence and ending short of the column, is a caption: a sentence runs on only from a full line',
      text: page(lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展上门探访服务为困']), '社工在老人家中探访', ['难家庭送去生活物资和', '节日问候。']),
      blocks: [
        { kind: 'paragraph', text: '南湖区民政局今年组织社工走进十二个社区开展上门探访服务为困难家庭送去生活物资和节日问候。' },
        { kind: 'caption', text: '社工在老人家中探访' },
      ],
    },
    {
      name: 'a line without a credit, set off by blanks in mid-sentence and a character wider than the column, is a caption: no line of the column is wider',
      text: page(lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展上门探访服务为困']), '社工在老人家中探访慰问', ['难家庭送去生活物资和', '节日问候。']),
      blocks: [
        { kind: 'paragraph', text: '南湖区民政局今年组织社工走进十二个社区开展上门探访服务为困难家庭送去生活物资和节日问候。' },
        { kind: 'caption', text: '社工在老人家中探访慰问' },
      ],
    },
    {
      name: 'with fullLineCells 2 the same line counts as full, and the sentence runs through it',
      options: { fullLineCells: 2 },
      text: page(lead(['南湖区民政局今年组', '织社工走进十二个社区', '开展上门探访服务为困']), '社工在老人家中探访', ['难家庭送去生活物资和', '节日问候。']),
      check: (p) => expect(p.blocks.some((b) => b.kind === 'caption')).toBe(false),
    },
    {
      name: 'a source note broken over two lines of its own is one attribution block',
      text: page(first, ['（据《北坡', '日报》）'], ['北坡县首家养老驿站开门迎客']),
      blocks: [{ kind: 'paragraph' }, { kind: 'attribution', text: '（据《北坡日报》）', lines: [5, 6] }, { kind: 'heading' }],
    },
    {
      name: 'with maxCaptionLines 0 a credit-ended line is no caption',
      options: { maxCaptionLines: 0 },
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二']), ['社工为老人测量血压', '王芳 摄'], ['个社区开展上门探访。']),
      check: (p) => expect(p.blocks.some((b) => b.kind === 'caption')).toBe(false),
    },
    {
      name: 'a page that kept its paragraph indents starts paragraphs there only: a blank before an unindented line is a column break, an indented short line no headline',
      text: page(['\u3000\u3000今年以来，南湖区', '民政局组织社工走进十', '二个社区开展探访。'], ['\u3000\u3000上门探访困难家庭', '社工为老人测量血压，'], ['并登记生活需求。'], ['\u3000\u3000社工还为老人送去', '生活物资。']),
      blocks: [
        { kind: 'paragraph', text: '今年以来，南湖区民政局组织社工走进十二个社区开展探访。' },
        { kind: 'paragraph', text: '上门探访困难家庭社工为老人测量血压，并登记生活需求。' },
        { kind: 'paragraph', text: '社工还为老人送去生活物资。' },
      ],
    },
    {
      name: 'after a source note, a run of its own holding one comma between two phrases is a headline',
      text: page(first, '（据《北坡日报》）', ['百名社工进社区，', '困难家庭有人帮'], lead(['北坡县民政局近日组', '织社工走进十二个社区。'])),
      blocks: [{ kind: 'paragraph' }, { kind: 'attribution' }, { kind: 'heading', text: '百名社工进社区，困难家庭有人帮' }, { kind: 'paragraph' }],
    },
    {
      // line 7 fills the column as a column break's paragraph would, but the next report's lead follows it
      name: 'after a source note, a two-phrase run of its own over the next lead is a headline whatever its width',
      text: page(first, '（据《北坡日报》）', '社工进社区，困难户有人帮', lead(['北坡县民政局近日组', '织社工走进十二个社区。'])),
      blocks: [{ kind: 'paragraph' }, { kind: 'attribution' }, { kind: 'heading', text: '社工进社区，困难户有人帮' }, { kind: 'paragraph' }],
    },
    {
      name: 'after a plain headline line, a line with a comma is the body’s first',
      text: page(first, '（据《北坡日报》）', ['北坡县百名社工走进社区', '近日，北坡县民政局组'], ['织社工走进十二个社区。']),
      blocks: [{ kind: 'paragraph' }, { kind: 'attribution' }, { kind: 'heading', text: '北坡县百名社工走进社区' }, { kind: 'paragraph', text: '近日，北坡县民政局组织社工走进十二个社区。' }],
    },
    {
      name: 'at the page top, headline lines whose last holds a comma, right above a lead, are all headlines',
      // a body's first line would go on below: it cannot end, unfinished, where the next report's lead begins
      text: page([' 北坡县百名社工走进社区', ' 南湖区新建十二家社区食堂', ' 暑期防溺水，课堂搬到河边'], lead(['北坡县民政局近日组', '织社工走进十二个社区。'])),
      blocks: [{ kind: 'heading', lines: [1, 3] }, { kind: 'paragraph', lead: true }],
    },
    {
      name: 'a headline’s last line is no dateline because the next report’s lead below opens with one',
      // read together, the headline’s end and the lead (…本报北坡…日电) look like a dateline of a news agency
      text: page([' 护河志愿队守了', ' 十个冬天'], lead(['本报北坡 5 月 6 日电 北', '坡县护河志愿队今年十岁。'])),
      blocks: [{ kind: 'heading', text: '护河志愿队守了十个冬天' }, { kind: 'paragraph', lead: true }],
    },
    {
      name: 'a headline-shaped line set right under a byline is the body’s first line',
      text: page(['■本报记者 林川', '记者从北坡县获', '悉，全县新建社区食堂十二', '家，为老人提供助餐服务，', '受到居民欢迎。']),
      blocks: [{ kind: 'byline' }, { kind: 'paragraph', text: '记者从北坡县获悉，全县新建社区食堂十二家，为老人提供助餐服务，受到居民欢迎。' }],
    },
    {
      name: 'a line opening a quotation it does not close is no headline',
      text: page([...lead(['今年以来，南湖区民', '政局组织社工走进十二', '个社区探访。']), '“过去看病要跑县城去'], ['挂号，现在家门口就能', '看。”村民李大爷说。']),
      blocks: [{ kind: 'paragraph' }, { kind: 'paragraph', text: '“过去看病要跑县城去挂号，现在家门口就能看。”村民李大爷说。' }],
    },
    {
      name: 'Markdown: a short headline-shaped line between a finished paragraph and the next sentence is a subhead',
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两百平方米。', '让邻居帮邻居', '除了康复训练，社工站还开设了照护课堂。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'subhead', text: '让邻居帮邻居' }, { kind: 'paragraph', text: '除了康复训练，社工站还开设了照护课堂。' }],
    },
    {
      name: 'Markdown: with maxSubheadChars 4 the same line is the start of a paragraph a page break cut',
      options: { maxSubheadChars: 4 },
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两百平方米。', '让邻居帮邻居', '除了康复训练，社工站还开设了照护课堂。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'paragraph', text: '让邻居帮邻居除了康复训练，社工站还开设了照护课堂。' }],
    },
    {
      name: 'Markdown: a paragraph a page break cut is joined across the page furniture between its halves',
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两', '第 3 版', '百平方米，配有多种训练设备。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph', text: '康复站今年九月正式开放，面积约两百平方米，配有多种训练设备。' }, { kind: 'furniture', text: '第3版' }],
    },
    {
      name: 'Markdown: a page number and the running head beside it, between the halves of a sentence, are furniture',
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两', '— 7 —', '社区周刊', '百平方米，配有多种训练设备。'),
      blocks: [
        { kind: 'heading' },
        { kind: 'paragraph', text: '康复站今年九月正式开放，面积约两百平方米，配有多种训练设备。' },
        { kind: 'furniture', text: '—7—' },
        { kind: 'furniture', text: '社区周刊' },
      ],
    },
    {
      name: 'Markdown: the running head printed above the page number is furniture too',
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两', '社区周刊', '12', '百平方米，配有多种训练设备。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph', text: '康复站今年九月正式开放，面积约两百平方米，配有多种训练设备。' }, { kind: 'furniture', text: '社区周刊' }, { kind: 'furniture', text: '12' }],
    },
    {
      name: 'Markdown: a plain headline-shaped line under a heading, above text, is its subtitle',
      text: page('# 东岸社区康复站启用', '老人在家门口就能做康复', '康复站配备了多种训练设备。'),
      blocks: [{ kind: 'heading', level: 1 }, { kind: 'heading', text: '老人在家门口就能做康复' }, { kind: 'paragraph' }],
    },
    {
      name: 'Markdown: with maxTitleChars 4 the same line stays a paragraph',
      options: { maxTitleChars: 4 },
      text: page('# 东岸社区康复站启用', '老人在家门口就能做康复', '康复站配备了多种训练设备。'),
      // unmarked and unfinished, it runs on into the next paragraph as a page break would have cut it
      blocks: [{ kind: 'heading' }, { kind: 'paragraph', text: '老人在家门口就能做康复康复站配备了多种训练设备。' }],
    },
    {
      name: 'between a finished paragraph and the next lead, a run of headline lines, one with a comma, is a heading',
      text: page(lead(['西坡镇敬老院今年新', '添了康复室和阅览室，', '老人们常来这里活动。']), ['敬老院里过端午', '包粽子，老人们笑开了颜', '西坡镇敬老院办起节日活动'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      blocks: [
        { kind: 'paragraph', lines: [1, 3] },
        { kind: 'heading', lines: [5, 7] },
        { kind: 'paragraph', lines: [9, 11], lead: true },
      ],
    },
    {
      name: 'a headline of two phrases set in a box, wider than the column, between a finished paragraph and the next lead is a heading',
      text: page(lead(['西坡镇敬老院今年新', '添了康复室和阅览室，', '老人们常来这里活动。']), ' 敬老院里过端午，老人们包粽子笑开了颜', lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'heading', lines: [5, 5] }, { kind: 'paragraph', lines: [7, 9], lead: true }],
    },
    {
      name: 'after a source note, a headline of two phrases wider than the column is a heading',
      text: page(lead(['西坡镇敬老院今年新', '添了康复室和阅览室，', '老人们常来这里活动。']), '（据西坡镇政府网站）', '敬老院里过端午，老人们包粽子笑开了颜', lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      check: (p) => expect(p.blocks.find((b) => b.kind === 'heading')?.text).toBe('敬老院里过端午，老人们包粽子笑开了颜'),
    },
    {
      // line 8 fills the column as a paragraph's line cut by a column break would; line 7 is wider than any
      name: 'after a source note, a two-phrase headline over its subtitle is a heading when one of its lines is wider than the column',
      text: page(lead(['西坡镇敬老院今年新', '添了康复室和阅览室，', '老人们常来这里活动。']), '（据西坡镇政府网站）', ['敬老院里过端午，老人们包粽子笑开了颜', '社工陪伴老人欢度佳节'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      check: (p) => expect(p.blocks.find((b) => b.kind === 'heading')?.lines).toEqual([7, 8]),
    },
    {
      name: 'short headline lines between a finished paragraph and, past a blank, the next lead are a heading',
      text: page(lead(['西坡镇敬老院今年新', '添了康复室和阅览室，', '老人们常来这里活动。']), ['粽叶飘香', '敬老院里过端午'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      blocks: [{ kind: 'paragraph', lines: [1, 3] }, { kind: 'heading', lines: [5, 6] }, { kind: 'paragraph', lines: [8, 10], lead: true }],
    },
    {
      name: 'the same run ending a sentence is a paragraph of the report before, not a heading',
      text: page(lead(['西坡镇敬老院今年新', '添了康复室和阅览室，', '老人们常来这里活动。']), ['敬老院里过端午', '包粽子，老人们笑开了颜。'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      check: (p) => expect(p.blocks.map((b) => b.kind)).not.toContain('heading'),
    },
    {
      name: 'a rubric at the page top right above a headline many times its length is page furniture',
      text: page([' 民政', ' 西坡镇敬老院办起端午节包粽子活动'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      blocks: [{ kind: 'furniture', text: '民政', lines: [1, 1] }, { kind: 'heading', lines: [2, 2] }, { kind: 'paragraph', lead: true }],
    },
    {
      // four characters over thirteen: a headline breaks at a phrase nearer its middle
      name: 'a four-character rubric at the page top over a line three times its length is page furniture',
      text: page([' 本期导读', ' 西坡镇敬老院办起端午包粽子活动'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      blocks: [{ kind: 'furniture', text: '本期导读', lines: [1, 1] }, { kind: 'heading', lines: [2, 2] }, { kind: 'paragraph', lead: true }],
    },
    {
      name: 'with rubricRatio 20 the same line is the first part of a headline broken in two',
      text: page([' 民政', ' 西坡镇敬老院办起端午节包粽子活动'], lead(['端午节前一天，西', '坡镇敬老院里飘着粽', '叶的清香。'])),
      options: { rubricRatio: 20 },
      blocks: [{ kind: 'heading', lines: [1, 2] }, { kind: 'paragraph', lead: true }],
    },
  ],
  invalid: [
    {
      // line 5 holds a sentence and its credit, between the halves of the sentence on lines 3 and 7
      name: "Markdown: a caption of a sentence closed by the photographer's credit on its own line is lifted out of the sentence it cut",
      text: page('# 东岸社区康复站启用', '康复站配备了多种训练设备,由专业康复师和社工共同', '9月12日,社工在康复站陪老人锻炼。 林涛 摄', '为居民提供服务,每周开放五天。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', text: '康复站配备了多种训练设备，由专业康复师和社工共同为居民提供服务，每周开放五天。', lines: [3, 7] },
        { kind: 'caption', text: '9月12日，社工在康复站陪老人锻炼。林涛 摄', lines: [5, 5] },
      ],
      messages: [{ line: 5, message: /picture caption/ }],
    },
    {
      // the subhead (line 9) follows the paragraph mended round the caption, which ends its sentence
      name: 'Markdown: a subhead after a paragraph a caption was lifted from is still a subhead',
      text: page('# 东岸社区康复站启用', '康复站配备了多种训练设备,由专业康复师和社工共同', '社工在康复站陪老人锻炼 林涛 摄', '为居民提供服务,每周开放五天。', '上门服务', '站里还为行动不便的老人提供上门服务。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', lines: [3, 7] },
        { kind: 'caption', lines: [5, 5] },
        { kind: 'subhead', text: '上门服务' },
        { kind: 'paragraph', text: '站里还为行动不便的老人提供上门服务。' },
      ],
      messages: [{ line: 5, message: /picture caption/ }],
    },
    {
      name: 'Markdown: with maxRunningHeadChars 0 the line beside the page number is read as a caption in the sentence, and the number is still furniture',
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两', '— 7 —', '社区周刊', '百平方米，配有多种训练设备。'),
      options: { maxRunningHeadChars: 0 },
      blocks: [{ kind: 'heading' }, { kind: 'paragraph', text: '康复站今年九月正式开放，面积约两百平方米，配有多种训练设备。' }, { kind: 'furniture', text: '—7—' }, { kind: 'caption', text: '社区周刊' }],
      messages: [{ line: 7, message: /picture caption/ }],
    },
    {
      name: 'Markdown: a short line over a caption-like line is a paragraph start a page break cut, not a subhead',
      text: page('# 东岸社区康复站启用', '康复站今年九月正式开放，面积约两百平方米。', '康复站配备了', '康复师指导居民训练', '平衡训练台等多台器材，由社工管理。'),
      blocks: [{ kind: 'heading' }, { kind: 'paragraph' }, { kind: 'paragraph', text: '康复站配备了平衡训练台等多台器材，由社工管理。' }, { kind: 'caption', text: '康复师指导居民训练' }],
      messages: [{ line: 7, message: /picture caption/ }],
    },
    {
      name: 'a blank line after a finished sentence, then a full line, is read as a column break and reported',
      text: page(lead(['今年以来，南湖区民', '政局组织社工走进十二', '个社区开展探访和服务。']), ['社工为每位老人建立档', '案并登记生活需求。']),
      blocks: [{ kind: 'paragraph', text: '今年以来，南湖区民政局组织社工走进十二个社区开展探访和服务。社工为每位老人建立档案并登记生活需求。' }],
      messages: [{ line: 5, message: /column break/ }],
    },
    {
      // lines 5-6: a caption that is a sentence, and its credit on the line right under it
      name: 'Markdown: a caption sentence with its photographer’s credit on the next line is one caption, taken out of the sentence it cut',
      text: page('# 东岸社区康复站启用', '康复站配备了多种训练设备,由专业康复师和社工共同', ['康复师指导老人进行上肢训练。', '(记者 林川 摄)'], '为居民提供服务,每周开放五天。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', text: '康复站配备了多种训练设备，由专业康复师和社工共同为居民提供服务，每周开放五天。', lines: [3, 8] },
        { kind: 'caption', text: '康复师指导老人进行上肢训练。（记者 林川 摄）', lines: [5, 6] },
      ],
      messages: [{ line: 5, message: /picture caption/ }],
    },
    {
      name: 'Markdown: between finished paragraphs, a short line ending with a photographer’s credit is a caption',
      text: betweenParagraphs('康复师指导老人进行上肢训练 林川 摄'),
      blocks: captionBetween('康复师指导老人进行上肢训练 林川 摄', [5, 5]),
      messages: [{ line: 5, message: /picture caption/ }],
    },
    {
      name: 'Markdown: between finished paragraphs, a short line with the credit on the line right under it is one caption',
      text: betweenParagraphs(['康复师指导老人进行上肢训练', '林川 摄']),
      blocks: captionBetween('康复师指导老人进行上肢训练林川 摄', [5, 6]),
      messages: [{ line: 5, message: /picture caption/ }],
    },
    {
      name: 'Markdown: a paragraph cut by a page break is joined, and the caption taken out of it is reported',
      text: page('# 东岸社区康复站启用', '康复站配备了多种训练设备,由专业康复师和社工共同', '康复师指导老人进行上肢训练', '为居民提供服务,每周开放五天。'),
      blocks: [
        { kind: 'heading', level: 1 },
        { kind: 'paragraph', text: '康复站配备了多种训练设备，由专业康复师和社工共同为居民提供服务，每周开放五天。' },
        { kind: 'caption', text: '康复师指导老人进行上肢训练' },
      ],
      messages: [{ line: 5, message: /picture caption/ }],
    },
  ],
});
