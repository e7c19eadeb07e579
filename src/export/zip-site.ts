// The explorer site as one zip file (issue #17, Publish): the built site's files, named by its manifest,
// plus the article's layer and text — the folder `article-atlas build` writes — zipped by fflate.
import { strToU8, zipSync } from 'fflate';
import { InputError } from '../core/errors.ts';
import type { ArticleLayer } from '../core/types.ts';
import { SAFE_PATH, siteDataFiles } from './site-files.ts';

/**
 * Zips a site: `siteFiles` (the built explorer, path → bytes, e.g. fetched through its manifest) and the
 * article's files made from `layer` (which replace any of the same name). Files sit at the root of the zip,
 * as in the folder `build` writes, so a static host that takes a zip serves index.html at once.
 * @example const zip = zipSite({ 'index.html': bytes }, layer) // Uint8Array, a zip file
 */
export function zipSite(siteFiles: Record<string, Uint8Array>, layer: ArticleLayer): Uint8Array<ArrayBuffer> {
  const files: Record<string, Uint8Array> = { ...siteFiles };
  for (const [name, text] of siteDataFiles(layer)) files[name] = strToU8(text);
  for (const name of Object.keys(files))
    if (!SAFE_PATH.test(name)) throw new InputError(`Cannot zip ${JSON.stringify(name)}: not a path inside the site.`);
  return zipSync(files, { level: 6 });
}
