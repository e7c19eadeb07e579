// Where the committed artifacts (geo/data) are, seen from the running code: dist/*.js when built,
// src/cli/*.ts when run through tsx. ARTICLE_ATLAS_DATA overrides it.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the geo/data folder. */
export function dataDir(): string {
  if (process.env.ARTICLE_ATLAS_DATA) return resolve(process.env.ARTICLE_ATLAS_DATA);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..', '../../..']) {
    const dir = resolve(here, up, 'geo/data');
    if (existsSync(dir)) return dir;
  }
  throw new Error(`geo/data not found above ${here}`);
}
