// isPlottable (src/core/is-plottable.ts): which places the map draws and the focus may frame (issue #14).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlottable } from '../../src/core/is-plottable.ts';
import type { LayerFeature } from '../../src/core/types.ts';

const POINT = { type: 'Point', coordinates: [89.3, 29.8] };
const SHAPE = {
  type: 'Polygon',
  coordinates: [
    [
      [40, 38],
      [50, 38],
      [50, 43],
      [40, 38],
    ],
  ],
};
const f = (kind: string, geometry: unknown): LayerFeature =>
  ({ type: 'Feature', id: kind, geometry, properties: { name: kind, kind } }) as unknown as LayerFeature;

const CASES: Array<[string, LayerFeature, boolean]> = [
  ['a continent given as a point (its centroid)', f('continent', POINT), false],
  ['a broad region given as a point', f('region', POINT), false],
  ['a region with an outline', f('region', SHAPE), true],
  ['a continent with an outline', f('continent', SHAPE), true],
  ['a city', f('city', POINT), true],
  ['a district given as a point', f('admin2', POINT), true],
  ['a place without geometry ("not a place")', f('city', null), false],
];

for (const [name, feature, expected] of CASES)
  test(`isPlottable: ${name}`, () => assert.equal(isPlottable(feature), expected));
