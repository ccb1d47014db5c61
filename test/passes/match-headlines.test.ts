import { canonicalText } from '../../src/passes/canonical-text.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { matchHeadlines } from '../../src/passes/match-headlines.js';
import { rejoinLines } from '../../src/passes/rejoin-lines.js';
import { splitArticles } from '../../src/passes/split-articles.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { trailingCredits } from '../../src/passes/trailing-credits.js';
import { lead, page, testPass } from '../pass-tester.js';

const before = [detectDialect, stripGlyphs, markdownHeadings, letterSpacing, canonicalText, rejoinLines, trailingCredits, splitArticles];

// three bodies on distinct subjects, ten characters a line
const visits = lead(['南湖区民政局近日组', '织社工走进十二个社区，', '上门探访困难家庭，为他', '们送去生活物资。']);
const station = lead(['北坡县首家养老驿站', '日前开门迎客，驿站为老', '人提供助餐和日间照料。']);
const games = lead(['东岸社区近日举办了', '一场邻里运动会，居民们', '踊跃参加各项比赛项目。']);

// a headline line holding a phrase space, over an unmarked line
const phraseSpaced = page(['北坡县养老驿站开门 老人乐', '提供助餐和日间照料', ...station]);
// an unmarked line over a wider one, longer than maxWiderBelowChars together
const widerBelow = page(['北坡县首家养老驿站开门迎客', '为周边老人提供助餐和日间照料服务', ...station]);
// a short unmarked line whose words the body hardly holds, over a wider headline
const kickerAbove = page(['让老人吃上放心饭', '北坡县首家养老驿站开门迎客', ...station]);
// two listed headlines of few words, each weakly in a body of its own
const fewWordsListed = page([' 老驿站里的欢声笑语和歌声', ' 趣味运动会上笑声多又多', ...visits], station, games);
// a big-type headline over a byline and a body it shares no words with, then a headline weakly in that body and the last one
const leftovers = page([' 夕阳红处晚霞美', '■本报记者 林川', ...station], ' 邻里驿站欢乐多', [' 南湖区社工上门探访困难家庭', ...visits], games);

