import { parseText } from '../helpers.js';
import { lead } from '../pass-tester.js';
import type { Page } from '../../src/model/types.js';

/** The first line of an article's lead paragraph, with the `� �` OCR left where its indent was. */
const opening = (first: string) => lead([first]);

const bodies = (p: Page) => p.articles.map((a) => a.body.map((b) => b.text));
const headlines = (p: Page) => p.articles.map((a) => a.headline);

describe('rejoin-lines, raw columns', () => {
  test('a blank line inside a sentence is a column break, joined', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社',
      '',
      '区，为困难家庭上门送去',
      '生活物资和政策咨询。',
    ].join('\n'));
    expect(bodies(p)).toEqual([['今年以来，南湖区民政局组织社工走进十二个社区，为困难家庭上门送去生活物资和政策咨询。']]);
  });

  test('a blank line after a finished sentence ends the paragraph', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社',
      '区开展上门探访服务。',
      '',
      '探访中，社工为老人测',
      '量血压并登记生活需求。',
    ].join('\n'));
    expect(bodies(p)[0]).toHaveLength(2);
  });

  test('a short last line that ends a sentence ends the paragraph without a blank line', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社',
      '区开展探访。',
      '探访中，社工为老人测',
      '量血压并登记生活需求，',
      '还帮助他们申请补贴。',
    ].join('\n'));
    expect(bodies(p)[0]).toEqual(['今年以来，南湖区民政局组织社工走进十二个社区开展探访。', '探访中，社工为老人测量血压并登记生活需求，还帮助他们申请补贴。']);
  });

  test('a full line that ends a sentence does not end the paragraph', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社',
      '区开展上门探访服务。他们',
      '为老人测量血压并登记生',
      '活需求和各项服务意愿。',
    ].join('\n'));
    expect(bodies(p)[0]).toHaveLength(1);
  });

  test('a blank line between two full lines after a finished sentence is a column break, with a warning', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社',
      '区开展上门探访和服务。',
      '',
      '社工为每位老人建立档案',
      '并登记生活需求和意愿。',
    ].join('\n'));
    expect(bodies(p)[0]).toHaveLength(1);
    expect(p.messages.some((m) => m.origin === 'rejoin-lines' && m.line === 5)).toBe(true);
  });

  test('a short headline-shaped line between paragraphs is an in-body subhead', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社',
      '区开展上门探访服务。',
      '',
      '精准对接需求',
      '',
      '探访中，社工为老人测',
      '量血压并登记生活需求。',
    ].join('\n'));
    expect(p.articles[0]!.body.map((b) => b.kind)).toEqual(['paragraph', 'subhead', 'paragraph']);
    expect(p.articles[0]!.body[1]!.text).toBe('精准对接需求');
  });
});

describe('rejoin-lines, Markdown', () => {
  test('a paragraph cut by a page break is joined; a caption dropped into it is taken out', () => {
    const p = parseText([
      '# 东岸社区康复站启用',
      '',
      '康复站配备了多种训练设备,由专业康复师和社工共同',
      '',
      '康复师指导老人进行上肢训练',
      '',
      '为居民提供服务,每周开放五天。',
    ].join('\n'));
    expect(bodies(p)).toEqual([['康复站配备了多种训练设备，由专业康复师和社工共同为居民提供服务，每周开放五天。']]);
    expect(p.articles[0]!.captions).toEqual(['康复师指导老人进行上肢训练']);
  });
});

