// Where the committed artifacts (geo/data) are, seen from the running code: dist/*.js when built,
// src/node/*.ts when run through tsx. ARTICLE_ATLAS_DATA overrides it (evaluation of other models).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the geo/data folder: $ARTICLE_ATLAS_DATA, else the first geo/data holding
 * places.tsv above this module (walking up, so any bundle layout works).
 *
 * @example
 * dataDir() // '/home/me/article-atlas/geo/data'
 */
export function dataDir(moduleUrl: string = import.meta.url): string {
  if (process.env.ARTICLE_ATLAS_DATA) return resolve(process.env.ARTICLE_ATLAS_DATA);
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'geo', 'data');
    if (existsSync(join(candidate, 'places.tsv'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`gazetteer data (geo/data/places.tsv) not found above ${fileURLToPath(moduleUrl)}`);
}
