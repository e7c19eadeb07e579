// Reads a layer file someone chose or dropped (issue #6): refuse what is not a layer with a message that
// says what to do next, and show what is usable of the rest with the bad parts dropped and counted.
// Pure functions on text and numbers, which every layer goes through before it is drawn (the page's own too, so
// they are part of the first load); it imports nothing at run time but types.
import type { ArticleLayer, LayerCandidate, LayerFeature, LayerMention } from '../../core/types.ts';

/**
 * A file that is not a layer; `title` heads the error state (a LayerProblem), the message says what to do
 * next. Not layer-io's LayerFormatError: importing layer-io would split it into a shared first-load chunk.
 */
export class LayerFileError extends Error {
  constructor(
    message: string,
    readonly title = 'This file is not a layer',
  ) {
    super(message);
  }
}

/**
 * Files above this are refused before a byte is read: the seed layer is 60 KB, a long article with every
 * country outline a few MB, and reading 200 MB into a string and parsing it can take a tab down.
 */
export const MAX_LAYER_BYTES = 50 * 1024 * 1024;
/**
 * An article layer nests 8 levels at most (MultiPolygon coordinates in a feature in the collection);
 * deeper JSON is not a layer, and 100,000 nested arrays make JSON.parse or a later walk overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;
/**
 * A place's name, id, kind or another of its short texts longer than this is not one (issue #19: a 10 MB name was drawn on the map and in every list). The longest place names
 * run to about 170 characters (Bangkok's ceremonial name), web addresses rarely past 2,000. The article text
 * itself has no limit but the file's.
 */
export const MAX_FIELD_CHARS = 2000;

/**
 * Layers with more features, or more paragraphs, than this are refused (issue #19 item 14): every place is a
 * shape, a list row and mentions on the page, every paragraph an element of the text; 320,000 points froze the
 * tab for over a minute on 1.45 GB of heap, 500,000 paragraphs for 85 s. A story map of 1,000 articles names
 * about 700 places and a long book has some 10,000 paragraphs; 20,000 places open in about a second
 * (test/bench/README.md).
 */
export const MAX_LAYER_PARTS = 50_000;
/** Text from which readerInSlices parses in a task of its own: about 5,000 places; the site's own layers are smaller. */
const BIG_TEXT_CHARS = 1_000_000;
/** Features checked per task by readerInSlices: ~2,000 take 10–20 ms on the development machine. */
const SLICE_FEATURES = 2000;

/** What was left out of a file, by reason; empty when the file was shown whole. */
export interface LayerReading {
  layer: ArticleLayer;
  /** Reader-facing counts, e.g. "2 places with invalid geometry". */
  dropped: string[];
}

const ARTICLE_FIELDS = new Set(['title', 'siteName', 'author', 'published', 'url', 'canonicalUrl', 'language']);

const CHOOSE = 'Choose a file made with `article-atlas parse ARTICLE`.';

/** Why a file of this size is refused unread, or null. @example layerSizeProblem(file.size) */
export function layerSizeProblem(bytes: number): LayerFileError | null {
  const mb = (n: number) => Math.round(n / 2 ** 20);
  return bytes > MAX_LAYER_BYTES
    ? new LayerFileError(
        `This file is ${mb(bytes)} MB; the explorer opens layers up to ${mb(MAX_LAYER_BYTES)} MB. ${CHOOSE}`,
        'This file is too large',
      )
    : null;
}

/**
 * Deepest bracket nesting outside strings, stopping as soon as it passes `max`. Regular expressions jump from
 * bracket to bracket and over whole strings: a loop over every character took 3–6 ms of the task that draws
 * the places on the seed's 92 KB (run once, the loop never left the interpreter; issue #14).
 */
