import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../read/inputs.js';
import { readWhole } from '../read/whole-file.js';
import type { PassOptions } from '../passes/pass.js';
import { removeOutputs, writeOutputFile } from '../writers/files.js';
import { contentHash, isReservedName, WARNINGS_NAME } from '../writers/out-dir.js';
import { warningsJsonl, writeWarnings } from '../writers/warnings.js';
import type { WarningLine } from '../model/records.js';

/**
 * What a run wrote, so that the next one can skip what has not changed and `--check` can
 * tell whether the corpus on disk is what a run would write. This module must stay cheap
 * to import: a no-op run loads it, hashes the inputs and exits without loading any pass.
 */
export const MANIFEST_NAME = '.bulletin-manifest.json';
/**
 * 3: file names stored as data (a list of [name, hash]), and each page's owners; 4: each
 * page's warnings, and the hash of the warnings.jsonl made from them
 */
const FORMAT = 4;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The code that decides what a page becomes, by content: during development the version
 * stays put while passes change, and `--check` in CI must then report the corpus stale.
 * Command-line and scoring code is left out, so that changing it rebuilds nothing.
 */
const OUTPUT_CODE = ['passes', 'model', 'writers', 'read', 'pipeline', 'run/process'];

function buildHash(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  const visit = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat?.isDirectory()) for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    else if (stat && /\.(js|ts)$/.test(p) && !p.endsWith('.d.ts')) h.update(path.relative(root, p)).update('\0').update(fs.readFileSync(p));
  };
  for (const part of OUTPUT_CODE) for (const ext of ['', '.js', '.ts']) visit(path.join(root, part + ext));
  return h.digest('base64url').slice(0, 12);
}

/** Read and hash on first use: workers import this module for fileHashList and never need it. */
let cachedVersion: string | undefined;
const programVersion = (): string => (cachedVersion ??= `${version}+${buildHash()}`);

export interface PageEntry {
  stem: string;
  /** hash of the source path as given (it is written into every record) and the input's bytes */
  input: string;
  bulletin: string;
  config: string;
  /**
   * The runs that wrote or kept the page, each by its input arguments (and shard), as keys
   * of the manifest's `owners`: a later run deletes a page whose input is gone only when it
   * is one of them, so that `bulletin parse one.txt -o corpus` never takes the rest of a
   * corpus for removed inputs.
   */
  owners: string[];
  /** the page's output files, relative to the output directory, each with its content's hash */
  files: [name: string, hash: string][];
  /**
   * The page's lines of OUT/warnings.jsonl (absent: none), so that a run that parses only
   * some pages still writes the whole report, the others' warnings taken from here.
   */
  warnings?: WarningLine[];
  /**
   * A hash of the page's entries in bulletin.overrides.yaml, when it has any: they are inputs
   * of the page, so editing them rebuilds it (and only it), and --force keeps them.
   */
  overrides?: string;
}

/** The input arguments of a run (relative to the output directory) and its shard: what owns a page. */
export interface OwnerSpec {
  args: string[];
  shard: string | null;
}

interface ManifestFile {
  manifest: number;
  /** each of a page's `owners` is a key of this table */
  owners: Record<string, OwnerSpec>;
  /** keyed by the input's path relative to the output directory, so a checkout can move */
  pages: Record<string, PageEntry>;
  /** the hash of the OUT/warnings.jsonl written with this manifest, for `--check` */
  warnings?: string;
}

/** Everything besides an input's bytes that decides what its output is. */
export interface RunIdentity {
  names?: readonly string[];
  options?: Readonly<Record<string, PassOptions>>;
  plugins?: readonly string[];
  formats: readonly string[];
  /** `--encoding`, when given */
  encoding?: string;
}

/** 128 bits of SHA-256 in base64url: collisions are not a concern, manifest size is. */
export const hash = contentHash;

/** What the manifest keeps of a page's files: each name with its content's hash. */
export const fileHashList = (files: readonly (readonly [string, string])[]): [string, string][] => files.map(([rel, content]) => [rel, hash(content)]);

