import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { binaryReason, decode } from '../../src/read/decode.js';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';

/**
 * issue 15 item 18 (implausible decodings, Big5) and issue 14 "Conventions" (a file that is
 * not text is binary, not GB18030 garbage). The pages are new text written for these tests.
 */

/** A traditional-Chinese bulletin article, as a Taiwan or Hong Kong bulletin prints it. */
const TRADITIONAL = [
  '社區長者食堂開張 街坊共享熱騰騰午餐',
  '本報訊 上週六，東城區松林街道的社區長者食堂正式開始營業。食堂設在社區服務中心一樓，每天中午為轄區內六十歲以上的老人提供兩葷兩素一湯的套餐。',
  '街道負責人介紹，食堂由社會工作機構負責日常運營，志願者輪流幫忙送餐，行動不便的獨居老人可以電話預約，由社工把飯菜送到家中。',
  '「以前一個人在家，常常隨便煮點麪條就算一頓，現在有人陪著說說話，吃得也更有營養了。」八十二歲的陳伯伯說。',
  '',
].join('\n');
const JAPANESE = '地域の社会福祉協議会は、高齢者を支えるために、ボランティアの皆さんと一緒に見守り活動を続けています。今年は新しく食事会も始まりました。\n';
const KOREAN = '사회복지관은 지역 어르신들을 위해 자원봉사자들과 함께 돌봄 활동을 이어가고 있습니다. 올해는 새로운 식사 모임도 시작되었습니다.\n';
const SIMPLIFIED = '社区长者食堂开张\n本报讯 上周六，松林街道的社区长者食堂正式开始营业，每天中午为辖区内的老人提供套餐。\n';

/** Deterministic bytes that are no text: a xorshift stream without NUL, as a compressed file might be. */
function noise(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = 1 + ((x >>> 0) % 255);
  }
  return out;
}

describe('Big5', () => {
  const big5 = iconv.encode(TRADITIONAL, 'big5');

  test('a Big5 page is detected and decoded exactly, not read as GB18030 mojibake', () => {
    expect(iconv.decode(big5, 'big5')).toBe(TRADITIONAL);
    // the trap: the same bytes are almost all valid GB18030
    expect(iconv.decode(big5, 'gb18030')).not.toBe(TRADITIONAL);
    expect(decode(big5)).toEqual({ text: TRADITIONAL, encoding: 'big5', invalid: [] });
  });

  test('a simplified page in GB18030, or traditional text in GBK, stays GB18030', () => {
    expect(decode(iconv.encode(SIMPLIFIED, 'gb18030'))).toEqual({ text: SIMPLIFIED, encoding: 'gb18030', invalid: [] });
    expect(decode(iconv.encode(TRADITIONAL, 'gbk'))).toEqual({ text: TRADITIONAL, encoding: 'gb18030', invalid: [] });
  });

  test('bytes Big5 cannot read are reported with their offset, in a page forced to Big5', () => {
    const bad = Buffer.concat([iconv.encode('社區\n服務', 'big5'), Buffer.from([0xa4, 0x0a]), iconv.encode('中心\n', 'big5')]);
    const d = decode(bad, 'big5');
    expect(d.encoding).toBe('big5');
    expect(d.text).toBe('社區\n服務\uFFFD\n中心\n');
    expect(d.invalid).toEqual([{ offset: 9, length: 1, line: 2 }]);
  });

  test('the CLI: detected, recorded as the page encoding; --encoding and the config key force a reading', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'trad.txt'), big5);
    const r = cli(['parse', 'trad.txt', '--format', 'jsonl'], { cwd: dir });
    expect(r.status).toBe(0);
    const records = jsonl(r.stdout);
    expect(records.at(-1).encoding).toBe('big5');
    expect(records.filter((x) => x.type === 'article').flatMap((a) => a.body.map((b: { text: string }) => b.text)).join('')).toContain('八十二歲的陳伯伯說');

    // forced: the user's word is taken, garbage or not
    const forced = cli(['parse', 'trad.txt', '--format', 'jsonl', '--encoding', 'gb18030'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(jsonl(forced.stdout).at(-1).encoding).toBe('gb18030');
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'encoding: big5\n');
    const configured = cli(['parse', 'trad.txt', '--format', 'jsonl'], { cwd: dir });
    expect(jsonl(configured.stdout).at(-1).encoding).toBe('big5');
    fs.writeFileSync(path.join(dir, 'bulletin.config.yaml'), 'encoding: latin-9\n');
    const wrong = cli(['parse', 'trad.txt', '--format', 'jsonl'], { cwd: dir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/bulletin\.config\.yaml:1: unknown encoding "latin-9"/);
    const badFlag = cli(['parse', 'trad.txt', '--format', 'jsonl', '--encoding', 'latin-9'], { cwd: tempDir() });
    expect(badFlag.status).toBe(2);
  });

  test('changing --encoding rebuilds the pages of an incremental corpus', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'trad.txt'), big5);
    expect(cli(['parse', 'trad.txt', '-o', 'out', '-q'], { cwd: dir }).status).toBe(0);
    expect(cli(['parse', 'trad.txt', '-o', 'out', '--check'], { cwd: dir }).status).toBe(0);
    const check = cli(['parse', 'trad.txt', '-o', 'out', '--check', '--encoding', 'gb18030'], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/config changed/);
  });
});

