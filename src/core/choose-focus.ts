// Chooses what an article layer's first view frames (issue #14): the places the article is about, not every
// passing mention. Last stage of the pipeline (geoparse adds the result as the layer's `focus`); the explorer
// computes the same for an imported layer without one.
import type { Geometry, Position } from 'geojson';
import pointInPolygon from 'point-in-polygon/nested.js';
import { isPlottable } from './is-plottable.ts';
import { distanceKm } from './distance-km.ts';
import { latitudeIndex } from './latitude-index.ts';
import type { ArticleLayer, LayerFeature, LayerFocus, PlaceKind } from './types.ts';

export interface ChooseFocusOptions {
  /** A place belongs to the focus when it lies within this many times the places' typical distance from their centre… */
  spreadFactor?: number;
  /** …or within this radius, whatever the spread (a story about one city has no spread). */
  minRadiusKm?: number;
  /** …or carries at least this share of the article's weight, however far it is (a story about two distant countries)… */
  mainShare?: number;
  /** …and, with the places around it, at least this share of the weight of the places near the centre. */
  rivalShare?: number;
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
  // Half: the other country of a two-country story weighs about as much as the first, with its cities; a country
  // named from afar as an actor ("Vietnam wants Russia to play a greater role", datelined Hanoi) weighs less than
  // half of the country and city the story is told from, and stays off the first view.
  rivalShare: 0.5,
  // Armenia around Yerevan and three districts of Azerbaijan is framed whole; Russia around Moscow is not.
  areaRatio: 3,
};

/**
 * How much a mention of a kind of place says about where the story is: a district or city says more than
 * the country around it, a continent or broad region less.
 */
const SPECIFICITY = {
  // A null prototype: a kind read from an imported file may be "constructor" or "__proto__" (issue #19).
  __proto__: null,
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
} as Partial<Record<PlaceKind, number>>;

/** The extent of the core is at least this many degrees, so one city's container is weighed against a region, not a dot. */
const MIN_CORE_DEG = 1;

/**
 * A point this share of an area's size outside its outline, up to MAX_EDGE_DEG, still counts as inside: the
 * layer's outlines are simplified (a German state in 31 vertices), and Ludwigshafen on the border river fell
 * 0.6 km outside its own state. The cap keeps a neighbour's town out of a large country (Yerevan lies 30 km from
 * Turkey; a share of Turkey's size would be 40).
 */
const EDGE_SHARE = 0.02;
const MAX_EDGE_DEG = 0.05;

/**
 * A place with no other within this distance lies an ocean or a continent away from the story (Africa from
 * Canada, Europe from Texas): a weak one there is more likely a misreading than a place of the story.
 */
const LONE_KM = 2500;

/**
 * How far the places of a story led by a broad place (one named more than any place drawn) are looked for: about
 * half a continent's width (Dublin to Paris and Berlin from Europe's middle), a broad region's less.
 */
const BROAD_REACH_KM = { __proto__: null, continent: 2500, region: 1000 } as Partial<Record<PlaceKind, number>>;

/**
 * Far countries are the story's too when at least this many of them, each weak, together rival the near places
 * (`rivalShare`): a summit story naming a dozen member states once or twice each. Fewer are actors named from afar.
 */
const CROWD_MIN = 4;
/** …and none of them carries more than this share of the far places' weight (else it is one actor, and its cities). */
const CROWD_MAX_SHARE = 1 / 3;

/** How much a dateline (a city or more specific place opening the headline or the lead) adds, before specificity. */
const DATELINE_BONUS = 2;

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
  /** The weight before specificity: how much the article talks about the place, whatever its kind. */
  told: number;
  at: [number, number];
  extent: Extent;
  /** The extents of its parts (France's mainland, Corsica, Guiana, Réunion…). */
  parts: Extent[];
  area: number;
}

