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

/** Often enough for a smooth bar, rarely enough that a fast download does not keep the page redrawing it. */
const PROGRESS_INTERVAL_MS = 100;

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
  // At most one report per PROGRESS_INTERVAL_MS (and the last): each redraws the page's progress bar.
  let reported = 0;
  const report = () => {
    const sum = loaded.reduce((a, b) => a + b, 0);
    const now = performance.now();
    if (sum < total && now - reported < PROGRESS_INTERVAL_MS) return;
    reported = now;
    onProgress({ loaded: sum, total, cached: !fromNetwork });
  };
  const texts = await Promise.all(
    entries.map(async (_, i) => {
      const hit = await cache?.match(urls[i]);
      if (!hit) fromNetwork = true;
      return readText(urls[i], hit, cache, (n) => {
        loaded[i] = n;
        report();
      });
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

/** Marks a cached copy as gzipped (`1`) or plain (`0`). */
const GZIP_HEADER = 'x-article-atlas-gzip';

/**
 * A file's text, from the cache or the network, counted as it is read and unzipped while it streams by the
 * browser's own DecompressionStream. A host that sends the `.gz` files with `Content-Encoding: gzip` has the
 * browser unzip them already: nothing is left to do. What comes from the network is cached unzipped, as it
 * arrives: a second visit then reads 25 MB from the disk instead of unzipping 8 MB again.
 */
async function readText(
  url: string,
  hit: Response | undefined,
  cache: Cache | undefined,
  onBytes: (n: number) => void,
): Promise<string> {
  const res = hit ?? (await fetchOk(url));
  const gzipped = hit ? hit.headers.get(GZIP_HEADER) !== '0' : !/gzip/i.test(res.headers.get('content-encoding') ?? '');
  let size = 0;
  const counted = (res.body! as ReadableStream<Uint8Array<ArrayBuffer>>).pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, out) {
        size += chunk.length;
        onBytes(size);
        out.enqueue(chunk);
      },
    }),
  );
  let plain = gzipped ? counted.pipeThrough(new DecompressionStream('gzip')) : counted;
  let stored: Promise<void> | undefined;
  if (!hit && cache) {
    const [mine, copy] = plain.tee();
    plain = mine;
    stored = cache.put(url, new Response(copy, { headers: { [GZIP_HEADER]: '0' } })).catch(() => {});
  }
  const text = await new Response(plain).text();
  await stored;
  return text;
}