describe('a decoding that is not plausible is an error naming the encoding it looks like', () => {
  test.each([
    ['Shift_JIS', iconv.encode(JAPANESE, 'shift_jis')],
    ['EUC-KR', iconv.encode(KOREAN, 'euc-kr')],
  ])('%s', (name, bytes) => {
    expect(decode(bytes).implausible).toMatch(new RegExp(`not plausible as GB18030 text: it reads as ${name}`));
    const dir = tempDir();
    // the pages in their own directory: an --out inside the directory walked is refused
    fs.mkdirSync(path.join(dir, 'pages'));
    fs.writeFileSync(path.join(dir, 'pages', 'foreign.txt'), bytes);
    fs.copyFileSync(path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).sort()[0]!), path.join(dir, 'pages', 'good.txt'));
    const r = cli(['parse', 'pages', '-o', 'out', '-q'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`foreign\\.txt: .*reads as ${name}.*--encoding`));
    expect(fs.existsSync(path.join(dir, 'out', 'foreign'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'out', 'good', 'page.json'))).toBe(true);
  });

  test('never for GB18030 text: any slice of every seed and fixture page, in GB18030, decodes exactly', () => {
    const pages: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.txt')) pages.push(fs.readFileSync(path.join(d, e.name), 'utf8').replace(/\uFFFD/g, ' '));
      }
    };
    walk(path.join(ROOT, 'seeds'));
    walk(path.join(ROOT, 'fixtures'));
    expect(pages.length).toBeGreaterThan(20);
    for (const p of pages) expect(decode(iconv.encode(p, 'gb18030'))).toEqual({ text: p, encoding: 'gb18030', invalid: [] });
    fc.assert(
      // A short run of GB18030 bytes can be valid UTF-8 as well (每 is C3 BF, ÿ; 钱思远 is Ǯ˼Զ),
      // and valid UTF-8 is read as UTF-8: that ambiguity is not what this property is about.
      fc.property(fc.nat(pages.length - 1), fc.nat(), fc.integer({ min: 8, max: 400 }), (which, from, length) => {
        const chars = [...pages[which]!];
        const start = from % chars.length;
        const text = chars.slice(start, start + length).join('');
        const bytes = iconv.encode(text, 'gb18030');
        if (isUtf8(bytes)) return;
        const d = decode(bytes);
        expect(d.implausible).toBeUndefined();
        expect(d.text).toBe(text);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000) },
    );
  });
});

describe('a file that is not text', () => {
  test('control characters without NUL: reported as binary and skipped, not decoded as GB18030', () => {
    const bytes = noise(4000);
    expect(bytes.includes(0)).toBe(false);
    expect(binaryReason(bytes)).toMatch(/^binary file \(\d+ control characters in 4000 bytes\), skipped$/);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'scan.txt'), bytes);
    const r = cli(['parse', 'scan.txt', '--format', 'jsonl'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/scan\.txt: .*binary file \(\d+ control characters/);
    expect(r.stdout).toBe('');
  });

  test('a page with a few stray control characters, tabs and page breaks is text', () => {
    const page = Buffer.from(`${SIMPLIFIED}\f\t本报讯\x01 社工\x1b走进社区。\x07\n`, 'utf8');
    expect(binaryReason(page)).toBeNull();
    expect(binaryReason(iconv.encode(TRADITIONAL.replace(/\n/g, '\r\n'), 'big5'))).toBeNull();
    // UTF-16 is all NULs and low bytes: its BOM says text
    expect(binaryReason(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SIMPLIFIED, 'utf16le')]))).toBeNull();
    expect(binaryReason(Buffer.from('abc\0def'))).toMatch(/NUL/);
  });
});