/**
 * The article's first two sentences as [start, end] offsets: the headline (or the opening sentence of a text
 * without one) and the lead. Empty when the layer lists no sentences (a hand-made layer).
 *
 * @example
 * openingSentences(layer) // [[0, 69], [72, 260]]
 */
export function openingSentences(layer: Pick<ArticleLayer, 'passages'>): Array<[number, number]> {
  return (layer.passages ?? []).flatMap((p) => p.sentences ?? []).slice(0, 2);
}

/**
 * A place's weight: its mentions by name (an adjective counts half), two more when the headline names it and
 * one when the lead does, two more when it is the dateline, all times how specific the kind of place is.
 * With the article's `opening` sentences (openingSentences), the headline and lead are its first two sentences;
 * without, passages 0 and 1 (a text of one paragraph would otherwise have every place in its "headline").
 * A dateline is a mention that opens the headline or the lead and names a city or something as specific
 * ("HANOI —", "Ludwigshafen (dpa) -"): the place the story is told from. A country opening a sentence is
 * usually its subject as an actor ("Turkey, as always, stands by Azerbaijan") and gets no such bonus.
 *
 * @example
 * placeWeight(kalbajar) // 1.5: named once, a district-level area
 * placeWeight(hanoi, [[0, 180], [181, 300]]) // 12: named twice, first in "Hanoi (VNA) – …"
 */
export function placeWeight(f: LayerFeature, opening: Array<[number, number]> = []): number {
  const specificity = SPECIFICITY[f.properties.kind] ?? 1;
  let names = 0;
  let adjectives = 0;
  let position = 0;
  let dateline = 0;
  for (const m of f.properties.mentions) {
    if (m.type === 'adjectival') adjectives++;
    else names++;
    if (opening.length) {
      const i = opening.findIndex(([start, end]) => m.start >= start && m.start < end);
      position = Math.max(position, i === 0 ? 2 : i === 1 ? 1 : 0);
      if (i >= 0 && m.start === opening[i][0] && m.type !== 'adjectival' && specificity >= 2) dateline = DATELINE_BONUS;
    } else {
      // Passage 0 is the headline (or the first paragraph of a text without one), passage 1 the lead.
      position = Math.max(position, m.passage === 0 ? 2 : m.passage === 1 ? 1 : 0);
    }
  }
  return (names + adjectives / 2 + position + dateline) * specificity;
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
  // One part (a town): its own extent, as the merge below would give, without its arrays (issue #19 item 14).
  if (parts.length === 1) {
    const [{ w, e, s, n }] = parts;
    return e - w >= 360 ? { w: -180, e: 180, s, n } : { w: wrap(w), e: wrap(w) + e - w, s, n };
  }
  // A loop, not Math.min(...): spreading the core of 20,000 towns as arguments was slow, and some 120,000 overflow
  // the stack.
  let s = Infinity;
  let n = -Infinity;
  for (const p of parts) {
    if (p.s < s) s = p.s;
    if (p.n > n) n = p.n;
  }
  // Intervals on the circle, each starting in [-180, 180), merged where they overlap or touch: a sweep over their
  // starts and their ends, each sorted on its own as numbers (typed arrays, no comparator): sorting an object per
  // interval was most of chooseFocus's time on a story map of 20,000 towns (issue #19 item 14).
  const starts = new Float64Array(parts.length);
  const ends = new Float64Array(parts.length);
  for (let k = 0; k < parts.length; k++) {
    const len = Math.min(360, parts[k].e - parts[k].w);
    if (len >= 360) return { w: -180, e: 180, s, n };
    starts[k] = wrap(parts[k].w);
    ends[k] = starts[k] + len;
  }
  starts.sort();
  ends.sort();
  const merged: Array<{ w: number; e: number }> = [];
  // An interval opens at its start and closes at its end; a start at the same place as an end comes first, so
  // touching intervals are one. Where none is open, a merged interval ends.
  let open = 0;
  for (let a = 0, b = 0; b < ends.length;) {
    if (a < starts.length && starts[a] <= ends[b]) {
      if (open++ === 0) merged.push({ w: starts[a], e: starts[a] });
      a++;
    } else {
      if (--open === 0) merged[merged.length - 1].e = ends[b];
      b++;
    }
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

/**
 * The weighted median of values: the smallest value with at least half the weight at or below it. Found by
 * bisection over the values sorted as numbers (a typed array, no comparator), each step a plain sum: sorting
 * indices with a comparator, or an object per value, was most of chooseFocus's time on a story map of 20,000
 * towns (issue #19 item 14).
 */
function weightedMedian(values: number[], weights: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const half = weights.reduce((t, w) => t + w, 0) / 2;
  const atOrBelow = (v: number) => {
    let t = 0;
    for (let i = 0; i < values.length; i++) if (values[i] <= v) t += weights[i];
    return t;
  };
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrBelow(sorted[mid]) >= half) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo];
}

