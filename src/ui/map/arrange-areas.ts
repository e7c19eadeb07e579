// How the map stacks and styles the article's areas (issue #14): by size, the smallest on top, so that every
// area shows and takes the clicks inside it; an area with another of the article's places inside it (the
// country around a district, a broad region, a continent) is a container, drawn quietly so that what lies
// inside reads clearly. Decided from geometry alone (label points and containment), never from names.
import type { MultiPolygon, Polygon } from 'geojson';
import pointInPolygon from 'point-in-polygon/nested.js';
import { labelPoint, type LabelPoint } from '../../core/label-point.ts';
import type { LayerFeature } from '../../core/types.ts';

export interface ArrangedAreas {
  /** The features in drawing order: areas from the roomiest to the smallest, then everything else. */
  order: LayerFeature[];
  /** Each area's label point and the room around it. */
  labels: Map<string, LabelPoint>;
  /** Areas with another place of the article inside them. */
  containers: Set<string>;
}

type Area = LayerFeature & { geometry: Polygon | MultiPolygon };

const isArea = (f: LayerFeature): f is Area => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/** Inside an outer ring and in none of its holes. */
function inside(p: [number, number], g: Polygon | MultiPolygon): boolean {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return parts.some(([outer, ...holes]) => pointInPolygon(p, outer) && !holes.some((h) => pointInPolygon(p, h)));
}

function boundsOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const part of parts) {
    for (const [x, y] of part[0] ?? []) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

/**
 * Label points computed before, by id (`article-atlas build` writes them into the page beside the layer,
 * `[lon, lat, radius, across]` each: src/export/site-files.ts): the entries that are four finite numbers, the
 * room and width not negative. Anything else is left out, and arrangeAreas computes those itself.
 * @example readLabelPoints('{"geonames:1":[45,40,0.5,0.7]}').get('geonames:1') // { at: [45, 40], radius: 0.5, across: 0.7 }
 */
export function readLabelPoints(text: string | undefined): Map<string, LabelPoint> {
  const known = new Map<string, LabelPoint>();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    return known;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return known;
  for (const [id, v] of Object.entries(data)) {
    if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) continue;
    const [lon, lat, radius, across] = v as number[];
    if (radius >= 0 && across >= 0) known.set(id, { at: [lon, lat], radius, across });
  }
  return known;
}

/**
 * Drawing order, label points and containers of the features as drawn (after the antimeridian unwrap).
 * Size is the room around the label point (the radius of the largest circle inside the area): an area inside
 * another always has less, and it is also what a click needs. `known` label points (readLabelPoints) are taken
 * as they are, for the areas the caller knows they were computed from (issue #14: computing them was the
 * largest part of the script before the first view's shapes, 10–16 ms of CPU in profiles of the seed).
 * @example arrangeAreas(features).order.map((f) => f.properties.name) // ['South Caucasus', 'Azerbaijan', …, 'Kalbajar', 'Baku']
 */
export function arrangeAreas(features: LayerFeature[], known?: Map<string, LabelPoint>): ArrangedAreas {
  const areas = features.filter(isArea);
  const labels = new Map(areas.map((f) => [f.id, known?.get(f.id) ?? labelPoint(f.geometry)]));
  const room = (f: LayerFeature) => labels.get(f.id)?.radius ?? 0;
  // Where each place lies: an area's label point, a point's own position.
  const spots = features.flatMap((f) => {
    const at =
      labels.get(f.id)?.at ?? (f.geometry?.type === 'Point' ? (f.geometry.coordinates as [number, number]) : undefined);
    return at ? [{ f, at }] : [];
  });
  const containers = new Set<string>();
  for (const a of areas) {
    const [w, s, e, n] = boundsOf(a.geometry);
    const holds = spots.some(
      ({ f, at: [x, y] }) =>
        f !== a && x >= w && x <= e && y >= s && y <= n && room(f) < room(a) && inside([x, y], a.geometry),
    );
    if (holds) containers.add(a.id);
  }
  const order = [...areas].sort((a, b) => room(b) - room(a) || a.id.localeCompare(b.id));
  return { order: [...order, ...features.filter((f) => !isArea(f))], labels, containers };
}
