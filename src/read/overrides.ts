import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import type { Override, OverrideKind } from '../model/types.js';

/**
 * bulletin.overrides.yaml: an editor's corrections of structural decisions, per page (by
 * source path, relative to the file) and source line, kept across regenerations. Each entry
 * carries the text of the line it anchors to, so that a page that changed under it is found
 * (an error naming the file and the entry's line) rather than silently mis-corrected.
 * Checked against schemas/overrides.schema.json (ajv), with errors placed by the YAML
 * parser's line positions.
 */
export const OVERRIDES_NAME = 'bulletin.overrides.yaml';

/** One entry as written: the choice, the anchor text it carries and its line in the file. */
export interface OverrideEntry {
  override: Override;
  text: string;
  /** the entry's own line in the overrides file */
  at: number;
}

/** A loaded overrides file: plain data, so a worker thread can be given it whole. */
export interface Overrides {
  /** the file as it is named to the user */
  file: string;
  /** the directory its page keys are relative to, absolute */
  base: string;
  /** per page key (source path relative to `base`, POSIX separators) */
  pages: Record<string, OverrideEntry[]>;
}

export class OverridesError extends Error {}

const requireHere = createRequire(import.meta.url);

/** Read and check an overrides file; any mistake is an OverridesError naming file and line. */
export function loadOverrides(file: string): Overrides {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such overrides file' : code === 'EISDIR' ? 'is a directory, not an overrides file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new OverridesError(`${file}: ${why}`);
  }
  return parseOverrides(text, file);
}

/** How many aliases a value may expand: as for the config file, against "billion laughs". */
const MAX_ALIASES = 100;

export function parseOverrides(text: string, file: string): Overrides {
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = requireHere('yaml') as typeof import('yaml');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOfNode = (n: Node | null | undefined) => (n?.range ? counter.linePos(n.range[0]).line : 1);
  const fail = (line: number, msg: string): never => {
    throw new OverridesError(`${file}:${line}: ${msg}`);
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    fail(counter.linePos(e.pos[0]).line, e.message.split('\n')[0]!);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    fail(1, (err as Error).message);
  }
  // the node at a JSON pointer's path, for the line of a schema error
  const nodeAt = (segments: string[]): Node | undefined => {
    let n: unknown = doc.contents;
    for (const seg of segments) {
      if (isMap(n)) n = n.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value;
      else if (isSeq(n)) n = n.items[Number(seg)];
      else return undefined;
    }
    return (n ?? undefined) as Node | undefined;
  };
  const keyLine = (segments: string[], key: string): number | undefined => {
    const n = nodeAt(segments);
    if (!isMap(n)) return undefined;
    const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    return pair ? lineOfNode(pair.key as Node) : undefined;
  };

  // an empty file corrects nothing
  if (data === null || data === undefined) return { file, base: path.resolve(path.dirname(file)), pages: {} };
  const validate = schemaValidator();
  if (!validate(data)) {
    const e = validate.errors![0]!;
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    const line = (extra !== undefined ? keyLine(segments, extra) : undefined) ?? lineOfNode(nodeAt(segments)) ?? 1;
    fail(line, `${placeOf(segments)}${schemaMessage(e)}`);
  }

  const root = data as { version: 1; pages: Record<string, Omit<Override, 'origin'>[] & { text: string }[]> };
  const pages: Record<string, OverrideEntry[]> = {};
  for (const [key, list] of Object.entries(root.pages)) {
    const normal = path.posix.normalize(key.replace(/\\/g, '/'));
    const entries: OverrideEntry[] = [];
    (list as unknown as Record<string, unknown>[]).forEach((raw, i) => {
      const at = lineOfNode(nodeAt(['pages', key, String(i)]));
      const { text, ...rest } = raw as { text: string } & Omit<Override, 'origin'>;
      const override = { ...rest, origin: file } as Override;
      if (override.to !== undefined && override.to < override.line) fail(at, `a caption's last line (to: ${override.to}) comes before its first (line: ${override.line})`);
      entries.push({ override, text, at });
    });
    conflicts(entries, fail);
    if (pages[normal]) fail(lineOfNode(nodeAt(['pages', key])), `page ${key} is given twice (as ${normal})`);
    pages[normal] = entries;
  }
  return { file, base: path.resolve(path.dirname(file)), pages };
}

/** The three questions an override answers of a line: at most one answer to each per line. */
const QUESTION: Record<OverrideKind, string | null> = {
  headline: 'role',
  subheadline: 'role',
  body: 'role',
  furniture: 'role',
  caption: 'role',
  'paragraph-start': 'paragraph',
  'no-paragraph-start': 'paragraph',
  'article-start': 'article',
  'no-article-start': 'article',
  set: null,
};

