/// <reference lib="dom" />
// (the functions handed to page.evaluate run in the browser, where these globals are defined)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { cli, jsonl, tempDir } from '../helpers.js';

/**
 * The review site in a real browser: Debian's Chromium, which test/tools.mjs (run first by
 * `npm test`) installs, driven by playwright-core. No browser is downloaded, and none is
 * skipped: without one this test fails and says how to get it.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** the page view looked at: its articles' spans cross (headlines listed at the top of the page) */
const STEM = '004_8008f400f1e5fac0';
const SOURCE = `seeds/${STEM}.txt`;

const out = path.join(tempDir(), 'review');
const review = cli(['review', 'seeds', '-o', out, '-q']);
const articles = jsonl(cli(['parse', SOURCE, '--format', 'jsonl', '-q']).stdout).filter((r) => r.type === 'article');
const hostileDir = tempDir();
const HOSTILE = ' <script>window.__hacked = 1</script><img src=x onerror="window.__hacked = 2">标题\n\n� � 正文有<b>标签</b>和 & 符号。\n';
fs.writeFileSync(path.join(hostileDir, 'markup.txt'), HOSTILE);
const hostileOut = path.join(hostileDir, 'review');
const hostile = cli(['review', path.join(hostileDir, 'markup.txt'), '-o', hostileOut, '-q']);

// a fresh profile, removed after the browser has closed (tempDir's would go while it still writes)
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-chromium-'));
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: the review site is tested in Debian's chromium. Install it (apt-get update && apt-get install -y chromium), or run npm test, whose test/tools.mjs installs it`);
  }
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

const lineNumbers = (cls: string) => page.$$eval(`ol.src li.${cls}`, (ls) => ls.map((l) => Number((l as HTMLElement).dataset.line)));
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

test('the site was written', () => {
  expect(review.status).toBe(0);
  expect(hostile.status).toBe(0);
});

test('the index lists every page, filters them by name or headline, and links to the page views', async () => {
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  expect(await page.locator('#pages tbody tr').count()).toBe(5);
  await page.fill('#filter', articles[0].headline);
  expect(await page.locator('#pages tbody tr:not(.hidden)').allTextContents()).toEqual([expect.stringContaining(SOURCE)]);
  expect(await page.textContent('#shown')).toBe('1 of 5 pages');
  await page.fill('#filter', 'no page is called this');
  expect(await page.locator('#pages tbody tr:not(.hidden)').count()).toBe(0);
  await page.fill('#filter', '');
  expect(await page.locator('#pages tbody tr:not(.hidden)').count()).toBe(5);
  await page.click(`a:has-text("${SOURCE}")`);
  await page.waitForURL(/pages\/004_8008f400f1e5fac0\.html$/);
});

test('the page view shows as many articles as the JSON Lines output has for the page', async () => {
  expect(await page.locator('article.art').count()).toBe(articles.length);
  expect(await page.locator('article.art .art-head .id').allTextContents()).toEqual(articles.map((a) => a.id));
});

test("selecting an article highlights exactly its source lines, its own blocks' lines among them", async () => {
  for (const [i, a] of articles.entries()) {
    await page.click(`#a${i + 1} .art-head`);
    expect(await lineNumbers('sel')).toEqual(range(a.lines[0], a.lines[1]));
    const own = new Set(await lineNumbers('own'));
    for (const b of a.body) for (const n of range(b.lines[0], b.lines[1])) expect(own.has(n)).toBe(true);
  }
});

test('hovering a block highlights its lines; selecting a source line shows what it became', async () => {
  const b = articles[1].body[0];
  const block = page.locator(`#a2 .block[data-lines="${b.lines[0]}-${b.lines[1]}"]`);
  await block.hover();
  expect(await lineNumbers('hover')).toEqual(range(b.lines[0], b.lines[1]));
  const inside = b.lines[0] + 1;
  await page.click(`#L${inside} .t`);
  expect(await page.isVisible('#panel')).toBe(true);
  const panel = await page.textContent('#panel');
  expect(panel).toContain(`Line ${inside}`);
  expect(panel).toContain(`paragraph of ${articles[1].id}`);
  expect(panel).toContain('kind: paragraph-start');
  await page.screenshot({ path: path.join(out, 'screenshot.png') });
  expect(fs.statSync(path.join(out, 'screenshot.png')).size).toBeGreaterThan(10_000);
});

test('a copy button is pressed without an error', async () => {
  const button = page.locator('#panel button.copy').first();
  await button.click();
  expect(await button.textContent()).toBe('copied');
});

test('page text that holds markup is shown as text and never runs', async () => {
  await page.goto(pathToFileURL(path.join(hostileOut, 'pages', 'markup.html')).href);
  expect(await page.textContent('#L1 .t')).toBe(HOSTILE.split('\n')[0]);
  expect(await page.evaluate(() => (window as any).__hacked)).toBeUndefined();
  expect(await page.locator('img, b').count()).toBe(0);
  expect(await page.evaluate(() => document.scripts.length)).toBe(1);
  expect(dialogs).toEqual([]);
});

test('nothing was fetched but the site\'s own files, and nothing was logged as an error', () => {
  expect(requests.length).toBeGreaterThanOrEqual(3);
  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
