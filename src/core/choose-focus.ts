// Chooses what an article layer's first view frames (issue #14): the places the article is about, not every
// passing mention. Last stage of the pipeline (geoparse adds the result as the layer's `focus`); the explorer
// computes the same for an imported layer without one.
import type { Geometry, Position } from 'geojson';
import pointInPolygon from 'point-in-polygon';
import { distanceKm } from './distance-km.ts';
import type { ArticleLayer, LayerFeature, LayerFocus, PlaceKind } from './types.ts';

export interface ChooseFocusOptions {
  /** A place belongs to the focus when it lies within this many times the places' typical distance from their centre… */
  spreadFactor?: number;
  /** …or within this radius, whatever the spread (a story about one city has no spread). */
  minRadiusKm?: number;
  /** …or carries at least this share of the article's weight, however far it is (a story about two distant countries). */
  mainShare?: number;
  /** An area is framed whole only up to this many times the extent of the places' anchors (else by its anchor or the places inside it). */
  areaRatio?: number;
}

export const FOCUS_DEFAULTS: Required<ChooseFocusOptions> = {
  // Four typical distances keep a story's own places (the seed's Baku, 320 km from a centre whose places
  // lie 120 km from it typically) and leave out a neighbour mentioned in passing (Ankara, 1,100 km).
  spreadFactor: 4,
  // About a day's drive: the towns around a city story stay in, the country's far side does not.
  minRadiusKm: 300,
  // One fifth: in a two-country story each country has about half, in a world round-up of five, a fifth.
  mainShare: 0.2,
  // Armenia around Yerevan and three districts of Azerbaijan is framed whole; Russia around Moscow is not.
  areaRatio: 3,
};

/**
 * How much a mention of a kind of place says about where the story is: a district or city says more than
 * the country around it, a continent or broad region less.
 */
const SPECIFICITY: Record<PlaceKind, number> = {
  continent: 0.25,
  region: 0.5,
  'historical-country': 0.5,
  country: 1,
  water: 1,
  mountain: 1.5,
  island: 1.5,
  admin1: 1.5,
  disputed: 1.5,
  admin2: 2,
  city: 2,
  site: 2,
};

/** The extent of the core is at least this many degrees, so one city's container is weighed against a region, not a dot. */
const MIN_CORE_DEG = 1;

/** West and east in degrees with east ≥ west (east may pass 180 for a shape across the antimeridian), south, north. */
interface Extent {
  w: number;
  e: number;
  s: number;
  n: number;
}

interface Place {
  feature: LayerFeature;
  weight: number;
  at: [number, number];
  extent: Extent;
  area: number;
}

/**
 * A place's weight: its mentions by name (an adjective counts half), two more when the headline names
 * it and one when the lead does, times how specific the kind of place is.
 *
 * @example
 * placeWeight(kalbajar) // 1.5: named once, a district-level area
 */
export function placeWeight(f: LayerFeature): number {
  let names = 0;
  let adjectives = 0;
  let position = 0;
  for (const m of f.properties.mentions) {
    if (m.type === 'adjectival') adjectives++;
    else names++;
    // Passage 0 is the headline (or the first paragraph of a text without one), passage 1 the lead.
    position = Math.max(position, m.passage === 0 ? 2 : m.passage === 1 ? 1 : 0);
  }
  return (names + adjectives / 2 + position) * (SPECIFICITY[f.properties.kind] ?? 1);
}

