// removeMention (issue #17): one mention leaves its place; the pipeline's mentions are recorded as "not a
// place" in `none:<id>` as correctFeature records a whole place; a place without mentions leaves the map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMention } from '../../src/ui/model/add-mention.ts';
import { correctFeature } from '../../src/ui/model/correct-place.ts';
import { removeMention } from '../../src/ui/model/remove-mention.ts';
import { placeRows, textMentions } from '../../src/ui/model/layer-view.ts';
import { validateLayer } from '../helpers/validate-layer.ts';
import { reviewLayer, spanOf, SPRINGFIELD_IL } from './review-fixture.ts';

const PARIS = 'geonames:2988507';

test('a found mention leaves its place and is recorded under none:<id>, outside the map', () => {
  const before = reviewLayer();
  const second = spanOf('Paris', 1).start;
  const after = removeMention(before, PARIS, second);
  assert.equal(before.features[0].properties.mentions.length, 2, 'the input is not changed');
  const paris = after.features.find((f) => f.id === PARIS)!;
  assert.deepEqual(
    paris.properties.mentions.map((m) => m.start),
    [spanOf('Paris', 0).start],
  );
  const none = after.features.find((f) => f.id === `none:${PARIS}`)!;
  assert.equal(none.geometry, null);
  assert.equal(none.properties.status, 'corrected');
  assert.equal(none.properties.original, PARIS);
  assert.deepEqual(
    none.properties.mentions.map((m) => m.start),
    [second],
  );
  assert.deepEqual(validateLayer(after), []);
  assert.deepEqual(
    placeRows(after).map((r) => r.feature.id),
    [PARIS],
  );
  assert.ok(!textMentions(after).some((m) => m.start === second), 'no longer highlighted');
  assert.deepEqual(after.focus?.ids, [PARIS], 'Paris is still on the map');
});

test('a place left without mentions leaves the map and the focus; its mentions stay recorded', () => {
  let layer = removeMention(reviewLayer(), PARIS, spanOf('Paris', 1).start);
  layer = removeMention(layer, PARIS, spanOf('Paris', 0).start);
  assert.deepEqual(
    layer.features.map((f) => f.id),
    [`none:${PARIS}`],
  );
  assert.deepEqual(
    layer.features[0].properties.mentions.map((m) => m.start),
    [spanOf('Paris', 0).start, spanOf('Paris', 1).start],
  );
  assert.equal(layer.focus, undefined, 'a focus with no ids is left out (the schema wants at least one)');
  assert.deepEqual(placeRows(layer), []);
  assert.deepEqual(validateLayer(layer), []);
  // The same record as "not a place" for the whole of Paris at once.
  const whole = correctFeature(reviewLayer(), PARIS, null);
  assert.deepEqual(
    whole.features.map((f) => [f.id, f.geometry, f.properties.mentions.length, f.properties.status]),
    layer.features.map((f) => [f.id, f.geometry, f.properties.mentions.length, f.properties.status]),
  );
});

test('a mention added by hand is dropped without a record; an added place without mentions is gone', () => {
  const added = addMention(reviewLayer(), spanOf('Springfield'), SPRINGFIELD_IL);
  const after = removeMention(added, SPRINGFIELD_IL.id, spanOf('Springfield').start);
  assert.deepEqual(after.features, reviewLayer().features);
  const third = spanOf('Paris', 2);
  const more = addMention(reviewLayer(), third, { ...SPRINGFIELD_IL, id: PARIS, name: 'Paris' });
  assert.deepEqual(removeMention(more, PARIS, third.start).features, reviewLayer().features);
});

test('a corrected place records under its first machine choice; "not a place" afterwards keeps both', () => {
  const corrected = correctFeature(reviewLayer(), PARIS, 'geonames:4717560');
  const removed = removeMention(corrected, 'geonames:4717560', spanOf('Paris', 0).start);
  const none = removed.features.find((f) => f.id === `none:${PARIS}`)!;
  assert.equal(none.properties.original, PARIS);
  assert.equal(none.properties.mentions.length, 1);
  const rest = correctFeature(removed, 'geonames:4717560', null);
  assert.deepEqual(
    rest.features.map((f) => [f.id, f.properties.mentions.map((m) => m.start)]),
    [[`none:${PARIS}`, [spanOf('Paris', 0).start, spanOf('Paris', 1).start]]],
  );
  assert.deepEqual(validateLayer(rest), []);
});

test('an unknown place or mention leaves the layer as it is', () => {
  const layer = reviewLayer();
  assert.equal(removeMention(layer, 'geonames:1', 0), layer);
  assert.equal(removeMention(layer, PARIS, 3), layer);
});
