// Serialisation of an article layer: the exact text of JSON.stringify(layer), faster in batches.
// A batch names the same countries again and again, and their polygons (the same objects, see
// layerGeometryCached) are most of the text; each one's JSON is written once and reused, and so
// are its UTF-8 bytes when the layer is wanted as bytes. Every other member (passages, text, the
// `focus` box and ids, issue #14) is written by JSON.stringify in the layer's own key order.

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
  // The text is not kept when only the bytes are wanted: fewer long-lived strings for the collector.
  if (b === undefined) geometryBytes.set(g, (b = utf8.encode(geometryText.get(g) ?? JSON.stringify(g))));
  return b;
}

/** The JSON of a layer in pieces, in order: text (joined until bytes come) and byte pieces. */
class Pieces {
  readonly list: Array<string | Uint8Array> = [];
  private pending = '';
  text(s: string): void {
    this.pending += s;
  }
  bytes(b: Uint8Array): void {
    this.end();
    this.list.push(b);
  }
  end(): void {
    if (this.pending) this.list.push(this.pending);
    this.pending = '';
  }
}

/** JSON.stringify of a plain object into `out`, with its `key` member written by `write` instead. */
function writeObject(o: object, key: string, out: Pieces, write: (value: never) => void): void {
  let first = true;
  out.text('{');
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = (o as Record<string, unknown>)[k];
    // What JSON.stringify leaves out of an object.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out.text(`${first ? '' : ','}${JSON.stringify(k)}:`);
    first = false;
    if (k === key) write(v as never);
    else out.text(JSON.stringify(v));
  }
  out.text('}');
}

/** The layer's JSON into `out`, each geometry written by `geometry`. */
function writeLayer(layer: ArticleLayer, out: Pieces, geometry: (g: Geometry) => void): void {
  writeObject(layer, 'features', out, (features: ArticleLayer['features']) => {
    out.text('[');
    for (let i = 0; i < features.length; i++) {
      if (i > 0) out.text(',');
      writeObject(features[i], 'geometry', out, (g: Geometry | null) => (g === null ? out.text('null') : geometry(g)));
    }
    out.text(']');
  });
  out.end();
}

/**
 * The layer as compact JSON, byte for byte what `JSON.stringify(layer)` gives; a geometry object met
 * before is not serialised again. Geometries must not be mutated after they have been written.
 *
 * @example
 * stringifyLayer(layer) === JSON.stringify(layer) // true
 */
export function stringifyLayer(layer: ArticleLayer): string {
  const out = new Pieces();
  writeLayer(layer, out, (g) => out.text(stringifyGeometry(g)));
  return out.list.join('');
}

/**
 * `stringifyLayer(layer) + end` as UTF-8 bytes. The text around the geometries is encoded per call,
 * straight into one buffer; each geometry's bytes are encoded once and copied after that (they are
 * most of a batch's output).
 *
 * @example
 * new TextDecoder().decode(encodeLayer(layer, '\n')) === JSON.stringify(layer) + '\n' // true
 */
export function encodeLayer(layer: ArticleLayer, end = ''): Uint8Array {
  const out = new Pieces();
  writeLayer(layer, out, (g) => out.bytes(encodeGeometry(g)));
  out.text(end);
  out.end();
  // Text takes at most 3 UTF-8 bytes per UTF-16 code unit.
  let room = 0;
  for (const p of out.list) room += typeof p === 'string' ? p.length * 3 : p.length;
  const bytes = new Uint8Array(room);
  let at = 0;
  for (const p of out.list) {
    if (typeof p === 'string') at += utf8.encodeInto(p, bytes.subarray(at)).written;
    else {
      bytes.set(p, at);
      at += p.length;
    }
  }
  return bytes.subarray(0, at);
}
