import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkPasses, ConfigError, parseConfig } from '../../src/config.js';
import { builtinPasses } from '../../src/passes/registry.js';
import { ENCODINGS } from '../../src/read/decode.js';
import { cli, jsonl, ROOT, tempDir } from '../helpers.js';
import { expectSchema, readSchema, validators } from '../schemas.js';
// @ts-expect-error: a plain ES module script, without types
import { configSchema } from '../../schemas/generate.mjs';

/** issue 14, "A JSON Schema": for the records and for bulletin.config.yaml, shipped, and held to. */

describe('the record schemas', () => {
  test('every record of every seed and fixture page is valid, in the stream and in the files', () => {
    const stream = cli(['parse', 'seeds', 'fixtures', '--format', 'jsonl', '-q']);
    expect(stream.status).toBe(0);
    // jsonl() checks each record against schemas/record.schema.json
    const records = jsonl(stream.stdout);
    expect(records.filter((r) => r.type === 'page').length).toBeGreaterThan(50);
    expect(records.filter((r) => r.type === 'article').length).toBeGreaterThan(200);

    const dir = tempDir();
    expect(cli(['parse', 'seeds', 'fixtures', '--format', 'json', '-o', dir, '-q']).status).toBe(0);
    let files = 0;
    const warnings = fs.readFileSync(path.join(dir, 'warnings.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of warnings) expectSchema('warning', JSON.parse(line), 'warnings.jsonl');
    for (const stem of fs.readdirSync(dir).filter((d) => !d.startsWith('.') && d !== 'warnings.jsonl')) {
      for (const name of fs.readdirSync(path.join(dir, stem))) {
        const record = JSON.parse(fs.readFileSync(path.join(dir, stem, name), 'utf8'));
        expectSchema(name === 'page.json' ? 'page' : 'article', record, `${stem}/${name}`);
        files++;
      }
    }
    expect(files).toBe(records.length);
  });

  test('they say what OUTPUT.md says, and refuse what it does not allow', () => {
    const article = jsonl(cli(['parse', 'seeds', '--format', 'jsonl', '-q']).stdout).find((r) => r.type === 'article' && r.headline);
    const { article: valid } = validators();
    expect(valid(article)).toBe(true);
    const broken: [string, unknown][] = [
      ['no headline field', { ...article, headline: undefined }],
      ['a headline of two lines', { ...article, headline: '上\n下' }],
      ['line 0', { ...article, lines: [0, 3] }],
      ['three line numbers', { ...article, lines: [1, 2, 3] }],
      ['a block of another kind', { ...article, body: [{ kind: 'caption', text: 'x', lines: [1, 1] }] }],
      ['an id without its position', { ...article, id: 'stem' }],
      ['a page record', { type: 'page', source: 'x.txt', articles: 0, furniture: [], warnings: [] }],
    ];
    for (const [what, record] of broken) expect([what, valid(JSON.parse(JSON.stringify(record)))]).toEqual([what, false]);
    // readers ignore fields they do not know: a later field does not make a record invalid
    expect(valid({ ...article, note: 'x' })).toBe(true);
    expect(validators().page({ type: 'page', source: 'x.txt', articles: 0, furniture: [], warnings: [{ line: null, origin: 'decode', kind: 'invalid-bytes', severity: 'warning', message: 'm' }], encoding: 'big5', dialect: 'raw' })).toBe(true);
  });
});

describe('the config schema', () => {
  test('is what schemas/generate.mjs makes from the passes, so it cannot drift from them', () => {
    expect(readSchema('config.schema.json')).toEqual(JSON.parse(JSON.stringify(configSchema(builtinPasses))));
    expect(readSchema('config.schema.json').properties.encoding.enum).toEqual([...ENCODINGS]);
  });

  /** Whether bulletin itself takes a config: loading and checking its passes and options. */
  async function bulletinTakes(text: string): Promise<boolean> {
    try {
      await checkPasses(parseConfig(text, 'bulletin.config.yaml'), builtinPasses);
      return true;
    } catch (err) {
      if (err instanceof ConfigError) return false;
      throw err;
    }
  }

  test.each([
    ['an empty file', ''],
    ['the usual keys', 'inputs: [pages/]\nout: corpus\nformat: [json, md]\nplugins: []\n'],
    ['one input, formats joined by commas', 'inputs: pages\nformat: json,jsonl\n'],
    ['passes in order with options', 'passes:\n  - detect-dialect\n  - letter-spacing: { minRun: 4 }\n  - rejoin-lines:\n'],
    ['options alone', 'options:\n  rejoin-lines: { maxCaptionChars: 40, columnQuantile: 0.5 }\n  match-headlines: { minScore: 0.2 }\n'],
    ['an encoding', 'encoding: big5\n'],
    ['an alias', 'options:\n  rejoin-lines: { maxCaptionChars: &m 40, maxTitleChars: *m }\n'],
    ['an unknown key', 'input: [pages]\n'],
    ['an empty out', 'out: ""\n'],
    ['out as a list', 'out: [a, b]\n'],
    ['an unknown format', 'format: [json, html]\n'],
    ['an unknown encoding', 'encoding: latin1\n'],
    ['passes as a string', 'passes: rejoin-lines\n'],
    ['an unknown option', 'options:\n  rejoin-lines: { width: 3 }\n'],
    ['an option of the wrong type', 'options:\n  rejoin-lines: { maxCaptionChars: "40" }\n'],
    ['an option below its range', 'options:\n  letter-spacing: { minRun: 1 }\n'],
    ['an option above its range', 'passes:\n  - rejoin-lines: { columnQuantile: 1.5 }\n'],
    ['a fraction where a whole number goes', 'options:\n  rejoin-lines: { maxCaptionChars: 40.5 }\n'],
    ['an option of a pass with none', 'options:\n  strip-glyphs: { x: 1 }\n'],
  ])('the schema and bulletin agree on %s', async (_what, text) => {
    const schemaTakes = validators().config(parseYaml(text) ?? {});
    expect(schemaTakes).toBe(await bulletinTakes(text));
  });

  test('the README example validates and the README says how an editor finds the schema', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(# yaml-language-server: \$schema=[^\n]+\n# bulletin\.config\.yaml\n[\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    expectSchema('config', parseYaml(example![1]!), 'the README example');
    const ref = /\$schema=(\S+)/.exec(example![1]!)![1]!;
    expect(fs.existsSync(path.join(ROOT, ref))).toBe(true);
  });
});

test('the schemas are in the package', () => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  expect(pack.status).toBe(0);
  const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
  for (const name of ['article', 'page', 'record', 'config', 'warning']) expect(files).toContain(`schemas/${name}.schema.json`);
});
