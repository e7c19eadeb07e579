// The files of an explorer site (issue #17, Publish): the built explorer lists its own files in a manifest;
// the article adds its layer and text. Shared by `article-atlas build` and the zip, so both write the same.
import { InputError } from '../core/errors.ts';
import type { ArticleLayer } from '../core/types.ts';

/** The built site's list of its own files (written by build.mjs beside index.html; see README.md here). */
export const SITE_MANIFEST = 'site-files.json';

/** The article's own files in a site: added to the built explorer by `build` and by the zip. */
export const LAYER_FILE = 'layer.geojson';
export const TEXT_FILE = 'article.txt';

/** A relative path of plain names (no `..`, no leading `/`, no `\`, no URL scheme): it stays inside the site folder and the zip. */
export const SAFE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/**
 * The file list of a site manifest (`{"files": ["app.js", …]}`), checked: every entry a relative path that
 * stays inside the folder, so a zip made from it cannot write outside the folder it is unzipped into.
 * @example readSiteManifest('{"files":["index.html","app.js"]}') // ['index.html', 'app.js']
 */
export function readSiteManifest(text: string): string[] {
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown })?.files;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string'))
    throw new InputError(`${SITE_MANIFEST} is not a site's file list ({"files": [...]}). Rebuild the site.`);
  const bad = files.find((f) => !SAFE_PATH.test(f));
  if (bad !== undefined)
    throw new InputError(`${SITE_MANIFEST} names a file outside the site: ${JSON.stringify(bad)}.`);
  return files;
}

/**
 * The article's files of a site: the layer (with its text as the `text` member, compact JSON and a final
 * newline) and, when there is a text, article.txt. `build` writes these; the zip holds the same bytes.
 * @example siteDataFiles(layer).map(([name]) => name) // ['layer.geojson', 'article.txt']
 */
export function siteDataFiles(layer: ArticleLayer, text = layer.text): Array<[string, string]> {
  const withText: ArticleLayer = text !== undefined && layer.text === undefined ? { ...layer, text } : layer;
  return [
    [LAYER_FILE, JSON.stringify(withText) + '\n'],
    ...(text !== undefined ? [[TEXT_FILE, text] as [string, string]] : []),
  ];
}
