// The studio's Web Worker (issue #17): reads an article and geoparses it exactly as `article-atlas parse`
// does (src/extract, then src/core's geoparse and stringifyLayer), off the page's main thread. The
// gazetteer is fetched on the first request that needs it (fetch-gazetteer.ts).
import { InputError } from '../../core/errors.ts';
import { geoparse } from '../../core/geoparse.ts';
import { searchPlaces } from '../../core/search-places.ts';
import { stringifyLayer } from '../../core/stringify-layer.ts';
import { readArticle, type ReadArticle } from '../../extract/read-article.ts';
import { fetchGazetteer, type StudioResources } from './fetch-gazetteer.ts';
import type {
  ArticleInput,
  ProgressEvent,
  StudioReply,
  StudioRequest,
  StudioRequests,
  StudioResults,
} from './studio-protocol.ts';

/** The worker's global scope, as much of it as is used (the project compiles against the DOM's types). */
const scope = globalThis as unknown as {
  location: Location;
  postMessage(message: StudioReply | ProgressEvent): void;
  onmessage: ((e: MessageEvent<StudioRequest>) => void) | null;
};

/** The worker is at the studio's top level, beside the gazetteer folder. */
const MANIFEST_URL = new URL('gazetteer/manifest.json', scope.location.href);

let resources: Promise<StudioResources | undefined> | undefined;
/**
 * The gazetteer, built once. `cachedOnly` (the page's `prepare` at opening) builds it only when no byte need be
 * downloaded; a later call after such a miss downloads it. A failed download is tried again by the next
 * request, not remembered.
 */
function load(cachedOnly = false): Promise<StudioResources | undefined> {
  const before = resources ?? Promise.resolve(undefined);
  const mine = before.then(
    (got) => got ?? fetchGazetteer(MANIFEST_URL, (p) => scope.postMessage({ type: 'progress', ...p }), { cachedOnly }),
  );
  resources = mine;
  mine.catch(() => {
    if (resources === mine) resources = undefined;
  });
  return mine;
}

/** The gazetteer for a request that needs it (downloaded if need be). */
async function need(): Promise<StudioResources> {
  return (await load())!;
}

/** The article as the command reads it: pasted text as stdin's bytes would be, a file with its name. */
function readInput(input: ArticleInput): Promise<ReadArticle> {
  if ('read' in input) return Promise.resolve(input.read);
  if ('bytes' in input) return readArticle(new Uint8Array(input.bytes), input.name);
  return readArticle(new TextEncoder().encode(input.text));
}

const handlers: { [K in keyof StudioRequests]: (req: StudioRequests[K]) => Promise<StudioResults[K]> } = {
  async map({ input }) {
    // The download starts at once; a bad article is refused without waiting for it.
    performance.mark('aa:map');
    const loading = need();
    const article = await readInput(input);
    const { gazetteer, model } = await loading;
    performance.mark('aa:loaded');
    const layer = geoparse(article.text, { gazetteer, model, title: article.title, article: article.article });
    const json = stringifyLayer(layer);
    performance.measure('aa:geoparse', 'aa:loaded');
    performance.measure('aa:map', 'aa:map');
    return { json, text: article.text, places: layer.features.length };
  },
  async search({ query }) {
    const { gazetteer } = await need();
    return searchPlaces(gazetteer, query);
  },
  async prepare({ cachedOnly }) {
    return (await load(cachedOnly)) !== undefined;
  },
};

scope.onmessage = async (e: MessageEvent<StudioRequest>) => {
  const { id, type } = e.data;
  let reply: StudioReply;
  try {
    const handle = handlers[type] as (req: StudioRequest) => Promise<StudioResults[keyof StudioResults]>;
    reply = { id, ok: true, result: await handle(e.data) };
  } catch (err) {
    reply = { id, ok: false, message: (err as Error)?.message ?? String(err), input: err instanceof InputError };
  }
  scope.postMessage(reply);
};
