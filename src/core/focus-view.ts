// What the map's first view shows for a layer's `focus` box (issue #14): the box in the map's unwrapped
// longitudes and how close a fit may zoom, chosen from what is framed. Pure: src/ui/map/create-article-map.ts hands
// the result to Leaflet's fitBounds, and a site's page carries the basemap around it (src/export/site-basemap.ts).

/** The map's closest zoom (create-article-map.ts): a view about 1° wide at 1280 px, where towns 5 km apart part. */
export const LOCAL_MAX_ZOOM = 10;

/**
 * A single spot is framed at this zoom, about 6° across at 1280 px: the town with its region and the country
 * names of the basemap around it, not a dot alone in a blank sea (the basemap has no streets or towns of its own).
 */
export const SPOT_MAX_ZOOM = 7;

/**
 * A box narrower and lower than this (about 5 km) is one spot: places at the same address or in one town
 * (Danbury and a street of Danbury) are framed as a single point is.
 */
const SPOT_DEG = 0.05;

export interface FocusView {
  /** South-west and north-east corners as [lat, lon]; east may pass 180 and west −180 (see focusView). */
  bounds: [[number, number], [number, number]];
  maxZoom: number;
}

/**
 * The view for a focus bbox `[west, south, east, north]`, or null when it is not four finite numbers (a file
 * from elsewhere).
 *
 * A box across the antimeridian (west > east) is drawn on the side where most of it lies, as
 * unwrapAntimeridian moves the smaller side of a shape: the United States with the Aleutians (172.6°E to
 * 71°W) runs from −187.4 to −71, Fiji's (178.4°E to 179.8°W) from 178.4 to 180.2. Framed the other way, the
 * first view of a US story showed the empty Bering Sea where no shape was drawn.
 *
 * The zoom may come as close as LOCAL_MAX_ZOOM when the box holds places apart (a local story's towns 20 km
 * apart fill the view instead of a tenth of it), but only to SPOT_MAX_ZOOM for a single spot.
 *
 * @example
 * focusView([-73.45, 41.39, -73.19, 41.75]) // { bounds: [[41.39, -73.45], [41.75, -73.19]], maxZoom: 10 }
 * focusView([4.35, 50.85, 4.35, 50.85]) // { bounds: [[50.85, 4.35], [50.85, 4.35]], maxZoom: 7 }
 */
export function focusView(bbox: unknown): FocusView | null {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every((x) => typeof x === 'number' && Number.isFinite(x)))
    return null;
  let [w, s, e, n] = bbox as number[];
  if (e < w) {
    // West of 180° lie (180 − w) degrees, east of −180° (e + 180).
    if (180 - w >= e + 180) e += 360;
    else w -= 360;
  }
  const spot = e - w < SPOT_DEG && n - s < SPOT_DEG;
  return {
    bounds: [
      [s, w],
      [n, e],
    ],
    maxZoom: spot ? SPOT_MAX_ZOOM : LOCAL_MAX_ZOOM,
  };
}
