// Writes the explorer as a self-contained static site (issue #4): the built page from dist/site, the
// article layer as layer.geojson and the article text as article.txt. No server code, no third-party
// requests; every file is written atomically (temporary file, then rename).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleLayer } from '../core/types.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface BuildSiteOptions {
  /** The article text, when the layer does not carry it as its `text` member. */
  text?: string;
  /** Folder with the built explorer; found next to the bundled CLI (dist/site) by default. */
  siteDir?: string;
}

/** dist/cli.js finds ./site beside it; tests running the sources through tsx find ../../dist/site. */
function findSiteDir(): string {
  for (const rel of ['./site/', '../../dist/site/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  throw new Error('The explorer is not built (no dist/site/index.html). Run `npm run build` first.');
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) copyTree(src, join(to, name));
    else writeFileAtomic(join(to, name), readFileSync(src));
  }
}

/**
 * Copies the built explorer page and its assets into `outDir` (created when missing).
 * @example copySite('out/site')
 */
export function copySite(outDir: string, siteDir = findSiteDir()): void {
  copyTree(siteDir, outDir);
}

/**
 * Writes the static explorer for one article layer into `outDir` (created when missing).
 * @example await buildSite(layer, 'out/site')
 */
export async function buildSite(layer: ArticleLayer, outDir: string, options: BuildSiteOptions = {}): Promise<void> {
  copySite(outDir, options.siteDir);
  const text = layer.text ?? options.text;
  const withText: ArticleLayer = text !== undefined && layer.text === undefined ? { ...layer, text } : layer;
  writeFileAtomic(join(outDir, 'layer.geojson'), JSON.stringify(withText) + '\n');
  if (text !== undefined) writeFileAtomic(join(outDir, 'article.txt'), text);
}