/**
 * A plugin is hashed by its file's content, not its path, so editing it rebuilds; modules it
 * imports in turn are not followed.
 */
export function configHash(id: RunIdentity): string {
  const plugins = (id.plugins ?? []).map((p) => {
    try {
      return hash(fs.readFileSync(p));
    } catch {
      return `unreadable:${p}`;
    }
  });
  // `encoding` only when forced, so that manifests of runs that detect it stay valid
  return hash(JSON.stringify({ names: id.names ?? null, options: sortKeys(id.options ?? {}), plugins, formats: [...id.formats].sort(), ...(id.encoding ? { encoding: id.encoding } : {}) }));
}

/**
 * The owner of the pages a run writes: its input arguments, as real locations relative to
 * the output directory (so the same command from another directory is the same owner), and
 * its shard.
 */
export function ownerOf(outDir: string, inputs: readonly string[], shard?: { index: number; count: number }): OwnerSpec {
  const root = path.resolve(outDir);
  const args = inputs.map((a) => (a === '-' ? a : path.relative(root, path.resolve(a)).split(path.sep).join('/'))).sort();
  return { args, shard: shard ? `${shard.index}/${shard.count}` : null };
}

const ownerId = (spec: OwnerSpec): string => hash(JSON.stringify({ args: spec.args, shard: spec.shard }));

const validOwner = (v: unknown): v is OwnerSpec => {
  const o = v as OwnerSpec;
  return !!o && typeof o === 'object' && Array.isArray(o.args) && o.args.every(isString) && (o.shard === null || isString(o.shard));
};

export type Staleness =
  | { source: string; reason: 'new' | 'input changed' | 'config changed' | 'overrides changed' | 'program changed' | 'stem changed' | 'removed input' }
  | { source: string; reason: 'edited' | 'missing' | 'stray'; file: string };

/** What a run removed (and left alone) of pages whose input is gone or whose files it no longer makes. */
export interface Removal {
  /** pages whose input is gone, by source path */
  pages: string[];
  removed: string[];
  /** recorded files whose content is not what was recorded (edited by hand): never deleted */
  kept: string[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
/** A page's file name as recorded: a file inside one page directory, nothing that climbs. */
const isPageFile = (rel: string) => {
  const parts = rel.split('/');
  return parts.length === 2 && parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\') && !p.includes('\0'));
};

/** A manifest entry as loaded, checked field by field: anything else counts as no entry. */
function validEntry(v: unknown): PageEntry | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const e = v as Record<string, unknown>;
  if (!isString(e.stem) || !isString(e.input) || !isString(e.bulletin) || !isString(e.config) ) return null;
  if (!Array.isArray(e.owners) || !e.owners.every(isString)) return null;
  if (e.overrides !== undefined && !isString(e.overrides)) return null;
  if (!Array.isArray(e.files)) return null;
  for (const f of e.files) if (!Array.isArray(f) || f.length !== 2 || !isString(f[0]) || !isString(f[1]) || !isPageFile(f[0])) return null;
  if (e.warnings !== undefined && !(Array.isArray(e.warnings) && e.warnings.every(validWarning))) return null;
  return v as PageEntry;
}

function validWarning(v: unknown): v is WarningLine {
  const w = v as Record<string, unknown>;
  return !!w && typeof w === 'object' && isString(w.source) && (w.line === null || Number.isInteger(w.line)) && isString(w.pass) && isString(w.kind) && (w.severity === 'warning' || w.severity === 'error') && isString(w.message);
}

/**
 * The key of a page in the manifest (and in the order of warnings.jsonl): its input's path
 * relative to the output directory, with `/`; standard input is `-`.
 */
export function pageKey(outDir: string, source: string): string {
  return source === '-' ? source : path.relative(path.resolve(outDir), path.resolve(source)).split(path.sep).join('/');
}

export class Manifest {
  private readonly root: string;
  private readonly owner: string;
  private readonly old: Record<string, PageEntry>;
  private readonly next: Record<string, PageEntry> = {};
  private readonly inputHashes = new Map<string, string>();
  /** per page key, the hash of its overrides, for pages that have any */
  private readonly overrideHashes = new Map<string, string>();
  private readonly current = new Set<string>();
  /** keys whose files this run wrote: their earlier files that it no longer makes are removed */
  private readonly rebuilt = new Set<string>();
  /** keys of pages that failed this run: left out, so that the next run tries them again */
  private readonly forgotten = new Set<string>();
  /**
   * The warnings of pages this run wrote but does not record (standard input, a page a
   * plugin failed on): their files are in the output directory, so the report holds them.
   */
  private readonly unrecorded = new Map<string, WarningLine[]>();
  private dirty = false;

