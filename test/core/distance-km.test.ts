import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { distanceKm, distanceLowerBoundKm } from '../../src/core/distance-km.ts';

test('distanceKm: Baku to Yerevan is about 456 km, and a point is 0 km from itself', () => {
  assert.ok(Math.abs(distanceKm([49.892, 40.378], [44.514, 40.181]) - 456) < 2);
  assert.equal(distanceKm([10, 20], [10, 20]), 0);
});

test('distanceLowerBoundKm never exceeds distanceKm, and equals it along a meridian (to a millionth)', () => {
  const point = fc.tuple(
    fc.double({ min: -180, max: 180, noNaN: true }),
    fc.double({ min: -90, max: 90, noNaN: true }),
  ) as fc.Arbitrary<[number, number]>;
  fc.assert(
    fc.property(point, point, (a, b) => distanceLowerBoundKm(a, b) <= distanceKm(a, b)),
    { numRuns: 20000 },
  );
  const d = distanceKm([30, 10], [30, 50]);
  assert.ok(distanceLowerBoundKm([30, 10], [30, 50]) <= d && distanceLowerBoundKm([30, 10], [30, 50]) > d * (1 - 2e-6));
});
