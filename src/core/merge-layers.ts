// Story maps (issue #18): article layers and collections folded into one collection layer, one feature per
// place across all articles, each mention with its article. Merging is a semilattice join (associative,
// order-independent, idempotent), so a corpus can be geoparsed in shards and merged in any grouping.
import type { Geometry } from 'geojson';
import { InputError } from './errors.ts';
import { stringifyLayer } from './stringify-layer.ts';
import type { ArticleLayer, LayerFeature, LayerMention, LayerProperties } from './types.ts';

/** One article of a collection: who published it, when, and where its text is. */
export interface CollectionArticle {
  id: string;
  title?: string;
  /** Publication date, ISO 8601 (`2026-12-06` or a full timestamp); orders the timeline. */
  date?: string;
  /** The outlet, e.g. "Reuters". */
  source?: string;
  /** Where the article was published. */
  url?: string;
  /** The text inline: only in an interchange file (`merge` output); a built site moves it to `textFile`. */
  text?: string;
  /** Path of the article's text relative to the collection file (a site's `articles/<id>.txt`). */
  textFile?: string;
  /**
   * Only in a collection as written (stringifyCollection): the article's context sentences, each once, by
   * start and length; its mentions' `context` is an index into it. Read back by unpackContexts.
   */
  contexts?: MentionContext[];
}

/** The sentence around a mention, `start` its offset in the article text. */
export interface MentionContext {
  start: number;
  text: string;
}

/** A mention in a collection: the article layer's mention plus its article and, when corrected, what it was. */
export interface CollectionMention extends Omit<LayerMention, 'status'> {
  article: string;
  /**
   * `corrected` when the reader corrected this mention's place in its article (`original` is the machine's
   * choice); `added` as in the article layer, a mention the reader added.
   */
  status?: LayerMention['status'] | 'corrected';
  original?: string;
  /**
   * The sentence around the mention: the passage without the text. In a collection as written, its index
   * in the article's `contexts` (a sentence naming five places is written once, not five times).
   */
  context?: MentionContext | number;
}

/** A place's properties in a collection: the article layer's, without per-article candidates or status. */
export type CollectionProperties = Omit<LayerProperties, 'mentions' | 'candidates' | 'status' | 'original'> & {
  mentions: CollectionMention[];
};

export interface CollectionFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry | null;
  properties: CollectionProperties;
}

/** The collection layer: an RFC 7946 FeatureCollection with the foreign member `articles` (see the schema). */
export interface CollectionLayer {
  type: 'FeatureCollection';
  articles: CollectionArticle[];
  features: CollectionFeature[];
}

export interface CollectionOptions {
  /**
   * Where article texts go: `inline` keeps them in `articles[].text` (a merge's output, so nothing is lost),
   * `files` drops them and points `textFile` at `articles/<file>.txt` (a site; the caller writes the files).
   */
  texts?: 'inline' | 'files';
}

/** Longest context kept for a mention (UTF-16 units): a long sentence is cut to a window around it. */
export const MAX_CONTEXT_CHARS = 280;

/** Canonical order of a place's properties in the output; other members follow, sorted. */
const PROPERTY_ORDER = [
  'name',
  'kind',
  'country',
  'geonameid',
  'wikidata',
  'anchor',
  'score',
  'disputed',
  'within',
  'approximate',
];
/** Members of an article layer's properties that are per article and do not carry into a collection. */
const PER_ARTICLE = new Set(['mentions', 'candidates', 'status', 'original']);
const ARTICLE_FIELDS = ['title', 'date', 'source', 'url', 'text', 'textFile'] as const;

const less = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True for a collection layer (it has the `articles` member), false for an article layer. */
export function isCollection(data: ArticleLayer | CollectionLayer): data is CollectionLayer {
  return Array.isArray((data as CollectionLayer).articles);
}

/**
 * A file-name stem for an article id: the id itself when it is short and plain, else its plain characters
 * and a hash of the whole id, so two ids never share a file and no id can name a path outside the folder.
 * @example articleFileStem('dev-001') // 'dev-001'
 * @example articleFileStem('../x y') // '___x_y-…' (with an 8-digit hash)
 */
export function articleFileStem(id: string): string {
  if (/^[A-Za-z0-9_-]{1,80}$/.test(id)) return id;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `${id.slice(0, 60).replace(/[^A-Za-z0-9_-]/g, '_')}-${h.toString(16).padStart(8, '0')}`;
}