  private constructor(
    outDir: string,
    private readonly config: string,
    ownerSpec: OwnerSpec,
    old: Record<string, PageEntry>,
    /** the owners of the pages as loaded; this run's is added */
    private readonly owners: Record<string, OwnerSpec>,
    /** what was wrong with the file on disk, said once: the next save leaves it out */
    readonly damage: string | null,
    /** the hash of warnings.jsonl as the loaded manifest recorded it */
    private readonly warningsHash: string | null = null,
  ) {
    this.root = path.resolve(outDir);
    this.old = old;
    this.owner = ownerId(ownerSpec);
    this.owners[this.owner] = ownerSpec;
    if (damage) this.dirty = true;
  }

  /**
   * Load and check the manifest. An absent one counts as none; a damaged entry counts as no
   * entry (that page is rebuilt) and a damaged file as none (everything is rebuilt), and
   * either is said once, in `damage`: the next save writes a sound file.
   */
  static open(outDir: string, config: string, owner: OwnerSpec = { args: [], shard: null }): Manifest {
    const file = path.join(outDir, MANIFEST_NAME);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const m = new Manifest(outDir, config, owner, {}, {}, code === 'ENOENT' ? null : `cannot read it (${code ?? (err as Error).message}); every page is rebuilt`);
      // written even by a run with no pages (an empty shard), so the directory says it is bulletin's
      m.dirty = true;
      return m;
    }
    let m: Partial<ManifestFile>;
    try {
      m = JSON.parse(text) as Partial<ManifestFile>;
    } catch {
      return new Manifest(outDir, config, owner, {}, {}, 'it is not valid JSON; every page is rebuilt');
    }
    // an earlier format is not damage: its pages are rebuilt and it is rewritten in this one
    if (!m || typeof m !== 'object' || m.manifest !== FORMAT) return new Manifest(outDir, config, owner, {}, {}, m && typeof m === 'object' && typeof m.manifest === 'number' ? null : 'it is not a bulletin manifest; every page is rebuilt');
    if (!m.pages || typeof m.pages !== 'object' || Array.isArray(m.pages)) return new Manifest(outDir, config, owner, {}, {}, 'it has no list of pages; every page is rebuilt');
    const owners: Record<string, OwnerSpec> = {};
    if (m.owners && typeof m.owners === 'object') for (const [id, o] of Object.entries(m.owners)) if (validOwner(o)) owners[id] = o;
    const pages: Record<string, PageEntry> = {};
    const damaged: string[] = [];
    for (const [key, v] of Object.entries(m.pages)) {
      const e = validEntry(v);
      if (e && e.owners.every((id) => id in owners)) pages[key] = e;
      else damaged.push(key);
    }
    const damage = damaged.length ? `${damaged.length} damaged entr${damaged.length === 1 ? 'y' : 'ies'} (${damaged.slice(0, 3).join(', ')}${damaged.length > 3 ? ', …' : ''}) counted as none; those pages are rebuilt` : null;
    return new Manifest(outDir, config, owner, pages, owners, damage, isString(m.warnings) ? m.warnings : null);
  }

  private key(source: string): string {
    return pageKey(this.root, source);
  }

  private display(key: string): string {
    return path.join(path.relative(process.cwd(), this.root), key);
  }

