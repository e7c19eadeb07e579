// Writes the explorer as a self-contained static site (issue #4): dist/site, the layer as layer.geojson and
// the text as article.txt; no server code, no third-party requests. Every file is written atomically and
// none over the article it was made from (issue #19: `build index.html -o .`).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { ArticleLayer } from '../core/types.ts';
import { refuseToOverwrite, writeFileAtomic } from './write-file-atomic.ts';

export interface BuildSiteOptions {
  /** The article text, when the layer does not carry it as its `text` member. */
  text?: string;
  /** Folder with the built explorer; found next to the bundled CLI (dist/site) by default. */
  siteDir?: string;
  /** The article's file (`-` for stdin): no file of the site may replace it. */
  input?: string;
}

/** dist/cli.js finds ./site beside it; tests running the sources through tsx find ../../dist/site. */
function findSiteDir(): string {
  for (const rel of ['./site/', '../../dist/site/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  throw new Error('The explorer is not built (no dist/site/index.html). Run `npm run build` first.');
}

/** The files of a folder, as relative paths with `/` between parts. */
function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? listTree(join(dir, name), `${prefix}${name}/`) : [prefix + name],
  );
}

/** Creates the output folder, or says why it cannot be one. */
function makeFolder(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new InputError(
        `Cannot write the site to ${outDir}: it is a file, not a folder. Give a folder (it is created when missing).`,
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new InputError(`Cannot create the folder ${outDir}: no permission. Choose a folder you can write to.`);
    throw e;
  }
}

/**
 * Copies the built explorer page and its assets into `outDir` (created when missing), each file written
 * atomically. Resolves with the files copied, relative to `outDir`.
 * @example copySite('out/site')
 */
export function copySite(outDir: string, siteDir = findSiteDir(), input?: string): string[] {
  const copies = listTree(siteDir);
  if (input !== undefined) for (const f of copies) refuseToOverwrite(join(outDir, f), input);
  makeFolder(outDir);
  for (const f of copies) {
    if (f.includes('/')) makeFolder(join(outDir, f, '..'));
    writeFileAtomic(join(outDir, f), readFileSync(join(siteDir, f)), input);
  }
  return copies;
}

/**
 * Writes the static explorer for one article layer into `outDir` (created when missing). Resolves with
 * the files written, relative to `outDir` (what `serveSite` should serve).
 * @example const files = await buildSite(layer, 'out/site', { input: 'article.txt' })
 */
export async function buildSite(
  layer: ArticleLayer,
  outDir: string,
  options: BuildSiteOptions = {},
): Promise<string[]> {
  const siteDir = options.siteDir ?? findSiteDir();
  const text = layer.text ?? options.text;
  const copies = listTree(siteDir);
  const files = [...copies, 'layer.geojson', ...(text !== undefined ? ['article.txt'] : [])];
  // Every name is checked before the first write, so a refused build leaves the folder as it was.
  if (options.input !== undefined) for (const f of files) refuseToOverwrite(join(outDir, f), options.input);
  makeFolder(outDir);
  for (const f of copies) {
    if (f.includes('/')) makeFolder(join(outDir, f, '..'));
    writeFileAtomic(join(outDir, f), readFileSync(join(siteDir, f)), options.input);
  }
  const withText: ArticleLayer = text !== undefined && layer.text === undefined ? { ...layer, text } : layer;
  writeFileAtomic(join(outDir, 'layer.geojson'), JSON.stringify(withText) + '\n', options.input);
  if (text !== undefined) writeFileAtomic(join(outDir, 'article.txt'), text, options.input);
  return files;
}
