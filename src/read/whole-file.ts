import fs from 'node:fs';

/**
 * A file's bytes, read into a buffer this thread reuses: reading 20,000 pages must not make
 * 20,000 buffers for the garbage collector. The result is valid until the next call, so a
 * caller decodes or hashes it first.
 */
export function readWhole(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    let n = 0;
    for (;;) {
      if (n === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, n);
        scratch = bigger;
      }
      const got = fs.readSync(fd, scratch, n, scratch.length - n, null);
      if (got === 0) break;
      n += got;
    }
    const bytes = scratch.subarray(0, n);
    // a huge page's buffer is not kept for the pages after it
    if (scratch.length > SCRATCH_BYTES * 64) scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
    return bytes;
  } finally {
    fs.closeSync(fd);
  }
}
const SCRATCH_BYTES = 1 << 16;
let scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
