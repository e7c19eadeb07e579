// Hand correction in the explorer (issue #4): the pure correctFeature and its application to a model.
// Its own module, imported by nothing at load: the explorer's Correction control loads it as a lazy chunk
// on Apply (first-load budget), and the embed has no editing at all. So it imports only types.
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';
import type { Model } from './create-model.ts';
import type { PlaceResolver } from './layer-io.ts';

/**
 * Replaces a feature's referent by one of its candidates, or by nothing (`candidateId` null: "not a place",
 * kept with a null geometry so the export records the decision). The result carries `status: 'corrected'`
 * and `original` (the first machine choice); mentions move to an existing feature of the new referent.
 * @example correctFeature(layer, 'geonames:147622', 'geonames:147624')
 */
export function correctFeature(
  layer: ArticleLayer,
  featureId: string,
  candidateId: string | null,
  resolve?: PlaceResolver,
): ArticleLayer {
  const feature = layer.features.find((x) => x.id === featureId);
  if (!feature || feature.id === candidateId) return layer;
  const p = feature.properties;
  const original = p.original ?? feature.id;
  let next: LayerFeature;
  if (candidateId === null) {
    // Mentions removed one by one in review (remove-mention.ts) may already be recorded there: kept too.
    const id = `none:${original}`;
    const prior = layer.features.find((x) => x.id === id)?.properties.mentions ?? [];
    const mentions = [...prior, ...p.mentions].sort((a, b) => a.start - b.start);
    next = {
      ...feature,
      id,
      geometry: null as unknown as LayerFeature['geometry'],
      properties: { ...p, mentions, status: 'corrected', original },
    };
  } else {
    const c = p.candidates.find((x) => x.id === candidateId);
    if (!c) return layer;
    const where = resolve?.(c.id);
    const anchor = where?.anchor ?? (c as { anchor?: [number, number] }).anchor;
    const geometry = where?.geometry ?? (anchor ? { type: 'Point' as const, coordinates: anchor } : null);
    const { geonameid: _g, wikidata: _w, disputed: _d, ...rest } = p;
    const gn = /^geonames:(\d+)$/.exec(c.id);
    next = {
      type: 'Feature',
      id: c.id,
      geometry: geometry as LayerFeature['geometry'],
      properties: {
        ...rest,
        name: c.name,
        kind: c.kind,
        country: c.country,
        ...(gn ? { geonameid: Number(gn[1]) } : {}),
        anchor: anchor ?? p.anchor,
        score: c.score,
        status: 'corrected',
        original,
      },
    };
    const existing = layer.features.find((x) => x.id === c.id);
    if (existing) {
      const mentions = [...existing.properties.mentions, ...p.mentions].sort((a, b) => a.start - b.start);
      next = { ...existing, properties: { ...existing.properties, mentions, status: 'corrected', original } };
    }
  }
  const features = layer.features
    .filter((x) => x.id !== next.id || x === feature)
    .map((x) => (x === feature ? next : x));
  return { ...layer, features };
}

/**
 * Says a place is another of its candidates, or not a place (`candidateId` null); the map, lists and
 * export follow, and the new referent is selected.
 * @example correctPlace(model, 'geonames:147622', 'geonames:147624')
 */
export function correctPlace(model: Model, featureId: string, candidateId: string | null): void {
  const layer = model.layer.peek();
  if (!layer) return;
  const next = correctFeature(layer, featureId, candidateId, model.resolvePlace);
  if (next !== layer) model.replaceLayer(next, candidateId);
}
