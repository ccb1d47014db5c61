import { definePass } from './pass.js';
import { lineKinds, lineWith, mapLines, pageWith } from '../model/page.js';
import { collapseLetterSpacing } from '../model/text.js';

/**
 * A justified narrow column spreads a short line by putting a space between every character;
 * a run of `minRun` or more single-spaced characters is that, an isolated space is a phrase
 * separator and stays.
 */
export const letterSpacing = definePass({
  name: 'letter-spacing',
  description: 'Remove the spaces a justified line put between every character; keep phrase spaces',
  defaults: { minRun: 3 },
  run(page, { minRun }) {
    const lines = mapLines(page.lines, (line) => {
      const text = collapseLetterSpacing(line.text, minRun, lineKinds(line));
      return text === line.text ? line : lineWith(line, { text });
    });
    return lines === page.lines ? page : pageWith(page, { lines });
  },
});
