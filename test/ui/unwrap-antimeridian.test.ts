// unwrapAntimeridian (issue #5): features across ±180° stay in one piece; others are untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrapAntimeridian } from '../../src/ui/map/unwrap-antimeridian.ts';

test('Russia-like: the few western coordinates move east of 180°', () => {
  const g = { type: 'MultiPolygon' as const, coordinates: [[[[30, 60], [170, 60], [179.9, 65], [30, 60]]], [[[-179.9, 65], [-170, 66], [-179.9, 67], [-179.9, 65]]]] };
  const out = unwrapAntimeridian(g);
  assert.deepEqual(out.coordinates[1][0].map((p) => p[0]), [180.1, 190, 180.1, 180.1]);
  assert.deepEqual(out.coordinates[0], g.coordinates[0]);
});

test('US-like: the few eastern coordinates move west of −180°', () => {
  const g = { type: 'MultiPolygon' as const, coordinates: [[[[-120, 40], [-80, 40], [-90, 35], [-100, 30], [-120, 40]]], [[[175, 52], [179, 52], [177, 51], [175, 52]]]] };
  assert.deepEqual(unwrapAntimeridian(g).coordinates[1][0].map((p) => p[0]), [-185, -181, -183, -185]);
});

test('ordinary geometries come back as the same object', () => {
  const g = { type: 'Polygon' as const, coordinates: [[[44, 40], [46, 40], [45, 41], [44, 40]]] };
  assert.equal(unwrapAntimeridian(g), g);
  const p = { type: 'Point' as const, coordinates: [49.9, 40.4] };
  assert.equal(unwrapAntimeridian(p), p);
});
