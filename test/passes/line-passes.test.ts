import { createPage } from '../../src/model/page.js';
import { detectDialect } from '../../src/passes/detect-dialect.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { letterSpacing } from '../../src/passes/letter-spacing.js';
import { canonicalText } from '../../src/passes/canonical-text.js';
import { runPass } from '../pass-tester.js';
import type { Page } from '../../src/model/types.js';
import type { Pass } from '../../src/passes/pass.js';

const runOne = (pass: Pass<any>, p: Page, options: Record<string, unknown>) => runPass(pass, p, options).page;

const page = (text: string) => createPage('t.txt', 't', text);

describe('detect-dialect', () => {
  test('narrow unmarked lines are raw OCR', () => {
    const p = runOne(detectDialect, page('社区服务中心\n今年新增了十\n个服务站点。\n'), detectDialect.defaults);
    expect(p.dialect).toBe('raw');
  });
  test('a heading mark makes it Markdown', () => {
    const p = runOne(detectDialect, page('## 社区服务中心启用\n\n正文一段。\n'), detectDialect.defaults);
    expect(p.dialect).toBe('markdown');
  });
  test('long paragraph lines make it Markdown', () => {
    const long = '今年全市新增社区服务站点四十个，覆盖所有街道，居民办事不出社区，满意度明显提升，受到广泛好评。';
    expect(runOne(detectDialect, page(`${long}\n\n${long}\n`), detectDialect.defaults).dialect).toBe('markdown');
  });
});

describe('strip-glyphs', () => {
  const p = runOne(stripGlyphs, page('\uFFFD \uFFFD 5 月 1 日，社\n■ 本报记者 林川\n  南城街道\n社\u200B区\u0007站\n'), {});
  test('the U+FFFD indent marker goes, and marks a lead paragraph', () => {
    expect(p.lines[0]).toMatchObject({ no: 1, text: '5 月 1 日，社', lead: true });
  });
  test('the byline bullet goes, and marks a bullet line', () => {
    expect(p.lines[1]).toMatchObject({ text: '本报记者 林川', bullet: true });
  });
  test('indentation goes and is remembered', () => {
    expect(p.lines[2]).toMatchObject({ text: '南城街道', indent: 2 });
  });
  test('zero-width and control characters go', () => expect(p.lines[3]!.text).toBe('社区站'));
  test('line numbers are kept', () => expect(p.lines.map((l) => l.no)).toEqual([1, 2, 3, 4]));
});

describe('markdown-headings', () => {
  test('reads the level and removes the marks', () => {
    const p = runOne(markdownHeadings, { ...page('### 北坡县：养老驿站开张\n正文'), dialect: 'markdown' }, {});
    expect(p.lines[0]).toMatchObject({ heading: 3, text: '北坡县：养老驿站开张' });
    expect(p.lines[1]!.heading ?? 0).toBe(0);
  });
  test('does nothing to raw pages, where # is text', () => {
    const p = runOne(markdownHeadings, page('# 号楼'), {});
    expect(p.lines[0]!.text).toBe('# 号楼');
  });
});

describe('letter-spacing', () => {
  test('collapses a justified line and keeps a phrase space', () => {
    const p = runOne(letterSpacing, page('不 少 老 人\n“助老同行 爱满社区”'), letterSpacing.defaults);
    expect(p.lines.map((l) => l.text)).toEqual(['不少老人', '“助老同行 爱满社区”']);
  });
});

describe('canonical-text', () => {
  test('applies the spacing and punctuation rules to lines', () => {
    const p = runOne(canonicalText, page('到 2025 年 , 全区(县)'), {});
    expect(p.lines[0]!.text).toBe('到2025年，全区（县）');
  });
});
