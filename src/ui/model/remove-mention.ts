// Review (issue #17): remove one mention of a place. The pure removeMention; a place left without
// mentions leaves the map. Loaded with the review chunk only; imports only types.
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';

/**
 * The layer without the mention of `featureId` that starts at `start`. A mention the pipeline found is
 * recorded as "not a place" the way correctFeature records a whole place: in the feature
 * `none:<original id>` (null geometry, `status: "corrected"`, `original`), created or extended. A mention
 * a person added (`status: "added"`) is simply dropped. A place left with no mentions leaves the layer
 * (and its `focus` ids). Unknown feature or mention: the layer unchanged.
 * @example removeMention(layer, 'geonames:587084', 412)
 */
export function removeMention(layer: ArticleLayer, featureId: string, start: number): ArticleLayer {
  const feature = layer.features.find((f) => f.id === featureId && f.geometry);
  const mention = feature?.properties.mentions.find((m) => m.start === start);
  if (!feature || !mention) return layer;
  const p = feature.properties;
  const mentions = p.mentions.filter((m) => m !== mention);
  let features = layer.features
    .filter((f) => f !== feature || mentions.length)
    .map((f) => (f === feature ? { ...f, properties: { ...p, mentions } } : f));
  if (mention.status !== 'added') {
    const original = p.original ?? feature.id;
    const id = `none:${original}`;
    const none = features.find((f) => f.id === id);
    if (none) {
      const kept = [...none.properties.mentions, mention].sort((a, b) => a.start - b.start);
      features = features.map((f) => (f === none ? { ...f, properties: { ...f.properties, mentions: kept } } : f));
    } else {
      const record: LayerFeature = {
        ...feature,
        id,
        geometry: null as unknown as LayerFeature['geometry'],
        properties: { ...p, mentions: [mention], status: 'corrected', original },
      };
      features = [...features, record];
    }
  }
  const next: ArticleLayer = { ...layer, features };
  if (!mentions.length && layer.focus?.ids.includes(featureId)) {
    const ids = layer.focus.ids.filter((x) => x !== featureId);
    if (ids.length) next.focus = { ...layer.focus, ids };
    else delete next.focus;
  }
  return next;
}