const sizeDeg = (x: Extent) => Math.max(x.e - x.w, x.n - x.s);

/**
 * Is the point inside a polygon of the geometry (inside its outer ring, outside its holes)? point-in-polygon
 * rather than Turf's booleanPointInPolygon, which the rest of the core uses: the explorer bundles this
 * file, and Turf's exact predicates cost 1.9 KB gzip against 0.3.
 */
function insideArea(p: [number, number], g: Geometry, slackDeg: number): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some(
    (rings) =>
      (pointInPolygon(p, rings[0]) && !rings.slice(1).some((hole) => pointInPolygon(p, hole))) ||
      ringDistanceDeg(p, rings[0]) <= slackDeg,
  );
}

/** Distance from a point to a ring's edges in degrees of latitude (longitudes shrunk by the cosine of latitude). */
function ringDistanceDeg([x, y]: [number, number], ring: Position[]): number {
  const k = Math.cos((y * Math.PI) / 180);
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const ax = (ring[i - 1][0] - x) * k;
    const ay = ring[i - 1][1] - y;
    const dx = (ring[i][0] - x) * k - ax;
    const dy = ring[i][1] - y - ay;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}
// Not to-feature-collection's round6: the explorer bundles this file, and that one would bring the
// simplification code along.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function placeOf(feature: LayerFeature, opening: Array<[number, number]>): Place {
  const parts = partExtents(feature.geometry);
  const extent = unionExtent(parts);
  const a = feature.properties.anchor;
  const anchored = Array.isArray(a) && Number.isFinite(a[0]) && Number.isFinite(a[1]);
  const at: [number, number] = anchored ? [a[0], a[1]] : [wrap((extent.w + extent.e) / 2), (extent.s + extent.n) / 2];
  // A floor keeps a place with no mention left (an edited layer) from weighing nothing at all.
  const weight = Math.max(placeWeight(feature, opening), 0.01);
  const told = weight / (SPECIFICITY[feature.properties.kind] ?? 1);
  return { feature, weight, told, at, extent, parts, area: (extent.e - extent.w) * (extent.n - extent.s) };
}

/**
 * The places the article is about and the box that frames them; undefined for a layer with no placed feature.
 *
 * Each place is weighed (placeWeight); the weighted median of their anchors is the story's centre and the
 * weighted median of their distances from it its typical spread. A place belongs to the focus when it lies
 * within `spreadFactor` spreads (at least `minRadiusKm`) of the centre, or is an area around such a place, or
 * carries `mainShare` of the weight and, with the far places around or inside it, `rivalShare` of the weight of
 * the near ones; a weak place alone, far from every other (LONE_KM), does not. Continents and broad regions given
 * only as a point (not isPlottable) take part only when they carry `mainShare` of the weight, and are never framed.
 * The box covers the places of the focus, each area framed whole (its parts within the radius) when it is at most
 * `areaRatio` times the extent of the places' anchors (an area containing others of them, Azerbaijan around Baku,
 * is left out of that extent: its places stand for it); a larger area is represented by its anchor or the places inside it,
 * unless the article names it more than those places (the story's subject: framed whole).
 *
 * @example
 * chooseFocus(layer) // { bbox: [43.4, 38.3, 50.6, 41.9], ids: ['geonames:174982', …] }
 */
