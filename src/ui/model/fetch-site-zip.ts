// "Download site (.zip)" in the browser (issue #17, Publish): fetches the built explorer's files named by its
// manifest from the site's folder URL and zips them with the current layer. A lazy chunk with fflate.
import { InputError } from '../../core/errors.ts';
import type { ArticleLayer } from '../../core/types.ts';
import { LAYER_FILE, readSiteManifest, SITE_MANIFEST, TEXT_FILE } from '../../export/site-files.ts';
import { zipSite } from '../../export/zip-site.ts';

/** One file of the site as bytes; a missing file is a broken site, said with its address. */
async function fetchBytes(url: URL, fetchFile: typeof fetch): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetchFile(url);
  if (!res.ok) throw new InputError(`${url.href} could not be loaded (HTTP ${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The folder `article-atlas build` writes, as a zip: every file the manifest at `siteBase` lists (and the
 * manifest itself), fetched from that folder, with `layer` (corrections included) as layer.geojson and its
 * text as article.txt.
 * @example const zip = await fetchSiteZip('https://example.org/studio/site/', model.layer.value)
 */
export async function fetchSiteZip(
  siteBase: string,
  layer: ArticleLayer,
  fetchFile: typeof fetch = fetch,
): Promise<Uint8Array<ArrayBuffer>> {
  const base = new URL(siteBase);
  const manifest = await fetchBytes(new URL(SITE_MANIFEST, base), fetchFile);
  const names = readSiteManifest(new TextDecoder().decode(manifest)).filter(
    (f) => f !== LAYER_FILE && f !== TEXT_FILE && f !== SITE_MANIFEST,
  );
  const bytes = await Promise.all(names.map((f) => fetchBytes(new URL(f, base), fetchFile)));
  const files: Record<string, Uint8Array> = { [SITE_MANIFEST]: manifest };
  names.forEach((f, i) => (files[f] = bytes[i]));
  return zipSite(files, layer);
}
