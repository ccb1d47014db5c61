import { ASCII_LETTERS, CLOSE_BRACKETS, CharKind, HAN_CLASS, OPEN_BRACKETS, classSource, hasUnit, isHanCode, isJsSpace, unitIs, unitKinds } from './chars.js';

/**
 * What kinds of printed line look like, independent of any one page: a source note in
 * brackets, a teaser pointing at another page, a headline (no clause punctuation), an
 * author credit. Passes share these so that one notion of "headline-shaped" holds everywhere.
 */

// Regexes in hot code are constants: a literal makes a new RegExp object each time it runs.
const OPEN = `[${classSource(OPEN_BRACKETS)}]\\s*`;
const CLOSE = `\\s*[${classSource(CLOSE_BRACKETS)}]`;
/** a character that is no bracket */
const INNER = `[^${classSource(OPEN_BRACKETS + CLOSE_BRACKETS)}]`;
/** a title in 《》 and up to twelve characters after it: `《某某日报》`, `《新华日报》客户端` */
const TITLE = `《[^》]+》${INNER}{0,12}`;
/**
 * What a source note says inside its brackets: `据民政部网站`, `《某某日报》`, `来源：某某网`
 * (or `摘自`, `转自`, `选自` a source), `本报综合`, `综合新华社、人民网报道`.
 */
/** the words that name a source before it, with or without a colon: `来源：`, `摘自` */
const SOURCE_LEAD = '(?:(?:稿件|信息|文章)?来源|摘自|转自|选自)';
const SOURCE = `据${INNER}*|${TITLE}|${SOURCE_LEAD}\\s*[：:]?\\s*${INNER}+|(?:本报|本刊)综合${INNER}{0,20}|综合${INNER}{1,30}报道`;
const SOURCE_NOTE = new RegExp(`^(?:${SOURCE})$`);
/** `（据民政部网站）`, `（《某某日报》）`: a source note on a line of its own. */
const ATTRIBUTION_LINE = new RegExp(`^${OPEN}(${SOURCE})${CLOSE}$`);
const TRAILING_BRACKET = new RegExp(`${OPEN}(${INNER}{1,30}?)${CLOSE}$`);
const CREDIT_LINE = new RegExp(`^${OPEN}(${INNER}{1,30}?)${CLOSE}$`);
const OPENING = new RegExp(`^${OPEN}`);
const CLOSING = new RegExp(`${CLOSE}$`);
const PERSONAL_NAME = new RegExp(`^${HAN_CLASS}{2,4}$`, 'u');
/** two to four authors, set apart by spaces or an enumeration comma: `孟某某 李某`, `王某、赵某某` */
const PERSONAL_NAMES = new RegExp(`^${HAN_CLASS}{2,4}(?:[\\s、]+${HAN_CLASS}{2,4}){1,3}$`, 'u');
const REPORTER = new RegExp(`^(本报)?(记者|通讯员|特约记者|实习生)[\\s${HAN_CLASS}·]{2,20}$`, 'u');
const PAGE_REFERENCE = /\d{1,3}\s*版/;
const TITLE_MARK_BEFORE_LEADER = /[？！?!](?=\s*(?:…|\.{2,}|·{2,}))/g;
const LETTER = classSource(ASCII_LETTERS);
const LATIN_LABEL = new RegExp(`^[${LETTER}][${LETTER} &'’.\\-]{1,30}$`);

/** Whether a text ends with a closing bracket, as a credit or source note does. */
export function endsWithBracket(text: string): boolean {
  return text !== '' && unitIs(text.charCodeAt(text.length - 1), CharKind.CloseBracket);
}

/**
 * The bracket a paragraph ends with (an author credit or a source note): its content and
 * where it starts. Only the paragraph's tail can hold one, so only the tail is searched.
 */
export function trailingBracket(text: string): { inner: string; start: number } | null {
  if (!endsWithBracket(text)) return null;
  const from = Math.max(0, text.length - 64);
  const m = TRAILING_BRACKET.exec(text.slice(from));
  return m ? { inner: m[1]!, start: from + m.index } : null;
}

/**
 * Whether a line, spaces aside, opens and closes with a bracket: every line is asked, few are,
 * so it reads two character codes (charAt made a string of each, trim a copy of the line).
 */