/** Longitude in [-180, 180). */
const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** The ring's longitudes without jumps across ±180° (a jump of more than 180° between neighbours is a crossing). */
function ringExtent(ring: Position[], out: Extent): void {
  let offset = 0;
  for (let i = 0; i < ring.length; i++) {
    if (i > 0) {
      const d = ring[i][0] - ring[i - 1][0];
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    const x = ring[i][0] + offset;
    const y = ring[i][1];
    if (x < out.w) out.w = x;
    if (x > out.e) out.e = x;
    if (y < out.s) out.s = y;
    if (y > out.n) out.n = y;
  }
}

/** The extents of a geometry's parts: one per polygon (outer ring), one per point. */
function partExtents(g: Geometry): Extent[] {
  const empty = (): Extent => ({ w: Infinity, e: -Infinity, s: Infinity, n: -Infinity });
  switch (g.type) {
    case 'Point':
      return [{ w: g.coordinates[0], e: g.coordinates[0], s: g.coordinates[1], n: g.coordinates[1] }];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.map((p) => ({ w: p[0], e: p[0], s: p[1], n: p[1] }));
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const out: Extent[] = [];
      for (const rings of polygons) {
        if (!rings[0]?.length) continue;
        const x = empty();
        ringExtent(rings[0], x);
        out.push(x);
      }
      return out;
    }
    case 'MultiLineString':
      return g.coordinates.flat().map((p) => ({ w: p[0], e: p[0], s: p[1], n: p[1] }));
    case 'GeometryCollection':
      return g.geometries.flatMap(partExtents);
  }
}

/**
 * The smallest extent around all of `parts` on the globe: longitudes are a circle, so the union of Fiji's
 * two halves or of Russia with Chukotka runs across the antimeridian rather than round the world.
 */
function unionExtent(parts: Extent[]): Extent {
  const s = Math.min(...parts.map((p) => p.s));
  const n = Math.max(...parts.map((p) => p.n));
  // Intervals on the circle, each starting in [-180, 180), sorted, then merged where they overlap.
  const intervals = parts.map((p) => ({ w: wrap(p.w), len: Math.min(360, p.e - p.w) })).sort((a, b) => a.w - b.w);
  if (intervals.some((i) => i.len >= 360)) return { w: -180, e: 180, s, n };
  const merged: Array<{ w: number; e: number }> = [];
  for (const i of intervals) {
    const last = merged[merged.length - 1];
    if (last && i.w <= last.e) last.e = Math.max(last.e, i.w + i.len);
    else merged.push({ w: i.w, e: i.w + i.len });
  }
  // The box is the circle minus its largest gap; the gap that wraps from the last interval to the first
  // (+360°) is one candidate, each gap between neighbours another.
  let gap = merged[0].w + 360 - merged[merged.length - 1].e;
  let w = merged[0].w;
  let e = merged[merged.length - 1].e;
  for (let k = 1; k < merged.length; k++) {
    const g = merged[k].w - merged[k - 1].e;
    if (g > gap) {
      gap = g;
      w = merged[k].w;
      e = merged[k - 1].e + 360;
    }
  }
  if (gap <= 0) return { w: -180, e: 180, s, n };
  return { w, e, s, n };
}

/** The weighted median of values (half the weight on either side). */
function weightedMedian(values: Array<{ v: number; weight: number }>): number {
  const sorted = [...values].sort((a, b) => a.v - b.v);
  const half = sorted.reduce((t, x) => t + x.weight, 0) / 2;
  let acc = 0;
  for (const x of sorted) {
    acc += x.weight;
    if (acc >= half) return x.v;
  }
  return sorted[sorted.length - 1].v;
}

const sizeDeg = (x: Extent) => Math.max(x.e - x.w, x.n - x.s);

/**
 * Is the point inside a polygon of the geometry (inside its outer ring, outside its holes)? point-in-polygon
 * rather than Turf's booleanPointInPolygon, which the rest of the core uses: the explorer bundles this
 * file, and Turf's exact predicates cost 1.9 KB gzip against 0.3.
 */
