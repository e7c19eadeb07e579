// Last stage: resolved mentions → the article layer, an RFC 7946 FeatureCollection. One feature per
// place, id = the stable gazetteer id; areas as polygons (right-hand rule), everything else as
// points; coordinates rounded to 6 decimals; passages and text as foreign members.

import { layerGeometryCached } from './layer-geometry.ts';
import { position, round6 } from './normalize-geometry.ts';
import type { ArticleLayer, Candidate, Gazetteer, LayerCandidate, LayerFeature, LayerProperties, Passage, ResolvedMention } from './types.ts';

export interface ToFeatureCollectionOptions {
  id?: string;
  title?: string;
  /** Include the text as a foreign member (the explorer needs it; batch scoring does not). */
  includeText?: boolean;
  /** How many alternative readings to keep per feature for hand correction. */
  maxCandidates?: number;
}

const DEFAULTS = { includeText: true, maxCandidates: 4 };

/** The passages as the layer lists them (pushed, not mapped: see roundCoords in normalize-geometry.ts). */
function passageList(passages: Passage[]): ArticleLayer['passages'] {
  const out: ArticleLayer['passages'] = [];
  for (let i = 0; i < passages.length; i++) out.push({ start: passages[i].start, end: passages[i].end, sentences: passages[i].sentences });
  return out;
}

/** An alternative reading as a layer lists it for hand correction. */
function candidateOf(c: Candidate): LayerCandidate {
  const out = { id: c.place.id, name: c.place.name, kind: c.place.kind, country: c.place.country, anchor: position(round6(c.place.anchor[0]), round6(c.place.anchor[1])) } as LayerCandidate;
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
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i];
    const place = r.place;
    if (!place) continue;
    let feature = byId.get(place.id);
    if (!feature) {
      // A gazetteer may have the layer's simplification of big polygons ready; else the layer makes it.
      const shape = place.shape ? (gazetteer.layerGeometry?.(place.shape) ?? gazetteer.geometry(place.shape)) : undefined;
      // Properties are assigned in a fixed order (it is the order of the JSON), optional ones only when present.
      const properties = { name: place.name, kind: place.kind, country: place.country } as LayerProperties;
      if (place.geonameid) properties.geonameid = place.geonameid;
      if (place.wikidata) properties.wikidata = place.wikidata;
      properties.anchor = position(round6(place.anchor[0]), round6(place.anchor[1])) as [number, number];
      properties.score = 0;
      if (place.disputed) properties.disputed = place.disputed;
      if (place.within) {
        properties.within = place.within;
        properties.approximate = true;
      }
      properties.candidates = [];
      for (let k = 0; k < r.candidates.length && properties.candidates.length < maxCandidates; k++) {
        if (r.candidates[k].place.id !== place.id) properties.candidates.push(candidateOf(r.candidates[k]));
      }
      properties.mentions = [];
      feature = {
        type: 'Feature',
        id: place.id,
        geometry: shape ? layerGeometryCached(shape) : { type: 'Point', coordinates: position(round6(place.anchor[0]), round6(place.anchor[1])) },
        properties,
      };
      byId.set(place.id, feature);
    }
    const m = r.mention;
    feature.properties.mentions.push({ start: m.start, end: m.end, text: m.text, passage: m.passage, type: m.type });
    feature.properties.score = Math.max(feature.properties.score, Math.round(r.score * m.confidence * 1000) / 1000);
  }
  // Most-mentioned places first: the order a reader would list "what the article is about".
  const features = [...byId.values()].sort((a, b) => b.properties.mentions.length - a.properties.mentions.length || a.properties.mentions[0].start - b.properties.mentions[0].start);
  return {
    type: 'FeatureCollection',
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.title ? { title: options.title } : {}),
    features,
    passages: passageList(passages),
    ...(includeText ? { text } : {}),
  };
}