function bracketed(text: string): boolean {
  let a = 0;
  let z = text.length - 1;
  while (a < z && isJsSpace(text.charCodeAt(a))) a++;
  while (z > a && isJsSpace(text.charCodeAt(z))) z--;
  if (a >= z) return false;
  return unitIs(text.charCodeAt(a), CharKind.OpenBracket) && unitIs(text.charCodeAt(z), CharKind.CloseBracket);
}

/** `来源：某某网` on a line of its own: a source note set without brackets. */
const SOURCE_LINE = new RegExp(`^${SOURCE_LEAD}\\s*[：:]\\s*[^，。；！？,;!?]{2,30}$`);

/** an unbracketed source note after a paragraph's last sentence */
const TRAILING_SOURCE = new RegExp(`[。！？!?”]\\s*${SOURCE_LEAD}\\s*[：:]\\s*[^，。；！？,;!?：:]{2,30}$`);

/**
 * Whether a text ends in an unbracketed source note: most paragraphs hold no colon in their
 * last thirty-odd characters, and are passed over before the pattern is run (this is asked
 * of every line).
 */
function endsWithSourceNote(t: string): boolean {
  // the last colon with two to thirty-one characters after it (a loop over the line's end: a
  // search of the whole line for it cost more than all else this asks)
  let colon = -1;
  for (let i = t.length - 3; i > 0 && i >= t.length - 32; i--) {
    const c = t.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) {
      colon = i;
      break;
    }
  }
  // (the pattern is run on the note's end alone: a sentence mark, its lead word, the colon)
  return colon > 0 && TRAILING_SOURCE.test(t.slice(Math.max(0, colon - 10)));
}

export const isAttributionLine = (text: string): boolean => (bracketed(text) && ATTRIBUTION_LINE.test(text.trim())) || SOURCE_LINE.test(text.trim());

/** `（王某某）` on a line of its own: the author credit that closes an article. */
export function isCreditLine(text: string): boolean {
  if (!bracketed(text)) return false;
  const m = CREDIT_LINE.exec(text.trim());
  return m !== null && creditName(m[1]!) !== null;
}

/** A line in brackets without them (and the spaces inside them). */
export function withoutBrackets(text: string): string {
  return text.replace(OPENING, '').replace(CLOSING, '');
}

/** What is inside a source note, without its outer brackets, or null when it is not one. */
export function attributionText(inner: string): string | null {
  const t = inner.trim();
  return SOURCE_NOTE.test(t) ? t : null;
}

/** `本报记者 王某`, `记者 田野`, `通讯员 李某 记者 赵某` on a line of its own, without its `■`. */
/**
 * Without its bullet a byline is told from a line of text by its make-up: roles and names of
 * two to four characters, each set off by a space (`本报记者 王某`, `本报通讯员 李某 记者 赵某`).
 */
