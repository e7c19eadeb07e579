// Last stage: resolved mentions → the article layer, an RFC 7946 FeatureCollection. One feature per
// place, id = the stable gazetteer id; areas as polygons (right-hand rule), everything else as
// points; coordinates rounded to 6 decimals; passages and text as foreign members.

import { bbox, booleanClockwise } from '@turf/turf';
import simplifyPoints from 'simplify-js';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { ArticleLayer, Candidate, Gazetteer, LayerCandidate, LayerFeature, LayerMask, LayerProperties, Passage, ResolvedMention } from './types.ts';

export interface ToFeatureCollectionOptions {
  id?: string;
  title?: string;
  /** Include the text as a foreign member (the explorer needs it; batch scoring does not). */
  includeText?: boolean;
  /** How many alternative readings to keep per feature for hand correction. */
  maxCandidates?: number;
}

const DEFAULTS = { includeText: true, maxCandidates: 4 };

/** A coordinate rounded to 6 decimals (~0.1 m), as layers carry them. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A position [x, y] that is an array of doubles whatever its numbers. A literal of two whole numbers
 * (a vertex on a whole degree) would be an array of small integers, a second hidden class, and the
 * optimised code that reads positions would be thrown away when it first met one.
 *
 * @example
 * position(45, 40.5) // [45, 40.5]
 */
export function position(x: number, y: number): Position {
  const p = [0.5, 0.5];
  p[0] = x;
  p[1] = y;
  return p;
}

/**
 * A rounded copy. Arrays grown by push, not made by map: map's arrays are "holey" in V8, and
 * JSON.stringify takes a slow path, element by element, through every holey array.
 */
function roundCoords(c: Position | Position[] | Position[][] | Position[][][]): any {
  // A position of two numbers as a literal: an array grown by push would keep room for more.
  if (typeof c[0] === 'number' && c.length === 2) return position(round6(c[0] as number), round6(c[1] as number));
  const out: unknown[] = [];
  if (typeof c[0] === 'number') for (let i = 0; i < c.length; i++) out.push(round6(c[i] as number));
  else for (let i = 0; i < c.length; i++) out.push(roundCoords(c[i] as Position[]));
  return out;
}

/**
 * Most vertices one feature's polygon may carry in a layer, unless keeping to it would need a coarser
 * simplification than MAX_SIMPLIFY_DEG. Keeps the seed's layer small (issue #4 budget: 40 KB gzip).
 */
export const MAX_LAYER_VERTICES = 400;

/**
 * The coarsest simplification a layer polygon gets: no round of it uses a larger Douglas–Peucker
 * tolerance (degrees; 0.1° is about 10 km: 3 px at the seed's first view, 9 px at the map's closest
 * framing, zoom 7), and one that reaches it starts again from the whole outline, so that no vertex of it
 * moves further than this. A fixed vertex cap alone had Russia drawn with 346 vertices at a tolerance near
 * a degree: its border ran straight across the Caspian and Dagestan beside Azerbaijan (issue #14). A map
 * shows a big country beside the small places of a story, at their zoom, so a big outline needs the same
 * precision per kilometre as a small one, not the same number of vertices. Russia now takes 1,400
 * vertices; 0.05° would take 2,100 and put the seed's layer over its 40 KB budget.
 */
export const MAX_SIMPLIFY_DEG = 0.1;

// Gazetteer geometries are shared, immutable objects; their layer form is computed once.
const normalized = new WeakMap<Geometry, Geometry>();

/** The geometry as a layer carries it (see layerGeometry), cached per input object; do not mutate it. */
export function normalizeGeometryCached(g: Geometry): Geometry {
  let n = normalized.get(g);
  if (!n) normalized.set(g, (n = layerGeometry(g)));
  return n;
}

/** Vertices of a polygon or multipolygon (ring lengths summed). */
export function countVertices(g: Polygon | MultiPolygon): number {
  let n = 0;
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) for (const ring of polygon) n += ring.length;
  return n;
}

/**
 * A polygon simplified (Douglas–Peucker, the tolerance raised until it fits, up to MAX_SIMPLIFY_DEG) to
 * at most MAX_LAYER_VERTICES vertices, then rounded to 6 decimals and wound by the right-hand rule.
 */
