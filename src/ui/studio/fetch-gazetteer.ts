// The gazetteer and model in the studio's worker (issue #17): the same files the command reads from geo/data,
// gzipped by the build, fetched on first use with progress and kept in Cache Storage, so that a second
// visit maps with no transfer. Then built with the same pure functions as src/node/load-*.ts.
import { prepareModel } from '../../core/geoparse.ts';
import type { GeoparserModel } from '../../core/model.ts';
import type { Gazetteer } from '../../core/types.ts';
import { createGazetteer } from '../../gazetteer/create-gazetteer.ts';

/** One artifact in gazetteer/manifest.json (written by build.mjs). */
export interface ArtifactFile {
  /** Relative to the manifest; the name holds a hash of the content, so a new build never meets an old cache. */
  url: string;
  /** Size as fetched (gzipped). */
  bytes: number;
}

export interface GazetteerManifest {
  files: { places: ArtifactFile; names: ArtifactFile; shapes: ArtifactFile; model: ArtifactFile };
}

export interface StudioResources {
  gazetteer: Gazetteer;
  model: GeoparserModel;
}

export interface FetchProgress {
  loaded: number;
  total: number;
  cached: boolean;
}

/** One cache for every version: entries the current manifest does not name are deleted. */
export const CACHE_NAME = 'article-atlas-gazetteer';

/**
 * Fetches, caches and builds the gazetteer and model named by a manifest.
 * @example const { gazetteer, model } = await fetchGazetteer(new URL('gazetteer/manifest.json', base), console.log)
 */
export async function fetchGazetteer(
  manifestUrl: URL,
  onProgress: (p: FetchProgress) => void,
): Promise<StudioResources> {
  const res = await fetch(manifestUrl, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`the gazetteer's manifest did not load (${res.status} ${res.statusText})`);
  const manifest = (await res.json()) as GazetteerManifest;
  const entries = Object.entries(manifest.files) as Array<[keyof GazetteerManifest['files'], ArtifactFile]>;
  const urls = entries.map(([, f]) => new URL(f.url, manifestUrl).href);
  // Cache Storage exists in secure contexts only (https, and http on 127.0.0.1 or localhost): elsewhere
  // the files are fetched on each visit.
  const cache = typeof caches === 'undefined' ? undefined : await caches.open(CACHE_NAME).catch(() => undefined);
  if (cache) for (const old of await cache.keys()) if (!urls.includes(old.url)) await cache.delete(old);

  const total = entries.reduce((sum, [, f]) => sum + f.bytes, 0);
  const loaded = new Array<number>(entries.length).fill(0);
  let fromNetwork = false;
  const report = () => onProgress({ loaded: loaded.reduce((a, b) => a + b, 0), total, cached: !fromNetwork });
  const texts = await Promise.all(
    entries.map(async ([, f], i) => {
      const url = urls[i];
      const hit = await cache?.match(url);
      if (!hit) fromNetwork = true;
      const bytes = await readBody(hit ?? (await fetchOk(url)), (n) => {
        loaded[i] = n;
        report();
      });
      if (!hit) await cache?.put(url, new Response(bytes)).catch(() => {});
      return new TextDecoder().decode(await gunzip(bytes));
    }),
  );
  const text = Object.fromEntries(entries.map(([name], i) => [name, texts[i]])) as Record<string, string>;
  return {
    gazetteer: createGazetteer({ places: text.places, names: text.names, shapes: text.shapes }),
    model: prepareModel(JSON.parse(text.model) as GeoparserModel),
  };
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.split('/').pop()} did not load (${res.status} ${res.statusText})`);
  return res;
}

/** A response's body as bytes, reporting the count as it arrives. */
async function readBody(res: Response, onBytes: (n: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    onBytes(size);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The bytes unzipped, by the browser's own DecompressionStream. A host that sends `.gz` files with
 * `Content-Encoding: gzip` has the browser unzip them already: no gzip header, nothing to do.
 */
async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
