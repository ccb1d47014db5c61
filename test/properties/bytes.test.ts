import fc from 'fast-check';
import iconv from 'iconv-lite';
import { processBytes } from '../../src/run/process.js';
import { prepareWriters } from '../../src/writers/files.js';
import { defaultSteps } from '../helpers.js';
import { page } from './pages.js';

const isUtf8 = (b: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
const steps = defaultSteps();
const plan = { jsonl: true, files: ['json', 'md'] as const };
beforeAll(() => prepareWriters(plan.files));

const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

/** Any bytes, often starting with a BOM, sometimes a generated page in some encoding, cut anywhere. */
const anyBytes = fc.oneof(
  fc.tuple(fc.constantFrom(...BOMS), fc.uint8Array({ maxLength: 3000 })).map(([bom, b]) => Uint8Array.from([...bom, ...b])),
  fc.tuple(page, fc.constantFrom('utf8', 'utf16le', 'gb18030'), fc.nat(), fc.uint8Array({ maxLength: 8 })).map(([p, enc, cut, junk]) => {
    const bytes = enc === 'gb18030' ? iconv.encode(p.text, 'gb18030') : Buffer.from(p.text, enc as BufferEncoding);
    const head = enc === 'utf16le' ? [0xff, 0xfe] : [];
    const at = cut % (bytes.length + 1);
    return Uint8Array.from([...head, ...bytes.subarray(0, at), ...junk, ...bytes.subarray(at)]);
  }),
);

describe('any byte string', () => {
  test('processBytes never throws, never hangs, and either skips the file with an error or writes valid records', () => {
    let slowest = 0;
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const started = performance.now();
        const r = processBytes({ path: 'x.txt', stem: 'x' }, bytes, steps, { ...plan, files: [...plan.files] });
        slowest = Math.max(slowest, performance.now() - started);
        if (r.error) {
          // skipped only as binary (NUL bytes, or control characters) or as text in an encoding it does not read
          expect(r.error).toMatch(/^binary file \((contains NUL bytes|\d+ control characters in \d+ bytes)\), skipped$|^not plausible as GB18030 text/);
          if (/NUL/.test(r.error)) expect(bytes.includes(0)).toBe(true);
          return;
        }
        const records = r.jsonl!.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        expect(records.at(-1).type).toBe('page');
        expect(records.length - 1).toBe(r.articles);
        for (const [, content] of r.files!) expect(content.endsWith('\n')).toBe(true);
        // what decoding could not read is reported, never silently dropped
        const page = records.at(-1);
        const decodeWarnings = page.warnings.filter((w: { origin: string }) => w.origin === 'decode').length;
        const body = page.encoding === 'utf-8-bom' ? bytes.subarray(3) : bytes;
        if (page.encoding.startsWith('utf-8')) expect(decodeWarnings > 0).toBe(!isUtf8(body));
      }),
      { numRuns: NUM_RUNS },
    );
    expect(slowest).toBeLessThan(2000);
  });
});
