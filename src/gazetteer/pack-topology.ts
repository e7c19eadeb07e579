// The gazetteer's polygons as a TopoJSON topology whose arcs are one flat typed array. Parsed the
// usual way, the arcs are some 165,000 small arrays that live as long as the gazetteer: the garbage
// collector copies them when they are young and marks them at every full collection, through a
// batch's first pass. A typed array is one object. Geometries decode to
// exactly what topojson-client's `feature()` gives (same arithmetic, same order; tested against it).

import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { pickLayerMask } from '../core/layer-mask.ts';
import { position, round6 } from '../core/normalize-geometry.ts';
import type { LayerMask } from '../core/types.ts';
import type { GeometryObject, Topology, Transform } from 'topojson-specification';

export interface PackedTopology {
  /** Positions of every arc, x and y in turn: quantised deltas when `transform` is set, else coordinates. */
  coords: Float64Array;
  /** Index (in positions) of each arc's first position; one more entry ends the last arc. */
  arcStarts: Int32Array;
  transform: Transform | undefined;
  /** Geometry objects of every object collection, by id (the first one met for an id). */
  objects: Map<string, GeometryObject>;
}

/**
 * Packs a topology, given parsed or as JSON text. From text, the arcs are read straight into the
 * typed array (they are never JSON-parsed); the rest of the document is parsed as usual.
 *
 * @example
 * const packed = packTopology(readFileSync('shapes.topo.json', 'utf8'));
 * decodeGeometry(packed, packed.objects.get('wikidata:Q25389')!) // { type: 'Polygon', coordinates: … }
 */
export function packTopology(source: Topology | string): PackedTopology {
  let topology: Topology;
  let coords: Float64Array;
  let arcStarts: Int32Array;
  if (typeof source === 'string') {
    let read: ReturnType<typeof readArcs> | undefined;
    // The arcs are read where the member is found, in the same walk that finds their end.
    const arcs = findTopLevelMember(source, 'arcs', (start) => (read = readArcs(source, start)).end);
    if (arcs && read) {
      ({ coords, arcStarts } = read);
      topology = JSON.parse(source.slice(0, arcs.memberStart) + source.slice(arcs.memberEnd)) as Topology;
    } else {
      topology = JSON.parse(source) as Topology;
      ({ coords, arcStarts } = packArcs([]));
    }
  } else {
    topology = source;
    ({ coords, arcStarts } = packArcs(source.arcs ?? []));
  }
  const objects = new Map<string, GeometryObject>();
  for (const object of Object.values(topology.objects ?? {})) {
    const members = object.type === 'GeometryCollection' ? object.geometries : [object];
    for (const member of members) {
      if (member.id !== undefined && !objects.has(String(member.id)))
        objects.set(String(member.id), member as GeometryObject);
    }
  }
  return { coords, arcStarts, transform: topology.transform, objects };
}

function packArcs(arcs: number[][][]): { coords: Float64Array; arcStarts: Int32Array } {
  const arcStarts = new Int32Array(arcs.length + 1);
  let n = 0;
  for (let i = 0; i < arcs.length; i++) {
    arcStarts[i] = n;
    n += arcs[i].length;
  }
  arcStarts[arcs.length] = n;
  const coords = new Float64Array(n * 2);
  let at = 0;
  for (const arc of arcs) {
    for (const p of arc) {
      coords[at++] = p[0];
      coords[at++] = p[1];
    }
  }
  return { coords, arcStarts };
}

/**
 * Where the member `name` of the document's top-level object is: the member from its key to the
 * comma that separates it from a neighbour (so that removing it leaves valid JSON), and its value.
 */
function findTopLevelMember(
  text: string,
  name: string,
  valueEndAt: (start: number) => number,
): { memberStart: number; memberEnd: number; valueStart: number; valueEnd: number } | null {
  const key = JSON.stringify(name);
  let depth = 0;
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const close = stringEnd(text, i);
      if (depth === 1 && text.startsWith(key, i) && close === i + key.length - 1) {
        let v = close + 1;
        while (isSpace(text.charCodeAt(v))) v++;
        if (text.charCodeAt(v) !== 58 /* : */) return null;
        v++;
        while (isSpace(text.charCodeAt(v))) v++;
        const valueEnd = valueEndAt(v);
        let after = valueEnd;
        while (isSpace(text.charCodeAt(after))) after++;
        // Take the comma after the member, or else the one before it.
        if (text.charCodeAt(after) === 44 /* , */)
          return { memberStart: i, memberEnd: after + 1, valueStart: v, valueEnd };
        return { memberStart: lastComma >= 0 ? lastComma : i, memberEnd: valueEnd, valueStart: v, valueEnd };
      }
      i = close;
    } else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
    else if (c === 44 && depth === 1) lastComma = i;
  }
  return null;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Index of the quote that closes the string opening at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 34) return j;
  }
  throw new SyntaxError('shapes: unterminated string in the topology');
}

/**
 * Reads the array `[[[x, y], …], …]` that starts at `start` into positions and arc starts, and where it
 * ends (one past its closing bracket).
 */
