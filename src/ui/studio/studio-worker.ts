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

let resources: Promise<StudioResources> | undefined;
function load(): Promise<StudioResources> {
  resources ??= fetchGazetteer(MANIFEST_URL, (p) => scope.postMessage({ type: 'progress', ...p }));
  // A failed download is tried again by the next request, not remembered.
  resources.catch(() => (resources = undefined));
  return resources;
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
    const loading = load();
    const article = await readInput(input);
    const { gazetteer, model } = await loading;
    const layer = geoparse(article.text, { gazetteer, model, title: article.title, article: article.article });
    return { json: stringifyLayer(layer), text: article.text, places: layer.features.length };
  },
  async search({ query }) {
    const { gazetteer } = await load();
    return searchPlaces(gazetteer, query);
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
