// The bundled example article (the seed: Armenia–Azerbaijan border clashes), used by `npm start`.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../node/data-dir.ts';

/** Path of the bundled example article. */
export function seedArticlePath(): string {
  const file = join(dataDir(), '../../test/fixtures/seed/article.txt');
  if (!existsSync(file)) throw new Error(`bundled example missing: ${file}`);
  return file;
}
