// Hand correction in the explorer (issue #4): the pure correctFeature of layer-io.ts applied to a model.
// Its own module so that only the explorer's Correction control imports it (the embed has no editing).
import type { Model } from './create-model.ts';
import { correctFeature } from './layer-io.ts';

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
