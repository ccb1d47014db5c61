import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decode, invalidUtf8 } from '../../src/read/decode.js';
import { splitLines } from '../../src/model/page.js';
import { cli, jsonl, tempDir } from '../helpers.js';

const TEXT = '民政部发布通知\n3月23日，A20全球关爱儿童。\n𠀀字在GBK之外\n';
const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p as number[]))));

describe('decode', () => {
  test('UTF-8 without BOM', () => {
    expect(decode(bytes(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', invalid: [] });
  });

  test('UTF-8 with BOM: the BOM is not text', () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], TEXT))).toEqual({ text: TEXT, encoding: 'utf-8-bom', invalid: [] });
  });

  test('UTF-16 LE and BE with BOM, surrogate pairs included', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(be.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(decode(le)).toEqual({ text: TEXT, encoding: 'utf-16le', invalid: [] });
    expect(decode(be)).toEqual({ text: TEXT, encoding: 'utf-16be', invalid: [] });
  });

  test('UTF-16 lone surrogate and odd trailing byte are reported with offset and line', () => {
    // "甲\n" then a lone high surrogate D800 before "乙", then one stray byte
    const le = Buffer.from([0xff, 0xfe, 0x32, 0x75, 0x0a, 0x00, 0x00, 0xd8, 0x59, 0x4e, 0x41]);
    const d = decode(le);
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe('甲\n\uFFFD乙\uFFFD');
    expect(d.invalid).toEqual([
      { offset: 6, length: 2, line: 2 },
      { offset: 10, length: 1, line: 2 },
    ]);
  });

  test('GB18030 (GBK two-byte and GB18030 four-byte characters) is detected and decoded', () => {
    const gb = iconv.encode(TEXT, 'gb18030');
    // 𠀀 is U+20000: four bytes 95 32 82 36 in GB18030, so this is not plain GBK
    expect(gb.includes(Buffer.from([0x95, 0x32, 0x82, 0x36]))).toBe(true);
    expect(decode(gb)).toEqual({ text: TEXT, encoding: 'gb18030', invalid: [] });
  });

  test('GBK text with a bad byte is still GBK, and the bad byte is reported', () => {
    const gb = Buffer.concat([iconv.encode('社会工作\n中文', 'gbk'), Buffer.from([0xff]), iconv.encode('报道\n', 'gbk')]);
    const d = decode(gb);
    expect(d.encoding).toBe('gb18030');
    expect(d.text.startsWith('社会工作\n中文')).toBe(true);
    expect(d.text.endsWith('报道\n')).toBe(true);
    expect(d.invalid).toEqual([{ offset: 13, length: 1, line: 2 }]);
  });

  test('invalid UTF-8 is reported with byte offset and line (LF, CRLF and CR endings)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const head = `第一行${eol}第二行${eol}ab`;
      const b = bytes(head, [0xc3, 0x28], `cd${eol}`, [0xe4, 0xb8], eol, '第四行', eol);
      const d = decode(b);
      expect(d.encoding).toBe('utf-8');
      const off = Buffer.byteLength(head);
      expect(d.invalid).toEqual([
        { offset: off, length: 1, line: 3 },
        { offset: off + 2 + 2 + eol.length, length: 2, line: 4 },
      ]);
      expect(splitLines(d.text)).toEqual(['第一行', '第二行', 'ab\uFFFD(cd', '\uFFFD', '第四行']);
    }
  });

  test('overlong forms, surrogates and code points above U+10FFFF are invalid UTF-8', () => {
    expect(invalidUtf8(Buffer.from([0xc0, 0xaf]))).toEqual([{ offset: 0, length: 2 }]);
    expect(invalidUtf8(Buffer.from([0xe0, 0x80, 0xaf]))).toEqual([{ offset: 0, length: 3 }]);
    expect(invalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toEqual([{ offset: 1, length: 3 }]);
    expect(invalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toEqual([{ offset: 0, length: 4 }]);
    expect(invalidUtf8(Buffer.from('正常 text', 'utf8'))).toEqual([]);
  });
});

describe('bulletin parse on encoded files', () => {
  const dir = tempDir();
  const write = (name: string, content: Buffer) => fs.writeFileSync(path.join(dir, name), content);
  const page = '\uFFFD\uFFFD民政部发布通知，要求各地做好\r\n儿童保护工作。\r\n';
  write('u8.txt', bytes(page));
  write('bom.txt', bytes([0xef, 0xbb, 0xbf], page));
  write('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));
  const be = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]);
  be.swap16();
  write('be.txt', be);
  write('gb.txt', iconv.encode(page.replace(/\uFFFD/g, '  '), 'gb18030'));
  write('cr.txt', bytes(page.replace(/\r\n/g, '\r')));
  const run = cli(['parse', dir, '--format', 'jsonl']);
  const records = jsonl(run.stdout);

  test('every encoding gives the same article and records its encoding', () => {
    expect(run.status).toBe(0);
    const pages = records.filter((r) => r.type === 'page');
    expect(Object.fromEntries(pages.map((p) => [path.basename(p.source), p.encoding]))).toEqual({
      'be.txt': 'utf-16be', 'bom.txt': 'utf-8-bom', 'cr.txt': 'utf-8', 'gb.txt': 'gb18030', 'le.txt': 'utf-16le', 'u8.txt': 'utf-8',
    });
    const bodies = records.filter((r) => r.type === 'article').map((r) => r.body.map((b: any) => b.text).join('|'));
    expect(new Set(bodies)).toEqual(new Set(['民政部发布通知，要求各地做好儿童保护工作。']));
    for (const r of records.filter((r) => r.type === 'article')) expect(r.lines).toEqual([1, 2]);
  });

  test('invalid bytes become a warning naming file, line and byte offset, not a silent loss', () => {
    const d = tempDir();
    const file = path.join(d, 'bad bytes.txt');
    fs.writeFileSync(file, bytes('第一行\n第二', [0xfe], '行\n'));
    const r = cli(['parse', file, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${file}:2: warning: invalid utf-8 byte sequence at byte offset 16 (FE)`);
    const pageRec = jsonl(r.stdout).find((x) => x.type === 'page');
    expect(pageRec.warnings[0]).toEqual({ line: 2, origin: 'decode', kind: 'invalid-bytes', severity: 'warning', message: 'invalid utf-8 byte sequence at byte offset 16 (FE), decoded as U+FFFD' });
  });
});
