// Public surface of the pure pipeline (no Node, no DOM).
export * from './types.ts';
export { normalizeName } from './normalize-name.ts';
export { InputError } from './errors.ts';
export { tokenize, type Token } from './tokenize.ts';
export { splitPassages, splitSentences } from './split-passages.ts';
export { findNameSpans, type NameSpan } from './find-name-spans.ts';
export { spanFeatures, lexiconOf, type SpanContext, type DocEvidence } from './span-features.ts';
export { extractMentions, scoreSpans, buildSpanContext, collectDocEvidence, type ScoredSpan } from './extract-mentions.ts';
export { findCandidates, candidateFeatures, rankCandidates, buildRankContext, scoreCandidate, RANK_PRIORS } from './rank-candidates.ts';
export { resolveMentions } from './resolve-mentions.ts';
export { containsByShape, type Contains } from './namesake-features.ts';
export { distanceKm } from './distance-km.ts';
export { resolveSites, findLocalFocus } from './resolve-sites.ts';
export { findSiteSpans, SITE_HEADS, type SiteSpan } from './find-site-spans.ts';
export { toFeatureCollection, normalizeGeometry, layerGeometry, layerMask, applyLayerMask, MAX_LAYER_VERTICES } from './to-feature-collection.ts';
export { stringifyLayer, encodeLayer } from './stringify-layer.ts';
export { geoparse, prepareModel, type GeoparseOptions } from './geoparse.ts';
export { scoreLinear, sigmoid, EMPTY_MODEL, type GeoparserModel, type LinearModel, type Features } from './model.ts';
