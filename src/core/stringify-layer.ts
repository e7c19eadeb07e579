// Serialisation of an article layer: the exact text of JSON.stringify(layer), faster in batches.
// A batch names the same countries again and again, and their polygons (the same objects, see
// normalizeGeometryCached) are most of the text; each one's JSON is written once and reused.

import type { Geometry } from 'geojson';
import type { ArticleLayer } from './types.ts';

const geometryText = new WeakMap<Geometry, string>();

function stringifyGeometry(g: Geometry): string {
  let s = geometryText.get(g);
  if (s === undefined) geometryText.set(g, (s = JSON.stringify(g)));
  return s;
}

/** JSON.stringify of a plain object, with its `key` member written by `write` instead. */
function stringifyWith(o: object, key: string, write: (value: never) => string): string {
  let s = '{';
  for (const [k, v] of Object.entries(o)) {
    // What JSON.stringify leaves out of an object.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (s.length > 1) s += ',';
    s += `${JSON.stringify(k)}:${k === key ? write(v as never) : JSON.stringify(v)}`;
  }
  return s + '}';
}

/**
 * The layer as compact JSON, byte for byte what `JSON.stringify(layer)` gives; a geometry object met
 * before is not serialised again. Geometries must not be mutated after they have been written.
 *
 * @example
 * stringifyLayer(layer) === JSON.stringify(layer) // true
 */
export function stringifyLayer(layer: ArticleLayer): string {
  return stringifyWith(layer, 'features', (features: ArticleLayer['features']) =>
    `[${features.map((f) => stringifyWith(f, 'geometry', (g: Geometry | null) => (g === null ? 'null' : stringifyGeometry(g)))).join(',')}]`,
  );
}
