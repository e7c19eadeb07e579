// Review (issue #17): add a missed place. The pure addMention puts a span of the text on a place found by
// search, as a new feature (`status: "added"`) or a further mention of one already on the map. Loaded with
// the review chunk only; imports only types.
import type { ArticleLayer, LayerFeature, LayerMention, LayerProperties, PlaceKind } from '../../core/types.ts';

/** A stretch of the layer's text: UTF-16 offsets, as mentions carry them. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * What a place needs to join a layer: a search hit (core's PlaceHit has every field). `nameType`
 * `adjective` (the hit matched "Armenian") makes the mention adjectival.
 */
export interface PlaceToAdd {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string;
  anchor: [number, number];
  geometry: LayerFeature['geometry'];
  geonameid?: number;
  wikidata?: string;
  disputed?: string;
  nameType?: 'name' | 'alt' | 'adjective';
}

/** An edit that cannot be made; the message says why, for a person. */
export class EditError extends Error {}

/** Characters trimmed from the ends of a selection: spaces and punctuation are never part of a name. */
const EDGE = /[\s.,;:!?"“”‘’'«»()[\]{}—–-]/u;

/**
 * The span without the spaces and punctuation at its ends ("Baku, " → "Baku"); null when nothing is left.
 * @example trimSpan('in Baku, then', { start: 2, end: 9 }) // { start: 3, end: 7 }
 */
export function trimSpan(text: string, { start, end }: TextSpan): TextSpan | null {
  while (start < end && EDGE.test(text[start])) start++;
  while (end > start && EDGE.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/**
 * The layer with `span` as a mention of `place` (`status: "added"` on the mention): a feature already on
 * the map gains it, else a new feature joins the end of the list with `status: "added"`, score 1 (a
 * person said so) and no candidates. Throws an EditError when the layer has no text, the span is empty,
 * crosses a paragraph or overlaps a mention already shown.
 * @example addMention(layer, { start: 120, end: 124 }, hit).features.at(-1)?.properties.status // 'added'
 */
export function addMention(layer: ArticleLayer, span: TextSpan, place: PlaceToAdd): ArticleLayer {
  const text = layer.text;
  if (text === undefined) throw new EditError('This layer does not include the article text.');
  const { start, end } = span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length))
    throw new EditError('Select the words that name the place.');
  const passage = layer.passages.length ? layer.passages.findIndex((p) => p.start <= start && end <= p.end) : 0;
  if (passage < 0) throw new EditError('Select words within one paragraph.');
  for (const f of layer.features) {
    if (!f.geometry) continue;
    const taken = f.properties.mentions.find((m) => m.start < end && start < m.end);
    if (taken)
      throw new EditError(`“${taken.text}” is already marked as ${f.properties.name}: remove that mention first.`);
  }
  const mention: LayerMention = {
    start,
    end,
    text: text.slice(start, end),
    passage,
    type: place.nameType === 'adjective' ? 'adjectival' : 'toponym',
    status: 'added',
  };
  const existing = layer.features.find((f) => f.id === place.id && f.geometry);
  if (existing) {
    const mentions = [...existing.properties.mentions, mention].sort((a, b) => a.start - b.start);
    const next = { ...existing, properties: { ...existing.properties, mentions } };
    return { ...layer, features: layer.features.map((f) => (f === existing ? next : f)) };
  }
  // Properties in the pipeline's order (toFeatureCollection), optional ones only when present.
  const properties = { name: place.name, kind: place.kind, country: place.country } as LayerProperties;
  if (place.geonameid) properties.geonameid = place.geonameid;
  if (place.wikidata) properties.wikidata = place.wikidata;
  properties.anchor = place.anchor;
  properties.score = 1;
  if (place.disputed) properties.disputed = place.disputed;
  properties.candidates = [];
  properties.mentions = [mention];
  properties.status = 'added';
  const feature: LayerFeature = { type: 'Feature', id: place.id, geometry: place.geometry, properties };
  return { ...layer, features: [...layer.features, feature] };
}
