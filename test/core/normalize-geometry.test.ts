// roundPosition and roundCoords: 6-decimal rounding, as a copy or in place, at the depth a geometry type gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from 'geojson';
import { POSITION_DEPTH, roundCoords, roundPosition } from '../../src/core/normalize-geometry.ts';

test('roundPosition: a rounded copy, or the same array rounded in place; a third coordinate too', () => {
  const p: Position = [49.123456789, 40.5];
  const copy = roundPosition(p);
  assert.deepEqual(copy, [49.123457, 40.5]);
  assert.notEqual(copy, p);
  assert.deepEqual(p, [49.123456789, 40.5], 'the input is left alone');
  assert.equal(roundPosition(p, true), p);
  assert.deepEqual(p, [49.123457, 40.5]);
  assert.deepEqual(roundPosition([1.0000004, 2.0000006, 3.1234567]), [1, 2.000001, 3.123457]);
});

test('roundCoords: every position of a polygon and a multipolygon, at their type depth', () => {
  const ring = (): Position[] => [
    [0.1234567, 0],
    [1, 0.9999999],
    [0, 1],
    [0.1234567, 0],
  ];
  const polygon = [ring()];
  const rounded = roundCoords(polygon, false, POSITION_DEPTH.Polygon);
  assert.deepEqual(rounded, [
    [
      [0.123457, 0],
      [1, 1],
      [0, 1],
      [0.123457, 0],
    ],
  ]);
  assert.equal(polygon[0][0][0], 0.1234567, 'a copy leaves the input alone');
  const multi = [[ring()], [ring(), ring()]];
  assert.equal(roundCoords(multi, true, POSITION_DEPTH.MultiPolygon), multi, 'in place: the same arrays');
  for (const rings of multi) for (const r of rings) assert.deepEqual(r[1], [1, 1]);
  assert.deepEqual(roundCoords([10.1234567, -3.9999999], false, POSITION_DEPTH.Point), [10.123457, -4]);
});
