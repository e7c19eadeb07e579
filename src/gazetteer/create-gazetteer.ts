// Builds the `Gazetteer` port from already-loaded artifact text (places.tsv, names.tsv, optional TopoJSON).
// Designed for a fast cold start: the text stays two strings with an offset per line; rows are parsed
// on first access (parse-place.ts), names are binary-searched in the sorted index (name-index.ts), and
// polygons are decoded one shape at a time (pack-topology.ts).

import type { Topology } from 'topojson-specification';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { MAX_LAYER_VERTICES } from '../core/layer-geometry.ts';
import { countVertices, polygonsOf, POSITION_DEPTH, roundCoords, windInPlace } from '../core/normalize-geometry.ts';
import { lineStarts } from './line-starts.ts';
import { createNameIndex } from './name-index.ts';
import { decodeGeometry, decodeMasked, packTopology, type PackedTopology } from './pack-topology.ts';
import { parsePlace } from './parse-place.ts';
import { decodeUtf8Bytes, encodeUtf8Bytes } from './utf8-bytes.ts';
import type { Gazetteer, LayerMask, Place } from '../core/types.ts';

/**
 * The artifact contents. `shapes` is the TopoJSON, parsed or as its text (faster: its arcs are then
 * never parsed into arrays); a thunk defers it until polygons are first needed.
 */
export interface CreateGazetteerOptions {
  places: string;
  names: string;
  shapes?: Topology | string | (() => Topology | string | undefined);
  /**
   * `places` and `names` hold the files' UTF-8 bytes, one per character (as Node reads a file as
   * 'latin1'), not decoded text. Loading then skips the UTF-8 decoding of 23 MB that are ASCII but for
   * a few names, and the strings stay one byte per character; the gazetteer decodes the rows it parses
   * and encodes the keys it looks up where they go beyond ASCII. Keys in UTF-8 byte order are in the
   * writer's order (see compareKeys).
   */
  utf8Bytes?: boolean;
}

/**
 * Creates a `Gazetteer` over the compact artifact format written by `writeGazetteer`.
 *
 * @example
 * const gazetteer = createGazetteer({ places, names, shapes: () => JSON.parse(shapesText) });
 * gazetteer.lookup('baku')[0].place.name // 'Baku'
 * gazetteer.hasPrefix('nagorno')         // true ('nagorno karabakh' is a key)
 */