/** The sentence of `layer` around a mention, cut to MAX_CONTEXT_CHARS around it; undefined without text. */
function contextOf(layer: ArticleLayer, m: LayerMention): CollectionMention['context'] {
  const text = layer.text;
  if (typeof text !== 'string') return undefined;
  const passage = layer.passages?.[m.passage];
  const sentence =
    passage?.sentences?.find(([s, e]) => s <= m.start && m.end <= e) ??
    (passage ? [passage.start, passage.end] : [m.start, m.end]);
  let [start, end] = sentence;
  if (end - start > MAX_CONTEXT_CHARS) {
    const room = Math.max(0, MAX_CONTEXT_CHARS - (m.end - m.start)) >> 1;
    start = Math.max(start, m.start - room);
    end = Math.min(end, m.end + room);
  }
  return { start, text: text.slice(start, end) };
}

/** The mention with its members in the canonical order. */
function canonicalMention(m: CollectionMention): CollectionMention {
  const out: CollectionMention = {
    article: m.article,
    start: m.start,
    end: m.end,
    text: m.text,
    passage: m.passage,
    type: m.type,
  };
  if (m.status !== undefined) out.status = m.status;
  if (m.original !== undefined) out.original = m.original;
  if (typeof m.context === 'object') out.context = { start: m.context.start, text: m.context.text };
  return out;
}

/** Place properties without the per-article members, in the canonical order (mentions left empty). */
function canonicalProperties(p: LayerProperties | CollectionProperties): CollectionProperties {
  const out: Record<string, unknown> = {};
  const src = p as unknown as Record<string, unknown>;
  for (const k of PROPERTY_ORDER) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src).sort(less))
    if (!(k in out) && !PER_ARTICLE.has(k) && src[k] !== undefined) out[k] = src[k];
  out.mentions = [];
  return out as CollectionProperties;
}

/** The geometry with `type` first (its key order in the output must not depend on the input's). */
function canonicalGeometry(g: Geometry | null | undefined): Geometry | null {
  if (!g) return null;
  const keys = Object.keys(g);
  if (keys[0] === 'type' && keys.length === 2) return g;
  const { type, ...rest } = g as unknown as Record<string, unknown>;
  return { type, ...rest } as unknown as Geometry;
}

interface PlaceEntry {
  /** The article whose reading of the place is shown: the least article id that names it. */
  templateArticle: string;
  geometry: Geometry | null;
  properties: CollectionProperties;
  /** Props JSON, computed only when two inputs tie on templateArticle. */
  propsJson?: string;
  mentions: Map<string, CollectionMention>;
}

const mentionKey = (m: CollectionMention) => `${m.article}\u0000${m.start}\u0000${m.end}`;

/** Of two readings of one thing, the one whose JSON sorts first: the tie-break that keeps merging a semilattice. */
function firstByJson<T>(a: T, b: T): T {
  return JSON.stringify(b) < JSON.stringify(a) ? b : a;
}

/**
 * Folds article layers and collections into one collection, one input at a time: memory holds the places
 * and mentions met so far, never a text when texts go to files. `toCollection()` gives the canonical result.
 * @example
 * const b = new CollectionBuilder({ texts: 'files' });
 * for (const layer of layers) b.add(layer);
 * const collection = b.toCollection();
 */
export class CollectionBuilder {
  private readonly places = new Map<string, PlaceEntry>();
  private readonly articles = new Map<string, CollectionArticle>();
  private readonly texts: 'inline' | 'files';

  constructor(options: CollectionOptions = {}) {
    this.texts = options.texts ?? 'inline';
  }

  /** Adds an article layer (it needs an `id`; `meta` adds title, date, source, url) or a collection. */
  add(input: ArticleLayer | CollectionLayer, meta: Omit<CollectionArticle, 'id'> = {}): void {
    if (isCollection(input)) this.addCollection(unpackContexts(input));
    else this.addLayer(input, meta);
  }

  private addLayer(layer: ArticleLayer, meta: Omit<CollectionArticle, 'id'>): void {
    const id = layer.id;
    if (typeof id !== 'string' || !id)
      throw new InputError('An article layer without an "id" cannot join a collection: give each article an id.');
    // The layer's `article` member (ArticleMetadata: `published`, `siteName`, from `parse URL`); `date` and
    // `source` are read too, as layers made before that member had its names carry them.
    const member = (layer as { article?: Record<string, unknown> }).article ?? {};
    const ALIAS = { date: 'published', source: 'siteName' } as Record<string, string>;
    const pick = (k: 'title' | 'date' | 'source' | 'url') => {
      const v =
        meta[k] ?? member[k] ?? (ALIAS[k] ? member[ALIAS[k]] : undefined) ?? (k === 'title' ? layer.title : undefined);
      return typeof v === 'string' && v ? v : undefined;
    };
    const article: CollectionArticle = {
      id,
      title: pick('title'),
      date: pick('date'),
      source: pick('source'),
      url: pick('url'),
    };
    if (typeof layer.text === 'string') article.text = layer.text;
    this.addArticle(article);
    for (const f of layer.features as LayerFeature[]) {
      const p = f.properties;
      const corrected = p.status === 'corrected';
      const mentions = p.mentions.map((m) => {
        const cm: CollectionMention = { ...m, article: id, context: contextOf(layer, m) };
        if (corrected) {
          cm.status = 'corrected';
          cm.original = p.original;
        }
        return cm;
      });
      this.addPlace(String(f.id), id, f.geometry, p, mentions);
    }
  }

