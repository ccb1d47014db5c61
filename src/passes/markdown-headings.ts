import { defineLinePass } from './pass.js';
import { lineWith } from '../model/page.js';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Turn `#`–`######` marks into a heading level on the line; the marks themselves are not text. */
export const markdownHeadings = defineLinePass({
  name: 'markdown-headings',
  description: 'Read Markdown heading marks as heading levels and remove them from the text',
  applies: (page) => page.dialect === 'markdown',
  line(line) {
    const m = HEADING.exec(line.text);
    return m ? lineWith(line, { heading: m[1]!.length, text: m[2]! }) : line;
  },
});
