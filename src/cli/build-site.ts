// Writes the explorer as a self-contained static site (issue #4): dist/site, the layer as layer.geojson (and,
// when small, inside index.html) and the text as article.txt; no server code, no third-party requests. Every file is written atomically and
// none over the article it was made from (issue #19: `build index.html -o .`).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { ArticleLayer } from '../core/types.ts';
import {
  INDEX_FILE,
  LAYER_FILE,
  readSiteManifest,
  SITE_MANIFEST,
  siteDataFiles,
  siteIndexHtml,
} from '../export/site-files.ts';
import { listTree } from './list-tree.js';
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

/**
 * `mkdir -p`, each folder tried at most twice. Node's `recursive: true` spins forever at full CPU where a parent
 * exists but answers ENOENT for a child (any path under /proc): it makes the parent and tries again, endlessly
 * (issue #19, hostile paths; nodejs/node shares the loop across versions).
 */
function makeFolders(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
    makeFolders(dirname(dir));
    mkdirSync(dir);
  }
}

/** Creates the output folder, or says why it cannot be one. */
export function makeFolder(outDir: string): void {
  try {
    makeFolders(resolve(outDir));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new InputError(
        `Cannot write the site to ${outDir}: it is a file, not a folder. Give a folder (it is created when missing).`,
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new InputError(`Cannot create the folder ${outDir}: no permission. Choose a folder you can write to.`);
    if (code === 'ENOENT')
      throw new InputError(
        `Cannot create the folder ${outDir}: the system has no place for it. Choose another folder.`,
      );
    throw e;
  }
}

/** The explorer's files an earlier build wrote into `outDir`, as its manifest lists them; none without one. */
function earlierFiles(outDir: string): string[] {
  try {
    return readSiteManifest(readFileSync(join(outDir, SITE_MANIFEST), 'utf8'));
  } catch {
    return [];
  }
}

/**
 * Removes the files of an earlier build (`earlier`, its manifest) that this one did not write: the chunks of an older
 * explorer, whose names change with their content, would otherwise stay in the folder and be published with it.
 * Nothing else in the folder is touched, nor the article the site was made from.
 */
function removeLeftovers(outDir: string, earlier: string[], written: string[], input?: string): void {
  const kept = new Set(written);
  for (const f of earlier) {
    if (kept.has(f)) continue;
    try {
      if (input !== undefined) refuseToOverwrite(join(outDir, f), input);
      rmSync(join(outDir, f), { force: true });
    } catch {
      // The article itself, or a file that cannot be removed: left as it is.
    }
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
  const earlier = earlierFiles(outDir);
  makeFolder(outDir);
  for (const f of copies) {
    if (f.includes('/')) makeFolder(join(outDir, f, '..'));
    writeFileAtomic(join(outDir, f), readFileSync(join(siteDir, f)), input);
  }
  removeLeftovers(outDir, earlier, copies, input);
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
  const copies = listTree(siteDir);
  // The same layer.geojson and article.txt as the explorer's "Download site (.zip)" (src/export).
  const data = siteDataFiles(layer, layer.text ?? options.text);
  const files = [...copies, ...data.map(([name]) => name)];
  // Every name is checked before the first write, so a refused build leaves the folder as it was.
  if (options.input !== undefined) for (const f of files) refuseToOverwrite(join(outDir, f), options.input);
  const earlier = earlierFiles(outDir);
  makeFolder(outDir);
  // The page carries a small layer too (siteIndexHtml): its places are drawn without a second request (issue #14).
  const layerText = data.find(([name]) => name === LAYER_FILE)![1];
  // With the basemap's index and its first view's cells.
  const readSiteFile = (f: string) => (copies.includes(f) ? readFileSync(join(siteDir, f), 'utf8') : undefined);
  for (const f of copies) {
    if (f.includes('/')) makeFolder(join(outDir, f, '..'));
    const bytes = readFileSync(join(siteDir, f));
    const page = f === INDEX_FILE ? siteIndexHtml(bytes.toString('utf8'), layerText, readSiteFile) : bytes;
    writeFileAtomic(join(outDir, f), page, options.input);
  }
  for (const [name, content] of data) writeFileAtomic(join(outDir, name), content, options.input);
  removeLeftovers(outDir, earlier, files, options.input);
  return files;
}
