import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../read/inputs.js';
import { readWhole } from '../read/whole-file.js';
import type { PassOptions } from '../passes/pass.js';
import { removeOutputs, writeOutputFile } from '../writers/files.js';

/**
 * What a run wrote, so that the next one can skip what has not changed and `--check` can
 * tell whether the corpus on disk is what a run would write. This module must stay cheap
 * to import: a no-op run loads it, hashes the inputs and exits without loading any pass.
 */
export const MANIFEST_NAME = '.bulletin-manifest.json';
const FORMAT = 2;

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
   * The page's output files, relative to the output directory, each `name=hash`, joined by
   * spaces: one string rather than an object per page, because a no-op run over 20,000
   * pages spends most of its time in JSON.parse and garbage collection of the manifest.
   */
  files: string;
}

interface ManifestFile {
  manifest: number;
  /** keyed by the input's path relative to the output directory, so a checkout can move */
  pages: Record<string, PageEntry>;
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
export const hash = (data: string | Uint8Array) => createHash('sha256').update(data).digest('base64url').slice(0, 22);

/** What the manifest keeps of a page's files: each name with its content's hash. */
export const fileHashList = (files: readonly (readonly [string, string])[]): string =>
  files.map(([rel, content]) => `${rel}=${hash(content)}`).join(' ');

export function filesOf(e: PageEntry): [string, string][] {
  return e.files ? e.files.split(' ').map((f) => { const i = f.lastIndexOf('='); return [f.slice(0, i), f.slice(i + 1)]; }) : [];
}

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

export type Staleness =
  | { source: string; reason: 'new' | 'input changed' | 'config changed' | 'program changed' | 'removed input' }
  | { source: string; reason: 'edited' | 'missing'; file: string };

export class Manifest {
  private readonly root: string;
  private readonly old: Record<string, PageEntry>;
  private readonly next: Record<string, PageEntry> = {};
  private readonly inputHashes = new Map<string, string>();
  private readonly current = new Set<string>();
  private dirty = false;

  private constructor(outDir: string, private readonly config: string, old: Record<string, PageEntry>) {
    this.root = path.resolve(outDir);
    this.old = old;
  }

  /** An unreadable or foreign manifest counts as none: everything is rebuilt. */
  static open(outDir: string, config: string): Manifest {
    let pages: Record<string, PageEntry> = {};
    try {
      const m = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_NAME), 'utf8')) as ManifestFile;
      if (m.manifest === FORMAT && typeof m.pages === 'object' && m.pages) pages = m.pages;
    } catch {
      // absent or damaged
    }
    return new Manifest(outDir, config, pages);
  }

  private key(source: string): string {
    return path.relative(this.root, path.resolve(source)).split(path.sep).join('/');
  }

  /**
   * Split the inputs into those to rebuild and those whose recorded output still stands.
   * Unreadable inputs count as stale so that the run reports them.
   */
  select(files: readonly InputFile[], force = false): { stale: InputFile[]; fresh: number; reasons: Staleness[] } {
    const stale: InputFile[] = [];
    const reasons: Staleness[] = [];
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
      const e = this.old[key];
      const why = !e ? 'new' : e.input !== h ? 'input changed' : e.config !== this.config ? 'config changed' : e.bulletin !== programVersion() ? 'program changed' : null;
      if (why === null && !force) {
        this.next[key] = e!;
        fresh++;
      } else {
        stale.push(f);
        reasons.push({ source: f.path, reason: why ?? 'config changed' });
      }
    }
    for (const key of this.gone()) reasons.push({ source: path.join(path.relative(process.cwd(), this.root), key), reason: 'removed input' });
    return { stale, fresh, reasons };
  }

  /** Whether a run would change anything: stale pages, or outputs of removed inputs to delete. */
  upToDate(stale: readonly InputFile[]): boolean {
    return stale.length === 0 && this.gone().length === 0;
  }

  /** Pages recorded by an earlier run whose input is not among this run's inputs. */
  gone(): string[] {
    return Object.keys(this.old).filter((k) => !this.current.has(k));
  }

  /** Call after a page's files are written. */
  record(source: string, stem: string, fileHashes: string): void {
    if (source === '-') return;
    const key = this.key(source);
    const input = this.inputHashes.get(key);
    if (!input) return;
    this.next[key] = { stem, input, bulletin: programVersion(), config: this.config, files: fileHashes };
    this.dirty = true;
  }

  /** A page that failed is left out, so that the next run tries it again. */
  forget(source: string): void {
    delete this.next[this.key(source)];
    this.dirty = true;
  }

  /**
   * End a run: delete the outputs of pages no longer among the inputs (or, when the run could
   * not see all its inputs, keep them recorded), then save.
   */
  finish(removeGone: boolean): void {
    if (removeGone) this.removeGone();
    else for (const key of this.gone()) this.next[key] = this.old[key]!;
    this.save();
  }

  /** Delete the recorded outputs of pages no longer among the inputs; returns how many pages. */
  removeGone(): number {
    const gone = this.gone();
    if (gone.length === 0) return 0;
    // a file another page now writes (its stem moved to it) is that page's, not gone
    const keep = new Set(Object.values(this.next).flatMap((e) => filesOf(e).map(([rel]) => rel)));
    removeOutputs(this.root, gone.flatMap((key) => filesOf(this.old[key]!).map(([rel]) => rel)).filter((rel) => !keep.has(rel)));
    this.dirty = true;
    return gone.length;
  }

  save(): void {
    if (!this.dirty && Object.keys(this.next).length === Object.keys(this.old).length) return;
    const pages = Object.fromEntries(Object.keys(this.next).sort().map((k) => [k, this.next[k]!]));
    writeOutputFile(this.root, MANIFEST_NAME, JSON.stringify({ manifest: FORMAT, pages } satisfies ManifestFile) + '\n');
  }

  /**
   * For `--check`, after select(): the recorded outputs of pages that are otherwise fresh
   * must still have their recorded content.
   */
  verifyOutputs(): Staleness[] {
    const out: Staleness[] = [];
    for (const [key, e] of Object.entries(this.next)) {
      const source = path.join(path.relative(process.cwd(), this.root), key);
      for (const [rel, h] of filesOf(e)) {
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
    return out;
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
