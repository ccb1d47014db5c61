import { detectDialect } from '../../src/passes/detect-dialect.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { testPass } from '../pass-tester.js';

const texts = (...t: string[]) => t.map((text) => ({ text }));

/**
 * OUTPUT.md rule 3: a single space between two CJK characters is kept where the source has it
 * as a phrase separator, and removed where a justified line spaced out every character.
 */
testPass(letterSpacing, {
  before: [detectDialect, stripGlyphs],
  valid: [
    { name: 'collapses a justified line', text: '众 甚 至 管 理', lines: texts('众甚至管理') },
    { name: 'collapses a justified line and keeps a phrase space', text: ['不 少 老 人', '“助老同行 爱满社区”'], lines: texts('不少老人', '“助老同行 爱满社区”') },
    { name: 'a justified run at a line start', text: '很 多 居 民 都', lines: texts('很多居民都') },
    { name: 'keeps a phrase space in quotes', text: '“善心仁者 与爱同行”', lines: texts('“善心仁者 与爱同行”') },
    { name: 'keeps a phrase space in a title', text: '《上海市民政局 甘肃省民政厅关于协作的通知》', lines: texts('《上海市民政局 甘肃省民政厅关于协作的通知》') },
    { name: 'keeps the space of a byline', text: '本报记者 张熙', lines: texts('本报记者 张熙') },
    { name: 'collapses only the spaced run of a line', text: '社区 不 少 老 人', lines: texts('社区不少老人') },
    { name: 'CJK punctuation is part of a spaced run', text: '老 人 ， 都 说', lines: texts('老人，都说') },
    { name: 'tabs and ideographic spaces are letter spacing too', text: '社\t区\u3000服 务', lines: texts('社区服务') },
    { name: 'astral Han characters spaced out are collapsed', text: '𠀀 𠀁 𠀂', lines: texts('𠀀𠀁𠀂') },
    { name: 'Latin letters spaced out are not CJK', text: 'A B C D', lines: texts('A B C D') },
    { name: 'two spaced characters are too short to be justification', text: '甲 乙', lines: texts('甲 乙') },
    {
      name: 'each line on its own: a run does not continue on the next line',
      text: ['社 区', '服 务'],
      lines: texts('社 区', '服 务'),
    },
    // non-default options
    { name: 'minRun: 2 collapses two spaced characters', text: ['甲 乙', '善心仁者 与爱同行'], options: { minRun: 2 }, lines: texts('甲乙', '善心仁者与爱同行') },
    { name: 'minRun: 4 keeps three spaced characters', text: ['很 多 居', '很 多 居 民'], options: { minRun: 4 }, lines: texts('很 多 居', '很多居民') },
  ],
});
