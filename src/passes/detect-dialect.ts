import { definePass } from './pass.js';
import { pageWith } from '../model/page.js';
import { visualWidth } from '../model/text.js';

/**
 * Raw OCR prints one narrow column line per text line; a PDF-to-Markdown converter writes one
 * paragraph per line and marks headings. Either sign decides.
 */
export const detectDialect = definePass({
  name: 'detect-dialect',
  description: 'Tell raw OCR columns from converter Markdown by headings and line widths',
  defaults: { wideLineCells: 60 },
  run(page, { wideLineCells }) {
    const text = page.lines.filter((l) => l.text.trim() !== '');
    if (text.length === 0) return page;
    const headings = text.filter((l) => /^\s{0,3}#{1,6}\s/.test(l.text)).length;
    // a line of n characters is at most 2n cells wide: only long lines need measuring
    const wide = text.filter((l) => 2 * l.text.length > wideLineCells && visualWidth(l.text) > wideLineCells).length;
    const dialect = headings > 0 || wide / text.length > 0.2 ? 'markdown' : 'raw';
    return dialect === page.dialect ? page : pageWith(page, { dialect });
  },
});
