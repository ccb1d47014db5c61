import { defineLinePass } from './pass.js';
import { lineKinds, lineWith } from '../model/page.js';
import { BLANKS, BULLET, CharKind, EMOJI_JOINER, INVISIBLES, REPLACEMENT, ZWJ, classSource, hasEdgeSpace } from '../model/chars.js';
import type { Line } from '../model/types.js';

const R = classSource(REPLACEMENT);
const B = classSource(BULLET);
const J = classSource(ZWJ);
/** the invisibles but for the zero-width joiner, which may belong to an emoji... */
const INVISIBLE = new RegExp(`(?!${J})[${classSource(INVISIBLES)}]`, 'g');
/** ...and a joiner that does not, once the other invisibles are gone */
const STRAY_JOINER = new RegExp(`(?!${EMOJI_JOINER})${J}`, 'gu');
const LEAD = new RegExp(`^[\\s${R}]*${R}[\\s${R}]*`);
const REPLACEMENT_CHARS = new RegExp(R, 'g');
const BULLET_START = new RegExp(`^\\s*${B}`);
const BULLETS_START = new RegExp(`^\\s*${B}+\\s*`);
const BULLETS = new RegExp(B, 'g');
const INDENT = new RegExp(`^[${classSource(BLANKS)}]*`);
const IDEOGRAPHIC_SPACE = '\u3000';
/**
 * Spaces in a row that part a line's pieces: a justified or letter-spaced line spreads its
 * characters by a space or two, a running head sets its pieces across the page.
 */
const WIDE_GAP = /\S {4,}\S/;

/**
 * Whether the pass would change a line: a glyph (CharKind.Glyph, what the regexes above
 * remove or read), or spaces around it. `kinds` is the text's charKinds.
 */
const needsWork = (text: string, kinds: number): boolean => (kinds & CharKind.Glyph) !== 0 || hasEdgeSpace(text) || text.includes('    ');

/**
 * Remove what OCR leaves that is not text: the U+FFFD pair where the lead paragraph's indent
 * was (remembered as `lead`, since it marks where an article starts), control and zero-width
 * characters (but not a zero-width joiner inside an emoji sequence, which is part of that
 * character: OUTPUT.md rule 4), the `■` byline bullet (remembered as `bullet`) and leading
 * indentation (remembered as `indent`: a headline box often starts one space in; or, when
 * it is set in ideographic spaces, as `opensParagraph`: the paragraph indent OCR kept). A wide
 * gap inside a line is remembered as `gapped`.
 */
export const stripGlyphs = defineLinePass({
  name: 'strip-glyphs',
  description: 'Drop U+FFFD, control and zero-width characters, byline bullets and indentation, noting where they were and where a line held a wide gap',
  line(line): Line {
    if (!needsWork(line.text, lineKinds(line))) return line;
    let text = line.text.replace(INVISIBLE, '');
    if (text.includes(ZWJ)) text = text.replace(STRAY_JOINER, '');
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
    const leading = INDENT.exec(text)![0];
    let opensParagraph = line.opensParagraph ?? false;
    if (leading.length > 0 && text.trim() !== '') {
      // a paragraph's indent is two ideographic spaces; a headline box starts a space or two in
      if (leading.includes(IDEOGRAPHIC_SPACE)) opensParagraph = true;
      else indent = leading.length;
    }
    const gapped = line.gapped === true || (text.includes('    ') && WIDE_GAP.test(text));
    return lineWith(line, { text: text.trim(), lead, bullet, indent, opensParagraph, gapped });
  },
});
