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

export interface FetchGazetteerOptions {
  /** Build the gazetteer only if every file is in the cache already; else resolve to undefined at once. */
  cachedOnly?: boolean;
}

/**
 * Fetches, caches and builds the gazetteer and model named by a manifest.
 * @example const { gazetteer, model } = await fetchGazetteer(new URL('gazetteer/manifest.json', base), console.log)
 */
export function fetchGazetteer(manifestUrl: URL, onProgress: (p: FetchProgress) => void): Promise<StudioResources>;
export function fetchGazetteer(
  manifestUrl: URL,
  onProgress: (p: FetchProgress) => void,
  options: FetchGazetteerOptions,
): Promise<StudioResources | undefined>;
export async function fetchGazetteer(
  manifestUrl: URL,
  onProgress: (p: FetchProgress) => void,
  options: FetchGazetteerOptions = {},
): Promise<StudioResources | undefined> {
  const res = await fetch(manifestUrl, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`the gazetteer's manifest did not load (${res.status} ${res.statusText})`);
  const manifest = (await res.json()) as GazetteerManifest;
  const entries = Object.entries(manifest.files) as Array<[keyof GazetteerManifest['files'], ArtifactFile]>;
  const urls = entries.map(([, f]) => new URL(f.url, manifestUrl).href);
  // Cache Storage exists in secure contexts only (https, and http on 127.0.0.1 or localhost): elsewhere
  // the files are fetched on each visit.
  const cache = typeof caches === 'undefined' ? undefined : await caches.open(CACHE_NAME).catch(() => undefined);
  if (cache) for (const old of await cache.keys()) if (!urls.includes(old.url)) await cache.delete(old);
  const hits = await Promise.all(urls.map((url) => cache?.match(url)));
  if (options.cachedOnly && hits.some((hit) => !hit)) return undefined;

  const total = entries.reduce((sum, [, f]) => sum + f.bytes, 0);
  const loaded = new Array<number>(entries.length).fill(0);
  const fromNetwork = hits.some((hit) => !hit);
  // At most one report per PROGRESS_INTERVAL_MS (and the last): each redraws the page's progress bar.
  let reported = 0;
  const report = () => {
    const sum = loaded.reduce((a, b) => a + b, 0);
    const now = performance.now();
    if (sum < total && now - reported < PROGRESS_INTERVAL_MS) return;
    reported = now;
    onProgress({ loaded: sum, total, cached: !fromNetwork });
  };
  performance.mark('aa:manifest');
  const texts = await Promise.all(
    entries.map(async ([name], i) => {
      const encoding = name === 'places' || name === 'names' ? 'bytes' : 'utf8';
      const text = await readText({ url: urls[i], bytes: entries[i][1].bytes }, hits[i], cache, encoding, (n) => {
        loaded[i] = n;
        report();
      });
      performance.measure(`aa:read ${name}`, 'aa:manifest');
      return text;
    }),
  );
  performance.mark('aa:read');
  const text = Object.fromEntries(entries.map(([name], i) => [name, texts[i]])) as Record<string, string>;
  const gazetteer = createGazetteer({ places: text.places, names: text.names, shapes: text.shapes, utf8Bytes: true });
  performance.measure('aa:createGazetteer', 'aa:read');
  performance.mark('aa:gazetteer');
  const model = prepareModel(JSON.parse(text.model) as GeoparserModel);
  performance.measure('aa:model', 'aa:gazetteer');
  return { gazetteer, model };
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.split('/').pop()} did not load (${res.status} ${res.statusText})`);
  return res;
}

/** Marks a cached copy as gzipped (`1`) or plain (`0`). */
const GZIP_HEADER = 'x-article-atlas-gzip';

/**
 * How a file's bytes become the string the gazetteer reads: `utf8` decodes them; `bytes` keeps one character per
 * byte, as the command reads places.tsv and names.tsv ('latin1', `utf8Bytes` in createGazetteer). Decoding those
 * 23 MB as UTF-8 was most of a second visit's time: their few non-ASCII names make the whole text a two-byte
 * string, which Chromium builds slowly (1.2-2.4 s against 0.4-0.6 s as bytes, under load) and which is then
 * twice the memory and slower to scan.
 */
type Encoding = 'utf8' | 'bytes';

/** FileReaderSync is a worker's (the project compiles against the DOM's types, which lack it). */
declare const FileReaderSync: new () => { readAsBinaryString(blob: Blob): string };

/** A Blob as a string of `encoding` (readAsBinaryString is the one call that makes bytes a one-byte string). */
function decode(blob: Blob, encoding: Encoding): Promise<string> {
  return encoding === 'bytes' ? Promise.resolve(new FileReaderSync().readAsBinaryString(blob)) : blob.text();
}

/**
 * A file's text, from the cache or the network. From the network it is counted as it is read and unzipped
 * while it streams by the browser's own DecompressionStream (a host that sends the `.gz` files with
 * `Content-Encoding: gzip` has the browser unzip them already), and cached unzipped as it arrives: a second
 * visit then reads 25 MB from the disk, as one Blob, instead of unzipping 8 MB again.
 */
async function readText(
  file: { url: string; bytes: number },
  hit: Response | undefined,
  cache: Cache | undefined,
  encoding: Encoding,
  onBytes: (n: number) => void,
): Promise<string> {
  const { url } = file;
  if (hit?.headers.get(GZIP_HEADER) === '0') {
    const blob = await hit.blob();
    onBytes(file.bytes);
    return decode(blob, encoding);
  }
  const res = hit ?? (await fetchOk(url));
  const gzipped = hit !== undefined || !/gzip/i.test(res.headers.get('content-encoding') ?? '');
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
  const blob = await new Response(plain).blob();
  await stored;
  return decode(blob, encoding);
}