export function createGazetteer(options: CreateGazetteerOptions): Gazetteer {
  const { places, names } = options;
  // Rows and keys as the texts hold them (see utf8Bytes).
  const rowOf = options.utf8Bytes ? decodeUtf8Bytes : (row: string) => row;
  const keyIn = options.utf8Bytes ? encodeUtf8Bytes : (key: string) => key;
  const rows = lineStarts(places, 1); // the header is not a row
  const rowCount = rows.length - 1;
  const cache: Array<Place | undefined> = new Array(rowCount);
  const rowText = (row: number): string => places.slice(rows[row], rows[row + 1] - 1);

  const placeAt = (row: number): Place => (cache[row] ??= parsePlace(rowOf(rowText(row))));

  // id, country and admin-1 indexes need a pass over every row; they are built on first use only,
  // because the core's hot path (lookup) does not need them.
  let byId: Map<string, number> | undefined;
  let countries: Map<string, number> | undefined;
  let admin1s: Map<string, number> | undefined;
  const buildIndexes = (): void => {
    byId = new Map();
    countries = new Map();
    admin1s = new Map();
    for (let row = 0; row < rowCount; row++) {
      const line = rowText(row);
      const t1 = line.indexOf('\t');
      byId.set(rowOf(line.slice(0, t1)), row);
      const t2 = line.indexOf('\t', t1 + 1);
      const t3 = line.indexOf('\t', t2 + 1);
      const kind = line.slice(t2 + 1, t3);
      if (kind !== 'country' && kind !== 'admin1') continue;
      const t4 = line.indexOf('\t', t3 + 1);
      const t5 = line.indexOf('\t', t4 + 1);
      const t6 = line.indexOf('\t', t5 + 1);
      const country = line.slice(t4 + 1, t5);
      if (kind === 'country') {
        if (!countries.has(country)) countries.set(country, row);
      } else {
        const key = `${country}.${line.slice(t5 + 1, t6)}`;
        if (!admin1s.has(key)) admin1s.set(key, row);
      }
    }
  };

  let packed: PackedTopology | undefined;
  const geometries = new Map<string, Geometry | undefined>();
  // Polygons as a layer draws them (see layerGeometry below), decoded from the arcs directly.
  const layerGeometries = new Map<string, Geometry | undefined>();
  const loadShapes = (): PackedTopology | undefined => {
    if (packed || !options.shapes) return packed;
    const source = typeof options.shapes === 'function' ? options.shapes() : options.shapes;
    if (source) packed = packTopology(source);
    return packed;
  };
  // Shapes given outright are read now, with the rest; a thunk waits for the first geometry().
  if (typeof options.shapes !== 'function') loadShapes();

  const nameIndex = createNameIndex(names, keyIn, placeAt);

  return {
    lookup(normalizedName) {
      // A copy, so callers may sort or filter what they get.
      return nameIndex.lookup(normalizedName).slice();
    },
    hasPrefix(normalizedPrefix) {
      return nameIndex.hasPrefix(normalizedPrefix);
    },
    lookupHead(normalizedName, max) {
      return nameIndex.lookupHead(normalizedName, max).slice();
    },
    keysWithPrefix(normalizedPrefix, max) {
      const keys = nameIndex.keysWithPrefix(normalizedPrefix, max);
      return options.utf8Bytes ? keys.map(decodeUtf8Bytes) : keys;
    },
    get(id) {
      if (!byId) buildIndexes();
      const row = byId!.get(id);
      return row === undefined ? undefined : placeAt(row);
    },
    country(iso2) {
      if (!countries) buildIndexes();
      const row = countries!.get(iso2.toUpperCase());
      return row === undefined ? undefined : placeAt(row);
    },
    admin1(iso2, admin1Code) {
      if (!admin1s) buildIndexes();
      const row = admin1s!.get(`${iso2.toUpperCase()}.${admin1Code}`);
      return row === undefined ? undefined : placeAt(row);
    },
    geometry(shape) {
      if (geometries.has(shape)) return geometries.get(shape);
      const shapes = loadShapes();
      const object = shapes?.objects.get(shape);
      let geometry: Geometry | undefined;
      if (shapes && object) {
        const decoded = decodeGeometry(shapes, object);
        if (decoded && 'coordinates' in decoded) {
          // Decoding makes new position arrays, so they are rounded where they are.
          roundCoords(decoded.coordinates, true, POSITION_DEPTH[decoded.type]);
          geometry = decoded;
        }
      }
      geometries.set(shape, geometry);
      return geometry;
    },
    layerGeometry(shape) {
      if (layerGeometries.has(shape)) return layerGeometries.get(shape);
      const shapes = loadShapes();
      const object = shapes?.objects.get(shape);
      let geometry: Polygon | MultiPolygon | undefined;
      if (shapes && object && (object.type === 'Polygon' || object.type === 'MultiPolygon')) {
        const mask = (object.properties as { layer?: LayerMask } | undefined)?.layer;
        if (mask) geometry = decodeMasked(shapes, object, mask) ?? undefined;
        else {
          // A polygon the layer keeps whole, decoded afresh: geometry() keeps the stored winding, and
          // this one is wound where it is, so the layer need not copy it.
          const whole = decodeGeometry(shapes, object) as Polygon | MultiPolygon;
          if (countVertices(polygonsOf(whole)) <= MAX_LAYER_VERTICES) {
            roundCoords(whole.coordinates, true, POSITION_DEPTH[whole.type]);
            geometry = whole;
          }
        }
        if (geometry) windInPlace(geometry);
      }
      layerGeometries.set(shape, geometry);
      return geometry;
    },
  };
}