  /**
   * Split the inputs into those to rebuild and those whose recorded output still stands.
   * Unreadable inputs count as stale so that the run reports them. A page whose recorded
   * files are not all there is stale too, so a plain run restores a deleted output.
   */
  select(files: readonly InputFile[], force = false, overridesOf: (source: string) => string | null = () => null): { stale: InputFile[]; fresh: number; reasons: Staleness[] } {
    const stale: InputFile[] = [];
    const reasons: Staleness[] = [];
    const listing = new Map<string, Set<string> | null>();
    const present = (rel: string): boolean => {
      const slash = rel.indexOf('/');
      const dir = rel.slice(0, slash);
      let names = listing.get(dir);
      if (names === undefined) {
        try {
          names = new Set(fs.readdirSync(path.join(this.root, dir)));
        } catch {
          names = null;
        }
        listing.set(dir, names);
      }
      return names !== null && names.has(rel.slice(slash + 1));
    };
    let fresh = 0;
    for (const f of files) {
      if (f.path === '-') { stale.push(f); continue; }
      const key = this.key(f.path);
      this.current.add(key);
      let bytes: Buffer;
      try {
        bytes = readWhole(f.path);
      } catch {
        stale.push(f);
        reasons.push({ source: f.path, reason: 'input changed' });
        continue;
      }
      const h = createHash('sha256').update(f.path).update('\0').update(bytes).digest('base64url').slice(0, 22);
      this.inputHashes.set(key, h);
      const fixed = overridesOf(f.path);
      const fixedHash = fixed === null ? undefined : hash(fixed);
      if (fixedHash !== undefined) this.overrideHashes.set(key, fixedHash);
      const e = this.old[key];
      const why = !e ? 'new' : e.input !== h ? 'input changed' : e.config !== this.config ? 'config changed' : e.overrides !== fixedHash ? 'overrides changed' : e.bulletin !== programVersion() ? 'program changed' : e.stem !== f.stem ? 'stem changed' : null;
      const missing = why === null ? e!.files.find(([rel]) => !present(rel)) : undefined;
      if (why === null && missing === undefined && !force) {
        const owned = e!.owners.includes(this.owner);
        if (!owned) this.dirty = true;
        this.next[key] = owned ? e! : { ...e!, owners: [...e!.owners, this.owner].sort() };
        fresh++;
      } else {
        stale.push(f);
        reasons.push(missing ? { source: f.path, reason: 'missing', file: missing[0] } : { source: f.path, reason: why ?? 'config changed' });
      }
    }
    for (const key of this.gone()) reasons.push({ source: this.display(key), reason: 'removed input' });
    // a deleted report is restored as a deleted page file is (an edited one only by --force)
    if (!fs.existsSync(path.join(this.root, WARNINGS_NAME))) this.dirty = true;
    return { stale, fresh, reasons };
  }

  /** Whether a run would change anything: stale pages, or outputs of removed inputs to delete. */
  upToDate(stale: readonly InputFile[]): boolean {
    // `dirty` here: a fresh page this run now owns too, which the manifest must say
    return stale.length === 0 && this.gone().length === 0 && !this.dirty;
  }

  /**
   * Pages recorded by an earlier run with this run's inputs whose input is no longer among
   * them. Pages another set of inputs wrote are not this run's to remove.
   */
  gone(): string[] {
    return Object.keys(this.old).filter((k) => !this.current.has(k) && this.old[k]!.owners.includes(this.owner));
  }

  /** Call after a page's files are written, with its lines of warnings.jsonl. */
  record(source: string, stem: string, files: [string, string][], warnings: WarningLine[] = []): void {
    const key = this.key(source);
    const input = source === '-' ? undefined : this.inputHashes.get(key);
    if (!input) {
      this.unrecorded.set(key, warnings);
      this.dirty = true;
      return;
    }
    const owners = new Set(this.old[key]?.owners ?? []).add(this.owner);
    const overrides = this.overrideHashes.get(key);
    this.next[key] = { stem, input, bulletin: programVersion(), config: this.config, owners: [...owners].sort(), files, ...(warnings.length ? { warnings } : {}), ...(overrides !== undefined ? { overrides } : {}) };
    this.rebuilt.add(key);
    this.dirty = true;
  }

