// The messages between the studio page and its Web Worker (issue #17): requests carry an id and get one
// reply each; progress events (the gazetteer's download) carry none.
import type { PlaceHit } from '../../core/search-places.ts';
import type { ReadArticle } from '../../extract/read-article.ts';

/** An article as the page has it: typed or pasted text, a file's bytes, or a page the local server read. */
export type ArticleInput = { text: string } | { bytes: ArrayBuffer; name: string } | { read: ReadArticle };

/** What the worker does; a new request type is one entry here and one handler in studio-worker.ts. */
export interface StudioRequests {
  /** Reads the article as the command does and geoparses it into its layer. */
  map: { input: ArticleInput };
  /** The gazetteer places a name may mean, best first (review's "Add place", src/core/search-places.ts). */
  search: { query: string };
  /**
   * Builds the gazetteer ahead of the first map, so that "Map this article" pays only for geoparsing:
   * `cachedOnly` when the page opens (a second visit: nothing to download), without it once the person starts
   * giving an article. The result says whether the gazetteer is ready.
   */
  prepare: { cachedOnly: boolean };
}

export interface MapResult {
  /** The layer's JSON, byte for byte what `article-atlas parse` prints (without its newline). */
  json: string;
  /** The article text the layer's offsets refer to (the extracted text of a file or page). */
  text: string;
  places: number;
}

export interface StudioResults {
  map: MapResult;
  search: PlaceHit[];
  prepare: boolean;
}

export type StudioRequest = {
  [K in keyof StudioRequests]: { id: number; type: K } & StudioRequests[K];
}[keyof StudioRequests];

export type StudioReply =
  | { id: number; ok: true; result: StudioResults[keyof StudioResults] }
  /** `input` is true for a problem with what the person gave (the message says what to do), false for a bug. */
  | { id: number; ok: false; message: string; input: boolean };

/** Bytes of the gazetteer and model received so far, of `total` (their compressed sizes). */
export interface ProgressEvent {
  type: 'progress';
  loaded: number;
  total: number;
  /** True when every file came from the browser's cache. */
  cached: boolean;
}
