// Great-circle distance between two [lon, lat] points, used by ranking and resolution.

const EARTH_RADIUS_KM = 6371;

/**
 * Haversine distance in kilometres.
 *
 * @example
 * distanceKm([49.892, 40.378], [44.514, 40.181]) // ≈ 456 (Baku to Yerevan)
 */
export function distanceKm(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * r) / 2) ** 2 +
    Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Kilometres per degree of latitude, a millionth under (so that rounding never makes the bound too high; a micrometre is also taken off, for underflow). */
const KM_PER_DEGREE_LATITUDE = ((EARTH_RADIUS_KM * Math.PI) / 180) * (1 - 1e-6);

/**
 * A lower bound of distanceKm, cheap: no two points are nearer than their difference in latitude along
 * a meridian (the haversine's first term alone).
 *
 * @example
 * distanceLowerBoundKm([49.892, 40.378], [44.514, 40.181]) // ≈ 21.9, against 456 for distanceKm
 */
export function distanceLowerBoundKm(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.abs(b[1] - a[1]) * KM_PER_DEGREE_LATITUDE - 1e-9);
}
