/**
 * The directory a page's files are written under, named by its stem. A stem is a file name,
 * but it still must not climb out of the output directory or hide: path separators and leading
 * dots are replaced. Readers use it to tell which inputs would share a directory, writers to
 * name it, so it lives below both.
 */
export function safeStem(stem: string): string {
  const s = stem.replace(/[\\/\0]/g, '_').replace(/^\.+/, (m) => '_'.repeat(m.length));
  return s === '' ? '_' : s;
}
