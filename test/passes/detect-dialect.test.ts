import { detectDialect } from '../../src/passes/detect-dialect.js';
import type { Dialect, Page } from '../../src/model/types.js';
import { testPass } from '../pass-tester.js';

const isDialect = (dialect: Dialect) => (p: Page) => expect(p.dialect).toBe(dialect);
const han = (n: number) => '社区服务中心今年新增站点'.repeat(10).slice(0, n);
/** a paragraph line as a converter writes it: far wider than any printed column */
const LONG = '今年全市新增社区服务站点四十个，覆盖所有街道，居民办事不出社区，满意度明显提升，受到广泛好评。';

// Widths count a CJK character as two cells, ASCII as one and blanks as none (README, "Widths").
testPass(detectDialect, {
  valid: [
    { name: 'narrow unmarked lines are raw OCR', text: ['社区服务中心', '今年新增了十', '个服务站点。'], check: isDialect('raw') },
    { name: 'a heading mark makes it Markdown', text: ['## 社区服务中心启用', '', '正文一段。'], check: isDialect('markdown') },
    { name: 'a heading mark may stand three spaces in', text: ['   ### 社区服务中心启用', '正文一段。'], check: isDialect('markdown') },
    { name: 'four spaces in, or no space after the marks, it is text', text: ['    # 社区服务中心启用', '#号楼', '正文一段。'], check: isDialect('raw') },
    { name: 'long paragraph lines make it Markdown', text: [LONG, '', LONG], check: isDialect('markdown') },
    { name: 'a page of blank lines keeps the dialect it had', text: ['', '   ', ''], dialect: 'markdown', check: isDialect('markdown') },
    // 30 Han characters are 60 cells: not wider than the 60 a column line can be
    { name: 'a line of exactly wideLineCells is not wide', text: [han(30), han(30)], check: isDialect('raw') },
    { name: 'one cell more is', text: [han(30) + 'A', han(30) + 'A'], check: isDialect('markdown') },
    { name: 'blanks take no cells', text: [han(15) + '   ' + han(15), han(30)], check: isDialect('raw') },
    // one wide line among five text lines is a share of 0.2: not more than wideShare
    { name: 'a share of wide lines at wideShare is raw', text: [LONG, '', han(6), han(6), han(6), han(6)], check: isDialect('raw') },
    { name: 'blank lines do not count in the share', text: [LONG, '', han(6), '', han(6), han(6)], check: isDialect('markdown') },
    // non-default options
    { name: 'wideLineCells: 70 reads 62-cell lines as column lines', text: [han(31), han(31)], options: { wideLineCells: 70 }, check: isDialect('raw') },
    { name: 'wideLineCells: 10 reads 12-cell lines as paragraphs', text: [han(6), han(6)], options: { wideLineCells: 10 }, check: isDialect('markdown') },
    { name: 'wideShare: 0.5 takes a third of wide lines for raw', text: [LONG, han(6), han(6)], options: { wideShare: 0.5 }, check: isDialect('raw') },
    { name: 'wideShare: 0 takes one wide line for Markdown', text: [LONG, ...Array<string>(20).fill(han(6))], options: { wideShare: 0 }, check: isDialect('markdown') },
  ],
});