testPass(matchHeadlines, {
  before,
  valid: [
    {
      // lines 1-3: a kicker, then the place on a line of its own, then the rest of the main headline
      name: 'a later line whose place stands on the line above it, a name and colon, is the main headline, and the unmarked first line its kicker',
      text: page([' 党建引领 网格联动', ' 北坡县南湖街道：', ' 小网格织密服务网'], lead(['北坡县南湖街道把辖', '区划成八十六个网格，', '网格员上门服务居民。'])),
      articles: [{ headline: '北坡县南湖街道：小网格织密服务网', subheadlines: ['党建引领 网格联动'] }],
    },
    {
      // line 2 names a place alone: the main headline, broken unevenly, opens there, under its kicker
      name: 'a place named alone under a line opens the main headline, the line above its kicker, the wider lines below going on with it',
      text: page([' 让老人在家门口吃上放心饭', ' 北坡县', ' 首家养老驿站', ' 日前正式开门迎客'], station),
      articles: [{ headline: '北坡县首家养老驿站日前正式开门迎客', subheadlines: ['让老人在家门口吃上放心饭'] }],
    },
    {
      // line 2 ends in `村` as a place does, but ends the headline: nothing of it follows
      name: 'a last line ending as a place name does ends the headline broken over it, and opens none',
      text: page([' 北坡县：暑期“护苗”课堂', ' 开进城中村'], lead(['北坡县暑期“护苗”课', '堂近日开进城中村，社工', '为孩子们讲授安全知识。'])),
      articles: [{ headline: '北坡县：暑期“护苗”课堂开进城中村', subheadlines: [] }],
    },
    {
      // lines 1-3, listed at the page top: lines 1 and 2 name bodies of their own, so the block is
      // a list; line 3 is short, but all its words are the third body's and none the second's
      name: 'in a list of headlines, a short line is an entry of its own when its words are all in another body and none in the one the line above names',
      text: page([' 南湖区社工上门探访困难家庭', ' 北坡县首家养老驿站开门迎客', ' 邻里运动会'], visits, station, games),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '北坡县首家养老驿站开门迎客' }, { headline: '邻里运动会' }],
    },
    {
      name: 'with weakScore 0 no share is small enough to set the short line apart: it is read as the end of the headline above',
      options: { weakScore: 0 },
      text: page([' 南湖区社工上门探访困难家庭', ' 北坡县首家养老驿站开门迎客', ' 邻里运动会'], visits, station, games),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '北坡县首家养老驿站开门迎客邻里运动会' }, { headline: null }],
    },
    {
      // lines 2-3 together fill under half of line 1: the main headline in bigger type, broken
      // unevenly, its second line the wider, under a long kicker
      name: 'two lines that together fill at most biggerTypeShare of the line above are the main headline in bigger type under a kicker',
      text: page([' 让老人在家门口就能吃上一顿放心又可口的热饭菜', ' 首家驿站', ' 日前开门迎客'], station),
      articles: [{ headline: '首家驿站日前开门迎客', subheadlines: ['让老人在家门口就能吃上一顿放心又可口的热饭菜'] }],
    },
    {
      name: 'with biggerTypeShare 0.3 the same lines are one type: the kicker runs on into the line under it',
      options: { biggerTypeShare: 0.3 },
      text: page([' 让老人在家门口就能吃上一顿放心又可口的热饭菜', ' 首家驿站', ' 日前开门迎客'], station),
      articles: [{ headline: '日前开门迎客', subheadlines: ['让老人在家门口就能吃上一顿放心又可口的热饭菜首家驿站'] }],
    },
    {
      // 33 characters together, past maxHeadlineChars: the place at the front adds to a headline's length
      name: 'a headline opening with its place runs on past maxHeadlineChars into a narrower second line',
      text: page(['成都武侯区：“微网实格”让两万多名网格员', '成为居民身边的“贴心人”', ...lead(['成都市武侯区推行“微网', '实格”治理，两万多名网', '格员成为居民身边的“贴', '心人”。'])]),
      articles: [{ headline: '成都武侯区：“微网实格”让两万多名网格员成为居民身边的“贴心人”', subheadlines: [] }],
    },
    {
      // line 1, unmarked, over a line that opens with its place: the kicker over the main headline broken in two
      name: 'a line opening with a place and its colon starts the main headline, and the unmarked line above it is its kicker',
      text: page(['深耕乡村慈善 激活内生动力', '北坡县：首家养老驿站', '日前开门迎客', ...station]),
      articles: [{ headline: '北坡县：首家养老驿站日前开门迎客', subheadlines: ['深耕乡村慈善 激活内生动力'] }],
    },
    {
      // lines 10-11, printed after the second body: the main headline names nothing of it, its subtitle all
      name: 'a headline is scored with the subtitle hanging from it: a figurative one goes where its subtitle names the story',
      text: page([' 南湖区社工上门探访困难家庭', ...visits], station, ['夕阳下的灯火', '——记北坡县首家养老驿站的助餐服务']),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '夕阳下的灯火', subheadlines: ['——记北坡县首家养老驿站的助餐服务'] }],
    },
    {
      // line 2 holds few words, and the second body holds them all: by chance, for a piece of a
      // headline broken in two is no headline of its own
      name: 'a line of fewer than minSubtitleChars under a headline line is the rest of it, whatever body holds its words',
      text: page(['新生儿疾病免费筛查', '实现全覆盖', ...lead(['北坡县今年为新生儿疾', '病免费筛查，筛查率达', '到九成以上。'])], lead(['南湖区已实现全覆盖', '的社工站服务网络，', '累计服务居民两万人次。'])),
      articles: [{ headline: '新生儿疾病免费筛查实现全覆盖' }, { headline: null }],
    },
    {
      // line 1 carries the space OCR leaves before a block, and the body names the place in full
      name: 'a short place and colon right above the headline, named in full in the body, is the headline’s own opening, not a kicker',
      text: page([' 甘肃北坡：', '首家养老驿站开门迎客', '■ 记者 林川', ...lead(['甘肃省北坡县首家养', '老驿站日前开门迎客，驿', '站为老人提供助餐服务。'])]),
      articles: [{ headline: '甘肃北坡：首家养老驿站开门迎客', subheadlines: [] }],
    },
    {
      name: 'headlines listed at the top go to the bodies that share their words, whatever the order; a body without one gets none',
      text: page([' 北坡县首家养老驿站开门迎客', ' 南湖区社工上门探访困难家庭', ...visits], station, games),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '北坡县首家养老驿站开门迎客' }, { headline: null }],
    },
    {
      name: 'an override fixes a headline on the article it names; the other headlines are placed around it',
      text: page([' 北坡县首家养老驿站开门迎客', ' 南湖区社工上门探访困难家庭', ...visits], station, games),
      overrides: [{ kind: 'headline', line: 1, of: 13 }],
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: null }, { headline: '北坡县首家养老驿站开门迎客', lines: [1, 14] }],
    },
    {
      name: 'an override makes a headline a subheadline: its article is left without a main headline, and takes no other',
      text: page([' 北坡县首家养老驿站开门迎客', ' 南湖区社工上门探访困难家庭', ...visits], station, games),
      overrides: [{ kind: 'subheadline', line: 1, of: 9 }],
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: null, subheadlines: ['北坡县首家养老驿站开门迎客'] }, { headline: null }],
    },
    {
      name: "an article's lines take in its headline's",
      text: page([' 北坡县首家养老驿站开门迎客', ' 南湖区社工上门探访困难家庭', ...visits], station),
      articles: [{ lines: [2, 6] }, { lines: [1, 10] }],
    },
    {
      name: 'a kicker ending in a dash and a subtitle hanging from one become subheadlines, the line between them the headline',
      text: page(['让老人吃上放心饭——', '北坡县首家养老驿站开门迎客', '——助餐点覆盖全县十个乡镇', ...station]),
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['让老人吃上放心饭——', '——助餐点覆盖全县十个乡镇'] }],
    },
    {
      // lines 1-3: two unmarked lines told apart (a phrase space in the first), then a subtitle
      // hanging from the second; the body holds the kicker's words as much as the headline's
      name: 'in a full stack of two unmarked lines over a subtitle, the line the subtitle hangs from is the main headline, the first its kicker',
      text: page(['一张饭桌 一个驿站', '老人家门口有了饭堂', '——北坡县首家养老驿站开门迎客', ...station]),
      articles: [{ headline: '老人家门口有了饭堂', subheadlines: ['一张饭桌 一个驿站', '——北坡县首家养老驿站开门迎客'] }],
    },
    {
      name: 'a headline printed after its body and source note is that body’s',
      text: page(visits, '（据南湖区民政局）', '南湖区社工上门探访困难家庭', [' 北坡县首家养老驿站开门迎客', ...station]),
      articles: [{ headline: '南湖区社工上门探访困难家庭', attribution: '据南湖区民政局' }, { headline: '北坡县首家养老驿站开门迎客' }],
    },
    {
      name: 'Markdown: a headline printed after a headless body goes to it by its words, the next one to the body below it',
      text: page('北坡县养老驿站日前开门迎客，为老人提供助餐服务。（据北坡县民政局）', '## 北坡县养老驿站开门迎客', '## 南湖区社工探访困难家庭', '南湖区社工走进十二个社区探访困难家庭。'),
      articles: [{ headline: '北坡县养老驿站开门迎客' }, { headline: '南湖区社工探访困难家庭' }],
    },
    {
      name: 'a letter-spaced line is the big-type main headline; the plain line above it is its kicker',
      text: page(['让老人吃上放心饭', '北 坡 县 首 家 养 老 驿 站 开 门 迎 客', ...station]),
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['让老人吃上放心饭'] }],
    },
    {
      name: 'with maxHeadlineChars 10 two unmarked lines are a headline and its subtitle',
      options: { maxHeadlineChars: 10 },
      text: page(['北坡县养老驿站开门迎客', '提供助餐和日间照料', ...station]),
      articles: [{ headline: '北坡县养老驿站开门迎客', subheadlines: ['提供助餐和日间照料'] }],
    },
    {
      name: 'by default the same two lines are one headline broken in two',
      text: page(['北坡县养老驿站开门迎客', '提供助餐和日间照料', ...station]),
      articles: [{ headline: '北坡县养老驿站开门迎客提供助餐和日间照料', subheadlines: [] }],
    },
    {
      name: 'two unmarked lines, one of two phrases set apart by a space, are a headline and its subtitle',
      text: phraseSpaced,
      articles: [{ headline: '北坡县养老驿站开门 老人乐', subheadlines: ['提供助餐和日间照料'] }],
    },
    {
      name: 'with minSubtitleChars 10 the same lines are one headline broken in two: the second is too short for a subtitle',
      options: { minSubtitleChars: 10 },
      text: phraseSpaced,
      articles: [{ headline: '北坡县养老驿站开门 老人乐提供助餐和日间照料', subheadlines: [] }],
    },
    {
      name: 'two unmarked lines whose second is the wider, longer than maxWiderBelowChars together, are a headline and its subtitle',
      text: widerBelow,
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['为周边老人提供助餐和日间照料服务'] }],
    },
    {
      name: 'with maxWiderBelowChars 32 the same lines are one headline broken in two',
      options: { maxWiderBelowChars: 32 },
      text: widerBelow,
      articles: [{ headline: '北坡县首家养老驿站开门迎客为周边老人提供助餐和日间照料服务', subheadlines: [] }],
    },
    {
      name: 'an unmarked short line over a wider one is its kicker when the body holds few of its words',
      text: kickerAbove,
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['让老人吃上放心饭'] }],
    },
    {
      name: 'with confidentScore 0.1 the body holds enough of the short line’s words: one headline broken unevenly',
      options: { confidentScore: 0.1 },
      text: kickerAbove,
      articles: [{ headline: '让老人吃上放心饭北坡县首家养老驿站开门迎客', subheadlines: [] }],
    },
    {
      name: 'a line too short to be a subtitle, wider than the short line above it, still ends the broken headline',
      text: page([' 北坡县首家养老驿站', '开门', '迎来新客', ...station]),
      articles: [{ headline: '北坡县首家养老驿站开门迎来新客', subheadlines: [] }],
    },
    {
      name: 'a kicker goes where its main headline goes, even when its words are another body’s',
      text: page(['东岸社区邻里情——', '北坡县首家养老驿站开门迎客', ...station], games),
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['东岸社区邻里情——'] }, { headline: null }],
    },
    {
      name: 'Markdown: a headline and its subtitle set at one size over one body stay one article',
      text: page('## 北坡县首家养老驿站开门迎客', '## 驿站为老人提供助餐和日间照料', '北坡县首家养老驿站日前开门迎客，驿站为老人提供助餐和日间照料。', '驿站还为老人提供健康咨询，北坡县将再建三家养老驿站。'),
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['驿站为老人提供助餐和日间照料'] }],
    },
    {
      name: 'by default the same page is one sheet, and each headline goes to the body that names it',
      text: page([' 北坡县首家养老驿站开门迎客', ...visits], [' 南湖区社工上门探访困难家庭', ...station]),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '北坡县首家养老驿站开门迎客' }],
    },
    {
      name: 'Markdown: a deeper heading right on a larger one is its kicker, not a headline for the body without one',
      // the kicker shares a word with the second body, too few to be its headline but enough for a guess
      text: page('### 寒冬送温暖在行动', '# 北坡县首家养老驿站开门迎客', '■ 本报记者 李明', '北坡县首家养老驿站日前开门迎客，驿站为老人提供助餐和日间照料。', '本报讯（记者 王林）南湖区民政局开展探访行动，组织社工走进十二个社区，上门探访困难家庭。'),
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: ['寒冬送温暖在行动'] }, { headline: null }],
    },
    {
      name: 'Markdown: a deeper heading whose words another body holds is that body’s headline',
      text: page('### 南湖区社工上门探访困难家庭', '# 北坡县首家养老驿站开门迎客', '■ 本报记者 李明', '北坡县首家养老驿站日前开门迎客，驿站为老人提供助餐和日间照料。', '本报讯（记者 王林）南湖区民政局近日组织社工走进十二个社区，上门探访困难家庭。'),
      articles: [{ headline: '北坡县首家养老驿站开门迎客', subheadlines: [] }, { headline: '南湖区社工上门探访困难家庭' }],
    },
    {
      name: 'Markdown: two headings of one size, one right under the other, making a short headline together are one headline broken in two',
      text: page('# 河畔的', '# 四点半课堂', '■ 本报记者 李明', '河畔社区的四点半课堂开课了，放学后的孩子在这里写作业、读绘本。'),
      articles: [{ headline: '河畔的四点半课堂', subheadlines: [] }],
    },
    {
      name: 'Markdown: with maxBrokenHeadingChars 0 and minSubtitleChars 1 the second heading is the subtitle',
      text: page('# 河畔的', '# 四点半课堂', '■ 本报记者 李明', '河畔社区的四点半课堂开课了，放学后的孩子在这里写作业、读绘本。'),
      options: { maxBrokenHeadingChars: 0, minSubtitleChars: 1 },
      articles: [{ headline: '河畔的', subheadlines: ['四点半课堂'] }],
    },
    {
      // together 27 characters, past maxBrokenHeadingChars, but the first leaves its book title open
      name: 'Markdown: a heading broken inside a book title goes on in the next heading of its size, however long the two',
      text: page('# 南湖区出台《关于加强困境儿童关爱', '# 服务工作的实施意见》', '■ 本报记者 李明', '南湖区民政局近日印发《关于加强困境儿童关爱服务工作的实施意见》。'),
      articles: [{ headline: '南湖区出台《关于加强困境儿童关爱服务工作的实施意见》', subheadlines: [] }],
    },
    {
      name: 'Markdown: a heading of one size under a headline, a clause of its own, is its subtitle',
      text: page('# 河畔社区四点半课堂开课', '# 放学后的孩子有了好去处', '■ 本报记者 李明', '河畔社区的四点半课堂开课了，放学后的孩子在这里写作业、读绘本。'),
      articles: [{ headline: '河畔社区四点半课堂开课', subheadlines: ['放学后的孩子有了好去处'] }],
    },
  ],
  invalid: [
    {
      name: 'two listed lines of few words, each weakly in a body of its own and in none as one headline, are two headlines',
      text: fewWordsListed,
      articles: [{ headline: null }, { headline: '老驿站里的欢声笑语和歌声' }, { headline: '趣味运动会上笑声多又多' }],
      // each placed at the lower bar, as a guess
      messages: [{ line: 1, message: /weak match/ }, { line: 2, message: /weak match/ }],
    },
    {
      name: 'a listed line at home in one body over a line weakly in another body alone are two headlines',
      text: page([' 北坡县养老驿站开门迎客', ' 趣味运动会上笑声多又多', ...visits], station, games),
      articles: [{ headline: null }, { headline: '北坡县养老驿站开门迎客' }, { headline: '趣味运动会上笑声多又多' }],
      messages: [{ line: 2, message: /weak match/ }],
    },
    {
      name: 'leftover headlines are placed so that most find a body: one over a byline and a body it shares no words with goes there, not the other one',
      // the second is printed after that body and holds as few of its words as of the last body's
      text: leftovers,
      articles: [{ headline: '夕阳红处晚霞美' }, { headline: '南湖区社工上门探访困难家庭' }, { headline: '邻里驿站欢乐多' }],
      messages: [{ line: 1, message: /weak match/ }, { line: 7, message: /weak match/ }],
    },
    {
      name: 'with nextBonus 0 a headline’s place gives it no claim: the one sharing words takes the body, the other is furniture',
      options: { nextBonus: 0 },
      text: leftovers,
      articles: [{ headline: '邻里驿站欢乐多' }, { headline: '南湖区社工上门探访困难家庭' }, { headline: null }],
      messages: [{ line: 7, message: /weak match/ }, { line: 1, message: /matches no article/ }],
    },
    {
      name: 'with weakScore 0.35 the same lines are one headline, holding too few of any body’s words: it goes to the body below it',
      options: { weakScore: 0.35 },
      text: fewWordsListed,
      articles: [{ headline: '老驿站里的欢声笑语和歌声趣味运动会上笑声多又多' }, { headline: null }, { headline: null }],
      messages: [{ line: 1, message: /weak match/ }],
    },
    {
      name: 'an override naming a line that no article holds is reported, and the headline placed as if none named it',
      text: page([' 北坡县首家养老驿站开门迎客', ' 南湖区社工上门探访困难家庭', ...visits], station),
      overrides: [{ kind: 'headline', line: 1, of: 7 }],
      messages: [{ line: 1, message: 'the headline override of line 1 (overrides.yaml) is not applied: no article holds line 7' }],
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '北坡县首家养老驿站开门迎客' }],
    },
    {
      name: 'with sheetArticles 1 each article is matched on a sheet of its own, with the headlines printed among its lines',
      options: { sheetArticles: 1 },
      text: page([' 北坡县首家养老驿站开门迎客', ...visits], [' 南湖区社工上门探访困难家庭', ...station]),
      // the second headline is printed after the first article's last line: on the second sheet, whose body it does not name
      articles: [{ headline: '北坡县首家养老驿站开门迎客' }, { headline: '南湖区社工上门探访困难家庭' }],
      messages: [{ line: 1, message: /weak match/ }, { line: 7, message: /weak match/ }],
    },
    {
      name: 'a headline left over, with few of its words in a body left without one, goes there at the lower bar, reported',
      text: page([' 南湖区社工上门探访困难家庭', ...visits], station, '驿站飘出笑声来'),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: '驿站飘出笑声来' }],
      messages: [{ line: 11, message: /weak match/ }],
    },
    {
      name: 'with weakScore at minScore the same headline is page furniture',
      options: { weakScore: 0.35 },
      text: page([' 南湖区社工上门探访困难家庭', ...visits], station, '驿站飘出笑声来'),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }, { headline: null }],
      furniture: ['驿站飘出笑声来'],
      messages: [{ line: 11, message: /matches no article/ }],
    },
    {
      name: 'a headline whose words no body holds is kept as furniture and reported',
      text: page(' 南湖区社工上门探访困难家庭', visits, '西岭湿地公园迎来越冬候鸟'),
      articles: [{ headline: '南湖区社工上门探访困难家庭' }],
      furniture: ['西岭湿地公园迎来越冬候鸟'],
      messages: [{ line: 8, message: /matches no article/ }],
    },
    {
      name: 'two headlines for one body: the body is cut where the second one’s words begin, and the cut reported',
      text: page(' 南湖区社工上门探访困难家庭', [...visits.slice(0, 4)], ['北坡县首家养老驿站日前', '开门迎客，驿站为老人提', '供助餐和日间照料服务。'], '（据北坡县民政局）', '北坡县养老驿站开门迎客'),
      articles: [{ headline: '南湖区社工上门探访困难家庭', attribution: null }, { headline: '北坡县养老驿站开门迎客', attribution: '据北坡县民政局' }],
      messages: [{ line: 8, message: /no boundary was printed here/ }],
    },
    {
      // lines 1-2 are listed at the page top, away from their bodies, which were printed run
      // together (lines 9-16): line 2 stands beside the headline that took the body, but names
      // only its second part
      name: 'a listed headline beside the one that took a body is no subtitle when it names only part of that body: the body is cut',
      text: page(['南湖区社工上门探访困难家庭', '北坡县首家养老驿站开门迎客为老人提供助餐'], ['东岸社区举办邻里运动会', ...games], visits, ['北坡县首家养老驿站日前', '开门迎客，驿站为老人提', '供助餐和日间照料服务。']),
      articles: [{ headline: '东岸社区举办邻里运动会' }, { headline: '南湖区社工上门探访困难家庭', subheadlines: [] }, { headline: '北坡县首家养老驿站开门迎客为老人提供助餐', subheadlines: [] }],
      messages: [{ line: 14, message: /no boundary was printed here/ }],
    },
    {
      name: 'with minScore 0.9 a headline sharing some words only is placed by position, and the guess reported',
      options: { minScore: 0.9, confidentScore: 0.95 },
      text: page(' 南湖社工送温暖', visits),
      articles: [{ headline: '南湖社工送温暖' }],
      messages: [{ line: 1, message: /weak match/ }],
    },
  ],
});
