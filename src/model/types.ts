/** The document model every pass reads and returns. It imports nothing of ours. */

/** [first, last] 1-based source line numbers. */
export type LineSpan = [number, number];

export type Dialect = 'raw' | 'markdown';

/** One line of the source page, numbered as the file has it. Passes annotate, never renumber. */
export interface Line {
  readonly no: number;
  text: string;
  /** the line started with the U+FFFD indent marker that OCR leaves where a lead paragraph began */
  lead?: boolean;
  /** the line carried a `■` bullet, which bylines use */
  bullet?: boolean;
  /** leading spaces the line had before indentation was stripped (0 or absent: none) */
  indent?: number;
  /**
   * the line kept its paragraph's two-character indent, set in ideographic spaces, which OCR
   * mostly drops: it opens a paragraph (`indent` stays 0: that is a headline box's one space)
   */
  opensParagraph?: boolean;
  /** Markdown heading level (1–6) when the line was a heading; 0 or absent when it was not */
  heading?: number;
  /**
   * the line held a gap of several spaces between its pieces, which OCR keeps where a running
   * head sets its page number, rubric and date far apart across the page
   */
  gapped?: boolean;
  /** every character of the line was spread apart by spaces (justified, or set as a big-type headline) */
  spaced?: boolean;
  /**
   * Which kinds of characters `text` holds (charKinds: CharKind bits), as makeLine counted
   * them; -1 or absent when not counted (read them with lineKinds).
   */
  readonly kinds?: number;
}

export type BlockKind =
  | 'paragraph'
  | 'subhead'
  /** a headline-shaped run of lines: a headline, subtitle, kicker or section heading, not yet placed */
  | 'heading'
  | 'byline'
  | 'attribution'
  | 'caption'
  | 'furniture';

export interface Block {
  kind: BlockKind;
  text: string;
  lines: LineSpan;
  /** the source lines the block was made of, each as it stood; headings keep them to be split later */
  parts?: Line[];
  /** heading level for Markdown headings */
  level?: number;
  /** the block began with a lead marker: a new article starts here */
  lead?: boolean;
  /** set by the pass that decided the block ends an article */
  endsArticle?: boolean;
}

export interface Article {
  headline: string | null;
  subheadlines: string[];
  byline: string | null;
  section: string | null;
  body: Block[];
  captions: string[];
  attribution: string | null;
  lines: LineSpan;
}

export interface Furniture {
  text: string;
  lines: LineSpan;
}

export type Severity = 'warning' | 'error';

/** A message tied to a place in the source, in the spirit of vfile messages. */
export interface Message {
  severity: Severity;
  /** the pass (or reader stage) that raised it */
  origin: string;
  /**
   * A short stable id of what kind of doubt it is (`close-call`, `invalid-bytes`), for
   * counting and filtering; the origin's name where the pass gave none (a plugin's).
   */
  kind?: string;
  message: string;
  line: number | null;
  /** 1-based column on `line`, when the pass knows it */
  column?: number;
  /** the last line the message covers, when more than one */
  endLine?: number;
}

export interface Page {
  /** the path as given on the command line, or `-` for standard input */
  source: string;
  /** the file name without its extension: the prefix of every article id */
  stem: string;
  encoding: string;
  dialect: Dialect;
  lines: Line[];
  /** reading-order blocks, once lines have been grouped */
  blocks: Block[];
  /** articles, once blocks have been grouped */
  articles: Article[];
  furniture: Furniture[];
  messages: Message[];
  /**
   * Choices an editor fixed for this page (bulletin.overrides.yaml): the passes that decide
   * what they name take them as given and decide the rest of the page around them. Absent or
   * empty on a page nobody corrected.
   */
  overrides?: Override[];
}

export type OverrideKind =
  | 'headline'
  | 'subheadline'
  | 'body'
  | 'furniture'
  | 'article-start'
  | 'no-article-start'
  | 'paragraph-start'
  | 'no-paragraph-start'
  | 'caption'
  | 'set';

/** One fixed choice, anchored to a source line (OverrideKind says what it fixes). */
export interface Override {
  kind: OverrideKind;
  /** the 1-based source line it anchors to */
  line: number;
  /** headline, subheadline: a line of the article the headline belongs to */
  of?: number;
  /** caption: the caption's last line (its first is `line`) */
  to?: number;
  /** set: the article's fields to give (null clears); a field left out is left alone */
  byline?: string | null;
  attribution?: string | null;
  section?: string | null;
  /** the overrides file the entry is written in, as named to the user, for messages about it */
  origin: string;
}
