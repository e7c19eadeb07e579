// Regional compounds (issue #15): a compass word before a name ("Southern Ontario", "East Texas") reads as
// that name's area, approximately. Candidate choice on the fixture gazetteer, then whole articles with the
// committed gazetteer and model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCandidates } from '../../src/core/rank-candidates.ts';
import { geoparse } from '../../src/core/geoparse.ts';
import type { Mention } from '../../src/core/types.ts';
import { loadFixtureGazetteer } from '../gazetteer/fixture-gazetteer.ts';
import { realResources } from '../helpers/real-resources.ts';

const mention = (key: string, qualified: boolean): Mention => ({
  start: 0,
  end: key.length,
  text: key,
  key,
  type: 'toponym',
  passage: 0,
  confidence: 1,
  ...(qualified ? { qualified } : {}),
});

test('a qualified name keeps only its area readings when it has one', () => {
  const gazetteer = loadFixtureGazetteer();
  const kinds = (qualified: boolean) =>
    findCandidates(mention('lachin', qualified), gazetteer).map((m) => m.place.kind);
  assert.ok(kinds(false).includes('city'), 'the bare name keeps the town');
  assert.deepEqual([...new Set(kinds(true))], ['admin1']);
  // A name with towns only keeps them: "West Springfield" is still somewhere in Springfield.
  assert.ok(findCandidates(mention('springfield', true), gazetteer).length > 0);
});

/** name → [kind, approximate] of each feature of the article's layer. */
function features(text: string): Map<string, [string, boolean]> {
  const layer = geoparse(text, realResources());
  return new Map(layer.features.map((f) => [f.properties.name, [f.properties.kind, !!f.properties.approximate]]));
}

test('"East Texas" and "Southern Ontario" are the state and the province, approximately', () => {
  const got = features('Floods hit East Texas on Monday, and snow fell across Southern Ontario.');
  assert.deepEqual(got.get('Texas'), ['admin1', true]);
  assert.deepEqual(got.get('Ontario'), ['admin1', true], 'the province, not Ontario, California');
});

test('a place also named without the compass word is not approximate', () => {
  const got = features('Storms hit East Texas on Monday. By Tuesday the rain had reached most of Texas.');
  assert.deepEqual(got.get('Texas'), ['admin1', false]);
});

test('a name that is itself a gazetteer name is exact: Northern Ireland', () => {
  const got = features('Talks resumed in Northern Ireland on Monday.');
  assert.deepEqual(got.get('Northern Ireland'), ['admin1', false]);
});

test("the compass word's other form names a region the gazetteer knows: North Africa is Northern Africa", () => {
  const got = features('Drought spread across North Africa and East Europe, and floods reached Southern Sudan.');
  // GeoNames' "Northern Africa" and "Eastern Europe" (points), and the country "South Sudan": exact, not Africa.
  assert.deepEqual(got.get('Northern Africa'), ['region', false]);
  assert.deepEqual(got.get('Eastern Europe'), ['region', false]);
  assert.deepEqual(got.get('South Sudan'), ['country', false]);
  assert.equal(got.get('Africa'), undefined);
  // Areas only: "Western Canada" is Canada, approximately, not West Canada Creek (a stream in New York).
  assert.deepEqual(features('Snow fell across Western Canada.').get('Canada'), ['country', true]);
});
