// The library entry: `import { geoparse } from 'article-atlas'`. In Node, geoparse loads the bundled
// gazetteer and model on first use; pass your own to use another one.

import { geoparse as geoparseWith, type GeoparseOptions } from './core/geoparse.ts';
import type { ArticleLayer } from './core/types.ts';
import { loadGazetteer } from './node/load-gazetteer.ts';
import { loadModel } from './node/load-model.ts';

export * from './core/index.ts';
export { createGazetteer } from './gazetteer/index.ts';
export { loadGazetteer, loadModel };

let bundledGazetteer: GeoparseOptions['gazetteer'] | undefined;
let bundledModel: GeoparseOptions['model'] | undefined;

/**
 * Geoparses a text into its article layer with the bundled gazetteer and model.
 *
 * @example
 * import { geoparse } from 'article-atlas';
 * geoparse('Clashes near Baku.').features[0].properties.name // 'Baku'
 */
export function geoparse(text: string, options: Partial<GeoparseOptions> = {}): ArticleLayer {
  const gazetteer = options.gazetteer ?? (bundledGazetteer ??= loadGazetteer());
  const model = options.model ?? (bundledModel ??= loadModel());
  return geoparseWith(text, { ...options, gazetteer, model });
}
