// Tells a collection (issue #18) from an article layer: kept apart from collection-view.ts so the first
// load can ask without carrying the story map's code (loaded only for a collection).
import type { CollectionLayer } from '../../core/merge-layers.ts';

/**
 * True when a loaded layer is a collection (it has the `articles` member).
 * @example isCollectionLayer({ type: 'FeatureCollection', articles: [], features: [] }) // true
 */
export function isCollectionLayer(layer: unknown): layer is CollectionLayer {
  return Array.isArray((layer as CollectionLayer | null)?.articles);
}
