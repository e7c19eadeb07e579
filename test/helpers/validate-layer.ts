// Validates an article layer against the committed JSON Schema (src/core/article-layer.schema.json).
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync(new URL('../../src/core/article-layer.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Schema errors as readable strings; empty when the layer is valid. */
export function validateLayer(layer: unknown): string[] {
  return validate(layer) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