export function layerGeometry(g: Geometry, maxVertices = MAX_LAYER_VERTICES): Geometry {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return normalizeGeometry(g);
  const simplified = simplifyToFit(g, maxVertices);
  return normalizeGeometry(simplified ? withRings(g, simplified, (ring) => ring.map((p) => position(p.x, p.y))) : g);
}

/**
 * Which vertices layerGeometry keeps of a polygon: for each ring in order (polygon by polygon), the
 * kept vertex indices as gaps from the previous one (the first from 0), or 0 for a ring it drops.
 * Undefined when the polygon is kept whole. A gazetteer can store this and skip the work at run time.
 *
 * @example
 * layerMask(russia) // [[0, 3, 1, …], 0, [0, 12, …], …]
 */
export function layerMask(g: Polygon | MultiPolygon, maxVertices = MAX_LAYER_VERTICES): LayerMask | undefined {
  const simplified = simplifyToFit(g, maxVertices);
  if (!simplified) return undefined;
  const mask: LayerMask = new Array(countRings(g)).fill(0);
  for (const rings of simplified) {
    for (const ring of rings) {
      const gaps: number[] = [];
      let last = 0;
      for (const p of ring) {
        gaps.push(p.i - last);
        last = p.i;
      }
      mask[ring[0].r] = gaps;
    }
  }
  return mask;
}

/** The polygon with only the vertices and rings a layer mask keeps (not yet normalised). */
export function applyLayerMask(g: Polygon | MultiPolygon, mask: LayerMask): Polygon | MultiPolygon {
  return pickLayerMask(g.type, g.type === 'Polygon' ? [g.coordinates] : g.coordinates, mask, (ring) => ring, (ring, i) => ring[i]);
}

/**
 * applyLayerMask for rings held any way: `open` makes a kept ring readable (it is not called for the
 * rings the mask drops) and `vertex` reads one of its vertices. A gazetteer uses it to decode only kept
 * vertices.
 *
 * @example
 * pickLayerMask('Polygon', [[flatRing]], mask, (r) => r, (r, i) => [r[2 * i], r[2 * i + 1]])
 */
export function pickLayerMask<R, O>(
  type: 'Polygon' | 'MultiPolygon',
  polygons: R[][],
  mask: LayerMask,
  open: (ring: R) => O,
  vertex: (ring: O, index: number) => Position,
): Polygon | MultiPolygon {
  const rings = polygons.reduce((n, p) => n + p.length, 0);
  if (mask.length !== rings) throw new Error(`layer mask: ${mask.length} rings for a shape of ${rings}`);
  const out: Position[][][] = [];
  let r = 0;
  for (const polygon of polygons) {
    const kept: Position[][] = [];
    for (let k = 0; k < polygon.length; k++, r++) {
      const gaps = mask[r];
      if (gaps === 0) continue;
      const ring = open(polygon[k]);
      const positions: Position[] = [];
      let at = 0;
      for (const gap of gaps) positions.push(vertex(ring, (at += gap)));
      kept.push(positions);
    }
    // A polygon whose outer ring went goes whole (its holes went with it).
    if (kept.length && mask[r - polygon.length] !== 0) out.push(kept);
  }
  return type === 'Polygon' ? { type: 'Polygon', coordinates: out[0] ?? [] } : { type: 'MultiPolygon', coordinates: out };
}

function countRings(g: Polygon | MultiPolygon): number {
  let n = 0;
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) n += polygon.length;
  return n;
}

/** The polygon as the same type with new rings. */
function withRings(g: Polygon | MultiPolygon, polygons: Point[][][], ring: (points: Point[]) => Position[]): Polygon | MultiPolygon {
  const coordinates = polygons.map((rings) => rings.map(ring));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: coordinates[0] } : { type: 'MultiPolygon', coordinates };
}

/**
 * The rounds of simplification that bring a polygon to at most `maxVertices` vertices, as points that
 * remember their ring and index; null when the polygon already fits.
 */
