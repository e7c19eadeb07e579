// Writes the studio as static files (issue #17): dist/studio (its page, worker, gzipped gazetteer and the
// explorer's site in site/), plus, for `article-atlas studio` itself, the session the local server gives its
// page (session.json) and the layer of the article named on the command line (start.geojson).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleLayer } from '../core/types.ts';
import { makeFolder } from './build-site.ts';
import { listTree } from './list-tree.js';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface BuildStudioOptions {
  /** Folder with the built studio; found next to the bundled CLI (dist/studio) by default. */
  studioDir?: string;
  /** The local server's session: its token, and the article shown first. */
  session?: { token: string; start?: ArticleLayer };
}

/** dist/cli.js finds ./studio beside it; tests running the sources through tsx find ../../dist/studio. */
function findStudioDir(): string {
  for (const rel of ['./studio/', '../../dist/studio/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  throw new Error('The studio is not built (no dist/studio/index.html). Run `npm run build` first.');
}

/**
 * Writes the studio into `outDir` (created when missing) and resolves with the files written, relative to
 * `outDir` (what `serveSite` should serve).
 * @example const files = await buildStudio('out/studio')
 */
export async function buildStudio(outDir: string, options: BuildStudioOptions = {}): Promise<string[]> {
  const studioDir = options.studioDir ?? findStudioDir();
  const extra: Array<[string, string]> = [];
  if (options.session) {
    const { token, start } = options.session;
    extra.push(['session.json', JSON.stringify({ token, ...(start ? { start: 'start.geojson' } : {}) }) + '\n']);
    if (start) extra.push(['start.geojson', JSON.stringify(start) + '\n']);
  }
  const copies = listTree(studioDir).filter((f) => !extra.some(([name]) => name === f));
  makeFolder(outDir);
  for (const f of copies) {
    if (f.includes('/')) makeFolder(join(outDir, f, '..'));
    writeFileAtomic(join(outDir, f), readFileSync(join(studioDir, f)));
  }
  for (const [f, text] of extra) writeFileAtomic(join(outDir, f), text);
  return [...copies, ...extra.map(([f]) => f)];
}
