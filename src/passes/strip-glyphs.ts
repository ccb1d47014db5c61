import { definePass } from './pass.js';
import { lineWith, pageWith } from '../model/page.js';
import type { Line } from '../model/types.js';

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const LEAD = /^[\s\uFFFD]*\uFFFD[\s\uFFFD]*/;
/** Anything this pass would change; most lines have none of it. */
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD\uFFFD■]|^\s|\s$/;

/**
 * Remove what OCR leaves that is not text: the U+FFFD pair where the lead paragraph's indent
 * was (remembered as `lead`, since it marks where an article starts), control and zero-width
 * characters, the `■` byline bullet (remembered as `bullet`) and leading indentation
 * (remembered as `indent`: a headline box often starts one space in).
 */
export const stripGlyphs = definePass({
  name: 'strip-glyphs',
  description: 'Drop U+FFFD, control and zero-width characters, byline bullets and indentation, noting where they were',
  defaults: {},
  run(page) {
    const lines = page.lines.map((line): Line => {
      if (!NEEDS_WORK.test(line.text)) return line;
      let text = line.text.replace(CONTROL, '');
      let lead = line.lead ?? false;
      let bullet = line.bullet ?? false;
      let indent = line.indent ?? 0;
      if (LEAD.test(text)) {
        lead = true;
        text = text.replace(LEAD, '');
      }
      text = text.replace(/\uFFFD/g, '');
      if (/^\s*■/.test(text)) {
        bullet = true;
        text = text.replace(/^\s*■+\s*/, '');
      }
      text = text.replace(/■/g, '');
      const leading = /^[ \t\u3000]*/.exec(text)![0].length;
      if (leading > 0 && text.trim() !== '') indent = leading;
      return lineWith(line, { text: text.trim(), lead, bullet, indent });
    });
    return pageWith(page, { lines });
  },
});