const BARE_BYLINE = /^(?:(?:本报|新华社)?(?:特约)?(?:记者|通讯员|实习生)\s+\p{Script=Han}{2,4}|(?:(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s*[/／：:]?|文\s*[/／])\s*(?:(?:本报|新华社)?(?:特约)?(?:记者|通讯员|实习生)\s*)?\p{Script=Han}{2,4})(?:\s+(?:(?:本报)?(?:特约)?(?:记者|通讯员|实习生)\s*)?\p{Script=Han}{2,4})*$/u;
// (or the writer's mark, `文/本报记者 黄蕾`, `文/图 周雅琴`: a feature's byline names who wrote it)
const REPORTER_FIRST = new Set([...'本记通特实文图'].map((c) => c.charCodeAt(0)));

export function isBylineLine(text: string): boolean {
  // a reporter line opens with the reporter's paper or role: most lines are passed over by that
  if (text.length > 40) return false;
  let i = 0;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  if (!REPORTER_FIRST.has(text.charCodeAt(i))) return false;
  // `记者 李青 摄` credits a picture, not the article
  return BARE_BYLINE.test(text.trim()) && !endsWithPhotoCredit(text);
}

/** An author credit: a personal name of two to four Han characters, or a reporter line. */
export function creditName(inner: string): string | null {
  const t = inner.trim();
  // `记者 某某 摄` credits a picture: it closes a caption, not the article
  if (endsWithPhotoCredit(t)) return null;
  if (PERSONAL_NAME.test(t) || PERSONAL_NAMES.test(t)) return t;
  if (REPORTER.test(t)) return t;
  return null;
}

/**
 * The page's editors credited at its foot (`本版编辑：周洁`, `责任编辑：于晓 美术编辑：郑丹`):
 * roles of the desk, not of reporters, each with a colon and a name, and at times the desk's
 * telephone or mail.
 */
const EDITOR_ROLE = '(?:本版|本期)?(?:责任编辑|值班编辑|美术编辑|编辑|责编|美编|校对|审校|审核|审签|终审|版式|组版|排版|设计|制图)';
/** the desk's telephone or mail set after its editors' names (`电话：010-58123456`) */
const DESK_CONTACT = '(?:\\s*[、，,；;]?\\s*(?:电话|联系电话|热线|传真|邮箱|电子邮箱|E-?mail)\\s*[：:]\\s*[\\w.@()（）\\-]+)';
/** an editor's name, at times spread across the line in the credit's display type (`陈  洁`) */
const EDITOR_NAME = '\\p{Script=Han}(?:\\s{0,4}\\p{Script=Han}){1,3}';
const EDITOR_CREDITS = new RegExp(`^${EDITOR_ROLE}(?:\\s*[：:]\\s*|\\s+)${EDITOR_NAME}(?:\\s*[、，,；;]?\\s*${EDITOR_ROLE}(?:\\s*[：:]\\s*|\\s+)${EDITOR_NAME})*${DESK_CONTACT}*$`, 'iu');
const EDITOR_FIRST = new Set([...'本责值美编校审终版组排设制'].map((c) => c.charCodeAt(0)));

export function isEditorCreditLine(text: string): boolean {
  let i = 0;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  return text.length - i <= 40 && EDITOR_FIRST.has(text.charCodeAt(i)) && EDITOR_CREDITS.test(text.trim());
}

/**
 * A teaser pointing at another page (`…… 09 版`), a short Latin section label (`News`), the
 * page's editors' credit line, or the issue's date.
 */
/**
 * The issue's date in the running head (`2023年6月2日 星期五`, `2023年12月8日 星期五 第48期`):
 * a date with its weekday or issue number on a line of its own. (A notice's closing date,
 * which is the notice's, carries neither.)
 */
const ISSUE_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?=\s*(?:星期|周|第))(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*第\s*\d{1,4}\s*期)?$/;

/** A date in any of the forms a running head prints (`2024.12.05`, `2024 年 12 月 12 日`), with its weekday or issue number at times. */
const HEAD_DATE = '(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}\\s*[.\\-/]\\s*\\d{1,2}\\s*[.\\-/]\\s*\\d{1,2})(?:\\s*(?:星期|周)[一二三四五六日天])?(?:\\s*第\\s*\\d{1,4}\\s*期)?';
/** such a date on a line of its own */
const DATE_LINE = new RegExp(`^${HEAD_DATE}$`);

/**
 * A running head's pieces on one line (`养老服务·第05版`, `2023年6月15日 星期四 责任编辑：宋雨桐`,
 * `07基层治理`, `社会工作周刊·第15期`): each a date, a page or issue number, an editor's credit or
 * a rubric, set apart by a space or a dot, and at least one of them a date, a page number (`第5版`,
 * a padded `07`, or a number standing apart), an issue's (`第15期`) or a credit, which no headline is.
 */
const HEAD_STRONG = `(?:${HEAD_DATE}|第\\s*\\d{1,3}\\s*版|第\\s*\\d{1,4}\\s*期|0\\d(?![\\d年.\\-/])|(?<=^|\\s)\\d{1,3}(?=\\s|$)|${EDITOR_ROLE}\\s*[：:]\\s*\\p{Script=Han}{2,4})`;
const HEAD_PIECE = `(?:${HEAD_STRONG}|\\p{Script=Han}{2,6}(?:·\\p{Script=Han}{2,4})?)`;
const HEAD_GAP = '(?:\\s*[·•｜|]\\s*|\\s+|(?<=\\d)(?=\\p{Script=Han})|(?<=\\p{Script=Han})(?=\\d))';
const RUNNING_HEAD = new RegExp(`^${HEAD_PIECE}(?:${HEAD_GAP}${HEAD_PIECE})+$`, 'u');
const RUNNING_HEAD_STRONG = new RegExp(HEAD_STRONG, 'u');

