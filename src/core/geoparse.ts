// The whole pipeline in order, shared by the CLI and the browser:
// text → passages → mentions → candidates → ranked → resolved (places, then sites) → article layer.

import { chooseFocus } from './choose-focus.ts';
import { extractMentions } from './extract-mentions.ts';
import { weightMap, type GeoparserModel } from './model.ts';
import { lexiconOf } from './span-features.ts';
import { rankCandidates } from './rank-candidates.ts';
import { resolveMentions } from './resolve-mentions.ts';
import { resolveSites } from './resolve-sites.ts';
import { splitPassages } from './split-passages.ts';
import { toFeatureCollection, type ToFeatureCollectionOptions } from './to-feature-collection.ts';
import { tokenize } from './tokenize.ts';
import type { ArticleLayer, Gazetteer } from './types.ts';

export interface GeoparseOptions extends ToFeatureCollectionOptions {
  gazetteer: Gazetteer;
  model: GeoparserModel;
}

/**
 * Geoparses a text into its article layer.
 *
 * @example
 * const layer = geoparse('Clashes near Baku.', { gazetteer, model });
 * layer.features[0].properties.name // 'Baku'
 */
export function geoparse(text: string, options: GeoparseOptions): ArticleLayer {
  const { gazetteer, model } = options;
  const passages = splitPassages(text);
  const tokens = tokenize(text);
  const mentions = extractMentions(text, tokens, passages, gazetteer, model);
  const ranked = rankCandidates(mentions, text, gazetteer, model);
  const resolved = resolveSites(resolveMentions(ranked), { text });
  const layer = toFeatureCollection(resolved, text, passages, gazetteer, options);
  // What the first view frames (issue #14); the last member of the layer's JSON.
  const focus = chooseFocus(layer);
  if (focus) layer.focus = focus;
  return layer;
}

/**
 * Builds the model's look-up tables (weights as Maps, word lists as Sets) now, not inside the first
 * geoparse: loaders call it, so that the first article costs what the next ones do. Returns the model.
 *
 * @example
 * const model = prepareModel(JSON.parse(modelText));
 */
export function prepareModel(model: GeoparserModel): GeoparserModel {
  weightMap(model.span);
  weightMap(model.spanDoc);
  weightMap(model.rank);
  lexiconOf(model);
  return model;
}
