import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

/**
 * The JSON Schemas the package ships (schemas/), compiled once per test file with ajv: every
 * record a test reads from the JSON Lines stream is checked against them (helpers.ts `jsonl`).
 */
const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
const Ajv = createRequire(import.meta.url)('ajv').default as typeof import('ajv').default;

export const readSchema = (name: string) => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8'));

let compiled: { record: ValidateFunction; article: ValidateFunction; page: ValidateFunction; config: ValidateFunction; warning: ValidateFunction } | undefined;
export function validators() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true });
  for (const name of ['article', 'page', 'record', 'config', 'warning']) ajv.addSchema(readSchema(`${name}.schema.json`));
  const get = (name: string) => ajv.getSchema(`${name}.schema.json`)!;
  compiled = { record: get('record'), article: get('article'), page: get('page'), config: get('config'), warning: get('warning') };
  return compiled;
}

/** Throw, naming what is wrong, unless `value` is valid under schema `which`. */
export function expectSchema(which: 'record' | 'article' | 'page' | 'config' | 'warning', value: unknown, where = ''): void {
  const validate = validators()[which];
  if (!validate(value)) {
    throw new Error(`${where ? `${where}: ` : ''}not a valid ${which} under schemas/${which}.schema.json: ${JSON.stringify(validate.errors?.slice(0, 3))}\n${JSON.stringify(value).slice(0, 300)}`);
  }
}