  /**
   * A page that failed is left out, so that the next run tries it again. One whose files were
   * written all the same (a plugin failed on it) keeps its warnings in the report.
   */
  forget(source: string, written = false): void {
    const key = this.key(source);
    const warnings = this.next[key]?.warnings ?? [];
    delete this.next[key];
    this.rebuilt.delete(key);
    this.forgotten.add(key);
    if (written) this.unrecorded.set(key, warnings);
    else this.unrecorded.delete(key);
    this.dirty = true;
  }

  /**
   * The warnings of the given inputs' pages as recorded (those this run found up to date
   * and those it wrote): what `--max-warnings` counts.
   */
  warningsOf(files: readonly InputFile[]): WarningLine[] {
    const out: WarningLine[] = [];
    for (const f of files) {
      const key = this.key(f.path);
      out.push(...(this.next[key]?.warnings ?? this.unrecorded.get(key) ?? []));
    }
    return out;
  }

  /**
   * End a run: delete the outputs of pages no longer among the inputs (or, when the run could
   * not see all its inputs, keep them recorded) and the files of rebuilt pages that they no
   * longer make, then save. Returns what was removed.
   */
  finish(removeGone: boolean): Removal {
    // What this run did not get to (an interrupted run's pages not yet parsed: their entries
    // stay, and say what is on disk until the next run rebuilds them), and pages of other
    // owners, stay recorded; pages that failed do not, nor this run's removed inputs.
    const gone = removeGone ? this.gone() : [];
    const removed = new Set(gone);
    for (const key of Object.keys(this.old)) if (!(key in this.next) && !this.forgotten.has(key) && !removed.has(key)) this.next[key] = this.old[key]!;
    const removal = this.removeUnmade(gone);
    this.save();
    return removal;
  }

  /** Delete recorded files that no page of the manifest makes any more, by their recorded hash. */
  private removeUnmade(gone: readonly string[]): Removal {
    // a file another page now writes (its stem moved to it) is that page's, not gone
    const keep = new Set(Object.values(this.next).flatMap((e) => e.files.map(([rel]) => rel)));
    const candidates: [string, string][] = [];
    for (const key of gone) candidates.push(...this.old[key]!.files);
    for (const key of this.rebuilt) candidates.push(...(this.old[key]?.files ?? []));
    const unmade = candidates.filter(([rel]) => !keep.has(rel));
    if (gone.length) this.dirty = true;
    if (unmade.length === 0) return { pages: gone.map((k) => this.display(k)), removed: [], kept: [] };
    const { removed, kept } = removeOutputs(this.root, unmade);
    return { pages: gone.map((k) => this.display(k)), removed, kept };
  }

  /**
   * Write warnings.jsonl from every page the manifest holds, then the manifest with its hash:
   * a run stopped between the two leaves the pages it wrote unrecorded, and the next run
   * writes both again.
   */
  save(): void {
    if (!this.dirty && Object.keys(this.next).length === Object.keys(this.old).length) return;
    const pages = Object.fromEntries(Object.keys(this.next).sort().map((k) => [k, this.next[k]!]));
    const report = warningsJsonl([...Object.entries(pages).map(([k, e]) => [k, e.warnings ?? []] as const), ...[...this.unrecorded].filter(([k]) => !(k in pages))]);
    writeWarnings(this.root, report);
    writeOutputFile(this.root, MANIFEST_NAME, serialise(pages, this.owners, hash(report)));
  }

