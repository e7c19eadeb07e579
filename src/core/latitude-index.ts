// An index of [lon, lat] points by whole degree of latitude, for chooseFocus's look-ups among thousands of places
// (issue #19 item 14): "is another point within this many km?" and "which points lie in this band of latitude?"
// without comparing every pair. Two counting sorts (no comparator), so building it costs a few passes.
import { distanceKm, distanceLowerBoundKm } from './distance-km.ts';

export interface LatitudeIndex {
  /**
   * A point other than points[i] within `km` of it (distanceKm), or -1 when there is none (as a scan of every pair
   * would say).
   */
  neighbourWithin(i: number, km: number): number;
  /** The indices, ascending, of the points whose latitude lies in [south, north]. */
  inBand(south: number, north: number): Uint32Array;
}

/** Latitude bands of one degree: [-90, -89), … [89, 90]; a latitude past ±90 (or NaN) goes to an end band. */
const BANDS = 180;
const bandOf = (lat: number) => (lat >= -90 ? (lat < 89 ? Math.floor(lat + 90) : BANDS - 1) : 0);
/** Longitudes by whole degree, [-180, 180) and beyond clamped: only the order of the scan depends on it. */
const lonKey = (lon: number) => (lon >= -180 ? (lon < 179 ? Math.floor(lon + 180) : 359) : 0);

/**
 * Indexes `points` (kept, not copied). Within a band the points are ordered by whole degree of longitude, and a
 * search starts at the point's own longitude: two clusters at the same latitudes (Europe and the US) do not make
 * each town of one try every town of the other first.
 *
 * @example
 * latitudeIndex([[2.35, 48.86], [4.84, 45.76], [-74, 40.7]]).neighbourWithin(0, 500) // 1: Lyon is 390 km from Paris
 */
export function latitudeIndex(points: ReadonlyArray<readonly [number, number]>): LatitudeIndex {
  const n = points.length;
  const lonKeys = new Uint16Array(n);
  const bands = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lonKeys[i] = lonKey(points[i][0]);
    bands[i] = bandOf(points[i][1]);
  }
  // Counting sort by longitude, then a stable one by band: each band's points in order of longitude.
  const byLon = countingSort(lonKeys, 360);
  const start = new Uint32Array(BANDS + 1);
  for (let i = 0; i < n; i++) start[bands[i] + 1]++;
  for (let b = 0; b < BANDS; b++) start[b + 1] += start[b];
  const items = new Uint32Array(n);
  const fill = start.slice(0, BANDS);
  for (const i of byLon) items[fill[bands[i]]++] = i;
  const keys = new Uint16Array(n);
  for (let k = 0; k < n; k++) keys[k] = lonKeys[items[k]];

  /** A point of band b other than i within km of p, searched outward from p's longitude both ways in turn; or -1. */
  const nearIn = (b: number, i: number, p: [number, number], key: number, km: number) => {
    const from = start[b];
    const to = start[b + 1];
    const mid = seek(b, key);
    for (let up = mid, down = mid - 1; up < to || down >= from; up++, down--) {
      if (up < to && items[up] !== i && distanceKm(p, points[items[up]] as [number, number]) <= km) return items[up];
      if (down >= from && items[down] !== i && distanceKm(p, points[items[down]] as [number, number]) <= km)
        return items[down];
    }
    return -1;
  };

  /** The first position in band b whose longitude key is at least `key`. */
  const seek = (b: number, key: number) => {
    let lo = start[b];
    let hi = start[b + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    neighbourWithin(i, km) {
      const p = points[i] as [number, number];
      const home = bands[i];
      const key = lonKeys[i];
      const found = nearIn(home, i, p, key, km);
      if (found >= 0) return found;
      // Bands north and south in turn, while a band's nearest edge may still lie within reach.
      for (let d = 1, north = true, south = true; north || south; d++) {
        if (north) {
          const b = home + d;
          north = b < BANDS && distanceLowerBoundKm(p, [p[0], b - 90]) <= km;
          const j = north ? nearIn(b, i, p, key, km) : -1;
          if (j >= 0) return j;
        }
        if (south) {
          const b = home - d;
          south = b >= 0 && distanceLowerBoundKm(p, [p[0], b - 89]) <= km;
          const j = south ? nearIn(b, i, p, key, km) : -1;
          if (j >= 0) return j;
        }
      }
      return -1;
    },

    inBand(south, north) {
      const out: number[] = [];
      for (let b = bandOf(south); b <= bandOf(north); b++)
        for (let k = start[b]; k < start[b + 1]; k++) {
          const lat = points[items[k]][1];
          if (lat >= south && lat <= north) out.push(items[k]);
        }
      return Uint32Array.from(out).sort();
    },
  };
}

/** The indices of `keys` (integers in [0, size)), stably ordered by key. */
function countingSort(keys: Uint16Array, size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (const k of keys) start[k + 1]++;
  for (let k = 0; k < size; k++) start[k + 1] += start[k];
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[start[keys[i]]++] = i;
  return out;
}
