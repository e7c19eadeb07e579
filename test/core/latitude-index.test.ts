// latitudeIndex (issue #19 item 14): its answers equal a scan of every pair, on random points over the globe (the
// poles, the antimeridian, duplicates, clusters at the same latitudes) and in the tight cases by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latitudeIndex } from '../../src/core/latitude-index.ts';
import { distanceKm } from '../../src/core/distance-km.ts';

let seed = 9;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const bruteNeighbour = (points: Array<[number, number]>, i: number, km: number) =>
  points.some((q, j) => j !== i && distanceKm(points[i], q) <= km);

test('neighbourWithin and inBand equal a scan of every pair, on points all over the globe', () => {
  for (let round = 0; round < 40; round++) {
    const n = 1 + Math.floor(random() * 300);
    // Half the rounds in clusters (a few centres, some near the poles or across ±180°), half scattered.
    const centres = Array.from({ length: 1 + Math.floor(random() * 3) }, () => [
      random() * 360 - 180,
      random() < 0.2 ? 85 : random() * 170 - 85,
    ]);
    const points = Array.from({ length: n }, (): [number, number] => {
      if (round % 2) return [random() * 360 - 180, random() * 180 - 90];
      const [x, y] = centres[Math.floor(random() * centres.length)];
      const lon = x + (random() - 0.5) * 20;
      return [
        lon >= 180 ? lon - 360 : lon < -180 ? lon + 360 : lon,
        Math.max(-90, Math.min(90, y + (random() - 0.5) * 10)),
      ];
    });
    if (n > 2) points[n - 1] = [...points[0]];
    const index = latitudeIndex(points);
    for (const km of [0, 50, 400, 2500, 8000]) {
      const got = points.map((_, i) => index.neighbourWithin(i, km));
      assert.deepEqual(
        got.map((j) => j >= 0),
        points.map((_, i) => bruteNeighbour(points, i, km)),
        `round ${round}, ${km} km`,
      );
      // The neighbour given is one.
      got.forEach((j, i) => j >= 0 && assert.ok(j !== i && distanceKm(points[i], points[j]) <= km));
    }
    const s = random() * 180 - 90;
    const north = s + random() * 40;
    const want = points.flatMap(([, lat], i) => (lat >= s && lat <= north ? [i] : []));
    assert.deepEqual([...index.inBand(s, north)], want, `round ${round}, band ${s}..${north}`);
  }
});

test('a neighbour just within reach is found across the antimeridian and over the pole, one just beyond is not', () => {
  // 179.5°E and 179.5°W at the equator: 1° apart, 111 km, though 359° apart in longitude.
  const across: Array<[number, number]> = [
    [179.5, 0],
    [-179.5, 0],
  ];
  const km = distanceKm(across[0], across[1]);
  assert.ok(latitudeIndex(across).neighbourWithin(0, km) === 1);
  assert.ok(latitudeIndex(across).neighbourWithin(0, km - 0.001) < 0);
  // Over the North Pole: 89.5°N on opposite meridians, 1° of arc apart.
  const pole: Array<[number, number]> = [
    [0, 89.5],
    [180 - 1e-9, 89.5],
    [10, 60],
  ];
  assert.ok(latitudeIndex(pole).neighbourWithin(1, 112) === 0);
  assert.ok(latitudeIndex(pole).neighbourWithin(1, 110) < 0);
  // A single point has no neighbour; a duplicate is one at 0 km.
  assert.ok(latitudeIndex([[3, 4]]).neighbourWithin(0, 1e6) < 0);
  assert.ok(
    latitudeIndex([
      [3, 4],
      [3, 4],
    ]).neighbourWithin(0, 0) === 1,
  );
});