/**
 * The paper's or the page's name, two names joined by a middle dot (`养老·社会事务`,
 * `中国社会工作周刊·深度`): a section and its page, or a paper and its section. A headline with
 * a middle dot joins two personal names or a name and a place, which are not set at a page's
 * top on a line of their own.
 */
const DOTTED_NAME = '[\\p{Script=Han}A-Za-z]{2,12}\\s*·\\s*\\p{Script=Han}{2,6}';
/** such a name with the page number set against it (`养老·社会事务11`, `11 养老·社会事务`) */
const NUMBERED_SECTION = new RegExp(`^(?:${DOTTED_NAME}\\s*\\d{1,3}|\\d{1,3}\\s*${DOTTED_NAME})$`, 'u');
const DOTTED_NAME_LINE = new RegExp(`^${DOTTED_NAME}$`, 'u');

export function isRunningHeadLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && ((RUNNING_HEAD.test(t) && RUNNING_HEAD_STRONG.test(t)) || NUMBERED_SECTION.test(t));
}

/** Whether a line is two names joined by a middle dot, as a paper's or a page's name is. */
export function isDottedName(text: string): boolean {
  return DOTTED_NAME_LINE.test(text.trim());
}

export function isDateLine(text: string): boolean {
  const t = text.trim();
  const c = t.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 && DATE_LINE.test(t);
}

export function isIssueDateLine(text: string): boolean {
  const t = text.trim();
  const c = t.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 && ISSUE_DATE.test(t);
}

export function isFurnitureLine(text: string): boolean {
  if (isEditorCreditLine(text) || isIssueDateLine(text)) return true;
  // most lines are neither: a page reference needs 版, a label a Latin letter first
  const latin = startsLatin(text);
  if (!latin && !text.includes('版')) return false;
  const t = text.trim();
  // (a teaser's title may end in a question or an exclamation, right before its leader dots)
  if (PAGE_REFERENCE.test(t) && !hasUnit(t.replace(TITLE_MARK_BEFORE_LEADER, ''), CharKind.SentenceMark)) return true;
  return latin && LATIN_LABEL.test(t);
}

/**
 * A page number on a line of its own (`— 5 —`, `-12-`, `·10·`, `7`): a converter leaves it where
 * one printed page ended and the next began.
 */
const FOLIO = /^[-—–－·•\s]*\d{1,3}[-—–－·•\s]*$/;

export function isFolioLine(text: string): boolean {
  return FOLIO.test(text);
}

/** Whether a text starts, after any spaces, with an ASCII letter. */
function startsLatin(text: string): boolean {
  let i = 0;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  return i < text.length && unitIs(text.charCodeAt(i), CharKind.Letter);
}

/**
 * A section rubric over the page (`要闻`, `民生`, `慈善·公益`, `News`): two to four Han characters
 * (two such joined by a middle dot) or a short Latin label, on a line of its own. Only its place on the page tells it from a short headline.
 */
const RUBRIC = /^\p{Script=Han}{2,4}(?:·\p{Script=Han}{2,4})?$/u;

export function isRubricShaped(text: string): boolean {
  const t = text.trim();
  return RUBRIC.test(t) || (startsLatin(t) && LATIN_LABEL.test(t));
}

/** A teaser line can run two teasers together: each ends at its page reference. */
export function splitTeasers(text: string): string[] {
  return text.split(/(?<=\d{1,3}\s*版)\s*/).map((t) => t.trim()).filter(Boolean);
}

/** A heading that numbers a part of an article: 一、 （二） 3. 第四部分 */
const NUMBERED_PART = /^(?:[（(]?[一二三四五六七八九十]{1,3}[、）)．.]|[（(]?\d{1,2}[、）)．.](?!\d)|第[一二三四五六七八九十\d]{1,3}[部章节条篇])/;

export function isNumberedPart(text: string): boolean {
  return NUMBERED_PART.test(text.trim());
}