function insideArea(p: [number, number], g: Geometry): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some(
    (rings) => pointInPolygon(p, rings[0]) && !rings.slice(1).some((hole) => pointInPolygon(p, hole)),
  );
}
// Not to-feature-collection's round6: the explorer bundles this file, and that one would bring the
// simplification code along.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function placeOf(feature: LayerFeature): Place {
  const extent = unionExtent(partExtents(feature.geometry));
  const a = feature.properties.anchor;
  const anchored = Array.isArray(a) && Number.isFinite(a[0]) && Number.isFinite(a[1]);
  const at: [number, number] = anchored ? [a[0], a[1]] : [wrap((extent.w + extent.e) / 2), (extent.s + extent.n) / 2];
  // A floor keeps a place with no mention left (an edited layer) from weighing nothing at all.
  const weight = Math.max(placeWeight(feature), 0.01);
  return { feature, weight, at, extent, area: (extent.e - extent.w) * (extent.n - extent.s) };
}

/**
 * The places the article is about and the box that frames them; undefined for a layer with no placed feature.
 *
 * Each place is weighed (placeWeight); the weighted median of their anchors is the story's centre and the
 * weighted median of their distances from it its typical spread. A place belongs to the focus when it lies
 * within `spreadFactor` spreads (at least `minRadiusKm`) of the centre or carries `mainShare` of the weight.
 * The box covers the places of the focus, each area framed whole when it is at most `areaRatio` times the
 * extent of the places' anchors (an area containing others of them, Azerbaijan around Baku, is left out of
 * that extent: its places stand for it); a larger area is represented by its anchor or the places inside it.
 *
 * @example
 * chooseFocus(layer) // { bbox: [43.4, 38.3, 50.6, 41.9], ids: ['geonames:174982', …] }
 */
export function chooseFocus(layer: ArticleLayer, options: ChooseFocusOptions = {}): LayerFocus | undefined {
  const { spreadFactor, minRadiusKm, mainShare, areaRatio } = { ...FOCUS_DEFAULTS, ...options };
  const places = layer.features.filter((f) => f.geometry != null).map(placeOf);
  if (!places.length) return undefined;
  const total = places.reduce((t, p) => t + p.weight, 0);
  // Longitudes are taken relative to the heaviest place, so a story about Fiji does not centre on Africa.
  const heaviest = places.reduce((a, b) => (b.weight > a.weight ? b : a));
  const lon0 = heaviest.at[0];
  const centre: [number, number] = [
    wrap(lon0 + weightedMedian(places.map((p) => ({ v: wrap(p.at[0] - lon0), weight: p.weight })))),
    weightedMedian(places.map((p) => ({ v: p.at[1], weight: p.weight }))),
  ];
  const distances = places.map((p) => distanceKm(centre, p.at));
  const spread = weightedMedian(places.map((p, i) => ({ v: distances[i], weight: p.weight })));
  const radius = Math.max(minRadiusKm, spreadFactor * spread);
  const members = places.filter((p, i) => distances[i] <= radius || p.weight / total >= mainShare);

  // An area contains another place of the focus when that place's anchor lies inside it and it is larger.
  const contains = (a: Place, b: Place) => a !== b && a.area > b.area && insideArea(b.at, a.feature.geometry);
  const containers = new Set(members.filter((a) => members.some((b) => contains(a, b))));
  // The core: where the places are, each as a point (an area at its anchor), containers left to their contents.
  const point = (p: Place): Extent => ({ w: p.at[0], e: p.at[0], s: p.at[1], n: p.at[1] });
  const core = members.filter((p) => !containers.has(p)).map(point);
  const limit = areaRatio * Math.max(MIN_CORE_DEG, sizeDeg(unionExtent(core)));
  // Areas not much larger than the core are framed whole; a larger one by its anchor (Turkey in a story about
  // Aleppo and Beirut) or by the places inside it (Germany around two of its towns).
  const framed = [
    ...core,
    ...members.filter((p) => p.feature.geometry.type !== 'Point' && sizeDeg(p.extent) <= limit).map((p) => p.extent),
  ];
  const box = unionExtent(framed);
  return {
    bbox: [round6(wrap(box.w)), round6(box.s), round6(box.e > 180 ? box.e - 360 : box.e), round6(box.n)],
    ids: members.map((p) => p.feature.id),
  };
}
