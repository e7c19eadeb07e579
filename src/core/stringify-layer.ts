// Serialisation of an article layer: the exact text of JSON.stringify(layer), faster in batches.
// A batch names the same countries again and again, and their polygons (the same objects, see
// normalizeGeometryCached) are most of the text; each one's JSON is written once and reused, and so
// are its UTF-8 bytes when the layer is wanted as bytes.

import type { Geometry } from 'geojson';
import type { ArticleLayer } from './types.ts';

const geometryText = new WeakMap<Geometry, string>();
const geometryBytes = new WeakMap<Geometry, Uint8Array>();
const utf8 = new TextEncoder();

function stringifyGeometry(g: Geometry): string {
  let s = geometryText.get(g);
  if (s === undefined) geometryText.set(g, (s = JSON.stringify(g)));
  return s;
}

function encodeGeometry(g: Geometry): Uint8Array {
  let b = geometryBytes.get(g);
  if (b === undefined) geometryBytes.set(g, (b = utf8.encode(stringifyGeometry(g))));
  return b;
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

/**
 * `stringifyLayer(layer) + end` as UTF-8 bytes. The text around the geometries is encoded per call;
 * each geometry's bytes are encoded once and copied after that (they are most of a batch's output).
 *
 * @example
 * new TextDecoder().decode(encodeLayer(layer, '\n')) === JSON.stringify(layer) + '\n' // true
 */
export function encodeLayer(layer: ArticleLayer, end = ''): Uint8Array {
  // The JSON in pieces: text between geometries, and geometries (marked by a placeholder in the text).
  const geometries: Geometry[] = [];
  const text =
    stringifyWith(layer, 'features', (features: ArticleLayer['features']) =>
      `[${features
        .map((f) =>
          stringifyWith(f, 'geometry', (g: Geometry | null) => {
            if (g === null) return 'null';
            geometries.push(g);
            return '\u0000';
          }),
        )
        .join(',')}]`,
    ) + end;
  // JSON text never holds a raw U+0000 (JSON.stringify escapes it), so the placeholders are unambiguous.
  const parts = text.split('\u0000').map((t) => utf8.encode(t));
  const shapes = geometries.map(encodeGeometry);
  let length = 0;
  for (const p of parts) length += p.length;
  for (const s of shapes) length += s.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i], at);
    at += parts[i].length;
    if (i < shapes.length) {
      out.set(shapes[i], at);
      at += shapes[i].length;
    }
  }
  return out;
}