describe('split-articles', () => {
  test('a Markdown heading followed by deeper headings is a section over them', () => {
    const p = parseText([
      '## 基层快讯',
      '',
      '### 北坡县：养老驿站开张',
      '',
      '驿站为老人提供助餐服务。',
      '',
      '### 南湖区：社工探访困难家庭',
      '',
      '社工走进十二个社区。',
      '',
      '## 东岸社区康复站启用',
      '',
      '康复站配备了训练设备。',
    ].join('\n'));
    expect(p.articles.map((a) => [a.section, a.headline])).toEqual([
      ['基层快讯', '北坡县：养老驿站开张'],
      ['基层快讯', '南湖区：社工探访困难家庭'],
      [null, '东岸社区康复站启用'],
    ]);
  });

  test('two headings of one level in a row are a headline and its subheadline', () => {
    const p = parseText('## 东岸社区康复站启用\n\n## 老人在家门口就能做康复\n\n■ 本报记者 林川\n\n康复站配备了训练设备。\n');
    expect(p.articles[0]).toMatchObject({ headline: '东岸社区康复站启用', subheadlines: ['老人在家门口就能做康复'], byline: '本报记者 林川' });
  });

  test('a lead marker starts a new article', () => {
    const p = parseText([
      ...opening('南湖区民政局组织社'),
      '工开展上门探访服务。',
      '',
      ...opening('北坡县首家养老驿站'),
      '日前正式开门迎客。',
    ].join('\n'));
    expect(p.articles).toHaveLength(2);
  });
});

describe('match-headlines', () => {
  const page = [
    ' 北坡县首家养老驿站开门迎客',
    ' 南湖区社工上门探访困难家庭',
    ...opening('南湖区民政局近日组'),
    '织社工走进十二个社区，',
    '上门探访困难家庭，为他',
    '们送去生活物资。',
    '',
    ...opening('北坡县首家养老驿站'),
    '日前开门迎客，驿站为老',
    '人提供助餐和日间照料。',
    '',
    ...opening('东岸社区近日举办了'),
    '一场邻里运动会，居民们',
    '踊跃参加各项比赛项目。',
  ].join('\n');
  const p = parseText(page);

  test('headlines listed at the top go to the bodies that share their words, whatever the order', () => {
    expect(headlines(p)).toEqual(['南湖区社工上门探访困难家庭', '北坡县首家养老驿站开门迎客', null]);
  });

  test('a body whose headline is not printed gets none, not a neighbour\'s', () => {
    expect(p.articles[2]!.headline).toBeNull();
  });

  test('an article\'s lines include its headline\'s', () => {
    expect(p.articles[0]!.lines).toEqual([2, 6]);
  });

  test('a headline printed after its body, with a subtitle', () => {
    const q = parseText([
      ...opening('南湖区民政局近日组'),
      '织社工走进十二个社区，',
      '上门探访困难家庭，为他',
      '们送去生活物资。',
      '',
      '（据南湖区民政局）',
      '',
      '南湖区社工走进社区',
      '探访困难家庭',
      '送去生活物资和政策咨询',
    ].join('\n'));
    expect(q.articles[0]).toMatchObject({
      headline: '南湖区社工走进社区探访困难家庭',
      subheadlines: ['送去生活物资和政策咨询'],
      attribution: '据南湖区民政局',
    });
  });
});

