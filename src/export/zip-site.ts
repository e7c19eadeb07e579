// The explorer site as one zip file (issue #17, Publish): the built site's files, named by its manifest,
// plus the article's layer and text — the folder `article-atlas build` writes — zipped by fflate.
import { strFromU8, strToU8, Zip, ZipDeflate } from 'fflate';
import { InputError } from '../core/errors.ts';
import type { ArticleLayer } from '../core/types.ts';
import { INDEX_FILE, LAYER_FILE, SAFE_PATH, siteDataFiles, siteIndexHtml } from './site-files.ts';

/**
 * Bytes deflated between two pauses. A built site is ~800 KB; zipped at once it held the page's main thread
 * for ~1 s in Chromium on the loaded 2-core test machine (one long task); in 64 KB slices the longest task
 * while zipping was 130–200 ms there (smaller slices did not lower it: the rest is not deflating).
 */
const SLICE_BYTES = 64 * 1024;

/** Lets the event loop run (input, paint) between slices; a timer exists in browsers and Node alike. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Zips a site: `siteFiles` (the built explorer, path → bytes, e.g. fetched through its manifest) and the
 * article's files made from `layer` (which replace any of the same name). Files sit at the root of the zip,
 * as in the folder `build` writes, so a static host that takes a zip serves index.html at once. Deflates in
 * slices with pauses between them, so a page can go on drawing while it works.
 * @example const zip = await zipSite({ 'index.html': bytes }, layer) // Uint8Array, a zip file
 */
export async function zipSite(
  siteFiles: Record<string, Uint8Array>,
  layer: ArticleLayer,
): Promise<Uint8Array<ArrayBuffer>> {
  const files: Record<string, Uint8Array> = { ...siteFiles };
  const data = siteDataFiles(layer);
  for (const [name, text] of data) files[name] = strToU8(text);
  // The page's copy of the layer is the current one, as `build` writes it.
  const page = files[INDEX_FILE];
  if (page)
    files[INDEX_FILE] = strToU8(
      siteIndexHtml(strFromU8(page), data.find(([n]) => n === LAYER_FILE)![1], (f) =>
        files[f] ? strFromU8(files[f]) : undefined,
      ),
    );
  for (const name of Object.keys(files))
    if (!SAFE_PATH.test(name)) throw new InputError(`Cannot zip ${JSON.stringify(name)}: not a path inside the site.`);
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => (err ? (failure = err) : parts.push(chunk)));
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (!data.length) entry.push(data, true);
    for (let at = 0; at < data.length; at += SLICE_BYTES) {
      entry.push(data.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= data.length);
      await pause();
    }
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