export function jsonDepthOver(text: string, max: number): boolean {
  const token = /[[\]{}"]/g;
  // The rest of a string: runs of plain characters, each escape a backslash and the character after it.
  const rest = /[^"\\]*(?:\\[^][^"\\]*)*"/y;
  let depth = 0;
  while (token.test(text)) {
    const c = text.charCodeAt(token.lastIndex - 1);
    if (c === 34) {
      rest.lastIndex = token.lastIndex;
      if (!rest.test(text)) return false; // an unclosed string: JSON.parse says what is wrong
      token.lastIndex = rest.lastIndex;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else depth--;
  }
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const tooLong = (v: unknown) => typeof v === 'string' && v.length > MAX_FIELD_CHARS;

/** A [lon, lat] (optionally with altitude) of finite numbers on the globe. */
export function isPosition(p: unknown): p is [number, number] {
  // Element by element rather than with every() and a callback: called once per vertex of every layer, most
  // often in the task that draws the page's own places, before V8 has optimised anything (issue #14).
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return false;
  const x: unknown = p[0];
  const y: unknown = p[1];
  const z: unknown = p.length === 3 ? p[2] : 0;
  return (
    typeof x === 'number' &&
    typeof y === 'number' &&
    typeof z === 'number' &&
    Number.isFinite(z) &&
    Math.abs(x) <= 180 &&
    Math.abs(y) <= 90
  );
}

const positions = (v: unknown, min: number) => Array.isArray(v) && v.length >= min && v.every(isPosition);
/** A linear ring (RFC 7946 §3.1.6): four or more positions, the last equal to the first. */
const ring = (v: unknown) =>
  positions(v, 4) && (v as number[][])[0].every((x, i) => x === (v as number[][]).at(-1)![i]);
const each = (v: unknown, ok: (x: unknown) => boolean) => Array.isArray(v) && v.length > 0 && v.every(ok);
const polygon = (v: unknown) => each(v, ring);

/** Checks a geometry's type and coordinates; GeometryCollections are not drawn by the explorer. */
export function isValidGeometry(g: unknown): boolean {
  if (!isObject(g)) return false;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return isPosition(c);
    case 'MultiPoint':
      return each(c, isPosition);
    case 'LineString':
      return positions(c, 2);
    case 'MultiLineString':
      return each(c, (l) => positions(l, 2));
    case 'Polygon':
      return polygon(c);
    case 'MultiPolygon':
      return each(c, polygon);
  }
  return false;
}

/** The mention as the explorer needs it, or null when its offsets do not quote the text. */
function readMention(m: unknown, text: string | undefined, passages: number): LayerMention | null {
  if (!isObject(m)) return null;
  const { start, end, passage } = m;
  if (
    !isInt(start) ||
    !isInt(end) ||
    start >= end ||
    typeof m.text !== 'string' ||
    !isInt(passage) ||
    (passages && passage >= passages)
  )
    return null;
  if (text !== undefined && text.slice(start, end) !== m.text) return null;
  return { ...(m as unknown as LayerMention), type: m.type === 'adjectival' ? 'adjectival' : 'toponym' };
}

/** An alternative place for hand correction: named, with a kind, and an anchor on the globe if any. */
function isCandidate(c: unknown): c is LayerCandidate {
  return (
    isObject(c) &&
    typeof c.id === 'string' &&
    typeof c.name === 'string' &&
    typeof c.kind === 'string' &&
    (c.country === undefined || typeof c.country === 'string') &&
    (c.anchor === undefined || isPosition(c.anchor))
  );
}

/**
 * Parses and checks layer text. Not JSON, too deep, too many places or paragraphs, or not a FeatureCollection: a
 * LayerFileError (the caller keeps the current layer). Otherwise the layer with unusable features, mentions and
 * candidates dropped, and what was dropped, so the reader is told.
 * @example const { layer, dropped } = readLayer(await file.text())
 */
export function readLayer(text: string): LayerReading {
  const steps = readInSteps(text);
  let step;
  while (!(step = steps.next()).done);
  return step.value;
}

/**
 * readLayer for a big file, as the model's load() takes it: the features are checked SLICE_FEATURES per task, so
 * a layer of 20,000 places no longer holds the page while it is read (issue #19 item 14; a layer of fewer is read
 * within the calling task); then a reader that at once returns the reading or throws its error. `onProgress`
 * hears the share of the features read after each slice.
 * @example model.load(text, await readerInSlices(text))
 */
export async function readerInSlices(
  text: string,
  onProgress?: (share: number) => void,
): Promise<(text: string) => LayerReading> {
  const steps = readInSteps(text);
  let step;
  try {
    while (!(step = steps.next()).done) {
      onProgress?.(step.value);
      await new Promise((resolve) => setTimeout(resolve));
    }
  } catch (e) {
    return () => {
      throw e;
    };
  }
  return () => step.value;
}

/**
 * readLayer's work, pausing after every SLICE_FEATURES features with the share read: readLayer runs it at once,
 * readerInSlices a slice per task.
 */
function* readInSteps(text: string): Generator<number, LayerReading> {
  if (jsonDepthOver(text, MAX_JSON_DEPTH))
    throw new LayerFileError(
      `Its data nests more than ${MAX_JSON_DEPTH} levels deep, which an article layer never does. ${CHOOSE}`,
    );
  // A big file's scan, parse and first slice, a task each rather than one (6.4 MB for 20,000 places).
  const big = text.length > BIG_TEXT_CHARS;
  if (big) yield 0;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // SyntaxError for text that is not JSON; RangeError or InternalError when an engine runs out of stack.
    throw new LayerFileError(`It is not JSON. ${CHOOSE}`);
  }
  if (big) yield 0;
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw new LayerFileError(
      `It is ${isObject(data) && typeof data.type === 'string' ? 'GeoJSON but not a FeatureCollection' : 'JSON but not GeoJSON'}. ${CHOOSE}`,
    );
  }
  const spans = Array.isArray(data.passages) ? data.passages : [];
  if (data.features.length > MAX_LAYER_PARTS || spans.length > MAX_LAYER_PARTS)
    throw new LayerFileError(
      `It has over ${MAX_LAYER_PARTS} features or paragraphs; the explorer opens layers up to ${MAX_LAYER_PARTS} of each.`,
      'This file is too large',
    );
  const body = str(data.text);
  const passagesOk = spans.every(
    (p) =>
      isObject(p) && isInt(p.start) && isInt(p.end) && p.start <= p.end && (body === undefined || p.end <= body.length),
  );
  const passages = (passagesOk ? spans : []) as ArticleLayer['passages'];
  const counts = { geometry: 0, properties: 0, long: 0, duplicates: 0, mentions: 0, candidates: 0 };
  const ids = new Set<string>();
  const features: LayerFeature[] = [];
  let n = 0;
  for (const feature of data.features) {
    if (!(++n % SLICE_FEATURES)) yield n / data.features.length;
    const p = isObject(feature) ? feature.properties : null;
    if (
      !isObject(feature) ||
      feature.type !== 'Feature' ||
      typeof feature.id !== 'string' ||
      !isObject(p) ||
      typeof p.name !== 'string' ||
      typeof p.kind !== 'string'
    ) {
      counts.properties++;
      continue;
    }
    if ([feature.id, ...Object.values(p)].some(tooLong)) {
      counts.long++;
      continue;
    }
    // The explorer finds a place by its id, so a second feature with the same id could never be selected.
    if (ids.has(feature.id)) {
      counts.duplicates++;
      continue;
    }
    if (feature.geometry !== null && !isValidGeometry(feature.geometry)) {
      counts.geometry++;
      continue;
    }
    ids.add(feature.id);
    const rawMentions = Array.isArray(p.mentions) ? p.mentions : [];
    const mentions = rawMentions.map((m) => readMention(m, body, passages.length)).filter((m) => m !== null);
    const rawCandidates = Array.isArray(p.candidates) ? p.candidates : [];
    const candidates = rawCandidates.filter(isCandidate);
    counts.mentions += rawMentions.length - mentions.length;
    counts.candidates += rawCandidates.length - candidates.length;
    const properties = { ...p, mentions, candidates } as LayerFeature['properties'] & Record<string, unknown>;
    // Fields shown as text or used in arithmetic get a safe value when the file has something else there.
    if (typeof p.country !== 'string') properties.country = '';
    if (typeof p.score !== 'number') properties.score = 0;
    if (!isPosition(p.anchor)) {
      const c = (feature.geometry as { coordinates?: unknown } | null)?.coordinates;
      properties.anchor = isPosition(c) ? c : [0, 0];
    }
    for (const k of ['disputed', 'original'] as const) if (k in p && typeof p[k] !== 'string') delete properties[k];
    features.push({ ...(feature as unknown as LayerFeature), properties });
  }
  const total = data.features.length;
  if (total && !features.length) {
    throw new LayerFileError(
      `None of its ${total} features is a place the explorer can draw (each needs an id, a name, a kind and valid geometry). ${CHOOSE}`,
      'This file has no usable places',
    );
  }
  const dropped = [
    counts.properties && `${counts.properties} of ${total} features that are not places (no id, name or kind)`,
    counts.long && `${counts.long} of ${total} places with a name or other text over ${MAX_FIELD_CHARS} characters`,
    counts.duplicates && `${counts.duplicates} of ${total} features that repeat the id of an earlier one`,
    counts.geometry && `${counts.geometry} of ${total} places with invalid geometry or coordinates`,
    counts.mentions && `${counts.mentions} mentions whose offsets do not quote the article text`,
    counts.candidates && `${counts.candidates} alternative places without a name, kind or location`,
    !passagesOk && 'the paragraph list, which does not fit the text',
  ].filter((s): s is string => !!s);
  const layer = { ...data, features, passages } as ArticleLayer;
  if (typeof data.title !== 'string') delete layer.title;
  // The page's metadata (issue #16) is shown as text: only its string fields are kept.
  if (isObject(data.article)) {
    const article: Record<string, string> = {};
    for (const [k, v] of Object.entries(data.article))
      if (ARTICLE_FIELDS.has(k) && typeof v === 'string') article[k] = v;
    layer.article = article;
  } else delete layer.article;
  if (body === undefined) delete layer.text;
  return { layer, dropped };
}
