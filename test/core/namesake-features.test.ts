// A city and the same-named area around it (namesake-features.ts), on hand-made places: which one a bare
// name means, and when an admin-1 unit holds a city although its outline does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCandidate } from '../../src/core/candidate-scores.ts';
import { EMPTY_MODEL } from '../../src/core/model.ts';
import { containsByShape, twinFeatures, type Contains } from '../../src/core/namesake-features.ts';
import type { NameMatch, Place } from '../../src/core/types.ts';
import { loadFixtureGazetteer } from '../gazetteer/fixture-gazetteer.ts';

const place = (p: Partial<Place> & Pick<Place, 'id' | 'kind' | 'population'>): Place => ({
  name: 'X',
  featureCode: '',
  country: 'XX',
  admin1: '01',
  anchor: [0, 0],
  shape: p.kind === 'city' ? undefined : p.id,
  ...p,
});
const twins = (all: NameMatch[], contains: Contains) =>
  all.map((m) => {
    const f = new Map<string, number>();
    twinFeatures(m, all, f, contains);
    return [...f.keys()];
  });
const inside: Contains = () => true;
const named = (p: Place): NameMatch => ({ place: p, nameType: 'name' });

test('a province whose namesake city is a small share of it stays the province', () => {
  // 530,000 of 7.2 million (Quebec City and Quebec): the province is meant.
  const province = place({ id: 'a', kind: 'admin1', population: 7_200_000 });
  const city = place({ id: 'c', kind: 'city', population: 530_000 });
  assert.deepEqual(twins([named(province), named(city)], inside), [['twinArea'], ['twinSeat']]);
});

test('a big city that is most of its namesake unit is meant as the city', () => {
  // 1.1 million of 1.7 million (Baku and the Baku unit), and a unit without a population figure.
  const unit = place({ id: 'a', kind: 'admin1', population: 1_700_000 });
  const city = place({ id: 'c', kind: 'city', population: 1_100_000 });
  assert.deepEqual(twins([named(unit), named(city)], inside), [['twinBigArea'], ['twinCity']]);
  const unknown = place({ id: 'u', kind: 'admin1', population: 0 });
  assert.deepEqual(twins([named(unknown), named(city)], inside), [['twinBigArea'], ['twinCity']]);
  // A small seat is never meant over its area, whatever its share.
  const town = place({ id: 't', kind: 'city', population: 2_000 });
  const district = place({ id: 'd', kind: 'admin1', population: 2_300 });
  assert.deepEqual(twins([named(district), named(town)], inside), [['twinArea'], ['twinSeat']]);
});

test('the share rule holds only for an area called by its own name', () => {
  // 800,000 of 5 million (Valencia and the Valencian Community, which "Valencia" reaches as an alternate name):
  // the city, whose primary name it is, is meant; called by its own name, the area would stay the area.
  const community = place({ id: 'a', kind: 'admin1', population: 5_000_000 });
  const city = place({ id: 'c', kind: 'city', population: 800_000 });
  const alt = (p: Place): NameMatch => ({ place: p, nameType: 'alt' });
  assert.deepEqual(twins([alt(community), named(city)], inside), [['twinBigArea'], ['twinCity']]);
  assert.deepEqual(twins([named(community), named(city)], inside), [['twinArea'], ['twinSeat']]);
  // Both by alternate names: the share rule again.
  assert.deepEqual(twins([alt(community), alt(city)], inside), [['twinArea'], ['twinSeat']]);
  // A small town is never meant over its area, however the area is named.
  const town = place({ id: 't', kind: 'city', population: 20_000 });
  assert.deepEqual(twins([alt(community), named(town)], inside), [['twinArea'], ['twinSeat']]);
});

test('an admin-1 unit holds the towns with its code, even far from its label point and outside any outline', () => {
  const contains = containsByShape(loadFixtureGazetteer());
  const province = place({ id: 'none', kind: 'admin1', population: 1, admin1: '10', anchor: [-73.7, 52.3] });
  const city = place({ id: 'c', kind: 'city', population: 1, admin1: '10', anchor: [-71.2, 46.8] });
  assert.equal(contains(province, city), true);
  assert.equal(contains(province, { ...city, admin1: '08' }), false);
  assert.equal(contains({ ...province, kind: 'admin2' }, city), false);
});

test('the twin rule puts a small seat below its area without lifting the area over other readings', () => {
  // A department with a small namesake town (Florida, Uruguay) against a big state of the same name elsewhere:
  // the state's larger population decides; the town goes below its department.
  const department = new Map([
    ['kind:admin1', 1],
    ['pop', 0.6],
    ['twinArea', 1],
  ]);
  const state = new Map([
    ['kind:admin1', 1],
    ['pop', 1],
  ]);
  const town = new Map([
    ['kind:city', 1],
    ['pop', 0.5],
    ['twinSeat', 1],
  ]);
  const score = (f: Map<string, number>) => scoreCandidate(EMPTY_MODEL, f);
  assert.ok(score(state) > score(department));
  assert.ok(score(department) - score(town) >= 6);
  // A big city that is most of its area (Tunis, Washington) is lifted over other readings: the usual one.
  const bigCity = new Map([
    ['kind:city', 1],
    ['pop', 0.9],
    ['twinCity', 1],
  ]);
  assert.ok(score(bigCity) > score(state));
});
