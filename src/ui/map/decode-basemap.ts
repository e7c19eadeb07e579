// Decodes the offline basemap written by build.mjs (geo/lib/make-basemap.mjs: Natural Earth land and borders as
// delta-encoded integer rings, country and sea names) straight into Leaflet lat/lng arrays. Lives in ui/map because that is the one place
// where [lon, lat] becomes LatLng (DESIGN.md §1).
import { latLng, type LatLng } from 'leaflet';
import { unwrapRing } from './unwrap-antimeridian.ts';

export interface BasemapData {
  scale: [number, number];
  translate: [number, number];
  land: number[][][];
  borders: number[][];
  /** Countries `[name, lon, lat, radius, across, iso2]` (labelPoint's room) roomiest first; seas `[name, lon, lat, minZoom]`. */
  labels?: {
    countries: Array<[string, number, number, number, number, string]>;
    seas: Array<[string, number, number, number]>;
  };
}

function decodeRing(ring: number[], { scale: [sx, sy], translate: [tx, ty] }: BasemapData): LatLng[] {
  const lonLat: number[][] = [];
  for (let i = 0, x = 0, y = 0; i < ring.length; i += 2) {
    x += ring[i];
    y += ring[i + 1];
    lonLat.push([x * sx + tx, y * sy + ty]);
  }
  // Chukotka's land ring crosses ±180° in Natural Earth; drawn raw it paints a band round the world.
  return unwrapRing(lonLat).map(([lon, lat]) => latLng(lat, lon));
}

/** Land as Leaflet multipolygon rings and borders as multipolyline parts. */
export function decodeBasemap(data: BasemapData): { land: LatLng[][][]; borders: LatLng[][] } {
  return {
    land: data.land.map((poly) => poly.map((r) => decodeRing(r, data))),
    borders: data.borders.map((r) => decodeRing(r, data)),
  };
}