describe('rules for pages printed without boundaries', () => {
  test('a credit on its own line is the byline and ends the article', () => {
    const p = parseText([
      ...opening('南湖区民政局近日组'),
      '织社工走进十二个社区。',
      '',
      '（林晓川）',
      '',
      '北坡县首家养老驿站开张',
      ...opening('北坡县首家养老驿站'),
      '日前开门迎客。',
    ].join('\n'));
    expect(p.articles.map((a) => [a.byline, a.headline])).toEqual([['林晓川', null], [null, '北坡县首家养老驿站开张']]);
  });

  test('a headline-shaped line followed by an indented paragraph start is a subhead, even near full width', () => {
    const p = parseText([
      ...opening('今年以来，南湖区民政'),
      '局组织社工走进十二个社区',
      '开展上门探访和生活服务。',
      '',
      '织密困难群众兜底保障网',
      '',
      '探访中，社工为老人测',
      '量血压并登记生活需求和',
      '各项服务意愿，建立档案。',
    ].join('\n'));
    expect(p.articles[0]!.body.map((b) => b.kind)).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  test('two articles printed without a boundary are cut where the second headline\'s words begin', () => {
    const p = parseText([
      ' 南湖区社工上门探访困难家庭',
      '',
      ...opening('南湖区民政局近日组'),
      '织社工走进十二个社区，',
      '上门探访困难家庭，为他',
      '们送去生活物资。',
      '',
      '北坡县首家养老驿站日前',
      '开门迎客，驿站为老人提',
      '供助餐和日间照料服务。',
      '',
      '（据北坡县民政局）',
      '',
      '北坡县养老驿站开门迎客',
    ].join('\n'));
    expect(p.articles.map((a) => [a.headline, a.body.length, a.attribution])).toEqual([
      ['南湖区社工上门探访困难家庭', 1, null],
      ['北坡县养老驿站开门迎客', 1, '据北坡县民政局'],
    ]);
    expect(p.messages.some((m) => m.origin === 'match-headlines' && m.line === 8)).toBe(true);
  });

  test('a kicker printed above the main headline\'s own box is a subheadline', () => {
    const p = parseText([
      '让老人吃上放心饭',
      ' 北坡县首家养老驿站开门迎客',
      '',
      ...opening('北坡县首家养老驿站'),
      '日前开门迎客，驿站为老',
      '人提供助餐和日间照料。',
    ].join('\n'));
    expect(p.articles[0]).toMatchObject({ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['让老人吃上放心饭'] });
  });
});

describe('numbered parts', () => {
  test('a numbered Markdown heading inside a running article is a subhead of it', () => {
    const p = parseText([
      '## 北坡县出台养老服务提升方案',
      '',
      '方案从三个方面提出要求。',
      '',
      '### 一、扩大助餐服务覆盖面',
      '',
      '到年底建成助餐点二十个。',
      '',
      '### （二）加强护理人才培养',
      '',
      '每年培训护理员三百人次。',
      '',
      '## 南湖区社工探访困难家庭',
      '',
      '社工走进十二个社区。',
    ].join('\n'));
    expect(p.articles.map((a) => [a.headline, a.body.map((b) => b.kind)])).toEqual([
      ['北坡县出台养老服务提升方案', ['paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']],
      ['南湖区社工探访困难家庭', ['paragraph']],
    ]);
  });
});

describe('boundaries inside running text', () => {
  test('a headline wider than its column, set right on its first paragraph, starts an article', () => {
    const p = parseText([
      ...opening('南湖区民政局近日组'),
      '织社工走进十二个社区，',
      '上门探访困难家庭。',
      '',
      '北坡县：首家养老驿站日前开门迎客',
      '北坡县首家养老驿',
      '站日前开门迎客，驿站为',
      '老人提供助餐和日间照料。',
    ].join('\n'));
    expect(p.articles.map((a) => a.headline)).toEqual([null, '北坡县：首家养老驿站日前开门迎客']);
  });

  test('a credit at the end of a line ends its article, even before a blank line', () => {
    const p = parseText([
      ...opening('南湖区民政局近日组'),
      '织社工走进十二个社区，',
      '上门探访困难家庭。 （林川）',
      '',
      '北坡县首家养老驿站日前',
      '开门迎客，驿站为老人提',
      '供助餐和日间照料服务。',
    ].join('\n'));
    expect(p.articles.map((a) => [a.byline, a.body.length])).toEqual([['林川', 1], [null, 1]]);
  });

  test('a bracket that ends a line inside a sentence is no credit', () => {
    const p = parseText([
      ...opening('南湖区民政局加强与街'),
      '道、村（社区）',
      '',
      '的协作，共同做好探访。',
    ].join('\n'));
    expect(p.articles).toHaveLength(1);
    expect(p.articles[0]!.body.map((b) => b.text)).toEqual(['南湖区民政局加强与街道、村（社区）的协作，共同做好探访。']);
  });
});