function simplifyToFit(g: Polygon | MultiPolygon, maxVertices: number): Point[][][] | null {
  if (countVertices(g) <= maxVertices) return null;
  // Start below the answer (a five-thousandth of the extent; far-flung islands make the extent a poor
  // guide), then raise the tolerance in proportion to how far over budget the last round still is
  // (vertex counts fall roughly as the tolerance rises), at least by half. Each round simplifies
  // the last round's output, so only the first one sees every vertex.
  const [w, s, e, n] = bbox(g);
  let tolerance = Math.min(MAX_SIMPLIFY_DEG, Math.max(0.001, Math.hypot(e - w, n - s) / 5000));
  // simplify-js works on {x, y} points: the shape is converted once, not at every round.
  let r = 0;
  const whole: Point[][][] = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((rings) => rings.map((ring) => toPoints(ring, r++)));
  let out = whole;
  for (let i = 0, count = countVertices(g); i < 24 && count > maxVertices; i++) {
    // At the ceiling the outline is simplified once more, from the whole shape: rounds on rounds could
    // each move it by their own tolerance.
    const ceiling = tolerance >= MAX_SIMPLIFY_DEG;
    const next = simplifyShape(ceiling ? whole : out, ceiling ? MAX_SIMPLIFY_DEG : tolerance);
    if (!next.length) break;
    out = next;
    if (ceiling) break;
    const left = countPoints(out);
    tolerance *= Math.max(1.5, Math.min(4, left / maxVertices));
    count = left;
  }
  return out;
}

/** A vertex as simplify-js takes it, with the ring it is on and its index there (simplify-js keeps them). */
interface Point {
  x: number;
  y: number;
  r: number;
  i: number;
}

const toPoints = (ring: Position[], r: number): Point[] => ring.map(([x, y], i) => ({ x, y, r, i }));

function countPoints(polygons: Point[][][]): number {
  let n = 0;
  for (const rings of polygons) for (const ring of rings) n += ring.length;
  return n;
}

/**
 * Polygons with every ring simplified by simplify-js (radial distance, then Douglas–Peucker; both
 * keep a ring's first and last point, so rings stay closed). Rings that collapse below four points go:
 * holes and the small islands of a multipolygon. Empty when the shape itself would go.
 */
function simplifyShape(polygons: Point[][][], tolerance: number): Point[][][] {
  const out: Point[][][] = [];
  for (const rings of polygons) {
    const kept: Point[][] = [];
    for (let k = 0; k < rings.length; k++) {
      // simplify-js returns a subset of the very point objects it is given, so `r` and `i` come along.
      const ring = simplifyPoints(rings[k], tolerance) as Point[];
      if (ring.length >= 4) kept.push(ring);
      else if (k === 0) break;
    }
    if (kept.length) out.push(kept);
  }
  return out;
}

/**
 * The geometry with 6-decimal coordinates and RFC 7946 winding: the input itself when it already is
 * so (a gazetteer's shapes usually are; nothing is copied then), otherwise a copy.
 */
export function normalizeGeometry(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: g.geometries.map(normalizeGeometry) };
  if (isNormal(g)) return g;
  const coordinates = roundCoords(g.coordinates);
  // The rounded copy is ours, so its rings are turned in place.
  const copy = { type: g.type, coordinates } as Geometry;
  if (copy.type === 'Polygon' || copy.type === 'MultiPolygon') windInPlace(copy);
  return copy;
}

