/**
 * Writes config.schema.json from the passes' own option specs, so that an editor completes and
 * checks each pass's options with the meaning, unit, range and default `bulletin passes` shows.
 * Run after `npm run build`: `node schemas/generate.mjs`. test/e2e/schemas.test.ts fails when
 * the committed file is not what this makes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMAT = '^\\s*(json|md|jsonl|all)\\s*(,\\s*(json|md|jsonl|all)\\s*)*$';
const ENCODINGS = ['utf-8', 'gb18030', 'big5'];

/** The schema of bulletin.config.yaml for these passes (the built-in ones; plugins add names). */
export function configSchema(passes) {
  const nonEmpty = { type: 'string', minLength: 1 };
  const stringOrList = (description) => ({ description, oneOf: [nonEmpty, { type: 'array', items: nonEmpty }] });
  const names = passes.map((p) => p.name);
  const optionsOf = Object.fromEntries(passes.map((p) => [p.name, passOptions(p)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'config.schema.json',
    title: 'bulletin.config.yaml',
    description: 'Settings for bulletin parse, eval and passes. Paths are relative to the file. Flags override them.',
    type: 'object',
    additionalProperties: false,
    properties: {
      inputs: stringOrList('files, directories or globs to parse'),
      out: { ...nonEmpty, description: 'output directory' },
      format: {
        description: 'what to write: json, md, jsonl or all, as a list or joined by commas',
        oneOf: [{ type: 'string', pattern: FORMAT }, { type: 'array', items: { type: 'string', pattern: FORMAT } }],
      },
      encoding: { enum: ENCODINGS, description: 'read every page in this encoding; leave out to detect each page\'s' },
      plugins: stringOrList('JavaScript modules exporting passes'),
      'plugin-errors': { enum: ['error', 'warn'], description: 'what a plugin pass that fails makes of its page: an error (exit 1) or a warning' },
      strict: { type: 'boolean', description: 'text a plugin pass removes (without declaring it) is an error, not a warning' },
      'page-timeout': { type: 'number', exclusiveMinimum: 0, description: 'seconds a page may take when plugins are loaded' },
      passes: {
        description: 'the passes to run, in this order; leave out for the default order',
        type: 'array',
        items: {
          anyOf: [
            { description: 'a pass name', anyOf: [{ enum: names }, nonEmpty] },
            {
              description: 'a pass name with its options',
              type: 'object',
              minProperties: 1,
              maxProperties: 1,
              properties: Object.fromEntries(names.map((n) => [n, { oneOf: [optionsOf[n], { type: 'null' }] }])),
              additionalProperties: { type: ['object', 'null'] },
            },
          ],
        },
      },
      options: {
        description: 'options of passes, without changing the order',
        type: 'object',
        properties: optionsOf,
        additionalProperties: { type: 'object' },
      },
    },
  };
}

function passOptions(pass) {
  const properties = {};
  for (const [key, spec] of Object.entries(pass.options ?? {})) {
    const type = typeof spec.default === 'number' ? (spec.integer ? 'integer' : 'number') : typeof spec.default;
    properties[key] = {
      description: `${spec.description}${spec.unit ? ` [${spec.unit}]` : ''}`,
      type,
      ...(spec.min !== undefined ? { minimum: spec.min } : {}),
      ...(spec.max !== undefined ? { maximum: spec.max } : {}),
      default: spec.default,
    };
  }
  return { description: pass.description, type: 'object', additionalProperties: false, properties };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { builtinPasses } = await import(path.join(here, '..', 'dist', 'passes', 'registry.js'));
  fs.writeFileSync(path.join(here, 'config.schema.json'), JSON.stringify(configSchema(builtinPasses), null, 2) + '\n');
}
