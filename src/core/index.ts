// Public surface of the pure pipeline (no Node, no DOM): geoparse a text with a gazetteer and a model,
// serialise the layer, and the types of the layer and of the Gazetteer port. The stages themselves are
// internal; tests and the trainer import them from their modules.
export * from './types.ts';
export { geoparse, prepareModel, type GeoparseOptions } from './geoparse.ts';
export type { ToFeatureCollectionOptions } from './to-feature-collection.ts';
export { stringifyLayer, encodeLayer } from './stringify-layer.ts';
export { normalizeName } from './normalize-name.ts';
export { searchPlaces, SEARCH_DEFAULTS, type PlaceHit, type SearchPlacesOptions } from './search-places.ts';
export { InputError } from './errors.ts';
export { EMPTY_MODEL, type GeoparserModel, type LinearModel } from './model.ts';
export { chooseFocus, FOCUS_DEFAULTS, type ChooseFocusOptions } from './choose-focus.ts';
export {
  mergeLayers,
  stringifyCollection,
  type CollectionLayer,
  type CollectionArticle,
  type CollectionFeature,
  type CollectionMention,
  type CollectionProperties,
  type CollectionOptions,
} from './merge-layers.ts';
