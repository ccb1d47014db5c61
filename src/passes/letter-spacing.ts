import { defineLinePass } from './pass.js';
import { lineKinds, lineWith } from '../model/page.js';
import { collapseLetterSpacing } from '../model/canonical.js';

const HAS_BLANK = /\s/;

/**
 * A justified narrow column spreads a short line by putting a space between every character;
 * a run of `minRun` or more single-spaced characters is that, an isolated space is a phrase
 * separator and stays.
 */
export const letterSpacing = defineLinePass({
  name: 'letter-spacing',
  description: 'Remove the spaces a justified line put between every character; keep phrase spaces',
  options: {
    minRun: { default: 3, description: 'this many single-spaced characters in a row are letter-spacing, not phrase spaces', unit: 'characters', min: 2, integer: true },
  },
  line(line, { minRun }) {
    const text = collapseLetterSpacing(line.text, minRun, lineKinds(line));
    if (text === line.text) return line;
    // spread from end to end: every space between its characters went
    return lineWith(line, { text, spaced: !HAS_BLANK.test(text) });
  },
});