  /**
   * For `--check`, after select(): the recorded outputs of pages that are otherwise fresh
   * must still have their recorded content, and the output directory must hold nothing
   * else of the kind bulletin writes (names starting with a dot, bulletin's own, are not
   * looked at).
   */
  verifyOutputs(): Staleness[] {
    const out: Staleness[] = [];
    const known = new Set<string>();
    for (const e of [...Object.values(this.old), ...Object.values(this.next)]) for (const [rel] of e.files) known.add(rel);
    for (const [key, e] of Object.entries(this.next)) {
      const source = this.display(key);
      for (const [rel, h] of e.files) {
        let content: Buffer;
        try {
          content = fs.readFileSync(path.join(this.root, rel));
        } catch {
          out.push({ source, reason: 'missing', file: rel });
          continue;
        }
        if (hash(content) !== h) out.push({ source, reason: 'edited', file: rel });
      }
    }
    const dirs = new Set([...known].map((rel) => rel.slice(0, rel.indexOf('/'))));
    const shown = path.relative(process.cwd(), this.root) || '.';
    let names: fs.Dirent[] = [];
    try {
      names = fs.readdirSync(this.root, { withFileTypes: true });
    } catch {
      // no output directory: every page is already reported as new
    }
    // warnings.jsonl is made from the pages' entries: it must be what was written with them
    if (this.warningsHash !== null) {
      let content: Buffer | undefined;
      try {
        content = fs.readFileSync(path.join(this.root, WARNINGS_NAME));
      } catch {
        out.push({ source: shown, reason: 'missing', file: WARNINGS_NAME });
      }
      if (content && hash(content) !== this.warningsHash) out.push({ source: shown, reason: 'edited', file: WARNINGS_NAME });
    }
    for (const d of names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (d.name.startsWith('.') || isReservedName(d.name)) continue;
      if (!d.isDirectory() || !dirs.has(d.name)) {
        out.push({ source: shown, reason: 'stray', file: d.isDirectory() ? `${d.name}/` : d.name });
        continue;
      }
      for (const name of fs.readdirSync(path.join(this.root, d.name)).sort()) {
        if (!name.startsWith('.') && !known.has(`${d.name}/${name}`)) out.push({ source: shown, reason: 'stray', file: `${d.name}/${name}` });
      }
    }
    return out;
  }

  /** The checked entries, for `bulletin merge`: keyed by input path relative to the output directory. */
  entries(): Readonly<Record<string, PageEntry>> {
    return this.old;
  }

  /** The owner of a loaded entry, for `bulletin merge`. */
  ownerSpec(id: string): OwnerSpec | undefined {
    return this.owners[id];
  }
}

/** The manifest file: pages sorted by key, and only the owners they name, so it is a function of them. */
function serialise(pages: Record<string, PageEntry>, owners: Readonly<Record<string, OwnerSpec>>, warnings: string): string {
  const used = [...new Set(Object.values(pages).flatMap((e) => e.owners))].sort();
  return JSON.stringify({ manifest: FORMAT, owners: Object.fromEntries(used.map((id) => [id, owners[id]!])), pages, warnings } satisfies ManifestFile) + '\n';
}

/**
 * `bulletin merge`: the manifest of shard outputs copied into one directory. Each shard's
 * pages are re-keyed to the new directory and owned by the shard's input arguments without
 * the shard, which is what a whole run over the same arguments owns, so that a later run
 * (or --check) over the whole corpus finds them its own.
 */
export function mergedManifest(outDir: string, shards: readonly { dir: string; manifest: Manifest }[]): { pages: Record<string, PageEntry>; write: () => void } {
  const root = path.resolve(outDir);
  const pages: Record<string, PageEntry> = {};
  const owners: Record<string, OwnerSpec> = {};
  for (const { dir, manifest } of shards) {
    const from = path.resolve(dir);
    const moved = (rel: string) => (rel === '-' ? rel : path.relative(root, path.resolve(from, rel)).split(path.sep).join('/'));
    for (const [key, e] of Object.entries(manifest.entries())) {
      const ids = e.owners.map((o) => {
        const spec = manifest.ownerSpec(o)!;
        const whole: OwnerSpec = { args: spec.args.map(moved).sort(), shard: null };
        const id = ownerId(whole);
        owners[id] = whole;
        return id;
      });
      pages[moved(key)] = { ...e, owners: [...new Set(ids)].sort() };
    }
  }
  const write = () => {
    const sorted = Object.fromEntries(Object.keys(pages).sort().map((k) => [k, pages[k]!]));
    const report = warningsJsonl(Object.entries(sorted).map(([k, e]) => [k, e.warnings ?? []] as const));
    writeWarnings(root, report);
    writeOutputFile(root, MANIFEST_NAME, serialise(sorted, owners, hash(report)));
  };
  return { pages, write };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
