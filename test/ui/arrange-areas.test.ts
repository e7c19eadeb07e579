// Unit tests of arrangeAreas (src/ui/map/arrange-areas.ts) and labelPoint (src/core/label-point.ts) on small
// synthetic layers: a region holding a country holding a district and a city, a neighbour beside them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Polygon, Position } from 'geojson';
import { labelPoint } from '../../src/core/label-point.ts';
import type { LayerFeature } from '../../src/core/types.ts';
import { arrangeAreas, readLabelPoints } from '../../src/ui/map/arrange-areas.ts';

const box = (w: number, s: number, e: number, n: number): Position[][] => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const area = (id: string, rings: Position[][]): LayerFeature =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: rings },
    properties: { name: id },
  }) as unknown as LayerFeature;
const point = (id: string, at: [number, number]): LayerFeature =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: at },
    properties: { name: id },
  }) as unknown as LayerFeature;

const region = area('region', box(0, 0, 20, 10));
const country = area('country', box(1, 1, 9, 9));
const district = area('district', box(2, 2, 4, 4));
const neighbour = area('neighbour', box(21, 0, 25, 4));
const city = point('city', [7, 7]);
const island = point('island-town', [30, 30]);

test('arrangeAreas stacks the areas from the roomiest to the smallest, points last', () => {
  const { order } = arrangeAreas([district, city, neighbour, region, island, country]);
  assert.deepEqual(
    order.map((f) => f.id),
    ['region', 'country', 'neighbour', 'district', 'city', 'island-town'],
  );
});

test('arrangeAreas marks as containers the areas with another place inside, and no others', () => {
  assert.deepEqual([...arrangeAreas([region, country, district, neighbour, city]).containers].sort(), [
    'country',
    'region',
  ]);
  // A country around a city only is a container too; alone it is not.
  assert.deepEqual([...arrangeAreas([country, city]).containers], ['country']);
  assert.deepEqual([...arrangeAreas([country]).containers], []);
  // A hole is outside: a city in a country's hole does not make it a container.
  const holed = area('holed', [
    ...box(0, 0, 10, 10),
    [
      [4, 4],
      [4, 6],
      [6, 6],
      [6, 4],
      [4, 4],
    ],
  ]);
  assert.deepEqual([...arrangeAreas([holed, point('in-hole', [5, 5])]).containers], []);
});

test("labelPoint: a square's label at its centre with half its side of room (Web Mercator pixels at zoom 0)", () => {
  // 2° × 2° at the equator: 256 / 360 px per degree, so 1.42 px wide; Mercator is nearly square there.
  const l = labelPoint({ type: 'Polygon', coordinates: box(-1, -1, 1, 1) });
  assert.ok(Math.abs(l.at[0]) < 0.02 && Math.abs(l.at[1]) < 0.02, String(l.at));
  assert.ok(Math.abs(l.radius - 256 / 360) < 0.02, String(l.radius));
  assert.ok(Math.abs(l.across - 256 / 360) < 0.001, String(l.across));
});

test("labelPoint: an L-shaped area is labelled inside it, not at its box's centre, and across its row", () => {
  // An L: a 10 × 2 bar along the bottom and a 2 × 10 bar up the left side.
  const l = labelPoint({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 2],
        [2, 2],
        [2, 10],
        [0, 10],
        [0, 0],
      ],
    ],
  });
  const [x, y] = l.at;
  assert.ok((y > 0 && y < 2 && x > 0 && x < 10) || (x > 0 && x < 2 && y > 0 && y < 10), `outside the L: ${l.at}`);
  // The largest circle inside an L of 2° bars sits in its corner, touching the inner corner: radius 2√2/(1+√2) ≈ 1.17°.
  assert.ok(Math.abs(l.radius - ((2 * Math.SQRT2) / (1 + Math.SQRT2)) * (256 / 360)) < 0.03, `room ${l.radius}`);
  // The row through the bottom bar is 10° long: half of it is the room across.
  if (y < 2) assert.ok(Math.abs(l.across - (5 * 256) / 360) < 0.01, String(l.across));
});

test('labelPoint: a multipolygon is labelled in its roomiest part', () => {
  const l = labelPoint({ type: 'MultiPolygon', coordinates: [box(0, 0, 1, 1), box(10, 10, 16, 16)] });
  assert.ok(l.at[0] > 10 && l.at[0] < 16 && l.at[1] > 10 && l.at[1] < 16, String(l.at));
});

test('label points given are taken as they are: their room orders the areas, and a missing one is computed', () => {
  // A made-up room that puts the district under the country: only the given number can do that.
  const known = readLabelPoints(JSON.stringify({ district: [3, 3, 100, 100] }));
  const { order, labels } = arrangeAreas([region, country, district], known);
  assert.deepEqual(labels.get('district'), { at: [3, 3], radius: 100, across: 100 });
  assert.deepEqual(labels.get('country'), labelPoint(country.geometry as Polygon));
  assert.deepEqual(
    order.map((f) => f.id),
    ['district', 'region', 'country'],
  );
});

test('readLabelPoints keeps only four finite numbers with a room and width not below zero', () => {
  const known = readLabelPoints(
    JSON.stringify({
      ok: [1, 2, 0.5, 0.75],
      three: [1, 2, 3],
      text: [1, '2', 3, 4],
      negative: [1, 2, -1, 4],
      object: { at: [1, 2] },
    }),
  );
  assert.deepEqual([...known.keys()], ['ok']);
  assert.deepEqual(known.get('ok'), { at: [1, 2], radius: 0.5, across: 0.75 });
  for (const bad of [undefined, '', 'not json', '[1,2]', 'null', '{"x":[1,2,null,4]}'])
    assert.equal(readLabelPoints(bad).size, 0, String(bad));
});