  private addCollection(c: CollectionLayer): void {
    for (const a of c.articles) this.addArticle(a);
    for (const f of c.features) {
      let least: string | undefined;
      for (const m of f.properties.mentions) if (least === undefined || m.article < least) least = m.article;
      if (least !== undefined) this.addPlace(f.id, least, f.geometry, f.properties, f.properties.mentions);
    }
  }

  /** Field by field, the least value wins, so the order articles arrive in never matters. */
  private addArticle(a: CollectionArticle): void {
    const had = this.articles.get(a.id);
    const out: CollectionArticle = { id: a.id };
    for (const k of ARTICLE_FIELDS) {
      const x = had?.[k];
      const y = typeof a[k] === 'string' ? a[k] : undefined;
      const v = x === undefined ? y : y === undefined ? x : y < x ? y : x;
      if (v !== undefined) out[k] = v;
    }
    if (this.texts === 'files') {
      delete out.text;
      out.textFile = `articles/${articleFileStem(a.id)}.txt`;
    }
    this.articles.set(a.id, out);
  }

  private addPlace(
    id: string,
    article: string,
    geometry: Geometry | null,
    p: LayerProperties | CollectionProperties,
    mentions: CollectionMention[],
  ): void {
    let entry = this.places.get(id);
    // A place no mention names has no article to take its reading from (and a re-merge would drop it).
    if (!entry && !mentions.length) return;
    const next = () => ({
      templateArticle: article,
      geometry: canonicalGeometry(geometry),
      properties: canonicalProperties(p),
      mentions: entry?.mentions ?? new Map(),
    });
    if (!entry) this.places.set(id, (entry = next()));
    else if (article < entry.templateArticle) Object.assign(entry, next(), { propsJson: undefined });
    else if (article === entry.templateArticle) {
      // Two readings of the place from the same article id (the same layer given twice, or a conflict):
      // the one whose JSON sorts first. Rare outside merges of overlapping inputs, so its cost is paid then.
      const other = next();
      const mine = (entry.propsJson ??= JSON.stringify([entry.properties, entry.geometry]));
      const theirs = JSON.stringify([other.properties, other.geometry]);
      if (theirs < mine) Object.assign(entry, other, { propsJson: theirs });
    }
    for (const m of mentions) {
      const cm = canonicalMention(m);
      const key = mentionKey(cm);
      const had = entry.mentions.get(key);
      entry.mentions.set(key, had ? firstByJson(had, cm) : cm);
    }
  }

  /** The collection so far in canonical order: articles by id, features by id, mentions by (article, start, end). */
  toCollection(): CollectionLayer {
    const articles = [...this.articles.values()].sort((a, b) => less(a.id, b.id));
    const features: CollectionFeature[] = [...this.places.entries()]
      .sort(([a], [b]) => less(a, b))
      .map(([id, e]) => {
        const mentions = [...e.mentions.values()].sort(
          (a, b) => less(a.article, b.article) || a.start - b.start || a.end - b.end,
        );
        return { type: 'Feature', id, geometry: e.geometry, properties: { ...e.properties, mentions } };
      });
    return { type: 'FeatureCollection', articles, features };
  }
}

/**
 * Merges article layers and collections into one collection. Associative, order-independent and
 * idempotent: any grouping or order of the same inputs gives the same bytes from stringifyCollection.
 * @example stringifyCollection(mergeLayers([a, mergeLayers([b, c])])) === stringifyCollection(mergeLayers([mergeLayers([a, b]), c])) // true
 */
export function mergeLayers(
  inputs: Array<ArticleLayer | CollectionLayer>,
  options: CollectionOptions = {},
): CollectionLayer {
  const b = new CollectionBuilder(options);
  for (const x of inputs) b.add(x);
  return b.toCollection();
}

/**
 * The collection as compact JSON (a place's polygon serialised once however often it is met), each
 * context sentence written once in its article's `contexts` (packContexts).
 * @example stringifyCollection(mergeLayers([a, b])) // '{"type":"FeatureCollection","articles":[…],"features":[…]}'
 */
export function stringifyCollection(c: CollectionLayer): string {
  return stringifyLayer(packContexts(c) as unknown as ArticleLayer);
}