export function chooseFocus(layer: ArticleLayer, options: ChooseFocusOptions = {}): LayerFocus | undefined {
  const { spreadFactor, minRadiusKm, mainShare, rivalShare, areaRatio } = { ...FOCUS_DEFAULTS, ...options };
  const opening = openingSentences(layer);
  // A continent given as a point is not drawn (isPlottable): its centroid would pull the view to nowhere.
  const drawn = layer.features.filter(isPlottable).map((f) => placeOf(f, opening));
  if (!drawn.length) return undefined;
  // A continent or broad region the article is about (a `mainShare` of the weight: "Europe", named in most
  // paragraphs of a story about European airlines) takes part as a point in finding the story's centre and spread,
  // so the countries around its point join it; its point is never framed (no outline, see above), and its id is
  // in the focus, as a place the article is about.
  const broad = layer.features.filter((f) => f.geometry != null && !isPlottable(f)).map((f) => placeOf(f, opening));
  // A broad place the article names more than any place it draws leads it (an EU policy story naming Europe fifteen
  // times, England, Ireland and France once or twice each): it is a subject whatever its share, and the story's
  // places are looked for as far as such a place reaches (BROAD_REACH_KM), so that no single country of it takes the
  // view; its point is still not framed.
  const mostTold = drawn.reduce((t, p) => Math.max(t, p.told), 0);
  const leading = broad.filter((p) => p.told > mostTold);
  const allWeight = [...drawn, ...broad].reduce((t, p) => t + p.weight, 0);
  const subjects = new Set([...broad.filter((p) => p.weight / allWeight >= mainShare), ...leading]);
  const places = [...drawn, ...subjects];
  const total = places.reduce((t, p) => t + p.weight, 0);
  // Longitudes are taken relative to the heaviest place, so a story about Fiji does not centre on Africa.
  const heaviest = places.reduce((a, b) => (b.weight > a.weight ? b : a));
  const lon0 = heaviest.at[0];
  const weights = places.map((p) => p.weight);
  const lons = places.map((p) => wrap(p.at[0] - lon0));
  const lats = places.map((p) => p.at[1]);
  const centre: [number, number] = [wrap(lon0 + weightedMedian(lons, weights)), weightedMedian(lats, weights)];
  const distances = places.map((p) => distanceKm(centre, p.at));
  const spread = weightedMedian(distances, weights);
  const radius = Math.max(
    minRadiusKm,
    spreadFactor * spread,
    ...leading.map((p) => BROAD_REACH_KM[p.feature.properties.kind] ?? BROAD_REACH_KM.region!),
  );

  // An area contains another place when that place's anchor lies inside it (or just outside its simplified
  // outline) and it is larger. Only areas are tried as containers, and a point outside an area's box is not looked
  // for in its rings: a story map of thousands of towns took seconds here, every town against every other (issue
  // #19 item 14).
  const inBox = ([lon, lat]: [number, number], x: Extent, d: number) =>
    lat >= x.s - d &&
    lat <= x.n + d &&
    ((lon >= x.w - d && lon <= x.e + d) || (lon + 360 >= x.w - d && lon + 360 <= x.e + d));
  const contains = (a: Place, b: Place) => {
    const slack = Math.min(MAX_EDGE_DEG, EDGE_SHARE * sizeDeg(a.extent));
    return a !== b && a.area > b.area && inBox(b.at, a.extent, slack) && insideArea(b.at, a.feature.geometry, slack);
  };

  // Far places join when they weigh enough on their own and, with the places around or inside them, rival
  // the places near the centre: a country named from afar as an actor does not drag the view round the globe.
  // Near: within the radius, or an area around such a place (Vietnam around Hanoi, its anchor 650 km away).
  // A place alone, with no other place within half the radius nor within LONE_KM (and none around or inside it),
  // needs `mainShare` of the weight to be near, however large the spread: "West Coast" misread as a Gambian region,
  // named once in the lead of a story about Canada, lay 6,800 km from Toronto, inside four spreads of a
  // country-wide story, and pulled the view to Africa; 6,400 km from its nearest neighbour, Montréal, with half the
  // radius 5,800 km. Misreadings are often such lone points. A storm "moving east toward Georgia" from Illinois and
  // Texas (940 km) and Italy named once in a story about Europe (880 km from Greece) still belong to their stories.
  const reach = Math.max(radius / 2, LONE_KM);
  // The places each area contains, found among those in its band of latitude, and the places some area contains;
  // and, for a lone place, a search of its neighbours by latitude: a story map of 20,000 towns compared every
  // pair here (issue #19 item 14). The same `contains` decides; the index only leaves out what cannot pass it.
  const index = latitudeIndex(places.map((p) => p.at));
  const inside = new Map<Place, Place[]>();
  const containedBy = new Set<Place>();
  for (const a of places) {
    if (!(a.area > 0)) continue;
    const slack = Math.min(MAX_EDGE_DEG, EDGE_SHARE * sizeDeg(a.extent));
    const list: Place[] = [];
    for (const j of index.inBand(a.extent.s - slack, a.extent.n + slack))
      if (contains(a, places[j])) {
        list.push(places[j]);
        containedBy.add(places[j]);
      }
    if (list.length) inside.set(a, list);
  }
  const insideOf = (a: Place) => inside.get(a) ?? [];
  // A neighbour found is not alone either: each pair is searched for once.
  const accompanied = new Uint8Array(places.length);
  const lonely = (p: Place, i: number) => {
    if (accompanied[i] || inside.has(p) || containedBy.has(p)) return false;
    const j = index.neighbourWithin(i, reach);
    if (j < 0) return true;
    accompanied[j] = 1;
    return false;
  };
  const within = places.filter(
    (p, i) => distances[i] <= radius && (p === heaviest || p.weight / total >= mainShare || !lonely(p, i)),
  );
  const isWithin = new Set(within);
  const isNear = new Set(within);
  for (const p of places) if (!isNear.has(p) && p.area > 0 && insideOf(p).some((q) => isWithin.has(q))) isNear.add(p);
  const near = places.filter((p) => isNear.has(p));
  const far = places.filter((p) => !isNear.has(p));
  const nearWeight = near.reduce((t, p) => t + p.weight, 0);
  // A far place's group: itself and the far places around or inside it (Russia and Moscow).
  const groupWeight = (p: Place) =>
    far.filter((q) => q === p || distanceKm(p.at, q.at) <= radius || contains(p, q)).reduce((t, q) => t + q.weight, 0);
  const rivals = far.filter((p) => p.weight / total >= mainShare && groupWeight(p) >= rivalShare * nearWeight);
  // A crowd of far countries, none of which weighs a `mainShare` alone, may still be what the story spreads over: an
  // EU summit datelined Brussels that names twelve member states once or twice each (Brussels held 44% of the weight,
  // so the spread was its neighbours' distance and the view Brussels to Luxembourg). They join, with the places inside
  // them, when at least CROWD_MIN far countries with a neighbour within reach together weigh `rivalShare` of the near
  // places, no far place carries more than CROWD_MAX_SHARE of the far weight (a far actor named often, and its
  // cities, is one group), and no place is told more often than those countries together (a country named 31 times,
  // against the 16 mentions of the four far countries its story deals with). Countries only: towns and states named
  // once each around a local story are context, and far towns are often misreadings (Vienna, Austria for Vienna,
  // Virginia).
  const farWeight = far.reduce((t, p) => t + p.weight, 0);
  const crowdCountries = places.filter(
    (p, i) => !isNear.has(p) && p.feature.properties.kind === 'country' && !lonely(p, i),
  );
  const crowdTold = crowdCountries.reduce((t, p) => t + p.told, 0);
  const crowded =
    crowdCountries.length >= CROWD_MIN &&
    farWeight >= rivalShare * nearWeight &&
    far.every((p) => p.weight <= CROWD_MAX_SHARE * farWeight) &&
    places.every((p) => p.told <= crowdTold);
  const crowd = new Set(
    crowded ? crowdCountries.flatMap((p) => [p, ...insideOf(p).filter((q) => !isNear.has(q))]) : [],
  );
  const members = places.filter((p) => isNear.has(p) || rivals.includes(p) || crowd.has(p));
  // The radius within which an area's parts are framed reaches the crowd (Portugal's mainland, not the Azores).
  const partRadius = crowded ? Math.max(radius, ...crowdCountries.map((p) => distanceKm(centre, p.at))) : radius;
  // Something drawn is framed, whatever the broad subject: the heaviest drawn place at least.
  if (members.every((p) => subjects.has(p))) members.push(drawn.reduce((a, b) => (b.weight > a.weight ? b : a)));
  const isMember = new Set(members);
  // A container is left to the places inside it that are framed: a broad subject's point is never framed, so an
  // area holding only that point (Russia around Asia's) is framed itself (the core was empty, and threw).
  const containers = new Set(
    members.filter((a) => a.area > 0 && insideOf(a).some((b) => isMember.has(b) && !subjects.has(b))),
  );
  // The core: where the places are, each as a point (an area at its anchor), containers left to their contents.
  const point = (p: Place): Extent => ({ w: p.at[0], e: p.at[0], s: p.at[1], n: p.at[1] });
  // An area named once in passing (one plain mention, not in the headline or lead) and larger than where the rest of
  // the story lies is in the focus but does not stretch the view (Canada, named once in a story about Mexico, the
  // United States and Colombia, had the first view reach to the Arctic); it shows where it meets the view. Not in a
  // story led by a broad place: there the countries it names once each are what it spreads over.
  const rest = members.filter((p) => !containers.has(p) && !subjects.has(p));
  const aside = (p: Place) => p.told <= 1 && p.feature.geometry.type !== 'Point';
  const solid = rest.filter((p) => !aside(p));
  const restBox = solid.length ? unionExtent(solid.map(point)) : undefined;
  // Where the rest lies is measured by its anchors; a lone area's anchor is no such measure (a markets column
  // naming the United States twice and the United Kingdom once framed the United States' anchor alone).
  const measured = !!restBox && (sizeDeg(restBox) > 0 || solid.some((p) => p.feature.geometry.type === 'Point'));
  const passing = new Set(
    measured && !leading.length
      ? rest.filter((p) => aside(p) && sizeDeg(p.extent) > Math.max(MIN_CORE_DEG, sizeDeg(restBox)))
      : [],
  );
  const framed = rest.filter((p) => !passing.has(p));
  const core = framed.map(point);
  const coreBox = unionExtent(core);
  const limit = areaRatio * Math.max(MIN_CORE_DEG, sizeDeg(coreBox));
  // A story whose framed places are all areas, none inside another (Tunisia alone, Spain alone), has no anchors to
  // measure them by: each is framed whole, by the part that holds its anchor (else its largest) and the parts near
  // it, not as a spot at its anchor (Japan's Honshu, not Sado; the United States' lower 48, not Alaska).
  const areasOnly = !containers.size && framed.every((p) => p.feature.geometry.type !== 'Point');
  // An area the article talks about more than about the places inside it is the story's subject (Vietnam, named
  // six times, around Hanoi, named twice as the dateline) and is framed whole, whatever its size: the parts of it
  // that hold those places or its anchor (France's mainland around Paris, not Réunion).
  // Only the story's most named place: Russia, named half as often as Slovenia in a Slovenian story about the
  // Skripal affair, was framed whole from Kaliningrad to Chukotka around Moscow.
  const topTold = members.reduce((t, p) => Math.max(t, p.told), 0);
  const subjectParts = (a: Place): Extent[] => {
    if (!containers.has(a) || a.told < topTold) return [];
    const held = insideOf(a).filter((b) => isMember.has(b));
    if (a.told <= held.reduce((t, b) => t + b.told, 0)) return [];
    return a.parts.filter((x) => [a, ...held].some((b) => inBox(b.at, x, 0)));
  };
  // Areas not much larger than the core are framed whole; a larger one by its anchor (Turkey in a story about
  // Aleppo and Beirut) or by the places inside it (Germany around two of its towns).
  // An area framed whole brings the parts of it within the radius (Spain's mainland in a story about Europe, not the
  // Canary Islands 2,700 km from the story's centre), or all of them when none is.
  // Of those, the parts that hold its anchor or a place of the focus, and the parts within minRadiusKm of them, when
  // there are such: the United States' lower 48 and not Alaska in a story about Mexico, Boston and Bogotá, whose
  // radius reached Alaska too.
  const gapKm = (a: Extent, b: Extent) => {
    const lat = Math.max(0, a.s - b.n, b.s - a.n);
    const lon =
      Math.max(0, a.w - b.e, b.w - a.e) * Math.cos((Math.min(Math.abs(a.s), Math.abs(b.s), 89) * Math.PI) / 180);
    return Math.hypot(lat, lon) * 111.2;
  };
  const nearParts = (p: Place): Extent[] => {
    const inRadius = p.parts.filter((x) => distanceKm(centre, [wrap((x.w + x.e) / 2), (x.s + x.n) / 2]) <= partRadius);
    if (!inRadius.length) return p.parts;
    if (inRadius.length === 1) return inRadius;
    const holding = inRadius.filter((x) =>
      [p, ...insideOf(p).filter((q) => isMember.has(q))].some((q) => inBox(q.at, x, 0)),
    );
    if (!holding.length) return inRadius;
    return inRadius.filter((x) => holding.includes(x) || holding.some((h) => gapKm(x, h) <= minRadiusKm));
  };
  // The size compared is that of those parts when they hold its largest (France's mainland and Corsica, not its
  // extent out to Réunion); else the whole area's (an island off England is no measure of England).
  const partArea = (x: Extent) => (x.e - x.w) * (x.n - x.s);
  const anchorParts = (p: Place): Extent[] => {
    const holding = p.parts.filter((x) => inBox(p.at, x, 0));
    const base = holding.length ? holding : [p.parts.reduce((a, b) => (partArea(b) > partArea(a) ? b : a))];
    return p.parts.filter((x) => base.includes(x) || base.some((h) => gapKm(x, h) <= minRadiusKm));
  };
  const areaParts = members.flatMap((p) => {
    if (p.feature.geometry.type === 'Point' || passing.has(p)) return [];
    if (areasOnly) return anchorParts(p);
    const parts = nearParts(p);
    const largest = p.parts.reduce((a, b) => (partArea(b) > partArea(a) ? b : a));
    const size =
      parts.length < p.parts.length && parts.includes(largest) ? sizeDeg(unionExtent(parts)) : sizeDeg(p.extent);
    return size <= limit ? parts : subjectParts(p);
  });
  // Without areas framed whole, the box is the core's (not merged again: 20,000 towns, issue #19 item 14).
  const box = areaParts.length ? unionExtent([...core, ...areaParts]) : coreBox;
  return {
    bbox: [round6(wrap(box.w)), round6(box.s), round6(box.e > 180 ? box.e - 360 : box.e), round6(box.n)],
    ids: members.map((p) => p.feature.id),
  };
}
