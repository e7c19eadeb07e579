// Decodes the offline basemap written by build.mjs (Natural Earth land and borders as delta-encoded
// integer rings) straight into Leaflet lat/lng arrays. Lives in ui/map because that is the one place
// where [lon, lat] becomes LatLng (DESIGN.md §1).
import { latLng, type LatLng } from 'leaflet';

export interface BasemapData {
  scale: [number, number];
  translate: [number, number];
  land: number[][][];
  borders: number[][];
}

function decodeRing(ring: number[], { scale: [sx, sy], translate: [tx, ty] }: BasemapData): LatLng[] {
  const out: LatLng[] = [];
  for (let i = 0, x = 0, y = 0; i < ring.length; i += 2) {
    x += ring[i];
    y += ring[i + 1];
    out.push(latLng(y * sy + ty, x * sx + tx));
  }
  return out;
}

/** Land as Leaflet multipolygon rings and borders as multipolyline parts. */
export function decodeBasemap(data: BasemapData): { land: LatLng[][][]; borders: LatLng[][] } {
  return {
    land: data.land.map((poly) => poly.map((r) => decodeRing(r, data))),
    borders: data.borders.map((r) => decodeRing(r, data)),
  };
}
