// Small synthetic checks of the gazetteer build's issue #15 helpers: which water bodies become areas,
// whether NE's admin-1 code really is a unit's, and which NE abbreviations become names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error plain ESM build helpers without types
import { waterPolygon } from '../../geo/lib/build-physical.mjs';
// @ts-expect-error plain ESM build helpers without types
import { codeFitsUnit } from '../../geo/lib/build-admin.mjs';
// @ts-expect-error plain ESM build helpers without types
import { admin1Abbreviations } from '../../geo/lib/admin1-abbreviations.mjs';

const square = (x: number, y: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const feature = (id: string, scalerank: number, x: number) => ({
  properties: { ne_id: id, scalerank },
  geometry: square(x, 0, 1),
});
const polygons = new Map([
  ['1', feature('1', 0, 0)],
  ['2', feature('2', 5, 10)],
  ['3', feature('3', 2, 20)],
]);
const row = (kind: string, featurecla: string, neIds: string) => ({
  kind,
  featurecla,
  ne_ids: neIds,
  scalerank: '99.0',
});

test('seas, gulfs and bays become areas; oceans and straits stay points', () => {
  assert.equal(waterPolygon(row('marine', 'sea', '1'), polygons)?.type, 'Polygon');
  assert.equal(waterPolygon(row('marine', 'gulf', '2'), polygons)?.type, 'Polygon');
  assert.equal(waterPolygon(row('marine', 'ocean', '1'), polygons), undefined);
  assert.equal(waterPolygon(row('marine', 'strait', '1'), polygons), undefined);
  assert.equal(waterPolygon(row('marine', 'sea', '9'), polygons), undefined, 'no polygon with that id');
});

test("a lake is an area when one of its polygons has NE scalerank ≤ 3, whatever the table's 99", () => {
  const both = waterPolygon(row('lake', 'Lake', '2,3'), polygons);
  assert.equal(both?.type, 'MultiPolygon');
  assert.equal(both.coordinates.length, 2);
  assert.equal(waterPolygon(row('lake', 'Lake', '2'), polygons), undefined, 'a small lake stays a point');
  assert.equal(waterPolygon(row('river', 'River', '1'), polygons), undefined);
});

test("NE's admin-1 code is kept only where most of the code's town population lies in the unit", () => {
  const unit = square(0, 0, 2);
  const town = (lon: number, lat: number, population: number) => ({
    longitude: String(lon),
    latitude: String(lat),
    population: String(population),
  });
  assert.equal(codeFitsUnit([town(1, 1, 5000), town(9, 9, 100)], unit), true);
  // A department numbered like the capital's region: the region's towns lie far away.
  assert.equal(codeFitsUnit([town(1, 1, 5000), town(9, 9, 2_000_000)], unit), false);
  assert.equal(codeFitsUnit([town(2.3, 1, 1000)], unit), true, 'half a degree of slack for coasts');
  assert.equal(codeFitsUnit(undefined, unit), true, 'a code no town carries harms nothing');
});

test('press-style NE abbreviations of states become names; map shorthands and English words do not', () => {
  const none = () => false;
  assert.deepEqual(admin1Abbreviations({ iso_a2: 'AU', abbrev: 'N.S.W.', name: 'New South Wales' }, none), ['N.S.W.']);
  assert.deepEqual(admin1Abbreviations({ iso_a2: 'US', abbrev: 'Calif.', name: 'California' }, none), ['Calif.']);
  assert.deepEqual(
    admin1Abbreviations({ iso_a2: 'AU', abbrev: 'A.C.T.', name: 'Australian Capital Territory' }, (w: string) =>
      ['act'].includes(w),
    ),
    [],
    'an English word',
  );
  assert.deepEqual(admin1Abbreviations({ iso_a2: 'BR', abbrev: 'Perna.', name: 'Pernambuco' }, none), [], 'not press');
  assert.deepEqual(admin1Abbreviations({ iso_a2: 'US', abbrev: 'Ohio', name: 'Ohio' }, none), [], 'no stop');
  assert.deepEqual(admin1Abbreviations({ iso_a2: 'US', abbrev: 'M.Ger.', name: 'Pará' }, none), [], 'other letters');
});