const contextKey = (c: MentionContext) => `${c.start}\u0000${c.text.length}`;

/**
 * The collection with each article's context sentences listed once, by start and length, in the article's
 * `contexts`, and each mention's `context` an index into them: a sentence that names five places is written
 * once (half of a large collection's bytes were repeated sentences). Already packed input comes back as is.
 * @example packContexts(c).articles[0].contexts // [{ start: 0, text: 'DURBAN, South Africa …' }, …]
 */
export function packContexts(c: CollectionLayer): CollectionLayer {
  const byArticle = new Map<string, Map<string, MentionContext>>();
  for (const f of c.features)
    for (const m of f.properties.mentions) {
      if (typeof m.context !== 'object') continue;
      let table = byArticle.get(m.article);
      if (!table) byArticle.set(m.article, (table = new Map()));
      table.set(contextKey(m.context), m.context);
    }
  if (!byArticle.size) return c;
  const index = new Map<string, Map<string, number>>();
  const articles = c.articles.map((a) => {
    const table = byArticle.get(a.id);
    if (!table) return a;
    const contexts = [...table.values()].sort((x, y) => x.start - y.start || x.text.length - y.text.length);
    index.set(a.id, new Map(contexts.map((x, i) => [contextKey(x), i])));
    return { ...a, contexts: contexts.map((x) => ({ start: x.start, text: x.text })) };
  });
  const features = c.features.map((f) => ({
    ...f,
    properties: {
      ...f.properties,
      mentions: f.properties.mentions.map((m) => {
        const at = typeof m.context === 'object' ? index.get(m.article)?.get(contextKey(m.context)) : undefined;
        return at === undefined ? m : { ...m, context: at };
      }),
    },
  }));
  return { ...c, articles, features };
}

/**
 * The collection with each mention's context sentence in the mention again (the inverse of packContexts);
 * the same object when nothing is packed. An index with no sentence behind it is dropped.
 * @example unpackContexts(JSON.parse(text)).features[0].properties.mentions[0].context // { start, text }
 */
export function unpackContexts(c: CollectionLayer): CollectionLayer {
  if (!c.articles.some((a) => a.contexts)) return c;
  const tables = new Map(c.articles.map((a) => [a.id, a.contexts ?? []]));
  const articles = c.articles.map(({ contexts: _, ...a }) => a);
  const features = c.features.map((f) => ({
    ...f,
    properties: {
      ...f.properties,
      mentions: f.properties.mentions.map((m) => {
        if (typeof m.context !== 'number') return m;
        const { context, ...rest } = m;
        const x = tables.get(m.article)?.[context];
        return x ? { ...rest, context: { start: x.start, text: x.text } } : rest;
      }),
    },
  }));
  return { ...c, articles, features };
}

/**
 * Checks that parsed JSON is an article layer or a collection the merge can read, or throws an InputError
 * that says what is wrong (`what` names the input, e.g. a file name).
 * @example const input = checkMergeInput(JSON.parse(text), 'a.geojson')
 */
export function checkMergeInput(data: unknown, what: string): ArticleLayer | CollectionLayer {
  const o = data as Record<string, unknown> | null;
  const not = (why: string) =>
    new InputError(
      `${what} is not an article layer or collection: ${why}. Give files made with \`article-atlas parse\` or \`merge\`.`,
    );
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw not('it is not a JSON object');
  if (o.type !== 'FeatureCollection' || !Array.isArray(o.features)) throw not('it is not a GeoJSON FeatureCollection');
  const collection = Array.isArray(o.articles);
  if (collection && !(o.articles as unknown[]).every((a) => typeof (a as CollectionArticle)?.id === 'string'))
    throw not('an entry of "articles" has no id');
  if (!collection && (typeof o.id !== 'string' || !o.id))
    throw new InputError(
      `${what} is an article layer without an "id"; a collection needs one per article (parse --jsonl gives each line's).`,
    );
  (o.features as unknown[]).forEach((f, i) => {
    const x = f as LayerFeature | null;
    if (
      x?.type !== 'Feature' ||
      typeof x.id !== 'string' ||
      !Array.isArray(x.properties?.mentions) ||
      typeof x.properties?.name !== 'string'
    ) {
      throw not(`feature ${i} is not a place (each needs an id, a name and mentions)`);
    }
    for (const m of x.properties.mentions as CollectionMention[]) {
      if (!Number.isInteger(m?.start) || !Number.isInteger(m?.end) || typeof m.text !== 'string')
        throw not(`a mention of ${x.id} has no offsets or text`);
      if (collection && typeof m.article !== 'string') throw not(`a mention of ${x.id} does not say its article`);
    }
  });
  return o as unknown as ArticleLayer | CollectionLayer;
}
