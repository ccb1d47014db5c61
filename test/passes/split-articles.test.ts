import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { splitArticles } from '../../src/passes/split-articles.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { trailingCredits } from '../../src/passes/trailing-credits.js';
import { lead, page, testPass } from '../pass-tester.js';

const before = [detectDialect, stripGlyphs, markdownHeadings, letterSpacing, canonicalText, rejoinLines, trailingCredits];

testPass(splitArticles, {
  before,
  valid: [
    {
      name: 'a lead marker starts a new article',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), lead(['北坡县首家养老驿站', '日前正式开门迎客。'])),
      articles: [{ body: [{ text: '南湖区民政局组织社工开展上门探访服务。' }] }, { body: [{ text: '北坡县首家养老驿站日前正式开门迎客。' }] }],
    },
    {
      name: 'an override that no article starts at a lead line keeps the article going',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), lead(['北坡县首家养老驿站', '日前正式开门迎客。'])),
      overrides: [{ kind: 'no-article-start', line: 4 }],
      articles: [{ body: [{ text: '南湖区民政局组织社工开展上门探访服务。' }, { text: '北坡县首家养老驿站日前正式开门迎客。' }], lines: [1, 5] }],
    },
    {
      name: 'an override that no article starts after a source note reopens the article it closed',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '（据南湖区民政局）', ['北坡县首家养老驿站日', '前正式开门迎客。']),
      // line 6 is read as a headline (after an article's end, headline-shaped): it stays for the
      // headline pass, and the text after it goes on with the article the note closed
      overrides: [{ kind: 'no-article-start', line: 6 }],
      articles: [{ attribution: '据南湖区民政局', body: [{ lines: [1, 2] }, { lines: [7, 7] }], lines: [1, 7] }],
      blocks: [{ kind: 'heading', lines: [6, 6] }],
    },
    {
      name: 'an override that an article starts at a paragraph cuts there',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), ['北坡县首家养老驿站日', '前正式开门迎客。']),
      overrides: [{ kind: 'article-start', line: 4 }],
      articles: [{ body: [{ lines: [1, 2] }], lines: [1, 2] }, { body: [{ lines: [4, 5] }], lines: [4, 5] }],
    },
    {
      name: 'a source note ends its article and is its attribution',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '（据南湖区民政局）', ['北坡县首家养老驿站日', '前正式开门迎客。']),
      articles: [{ attribution: '据南湖区民政局' }, { attribution: null }],
    },
    {
      name: 'a Markdown heading over deeper headings is a section over their articles; headings stay for the headline pass',
      text: page('## 基层快讯', '### 北坡县：养老驿站开张', '驿站为老人提供助餐服务。', '### 南湖区：社工探访困难家庭', '社工走进十二个社区。'),
      articles: [{ section: '基层快讯' }, { section: '基层快讯' }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['北坡县：养老驿站开张', '南湖区：社工探访困难家庭']),
    },
    {
      name: 'a short heading letter-spaced across its line is a main headline in big type, not a section label, whatever it heads',
      text: page('## 邻 里 情 深', '### 社区食堂让独居老人吃上热乎饭', '驿站为老人提供助餐服务。', '### 南湖区：社工探访困难家庭', '社工走进十二个社区。'),
      articles: [{ section: null }, { section: null }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['邻里情深', '社区食堂让独居老人吃上热乎饭', '南湖区：社工探访困难家庭']),
    },
    {
      name: 'a heading hanging from a dash is a subtitle, not an article under a section',
      text: page('# 乡村书屋焕新颜', '## ——青禾县推动农家书屋提质增效', '书屋里新添了不少绘本。'),
      articles: [{ section: null }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['乡村书屋焕新颜', '——青禾县推动农家书屋提质增效']),
    },
    {
      name: 'a heading under a kicker is a main headline over its subtitle, not a section label',
      text: page('书香进万家：', '# 乡村书屋', '## 青禾县推动农家书屋提质增效', '书屋里新添了不少绘本。'),
      articles: [{ section: null }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['书香进万家：', '乡村书屋', '青禾县推动农家书屋提质增效']),
    },
    {
      name: 'a short heading over a deeper one that heads a single article is its main headline, not a section label',
      text: page('# 书香满村', '## 青禾县推动农家书屋提质增效', '书屋里新添了不少绘本。', '# 东岸社区康复站启用', '康复站配备了多种训练设备。'),
      articles: [{ section: null }, { section: null }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['书香满村', '青禾县推动农家书屋提质增效', '东岸社区康复站启用']),
    },
    {
      name: 'a short heading over a single article is its section when the deeper headline opens with its place, a main headline’s form',
      text: page('## 基层快讯', '### 北坡县：养老驿站开张', '驿站为老人提供助餐服务。'),
      articles: [{ section: '基层快讯' }],
    },
    {
      name: 'a report printed without a headline, under a section label, counts among its articles',
      text: page('## 基层快讯', '### 北坡县：养老驿站开张', '驿站为老人提供助餐服务。', '本报讯 南湖区社工近日走进十二个社区探访困难家庭。'),
      articles: [{ section: '基层快讯' }, { section: '基层快讯' }],
    },
    {
      name: 'a numbered Markdown heading inside a running article is a subhead of it',
      text: page('## 北坡县出台养老服务方案', '方案从三个方面提出要求。', '### 一、扩大助餐服务覆盖面', '到年底建成助餐点二十个。'),
      articles: [{ body: [{ kind: 'paragraph' }, { kind: 'subhead', text: '一、扩大助餐服务覆盖面' }, { kind: 'paragraph' }] }],
    },
    {
      name: 'a Markdown paragraph opening with a dateline starts an article',
      text: page('## 北坡县养老驿站开张', '驿站为老人提供助餐服务。', '本报讯（记者 林川）南湖区社工走进十二个社区。'),
      articles: [{ body: [{ text: '驿站为老人提供助餐服务。' }] }, { body: [{ text: '本报讯（记者 林川）南湖区社工走进十二个社区。' }] }],
    },
    {
      name: 'a dateline naming the place before 电 and the date after it starts an article too',
      text: page('## 北坡县养老驿站开张', '驿站为老人提供助餐服务。', '本报南湖电 5月3日，南湖区社工走进十二个社区。'),
      articles: [{ body: [{ text: '驿站为老人提供助餐服务。' }] }, { body: [{ text: '本报南湖电5月3日，南湖区社工走进十二个社区。' }] }],
    },
    {
      name: 'a source note set without brackets on a line of its own (来源：…) is the attribution and ends the article',
      text: page('## 北坡县养老驿站开张', '驿站为老人提供助餐服务。', '来源：北坡县民政局', '南湖区社工走进十二个社区。'),
      articles: [{ attribution: '来源：北坡县民政局', body: [{ text: '驿站为老人提供助餐服务。' }] }, { attribution: null, body: [{ text: '南湖区社工走进十二个社区。' }] }],
    },
    {
      name: 'a column label over a single article is its section when the page sets its other labels, each over several articles, at that size',
      text: page('## 观点', '### 让社工站站得稳', '社工站要留住人才，关键在于稳定的投入。', '## 基层快讯', '### 北坡县：养老驿站开张', '驿站为老人提供助餐服务。', '### 南湖区：社工探访困难家庭', '社工走进十二个社区。'),
      articles: [{ section: '观点' }, { section: '基层快讯' }, { section: '基层快讯' }],
    },
    {
      name: 'a short heading of the labels’ size whose words the text below holds is a main headline over its subtitle, not a label',
      text: page('## 托起幼小', '### 南湖区普惠托育机构新增托位八百个', '南湖区今年新增普惠托育机构十二家，托起幼小的民生需求。', '## 基层快讯', '### 北坡县：养老驿站开张', '驿站为老人提供助餐服务。', '### 南湖区：社工探访困难家庭', '社工走进十二个社区。'),
      articles: [{ section: null }, { section: '基层快讯' }, { section: '基层快讯' }],
      check: (p) => expect(p.blocks.map((b) => b.text).slice(0, 2)).toEqual(['托起幼小', '南湖区普惠托育机构新增托位八百个']),
    },
    {
      // line 5, a rubric spread across its line, stands between blanks after an article, over two headlines
      name: "raw: a rubric on a line of its own after an article, over two or more articles, is their column's section",
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '简 讯', '北坡县养老驿站开张', lead(['驿站为老人提供助', '餐和日间照料。']), '东岸社区举办运动会', lead(['居民们踊跃参加各', '项比赛项目。'])),
      articles: [{ section: null }, { section: '简讯' }, { section: '简讯' }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['北坡县养老驿站开张', '东岸社区举办运动会']),
    },
    {
      name: "raw: a rubric on a line of its own after an article, over briefs printed without headlines, is their section",
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '（据南湖区民政局）', '简讯', lead(['北坡县养老驿站日', '前开门迎客。']), '（据北坡县民政局）', lead(['东岸社区举办了居', '民运动会。'])),
      articles: [{ section: null }, { section: '简讯', headline: null }, { section: '简讯', headline: null }],
    },
    {
      // line 4: a short headline printed after its article, naming it, over the next report's lead
      name: 'raw: a short headline printed after the article it names, over the next lead, is no section',
      text: page(lead(['北坡县在十二个社区试', '点上门助浴服务。']), '（通讯员 韩冬）', '暖心助浴', lead(['南湖区民政局组织社', '工开展上门探访服务。']), '（据南湖区民政局）', lead(['东岸社区举办了居', '民运动会。'])),
      articles: [{ section: null }, { section: null }, { section: null }],
    },
    {
      // line 5: five characters spread across the line, whose 志愿 the stories around it share
      name: 'raw: a column label spread across its line in display type, after an article and over a headline and its text, is the section of the articles below',
      text: page(lead(['北坡县志愿者服务时', '长超过一万小时。']), '志 愿 者 风 采', '王秀兰的四点半课堂', lead(['七十一岁的王秀兰带', '着志愿者辅导孩子。']), '东岸社区举办运动会', lead(['居民们踊跃参加各', '项比赛项目。'])),
      articles: [{ section: null }, { section: '志愿者风采', headline: null }, { section: '志愿者风采' }],
    },
    {
      // lines 4 and 16 are labels spread alike; 志愿服务 names the story below line 16, and line 24
      // stands right over briefs set with neither headlines nor leads
      name: "raw: where one spread label heads its column, others spread alike do too, though a story holds their words or no headline follows",
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '民 政 动 态', '北坡县养老驿站开张', lead(['驿站为老人提供助', '餐和日间照料。']), '东岸社区举办运动会', lead(['居民们踊跃参加各', '项比赛项目。']),
        '志 愿 服 务', '银龄护学岗上岗', lead(['退休党员组成的志', '愿服务队守护校门。']), '大学生暑期支教', lead(['百名大学生分赴乡', '村开展支教。']),
        '简  讯', ['南湖区建成首个社工', '慈善综合服务站。'], '（据南湖日报）', ['青山区为独居老人', '安装燃气报警器。'], '（吴迪）'),
      check: (p) => {
        expect(p.articles.map((a) => a.section)).toEqual([null, '民政动态', '民政动态', '志愿服务', '志愿服务', '简讯', '简讯']);
        // (the headlines stay for match-headlines; no label is left among them)
        expect(p.blocks.map((b) => b.text)).toEqual(['北坡县养老驿站开张', '东岸社区举办运动会', '银龄护学岗上岗', '大学生暑期支教']);
      },
    },
    {
      // the first headline under the label holds a comma, so the label is read as an in-body subhead
      name: 'raw: a rubric read as an in-body subhead, right over the next headline, is the section of the articles below',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '简讯', '古村落修缮活化，老宅变身驿站', lead(['村里的老宅修缮', '后变成了驿站。']), '东岸社区举办运动会', lead(['居民们踊跃参加各', '项比赛项目。'])),
      articles: [{ section: null, body: [{ kind: 'paragraph' }] }, { section: '简讯' }, { section: '简讯' }],
    },
    {
      // lines 7 and 9 list two headlines for the bodies below them: the rubric over a list is the page's
      name: 'raw: a rubric over a list of headlines, not over a headline and its text, is no section',
      text: page(lead(['南湖区民政局组织社', '工开展上门探访服务。']), '简 讯', '北坡县养老驿站开张', '东岸社区举办运动会', lead(['驿站为老人提供助', '餐和日间照料。']), lead(['居民们踊跃参加各', '项比赛项目。'])),
      articles: [{ section: null }, { section: null }, { section: null }],
    },
    {
      name: 'raw: the same rubric at the page top over a list of headlines labels the page: it is no section',
      text: page('简 讯', ['北坡县养老驿站开张', '东岸社区举办运动会'], lead(['驿站为老人提供助', '餐和日间照料。']), lead(['居民们踊跃参加各', '项比赛项目。'])),
      articles: [{ section: null }, { section: null }],
    },
    {
      // line 3: under the running head's page number, set apart, right over the first report's text
      name: 'raw: a rubric under the running head, right over the articles themselves, is their section',
      text: page('06', '地方传真', lead(['北坡县首家养老驿', '站日前开门迎客。']), '（据北坡县民政局）', lead(['东岸社区举办了居', '民运动会。'])),
      articles: [{ section: '地方传真', attribution: '据北坡县民政局' }, { section: '地方传真' }],
      furniture: ['06'],
    },
    {
      name: 'raw: a rubric at the page top over a headline its text names, and its text, is their section',
      text: page('地方传真', '北坡县养老驿站开张', lead(['北坡县首家养老驿站', '日前开张迎客。']), '东岸社区举办运动会', lead(['居民们踊跃参加各', '项比赛项目。'])),
      articles: [{ section: '地方传真' }, { section: '地方传真' }],
    },
    {
      name: 'raw: a rubric at the page top the first story names is its topic, the page\'s furniture',
      text: page('养老', lead(['北坡县首家养老驿', '站日前开门迎客。']), '（据北坡县民政局）', lead(['东岸社区举办了居', '民运动会。'])),
      articles: [{ section: null }, { section: null }],
      furniture: ['养老'],
    },
    {
      // the first story holds 慈善 of 慈善动态: a word the column shares with its stories, not its topic
      name: 'raw: a rubric at the page top whose words the first story holds only in part is still their section',
      text: page('慈善动态', lead(['北坡县慈善会向养老', '驿站捐赠了餐桌。']), '（据北坡县民政局）', lead(['东岸社区举办了居', '民运动会。'])),
      articles: [{ section: '慈善动态' }, { section: '慈善动态' }],
    },
    {
      name: 'raw: a rubric at the page top over one article is furniture',
      text: page('地方传真', lead(['北坡县首家养老驿', '站日前开门迎客。', '驿站提供助餐服务。'])),
      articles: [{ section: null }],
      furniture: ['地方传真'],
    },
    {
      name: 'raw: a rubric at the page top set right on the first headline, with no blank line, is furniture',
      text: ['地方传真', '北坡县养老驿站开张', '', ...lead(['北坡县首家养老驿站', '日前开张迎客。']), '', '东岸社区举办运动会', '', ...lead(['居民们踊跃参加各', '项比赛项目。'])],
      articles: [{ section: null }, { section: null }],
    },
    {
      name: 'Markdown: a short label right over a headline of its size that opens with its place, over two or more, is their section',
      text: page('## 社会组织', '## 北坡县：社会组织年报掌上办', '北坡县登记的社会组织可以在线填报年报。', '## 南湖区：社会组织孵化基地挂牌', '南湖区首个社会组织孵化基地日前挂牌。'),
      articles: [{ section: '社会组织' }, { section: '社会组织' }],
      check: (p) => expect(p.blocks.map((b) => b.text)).toEqual(['北坡县：社会组织年报掌上办', '南湖区：社会组织孵化基地挂牌']),
    },
    {
      name: 'Markdown: a short heading over one place headline of its size is no section',
      text: page('## 社会组织', '## 北坡县：社会组织年报掌上办', '北坡县登记的社会组织可以在线填报年报。'),
      articles: [{ section: null }],
    },
    {
      name: 'Markdown: a label over reports printed without headlines, each opening with its dateline, is their section',
      text: page('## 部委动态', '### 民政部部署慈善日活动', '民政部日前部署慈善日系列活动。', '## 各地简讯', '本报讯 6月6日，北坡县发布养老地图。', '本报讯 6月7日，南湖区新增照护专区。', '### 东岸社区举办运动会', '东岸社区近日举办了运动会。'),
      articles: [{ section: '部委动态' }, { section: '各地简讯' }, { section: '各地简讯' }, { section: '各地简讯' }],
    },
    {
      name: 'a section heading whose only article is a credit, merged into the article before it, is kept as furniture',
      text: page('驿站为老人提供助餐服务。', '## 基层快讯', '### 北坡县：养老驿站开张', '■本报记者 王明'),
      articles: [{ section: null, byline: '本报记者 王明', body: [{ text: '驿站为老人提供助餐服务。' }] }],
      furniture: ['基层快讯'],
    },
  ],
  invalid: [
    {
      name: 'a second source note for one article is kept as furniture, and reported',
      text: page('## 北坡县养老驿站开张', '驿站为老人提供助餐服务。（据北坡县民政局）', '（据《北坡日报》）'),
      furniture: ['据《北坡日报》'],
      messages: [{ message: /second source note/ }],
    },
  ],
});