/** Does the geometry already have 6-decimal coordinates and right-hand winding? Reads only. */
function isNormal(g: Exclude<Geometry, { type: 'GeometryCollection' }>): boolean {
  switch (g.type) {
    case 'Point':
      return isRounded(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.every(isRounded);
    case 'MultiLineString':
      return g.coordinates.every((line) => line.every(isRounded));
    case 'Polygon':
      return isNormalPolygon(g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.every(isNormalPolygon);
  }
}

function isRounded(p: Position): boolean {
  for (let i = 0; i < p.length; i++) if (round6(p[i]) !== p[i]) return false;
  return true;
}

// Plain loops: this runs over every vertex of every area in a batch.
function isNormalPolygon(rings: Position[][]): boolean {
  for (let k = 0; k < rings.length; k++) {
    const ring = rings[k];
    for (let i = 0; i < ring.length; i++) if (!isRounded(ring[i])) return false;
    if (booleanClockwise(ring) !== k > 0) return false;
  }
  return true;
}

/**
 * Winds a polygon's rings by the right-hand rule (exterior rings counterclockwise, holes clockwise),
 * reversing them where they are; for geometries the caller owns.
 */
export function windInPlace(g: Polygon | MultiPolygon): void {
  for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (let k = 0; k < rings.length; k++) if (booleanClockwise(rings[k]) !== k > 0) rings[k].reverse();
  }
}

/** The passages as the layer lists them (pushed, not mapped: see roundCoords). */
function passageList(passages: Passage[]): ArticleLayer['passages'] {
  const out: ArticleLayer['passages'] = [];
  for (let i = 0; i < passages.length; i++) out.push({ start: passages[i].start, end: passages[i].end, sentences: passages[i].sentences });
  return out;
}

/** An alternative reading as a layer lists it for hand correction. */
function candidateOf(c: Candidate): LayerCandidate {
  const out = { id: c.place.id, name: c.place.name, kind: c.place.kind, country: c.place.country, anchor: position(round6(c.place.anchor[0]), round6(c.place.anchor[1])) } as LayerCandidate;
  if (c.place.geonameid) out.geonameid = c.place.geonameid;
  if (c.place.wikidata) out.wikidata = c.place.wikidata;
  out.score = Math.round(c.score * 1000) / 1000;
  return out;
}

/**
 * Builds the article layer from resolved mentions.
 *
 * @example
 * toFeatureCollection(resolved, text, passages, gazetteer).features[0].id // 'geonames:298795'
 */
export function toFeatureCollection(
  resolved: ResolvedMention[],
  text: string,
  passages: Passage[],
  gazetteer: Gazetteer,
  options: ToFeatureCollectionOptions = {},
): ArticleLayer {
  const { includeText, maxCandidates } = { ...DEFAULTS, ...options };
  const byId = new Map<string, LayerFeature>();
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i];
    const place = r.place;
    if (!place) continue;
    let f = byId.get(place.id);
    if (!f) {
      // A gazetteer may have the layer's simplification of big polygons ready; else the layer makes it.
      const shape = place.shape ? (gazetteer.layerGeometry?.(place.shape) ?? gazetteer.geometry(place.shape)) : undefined;
      // Properties are assigned in a fixed order (it is the order of the JSON), optional ones only when present.
      const properties = { name: place.name, kind: place.kind, country: place.country } as LayerProperties;
      if (place.geonameid) properties.geonameid = place.geonameid;
      if (place.wikidata) properties.wikidata = place.wikidata;
      properties.anchor = position(round6(place.anchor[0]), round6(place.anchor[1])) as [number, number];
      properties.score = 0;
      if (place.disputed) properties.disputed = place.disputed;
      if (place.within) {
        properties.within = place.within;
        properties.approximate = true;
      }
      properties.candidates = [];
      for (let k = 0; k < r.candidates.length && properties.candidates.length < maxCandidates; k++) {
        if (r.candidates[k].place.id !== place.id) properties.candidates.push(candidateOf(r.candidates[k]));
      }
      properties.mentions = [];
      f = {
        type: 'Feature',
        id: place.id,
        geometry: shape ? normalizeGeometryCached(shape) : { type: 'Point', coordinates: position(round6(place.anchor[0]), round6(place.anchor[1])) },
        properties,
      };
      byId.set(place.id, f);
    }
    const m = r.mention;
    f.properties.mentions.push({ start: m.start, end: m.end, text: m.text, passage: m.passage, type: m.type });
    f.properties.score = Math.max(f.properties.score, Math.round(r.score * m.confidence * 1000) / 1000);
  }
  // Most-mentioned places first: the order a reader would list "what the article is about".
  const features = [...byId.values()].sort((a, b) => b.properties.mentions.length - a.properties.mentions.length || a.properties.mentions[0].start - b.properties.mentions[0].start);
  return {
    type: 'FeatureCollection',
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.title ? { title: options.title } : {}),
    features,
    passages: passageList(passages),
    ...(includeText ? { text } : {}),
  };
}