/** A headline's colon comes after its first words, at most this many code units in. */
const MAX_COLON_AT = 12;
const ENUMERATION_COMMA = 0x3001;
const FULL_COMMA = 0xff0c;
const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;

/**
 * A line shaped like a headline or subhead: at least two characters, some Han, no clause
 * punctuation (an enumeration comma only inside quotes or in a subtitle hanging from a dash), and at most one colon: after a short
 * place or topic (`北京：…`), or ending a kicker. A headline of two phrases holds a comma
 * between them (`指尖绣出新天地，古老苗绣走进课堂`); `commas` says how many to allow, since a
 * line of body text has the same shape and only the line's place on the page can tell;
 * `listing` allows enumeration commas where the line's place says a headline may list.
 */
const PART_NUMBER = /^(?:[一二三四五六七八九十]{1,3}|\d{1,2})、/;

export function isTitleLike(text: string, commas = 0, listing = false): boolean {
  const t = text.trim();
  // fewer than two characters (a surrogate pair is one)
  if (t.length < 2 || (t.length === 2 && t.codePointAt(0)! > 0xffff)) return false;
  // a line that opens a quotation and never closes it starts someone's words: a paragraph
  if (t.charCodeAt(0) === OPEN_QUOTE && t.indexOf('\u201d') < 0) return false;
  let colon = -1;
  let han = false;
  let quoted = false;
  // a subtitle hanging from a dash may list what the story holds (`——出土陶器、石器等遗物`)
  const lists = listing || isSubtitleShaped(t);
  let commasLeft = commas;
  // a part's number (`一、`, `3、`) opens a numbered subhead: its mark enumerates nothing
  const numbered = PART_NUMBER.exec(t);
  for (let i = numbered ? numbered[0].length : 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const k = unitKinds(c);
    if (c === FULL_COMMA && commasLeft > 0) {
      commasLeft--;
      continue;
    }
    if ((k & CharKind.TitleStop) !== 0 || (c === ENUMERATION_COMMA && !quoted && !lists)) return false;
    if (c === OPEN_QUOTE) quoted = true;
    else if (c === CLOSE_QUOTE) quoted = false;
    if ((k & CharKind.Colon) !== 0) {
      if (colon >= 0) return false;
      colon = i;
    } else if (!han) {
      han = c >= 0xd800 && c <= 0xdbff ? isHanCode(t.codePointAt(i)!) : isHanCode(c);
    }
  }
  // a colon follows a place or a topic (`北京：…`), or ends a kicker that leads into the main
  // headline; a topic in quoted words may run longer (`从“有形覆盖”到“有效服务”：…`), where
  // reported speech after a colon opens a quotation (`…的“三不”：“…`)
  const quotedTopic = colon > 0 && t.charCodeAt(colon - 1) === CLOSE_QUOTE && t.charCodeAt(colon + 1) !== OPEN_QUOTE;
  if (colon > MAX_COLON_AT && colon !== t.length - 1 && !quotedTopic) return false;
  return han;
}

/** A line that finishes a sentence or a lead-in clause (`…提出要求：`), closing quotes and brackets aside. */
export function endsClause(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isJsSpace(text.charCodeAt(i))) i--;
  while (i >= 0 && unitIs(text.charCodeAt(i), CharKind.Closer)) i--;
  return i >= 0 && unitIs(text.charCodeAt(i), CharKind.ClauseMark);
}

/** A paragraph that ends with a source note or an author credit: its article ends there. */
export function endsWithCredit(text: string): boolean {
  const t = text.trim();
  const m = trailingBracket(t);
  // (or a source note set without brackets after the last sentence: `…施行。 来源：云南省民政厅`)
  if (!m) return endsWithSourceNote(t);
  // a credit follows the last sentence; `…村（社区）` inside a sentence is no credit
  const before = t.slice(0, m.start).trimEnd();
  if (before !== '' && !endsClause(before)) return false;
  return attributionText(m.inner) !== null || creditName(m.inner) !== null;
}

/**
 * The words a news report opens with when it names where and when it was filed, or who
 * filed it: `本报讯`, `本报成都10月9日电`, `新华社北京3月2日电`, `本报南湖电 5月3日`, `据央视新闻报道，`. A paragraph
 * that opens with one starts an article, whether or not a boundary was printed before it.
 */