function readArcs(text: string, start: number): { coords: Float64Array; arcStarts: Int32Array; end: number } {
  if (text.charCodeAt(start) !== 91) throw new SyntaxError('shapes: the topology\'s "arcs" is not an array');
  let coords = new Float64Array(1 << 16);
  const starts: number[] = [];
  let n = 0; // numbers read
  let depth = 0;
  const end = text.length;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) {
      depth++;
      if (depth === 2) starts.push(n >> 1);
    } else if (c === 93) {
      if (--depth === 0) break;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      // A number: integers (quantised topologies) are read by hand, anything else by Number().
      let j = i;
      let value = 0;
      let simple = true;
      const negative = c === 45;
      if (negative) j++;
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d >= 48 && d <= 57) value = value * 10 + (d - 48);
        else if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) simple = false;
        else break;
      }
      if (!simple) value = Number(text.slice(i, j));
      else if (negative) value = -value;
      if (n === coords.length) {
        const grown = new Float64Array(coords.length * 2);
        grown.set(coords);
        coords = grown;
      }
      coords[n++] = value;
      i = j - 1;
    }
  }
  if (depth > 0) throw new SyntaxError('shapes: the topology\'s "arcs" array is not closed');
  starts.push(n >> 1);
  return { coords: coords.slice(0, n), arcStarts: Int32Array.from(starts), end: i + 1 };
}

/**
 * The coordinates of a line or ring made of `arcs`, x and y in turn, as topojson-client stitches them:
 * each arc decoded from its quantised deltas, reversed for a negative index, and its first point
 * dropped after the first arc (it is the last point of the arc before).
 */
function stitch(t: PackedTopology, arcs: number[]): number[] {
  const { coords, arcStarts, transform } = t;
  const xy: number[] = [];
  for (const i of arcs) {
    if (xy.length) xy.length -= 2;
    // A negative index is an arc walked backwards (TopoJSON's ~index).
    const arc = i < 0 ? ~i : i;
    const first = xy.length;
    if (transform) {
      const [kx, ky] = transform.scale;
      const [dx, dy] = transform.translate;
      let x0 = 0;
      let y0 = 0;
      for (let k = arcStarts[arc]; k < arcStarts[arc + 1]; k++)
        xy.push((x0 += coords[2 * k]) * kx + dx, (y0 += coords[2 * k + 1]) * ky + dy);
    } else for (let k = arcStarts[arc]; k < arcStarts[arc + 1]; k++) xy.push(coords[2 * k], coords[2 * k + 1]);
    if (i < 0) {
      for (let p = first, q = xy.length - 2; p < q; p += 2, q -= 2) {
        const x = xy[p];
        const y = xy[p + 1];
        xy[p] = xy[q];
        xy[p + 1] = xy[q + 1];
        xy[q] = x;
        xy[q + 1] = y;
      }
    }
  }
  return xy;
}

/**
 * The GeoJSON geometry of a topology object, as topojson-client's `feature(topology, o).geometry`.
 *
 * @example
 * decodeGeometry(packed, { type: 'Polygon', arcs: [[0]] }) // { type: 'Polygon', coordinates: [[[x, y], …]] }
 */
export function decodeGeometry(t: PackedTopology, o: GeometryObject): Geometry | null {
  const { transform } = t;
  const point = (p: number[]): Position =>
    transform
      ? [
          p[0] * transform.scale[0] + transform.translate[0],
          p[1] * transform.scale[1] + transform.translate[1],
          ...p.slice(2),
        ]
      : p.slice();
  const line = (arcs: number[]): Position[] => {
    const xy = stitch(t, arcs);
    const points: Position[] = [];
    for (let i = 0; i < xy.length; i += 2) points.push(position(xy[i], xy[i + 1]));
    if (points.length < 2) points.push(points[0]); // never, by the specification
    return points;
  };
  const ring = (arcs: number[]): Position[] => {
    const points = line(arcs);
    while (points.length < 4) points.push(points[0]); // an arc of two points
    return points;
  };
  const polygon = (arcs: number[][]) => arcs.map(ring);
  const geometry = (g: GeometryObject): Geometry | null => {
    switch (g.type) {
      case 'GeometryCollection':
        return { type: 'GeometryCollection', geometries: g.geometries.map(geometry) as Geometry[] };
      case 'Point':
        return { type: 'Point', coordinates: point(g.coordinates) };
      case 'MultiPoint':
        return { type: 'MultiPoint', coordinates: g.coordinates.map(point) };
      case 'LineString':
        return { type: 'LineString', coordinates: line(g.arcs) };
      case 'MultiLineString':
        return { type: 'MultiLineString', coordinates: g.arcs.map(line) };
      case 'Polygon':
        return { type: 'Polygon', coordinates: polygon(g.arcs) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: g.arcs.map(polygon) };
      default:
        return null;
    }
  };
  return geometry(o);
}

/**
 * A polygon with only the vertices a layer mask keeps, rounded to 6 decimals: what
 * `applyLayerMask(decodeGeometry(t, o) rounded, mask)` gives, without making a position array for every
 * vertex first (most are dropped: Russia keeps 400 of some 6,000). Null for other geometry types.
 *
 * @example
 * decodeMasked(packed, packed.objects.get('geonames:2017370')!, mask) // { type: 'MultiPolygon', … }
 */
export function decodeMasked(t: PackedTopology, o: GeometryObject, mask: LayerMask): Polygon | MultiPolygon | null {
  if (o.type !== 'Polygon' && o.type !== 'MultiPolygon') return null;
  return pickLayerMask(
    o.type,
    o.type === 'Polygon' ? [o.arcs] : o.arcs,
    mask,
    (arcs) => stitch(t, arcs),
    (xy, i) => {
      // decodeGeometry pads a ring of fewer than four points with its first point.
      const v = i < xy.length / 2 ? i : 0;
      return position(round6(xy[2 * v]), round6(xy[2 * v + 1]));
    },
  );
}
