// Last stage: resolved mentions → the article layer, an RFC 7946 FeatureCollection. One feature per
// place, id = the stable gazetteer id; areas as polygons (right-hand rule), everything else as
// points; coordinates rounded to 6 decimals; passages and text as foreign members.

import { placeGeometry } from './layer-geometry.ts';
import { roundPosition } from './normalize-geometry.ts';
import type {
  ArticleLayer,
  ArticleMetadata,
  Candidate,
  Gazetteer,
  LayerCandidate,
  LayerFeature,
  LayerProperties,
  Passage,
  ResolvedMention,
} from './types.ts';

export interface ToFeatureCollectionOptions {
  id?: string;
  title?: string;
  /** The page's metadata, carried as the `article` member when it holds anything. */
  article?: ArticleMetadata;
  /** Include the text as a foreign member (the explorer needs it; batch scoring does not). */
  includeText?: boolean;
  /** How many alternative readings to keep per feature for hand correction. */
  maxCandidates?: number;
}

const DEFAULTS = { includeText: true, maxCandidates: 4 };

/** The passages as the layer lists them. */
const passageList = (passages: Passage[]): ArticleLayer['passages'] =>
  passages.map(({ start, end, sentences }) => ({ start, end, sentences }));

/** An alternative reading as a layer lists it for hand correction. */
function candidateOf(c: Candidate): LayerCandidate {
  const out = {
    id: c.place.id,
    name: c.place.name,
    kind: c.place.kind,
    country: c.place.country,
    anchor: roundPosition(c.place.anchor),
  } as LayerCandidate;
  if (c.place.geonameid) out.geonameid = c.place.geonameid;
  if (c.place.wikidata) out.wikidata = c.place.wikidata;
  out.score = Math.round(c.score * 1000) / 1000;
  return out;
}

/**
 * Builds the article layer from resolved mentions.
 *
 * @example
 * toFeatureCollection(resolved, text, passages, gazetteer).features[0].id // 'geonames:298795'
 */
export function toFeatureCollection(
  resolved: ResolvedMention[],
  text: string,
  passages: Passage[],
  gazetteer: Gazetteer,
  options: ToFeatureCollectionOptions = {},
): ArticleLayer {
  const { includeText, maxCandidates } = { ...DEFAULTS, ...options };
  const byId = new Map<string, LayerFeature>();
  for (const r of resolved) {
    const place = r.place;
    if (!place) continue;
    let feature = byId.get(place.id);
    if (!feature) {
      // Properties are assigned in a fixed order (it is the order of the JSON), optional ones only when present.
      const properties = { name: place.name, kind: place.kind, country: place.country } as LayerProperties;
      if (place.geonameid) properties.geonameid = place.geonameid;
      if (place.wikidata) properties.wikidata = place.wikidata;
      properties.anchor = roundPosition(place.anchor);
      properties.score = 0;
      if (place.disputed) properties.disputed = place.disputed;
      if (place.within) {
        properties.within = place.within;
        properties.approximate = true;
      } else if (r.mention.qualified) {
        // "East Texas" drawn as Texas: approximate while every mention of the place is so qualified.
        properties.approximate = true;
      }
      properties.candidates = r.candidates
        .filter((c) => c.place.id !== place.id)
        .slice(0, maxCandidates)
        .map(candidateOf);
      properties.mentions = [];
      feature = {
        type: 'Feature',
        id: place.id,
        geometry: placeGeometry(place, gazetteer),
        properties,
      };
      byId.set(place.id, feature);
    }
    const m = r.mention;
    if (!place.within && !m.qualified) delete feature.properties.approximate;
    feature.properties.mentions.push({ start: m.start, end: m.end, text: m.text, passage: m.passage, type: m.type });
    feature.properties.score = Math.max(feature.properties.score, Math.round(r.score * m.confidence * 1000) / 1000);
  }
  // Most-mentioned places first: the order a reader would list "what the article is about".
  const features = [...byId.values()].sort(
    (x, y) =>
      y.properties.mentions.length - x.properties.mentions.length ||
      x.properties.mentions[0].start - y.properties.mentions[0].start,
  );
  return {
    type: 'FeatureCollection',
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.article && Object.keys(options.article).length ? { article: options.article } : {}),
    features,
    passages: passageList(passages),
    ...(includeText ? { text } : {}),
  };
}