const DATELINE = /^(?:(?:本报|本刊|本台)讯|(?:本报|本刊|本台|\p{Script=Han}{1,6}?[社报网台])\p{Script=Han}{0,10}?\d{1,2}月\d{1,2}日(?:电|讯)|(?:本报|本刊|本台|新华社|中新社)\p{Script=Han}{2,6}?电(?=[\s（(\d])|据[^，。；：“”]{2,20}?报道[，：])/u;

/** A dateline is within a line's first this many code units. */
const DATELINE_HEAD = 40;

/** Whether `日电` or `日讯` occurs within the first `n` code units. */
function datedWithin(text: string, n: number): boolean {
  const end = Math.min(text.length - 1, n - 1);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) !== 0x65e5 /* 日 */) continue;
    const d = text.charCodeAt(i + 1);
    if (d === 0x7535 /* 电 */ || d === 0x8baf /* 讯 */) return true;
  }
  return false;
}

export function startsWithDateline(text: string): boolean {
  // a dateline is the paragraph's first words: only its head is read, and most lines are
  // passed over by what every dateline holds before the pattern is tried
  const c = text.charCodeAt(0);
  if (c !== 0x672c /* 本 */ && c !== 0x636e /* 据 */ && c !== 0x65b0 /* 新 */ && c !== 0x4e2d /* 中 */ && !datedWithin(text, DATELINE_HEAD)) return false;
  return DATELINE.test(text.length > DATELINE_HEAD ? text.slice(0, DATELINE_HEAD) : text);
}

/**
 * A report's first sentence opens with when it happened, then a comma: `6 月 7 日，`, `近日，`,
 * `7 月起，`, `今年以来，`. A line that so opens starts a paragraph: the line above it ends one,
 * or is a headline's.
 */
const TIME_OPENING = /^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月|\d{4}\s*年|近日|日前|近期|连日来|今年以来|近年来|去年以来|今年|去年|昨天|昨日|今天|今日|本周|上周|入[春夏秋冬]以来)[^，。；！？,]{0,8}[，,]/;

export function opensWithTime(text: string): boolean {
  return TIME_OPENING.test(text.trimStart());
}

/** A picture's credit closes its caption: `王芳 摄`, `（记者 李青 摄）`, `新华社发`, `供图`. */
const PHOTO_CREDIT = /(?:摄|摄影|供图|图片|新华社发|资料图)[）)]?$/;

export function endsWithPhotoCredit(text: string): boolean {
  return PHOTO_CREDIT.test(text.trimEnd());
}

/**
 * A photographer's credit on a line of its own: a role perhaps, one to three names, 摄 (`某某 摄`,
 * `（记者 某某 摄）`, `新华社记者 某某 摄`).
 */
const PHOTO_CREDIT_LINE = /^[（(]?\s*(?:(?:本报|新华社|中新社)?(?:特约)?(?:记者|通讯员)\s*)?\p{Script=Han}{2,4}(?:[\s、]+\p{Script=Han}{2,4}){0,2}\s*(?:摄影?|供图)\s*[）)]?$/u;
export const isPhotoCreditLine = (text: string): boolean => PHOTO_CREDIT_LINE.test(text.trim());

/** A kicker (引题) leads into the main headline: it ends with a dash or a colon. */
export function isKickerShaped(text: string): boolean {
  const t = text.trim();
  return t.endsWith('——') || t.endsWith('：') || t.endsWith(':');
}

/**
 * The name a short line ending in a colon puts before the headline (`霍尔果斯：`), or null. A
 * place so named opens the headline itself, broken after its colon; only the body can tell it
 * from a short kicker (`暖冬行动：`).
 */
export function namePrefix(text: string): string | null {
  const t = text.trim();
  if (!(t.endsWith('：') || t.endsWith(':'))) return null;
  const name = t.slice(0, -1).trim();
  return [...name].length <= MAX_PLACE_CHARS ? name : null;
}

/**
 * Whether a text names a place a headline names in short: word for word, or with the place's
 * full name between its characters (`甘肃定西` for `甘肃省定西市`), its characters in order within
 * twice its length.
 */