function conflicts(entries: OverrideEntry[], fail: (line: number, msg: string) => never): void {
  const seen = new Map<string, OverrideEntry>();
  for (const e of entries) {
    const q = QUESTION[e.override.kind];
    if (q === null) continue;
    const span = q === 'role' && e.override.kind === 'caption' ? [e.override.line, e.override.to ?? e.override.line] : [e.override.line, e.override.line];
    for (let no = span[0]!; no <= span[1]!; no++) {
      const had = seen.get(`${q}:${no}`);
      if (had) fail(e.at, `line ${no} is already given as ${had.override.kind} at line ${had.at}: one entry per line says what it is`);
      seen.set(`${q}:${no}`, e);
    }
  }
}

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; schemaPath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null };

/** The schema's validator, compiled once a process and only when an overrides file is read. */
let compiled: Validator | undefined;
function schemaValidator(): Validator {
  if (compiled) return compiled;
  const Ajv = requireHere('ajv').default as new (o: object) => { compile(s: object): Validator };
  const schema = requireHere('../../schemas/overrides.schema.json') as object;
  return (compiled = new Ajv({ allErrors: false, strict: false }).compile(schema));
}

/** Where in the file's structure an error is, as the user wrote it: `seeds/a.txt, entry 2: `. */
function placeOf(segments: string[]): string {
  if (segments[0] !== 'pages' || segments.length < 2) return segments.length ? `${segments.join('.')}: ` : '';
  const entry = segments[2] !== undefined ? `, entry ${Number(segments[2]) + 1}` : '';
  const field = segments[3] !== undefined ? `, ${segments[3]}` : '';
  return `${segments[1]}${entry}${field}: `;
}

/** ajv's words for the schema's own rules, said as what to write instead. */
function schemaMessage(e: NonNullable<Validator['errors']>[number]): string {
  const p = e.schemaPath;
  if (p.includes('/allOf/0/then')) return 'a headline or subheadline entry needs `of`, a line of the article it belongs to';
  if (p.includes('/allOf/0/else')) return 'only a headline or subheadline entry takes `of`';
  if (p.includes('/allOf/1/else')) return 'only a caption entry takes `to`';
  if (p.includes('/allOf/2/then')) return 'a set entry gives at least one of byline, attribution, section';
  if (p.includes('/allOf/2/else')) return 'only a set entry gives byline, attribution or section';
  if (e.keyword === 'additionalProperties') return `unknown key "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${e.message}: ${(e.params.allowedValues as string[]).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(e.params.allowedValue)}`;
  return e.message ?? 'is not valid';
}

/**
 * Where the overrides are: `--overrides FILE`, else bulletin.overrides.yaml beside the config
 * file (the directory of `--config FILE`, or the working directory); null when there is none.
 */
export function findOverrides(explicit: string | undefined, configFile: string | undefined, cwd = process.cwd()): Overrides | null {
  if (explicit !== undefined) return loadOverrides(explicit);
  const dir = configFile !== undefined ? path.dirname(configFile) : cwd;
  const candidate = path.join(dir, OVERRIDES_NAME);
  if (!fs.existsSync(candidate)) return null;
  return loadOverrides(path.relative(cwd, candidate) || candidate);
}

/** A page's entries: keyed by its path relative to the overrides file's directory. */
export function entriesFor(overrides: Overrides | undefined | null, source: string): OverrideEntry[] {
  if (!overrides || source === '-') return [];
  const key = path.relative(overrides.base, path.resolve(source)).split(path.sep).join('/');
  return overrides.pages[key] ?? [];
}

/**
 * Each entry's anchor checked against the page's lines as decoded (before any pass): the
 * line must exist and, trimmed, be the entry's text; so must `of` and `to` exist. The first
 * mismatch, as an error message naming the overrides file and the entry's line; else null.
 */
export function staleAnchor(overrides: Overrides, entries: readonly OverrideEntry[], lines: readonly string[]): string | null {
  for (const e of entries) {
    const o = e.override;
    const where = `${overrides.file}:${e.at}`;
    if (o.line > lines.length) return `${where}: override ${o.kind} anchors to line ${o.line}, but the page has ${lines.length} lines`;
    const found = lines[o.line - 1]!.trim();
    if (found !== e.text) return `${where}: override ${o.kind} anchors to line ${o.line} as ${JSON.stringify(e.text)}, but the line reads ${JSON.stringify(found)}: the page changed under it (correct or remove the entry)`;
    for (const other of [o.of, o.to]) {
      if (other !== undefined && other > lines.length) return `${where}: override ${o.kind} names line ${other}, but the page has ${lines.length} lines`;
    }
  }
  return null;
}

/** What the manifest keeps of a page's entries: their content, so that editing them re-parses the page. */
export function entriesKey(entries: readonly OverrideEntry[]): string | null {
  if (entries.length === 0) return null;
  // the entry's place in the file is left out (the page's output never names it): an entry
  // added above another page's entries does not rebuild that page
  return JSON.stringify(entries.map((e) => [e.text, e.override]));
}
