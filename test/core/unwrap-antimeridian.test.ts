// unwrapAntimeridian (issue #5): shapes across ±180° stay in one piece; others are untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unwrapAntimeridian, unwrapRing } from '../../src/core/unwrap-antimeridian.ts';

test('a ring that crosses ±180° continues past it and comes back', () => {
  assert.deepEqual(
    unwrapRing([
      [170, 60],
      [179, 61],
      [-179, 62],
      [-175, 63],
      [178, 64],
      [170, 60],
    ]).map((p) => p[0]),
    [170, 179, 181, 185, 178, 170],
  );
});

test('a ring spanning most of the globe without crossing stays as it is (Eurasia from Portugal)', () => {
  const ring = [
    [-9, 38],
    [60, 70],
    [179, 66],
    [100, 20],
    [-9, 38],
  ];
  assert.deepEqual(unwrapRing(ring), ring);
});

test('Russia-like: a separate ring west of −180° moves east beside the rest', () => {
  const g = {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [30, 60],
          [170, 60],
          [179.9, 65],
          [100, 70],
          [30, 60],
        ],
      ],
      [
        [
          [-179.9, 65],
          [-170, 66],
          [-179.9, 67],
          [-179.9, 65],
        ],
      ],
    ],
  };
  const out = unwrapAntimeridian(g);
  assert.deepEqual(
    out.coordinates[1][0].map((p) => p[0]),
    [180.1, 190, 180.1, 180.1],
  );
  assert.deepEqual(out.coordinates[0], g.coordinates[0]);
});

test('US-like: the few eastern islands move west of −180°', () => {
  const g = {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [-120, 40],
          [-80, 40],
          [-90, 35],
          [-100, 30],
          [-120, 40],
        ],
      ],
      [
        [
          [175, 52],
          [179, 52],
          [177, 51],
          [175, 52],
        ],
      ],
    ],
  };
  assert.deepEqual(
    unwrapAntimeridian(g).coordinates[1][0].map((p) => p[0]),
    [-185, -181, -183, -185],
  );
});

test('ordinary geometries come back as the same object', () => {
  const g = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [44, 40],
        [46, 40],
        [45, 41],
        [44, 40],
      ],
    ],
  };
  assert.equal(unwrapAntimeridian(g), g);
  const p = { type: 'Point' as const, coordinates: [49.9, 40.4] };
  assert.equal(unwrapAntimeridian(p), p);
});