export function namesPlace(text: string, name: string): boolean {
  if (name === '' || text.includes(name)) return true;
  const chars = [...name];
  if (chars.length < 2) return false;
  const span = 2 * name.length;
  for (let start = text.indexOf(chars[0]!); start >= 0; start = text.indexOf(chars[0]!, start + 1)) {
    let at = start + chars[0]!.length;
    let k = 1;
    for (; k < chars.length; k++) {
      const next = text.indexOf(chars[k]!, at);
      if (next < 0 || next + chars[k]!.length - start > span) break;
      at = next + chars[k]!.length;
    }
    if (k === chars.length) return true;
  }
  return false;
}

/**
 * A headline that opens with a place and a colon (`北京：…`): the form of a main headline, which
 * a subtitle does not take.
 */
export function opensWithPlace(text: string): boolean {
  const t = text.trim();
  const colon = Math.max(t.indexOf('：'), t.indexOf(':'));
  return colon > 0 && colon < t.length - 1 && [...t.slice(0, colon).trim()].length <= MAX_PLACE_CHARS;
}

/**
 * Whether a short name reads as a place: it opens with a province-level name (`湖北十堰`,
 * `内蒙古`) or ends in an administrative unit (`霍尔果斯市`, `青山村`). A report's turn is named
 * by a thing or a deed (`一张床`), a headline's opening by its place.
 */
export function isPlaceName(name: string): boolean {
  const t = name.trim();
  return PROVINCE_START.test(t) || ADMINISTRATIVE_END.test(t);
}
/** Whether a line is a place's name alone (`成都武侯区`), as short as a headline's place runs. */
export function isPlaceLine(text: string): boolean {
  const t = text.trim();
  return [...t].length <= MAX_PLACE_CHARS && /^\p{Script=Han}+$/u.test(t) && isPlaceName(t);
}
const PROVINCE_START = /^(?:北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾)/;
const ADMINISTRATIVE_END = /[省市县区州盟旗镇乡村]$/;

/** A place name before a headline's colon (`内蒙古`, `广西柳州`) is at most this long. */
const MAX_PLACE_CHARS = 7;

/** A subtitle (副题) hangs from the main headline by a dash. */
export function isSubtitleShaped(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('——') || t.startsWith('─') || t.startsWith('－－');
}

/**
 * A column heading over a group of articles is a short label (`地方动态`); a long heading
 * over a deeper one is a headline with its subtitle.
 */
export function isSectionLabelShaped(text: string): boolean {
  return [...text].length <= 8 && !/[：:，。]/.test(text);
}

/** Marks no line may start with (kinsoku): a typesetter moves the character before them down too. */
const NO_LINE_START = '，。、；：？！”’」』）》,.;:?!)';
/** Marks no line may end with: a typesetter moves them down to the word they open. */
const NO_LINE_END = '“‘「『（《(';

/**
 * Whether a line starts the way the line after a justified short one does: with a mark no
 * line may start with, at once or one character in (the character moved down with it), with an
 * opening mark moved down to its word, or with a Latin word or number that did not fit above.
 * A typesetter spreads the line left short across its column: this is what made it short.
 */
export function startsAfterPushDown(text: string): boolean {
  const t = text.trimStart();
  if (t.length === 0) return false;
  const first = t.charAt(0);
  if (NO_LINE_START.includes(first) || NO_LINE_END.includes(first) || unitIs(t.charCodeAt(0), CharKind.Alnum)) return true;
  const second = t.codePointAt(0)! > 0xffff ? t.charAt(2) : t.charAt(1);
  return second !== '' && NO_LINE_START.includes(second);
}

const PAIRS: Record<string, string> = { '《': '》', '“': '”', '（': '）', '(': ')', '「': '」', '『': '』', '【': '】', '〈': '〉' };
const CLOSERS = new Set(Object.values(PAIRS));

/**
 * Whether a text leaves a title mark, quote or bracket open (`浙江出台《关于加强困境儿童心理`):
 * a line broken inside a book title or a quotation goes on on the next line.
 */
export function leavesOpen(text: string): boolean {
  const open: string[] = [];
  for (const c of text) {
    if (PAIRS[c] !== undefined) open.push(PAIRS[c]!);
    else if (CLOSERS.has(c)) {
      const at = open.lastIndexOf(c);
      if (at >= 0) open.length = at;
    }
  }
  return open.length > 0;
}
