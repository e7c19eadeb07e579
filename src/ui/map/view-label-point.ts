// Where to name an area whose label point lies outside the view (issue #14): the pole of inaccessibility of the
// part of it that the view shows. Canada in a Toronto story, Quebec in a story from Gatineau: their label points
// lie far north of the first view, which is nonetheless mostly theirs. Pure arithmetic on pixels: the area's
// rings projected once (zoom-0 pixels over 256, as Leaflet's CRS gives them at scale 1), clipped to the view
// (turf's bboxClip) at the current zoom, then polylabel (already bundled for label-point.ts).
import { bboxClip } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import polylabel from 'polylabel';
import type { Box } from './declutter-labels.ts';

/** Leaflet's spherical Mercator stops here. */
const MAX_LATITUDE = 85.0511287798;

/** An area's polygons, each a list of rings of x, y pairs at scale 1 (the world one unit wide). */
export type ProjectedArea = Float64Array[][];

/**
 * The area's rings in Web Mercator at scale 1: x = (lon + 180) / 360, y from 0 at the top to 1 at the bottom.
 * @example projectArea({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })[0][0] // Float64Array [0.5, 0.5, …]
 */
export function projectArea(g: Polygon | MultiPolygon): ProjectedArea {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.map((rings) =>
    rings.map((ring) => {
      const out = new Float64Array(ring.length * 2);
      ring.forEach(([lon, lat], i) => {
        const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
        out[2 * i] = (lon + 180) / 360;
        out[2 * i + 1] = 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
      });
      return out;
    }),
  );
}

/** Rings of layer pixels clipped to the box (turf's bboxClip: lineclip's Sutherland–Hodgman), each closed. */
const clipRings = (rings: Array<Array<[number, number]>>, box: Box) =>
  bboxClip({ type: 'Polygon', coordinates: rings }, [box.x, box.y, box.x + box.w, box.y + box.h]).geometry
    .coordinates as Array<Array<[number, number]>>;

/**
 * The point of the area farthest inside the part of it within `view` (layer pixels, at `scale` pixels per world
 * width, `origin` the pixel origin), with its distance to the nearest edge of that part; null when none of the area
 * is in the view.
 * @example viewLabelPoint(projectArea(canada), 2 ** 5 * 256, origin, view) // { x: 412, y: 190, radius: 160 }
 */
export function viewLabelPoint(
  area: ProjectedArea,
  scale: number,
  origin: { x: number; y: number },
  view: Box,
): { x: number; y: number; radius: number } | null {
  let best: { x: number; y: number; radius: number } | null = null;
  for (const rings of area) {
    const outer = rings[0];
    // A polygon whose box misses the view is skipped unclipped (Canada's Arctic islands).
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < outer.length; i += 2) {
      const x = outer[i] * scale - origin.x;
      const y = outer[i + 1] * scale - origin.y;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    if (x1 <= view.x || y1 <= view.y || x0 >= view.x + view.w || y0 >= view.y + view.h) continue;
    const toPx = (ring: Float64Array) => {
      const points: Array<[number, number]> = [];
      for (let i = 0; i < ring.length; i += 2)
        points.push([ring[i] * scale - origin.x, ring[i + 1] * scale - origin.y]);
      return points;
    };
    // The outer ring clipped away: the polygon's box met the view, the polygon did not (a hole's remains alone are
    // no area).
    const [shell] = clipRings([toPx(outer)], view);
    if (!shell) continue;
    const clipped = [shell, ...clipRings(rings.slice(1).map(toPx), view)];
    const p = polylabel(clipped, 1) as unknown as [number, number] & { distance: number };
    if (!best || p.distance > best.radius) best = { x: p[0], y: p[1], radius: p.distance };
  }
  return best;
}
