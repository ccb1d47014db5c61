import { canonicalize, collapseLetterSpacing } from '../../src/model/canonical.js';
import { joinLines } from '../../src/model/join.js';
import { setWidth, widerThan } from '../../src/model/width.js';

const joinWrapped = (a: string, b: string) => joinLines([a, b]);

describe('canonicalize (OUTPUT.md rules 2, 4, 5)', () => {
  test.each([
    ['5 月 12 日，河西区', '5月12日，河西区'],
    ['活动。 他说', '活动。他说'],
    ['签约 ，并且', '签约，并且'],
    ['B12 楼', 'B12楼'],
    ['增长 10% 的', '增长10%的'],
    ['下载 APP 使用', '下载APP使用'],
    ['组织(社团)登记', '组织（社团）登记'],
    ['他说:好', '他说：好'],
    ['居民,志愿者;社工', '居民，志愿者；社工'],
    ['真的吗?是的!', '真的吗？是的！'],
    ['２０２３年ＡＢ类', '2023年AB类'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });

  test('keeps a phrase space between CJK words', () => {
    expect(canonicalize('“邻里守望 温情相伴”')).toBe('“邻里守望 温情相伴”');
  });

  test('leaves ASCII-only punctuation, decimals, percent and plus signs alone', () => {
    expect(canonicalize('增长 3.5%，达到 A+ 级')).toBe('增长3.5%，达到A+ 级');
    expect(canonicalize('at 10:30, see (a)')).toBe('at 10:30, see (a)');
  });

  test('is idempotent', () => {
    for (const s of ['5 月 12 日， 河西区 (试点)', '“邻里守望 温情相伴” ,活动', ' A 12 楼 ']) {
      expect(canonicalize(canonicalize(s))).toBe(canonicalize(s));
    }
  });
});

describe('joinWrapped (rule 1)', () => {
  test('no space between CJK lines', () => expect(joinWrapped('社区居', '民委员会')).toBe('社区居民委员会'));
  test('one space between Latin words', () => expect(joinWrapped('Care', 'Link')).toBe('Care Link'));
  test('mends a hyphenated word when the next line is lower case', () => expect(joinWrapped('volun-', 'teer')).toBe('volunteer'));
  test('keeps the hyphen before an upper-case line', () => expect(joinWrapped('Wi-', 'Fi')).toBe('Wi-Fi'));
  test('digits split across lines rejoin', () => expect(joinWrapped('共 12', '34 人')).toBe('共 1234 人'));
});

describe('collapseLetterSpacing (rule 3)', () => {
  test('removes the spaces of a justified line', () => expect(collapseLetterSpacing('很 多 居 民 都')).toBe('很多居民都'));
  test('keeps an isolated phrase space', () => expect(collapseLetterSpacing('邻里守望 温情相伴')).toBe('邻里守望 温情相伴'));
  test('keeps two spaced characters (too short to be justification)', () => expect(collapseLetterSpacing('甲 乙')).toBe('甲 乙'));
});

describe('widths', () => {
  test('CJK counts two cells, ASCII one, spaces none', () => expect([widerThan('社工 A1', 5), widerThan('社工 A1', 6)]).toEqual([true, false]));
  test('set width counts squeezed CJK punctuation as one cell', () => expect(setWidth('社工，“站”')).toBe(9));
});
