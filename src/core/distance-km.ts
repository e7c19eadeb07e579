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
  const h = Math.sin(((b[1] - a[1]) * r) / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
