import { definePass } from './pass.js';
import { lineKinds, pageWith } from '../model/page.js';
import { CharKind } from '../model/chars.js';
import { widerThan } from '../model/width.js';

// Regexes in hot code are constants: a literal makes a new RegExp object each time it runs.
const HEADING = /^\s{0,3}#{1,6}\s/;

/**
 * Raw OCR prints one narrow column line per text line; a PDF-to-Markdown converter writes one
 * paragraph per line and marks headings. Either sign decides.
 */
export const detectDialect = definePass({
  name: 'detect-dialect',
  description: 'Tell raw OCR columns from converter Markdown by headings and line widths',
  options: {
    wideLineCells: { default: 60, description: 'a line wider than this cannot be a printed column line', unit: 'cells', min: 1, integer: true },
    wideShare: { default: 0.2, description: 'a page with more than this share of wide lines is converter Markdown', unit: 'share of text lines', min: 0, max: 1 },
  },
  run(page, { wideLineCells, wideShare }) {
    let lines = 0;
    let headings = 0;
    let wide = 0;
    for (const line of page.lines) {
      if ((lineKinds(line) & CharKind.Visible) === 0) continue;
      const { text } = line;
      lines++;
      // a heading mark is within the first four characters
      const hash = text.indexOf('#');
      if (hash >= 0 && hash <= 3 && HEADING.test(text)) headings++;
      // a line of n characters is at most 2n cells wide: only long lines need measuring
      if (2 * text.length > wideLineCells && widerThan(text, wideLineCells)) wide++;
    }
    if (lines === 0) return page;
    const dialect = headings > 0 || wide / lines > wideShare ? 'markdown' : 'raw';
    return dialect === page.dialect ? page : pageWith(page, { dialect });
  },
});
