/**
 * The records of the output contract (../shared/spec/OUTPUT.md), field for field and in its
 * order: what writers/records.ts makes from a Page and read/article-markdown.ts reads back.
 */

export interface ArticleRecord {
  type: 'article';
  id: string;
  source: string;
  headline: string | null;
  subheadlines: string[];
  byline: string | null;
  section: string | null;
  body: { kind: 'paragraph' | 'subhead'; text: string; lines: [number, number] }[];
  captions: string[];
  attribution: string | null;
  lines: [number, number];
}

export interface WarningRecord {
  line: number | null;
  origin: string;
  /** a short stable id of the kind of warning (Message.kind) */
  kind: string;
  severity: 'warning' | 'error';
  message: string;
}

/**
 * One line of OUT/warnings.jsonl: a page's warning with the page it is on. `pass` is the
 * page record's `origin` (a pass, or a reader stage such as `decode`).
 */
export interface WarningLine {
  source: string;
  line: number | null;
  pass: string;
  kind: string;
  severity: 'warning' | 'error';
  message: string;
}

export interface PageRecord {
  type: 'page';
  source: string;
  articles: number;
  furniture: string[];
  warnings: WarningRecord[];
  encoding: string;
  dialect: string;
  /** the overrides (bulletin.overrides.yaml entries) applied to the page; absent when none */
  overrides?: number;
}
