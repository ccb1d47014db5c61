import { definePass } from './pass.js';
import { lineWith, mapLines, pageWith } from '../model/page.js';
import { isJsSpace } from '../model/text.js';
import type { Line } from '../model/types.js';

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const LEAD = /^[\s\uFFFD]*\uFFFD[\s\uFFFD]*/;
const REPLACEMENT_CHARS = /\uFFFD/g;
const BULLET_START = /^\s*■/;
const BULLETS_START = /^\s*■+\s*/;
const BULLETS = /■/g;
const INDENT = /^[ \t\u3000]*/;
/** What this pass removes or reads, per UTF-16 code unit: most lines have none of it. */
const GLYPHS = new Uint8Array(0x10000);
for (const [from, to] of [[0x00, 0x08], [0x0b, 0x1f], [0x7f, 0x9f], [0x200b, 0x200d]]) GLYPHS.fill(1, from!, to! + 1);
for (const c of [0x2060, 0xfeff, 0x00ad, 0xfffd, '■'.charCodeAt(0)]) GLYPHS[c] = 1;

/** Whether the pass would change a line: a glyph above, or spaces around it. */
export function needsWork(text: string): boolean {
  if (text === '') return false;
  if (isJsSpace(text.charCodeAt(0)) || isJsSpace(text.charCodeAt(text.length - 1))) return true;
  for (let i = 0; i < text.length; i++) if (GLYPHS[text.charCodeAt(i)] === 1) return true;
  return false;
}

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
    const lines = mapLines(page.lines, (line): Line => {
      if (!needsWork(line.text)) return line;
      let text = line.text.replace(CONTROL, '');
      let lead = line.lead ?? false;
      let bullet = line.bullet ?? false;
      let indent = line.indent ?? 0;
      if (LEAD.test(text)) {
        lead = true;
        text = text.replace(LEAD, '');
      }
      text = text.replace(REPLACEMENT_CHARS, '');
      if (BULLET_START.test(text)) {
        bullet = true;
        text = text.replace(BULLETS_START, '');
      }
      text = text.replace(BULLETS, '');
      const leading = INDENT.exec(text)![0].length;
      if (leading > 0 && text.trim() !== '') indent = leading;
      return lineWith(line, { text: text.trim(), lead, bullet, indent });
    });
    return lines === page.lines ? page : pageWith(page, { lines });
  },
});
