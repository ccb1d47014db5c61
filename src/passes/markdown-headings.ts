import { definePass } from './pass.js';
import { lineWith, mapLines, pageWith } from '../model/page.js';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** Turn `#`–`######` marks into a heading level on the line; the marks themselves are not text. */
export const markdownHeadings = definePass({
  name: 'markdown-headings',
  description: 'Read Markdown heading marks as heading levels and remove them from the text',
  defaults: {},
  run(page) {
    if (page.dialect !== 'markdown') return page;
    const lines = mapLines(page.lines, (line) => {
      const m = HEADING.exec(line.text);
      return m ? lineWith(line, { heading: m[1]!.length, text: m[2]! }) : line;
    });
    return lines === page.lines ? page : pageWith(page, { lines });
  },
});
