// addMention and trimSpan (issue #17): a missed place joins the layer as a feature with `status: "added"`,
// or a further mention of a place already shown; the layer stays valid against the schema and the reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMention, EditError, trimSpan } from '../../src/ui/model/add-mention.ts';
import { removeMention } from '../../src/ui/model/remove-mention.ts';
import { readLayer } from '../../src/ui/model/validate-layer.ts';
import { placeRows, textMentions } from '../../src/ui/model/layer-view.ts';
import { validateLayer } from '../helpers/validate-layer.ts';
import { FRANCE, REVIEW_TEXT, reviewLayer, spanOf, SPRINGFIELD_IL } from './review-fixture.ts';

test('trimSpan drops spaces and punctuation at the ends of a selection, nothing inside', () => {
  const s = spanOf('Springfield');
  assert.deepEqual(trimSpan(REVIEW_TEXT, { start: s.start - 1, end: s.end + 1 }), s); // " Springfield "
  const text = 'near “Nagorno-Karabakh”, said';
  assert.deepEqual(trimSpan(text, { start: 5, end: 24 }), { start: 6, end: 22 });
  assert.equal(text.slice(6, 22), 'Nagorno-Karabakh');
  assert.equal(trimSpan(text, { start: 22, end: 25 }), null);
  assert.equal(trimSpan(text, { start: 3, end: 3 }), null);
});

test('a missed place becomes a new feature, status "added", its mention too, in a valid layer', () => {
  const before = reviewLayer();
  const after = addMention(before, spanOf('Springfield'), SPRINGFIELD_IL);
  assert.equal(before.features.length, 1, 'the input is not changed');
  assert.equal(after.features.length, 2);
  const f = after.features[1];
  assert.equal(f.id, 'geonames:4250542');
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [-89.64371, 39.80172] });
  assert.deepEqual(f.properties, {
    name: 'Springfield',
    kind: 'city',
    country: 'US',
    geonameid: 4250542,
    anchor: [-89.64371, 39.80172],
    score: 1,
    candidates: [],
    mentions: [{ ...spanOf('Springfield'), text: 'Springfield', passage: 1, type: 'toponym', status: 'added' }],
    status: 'added',
  });
  assert.deepEqual(validateLayer(after), []);
  // The explorer's own reader keeps all of it (what the studio reloads after a reload of the page).
  const read = readLayer(JSON.stringify(after));
  assert.deepEqual(read.dropped, []);
  assert.deepEqual(read.layer.features[1], f);
  // It is shown: in the place list and highlighted in the text.
  assert.ok(placeRows(after).some((r) => r.feature.id === f.id));
  assert.ok(textMentions(after).some((m) => m.id === f.id && m.text === 'Springfield'));
});

test('a further mention of a place already shown extends it; an adjective reading is adjectival', () => {
  const third = spanOf('Paris', 2);
  const after = addMention(reviewLayer(), third, { ...SPRINGFIELD_IL, id: 'geonames:2988507', name: 'Paris' });
  assert.equal(after.features.length, 1);
  const p = after.features[0].properties;
  assert.deepEqual(
    p.mentions.map((m) => [m.start, m.status]),
    [
      [spanOf('Paris', 0).start, undefined],
      [spanOf('Paris', 1).start, undefined],
      [third.start, 'added'],
    ],
  );
  assert.equal(p.status, undefined, 'the place itself was found by the pipeline');
  assert.equal(p.name, 'Paris', 'the feature keeps its own properties');
  const french = addMention(reviewLayer(), spanOf('French'), FRANCE);
  const fr = french.features.find((f) => f.id === FRANCE.id)!;
  assert.equal(fr.properties.mentions[0].type, 'adjectival');
  assert.equal(fr.geometry.type, 'Polygon');
  assert.deepEqual(validateLayer(french), []);
});

test('an edit that cannot be made throws an EditError saying why', () => {
  const layer = reviewLayer();
  const paris = spanOf('Paris');
  const cases: Array<[{ start: number; end: number }, RegExp]> = [
    [{ start: paris.start - 3, end: paris.start + 3 }, /“Paris” is already marked as Paris: remove that mention first/],
    [{ start: 15, end: 30 }, /within one paragraph/],
    [{ start: 5, end: 5 }, /Select the words/],
    [{ start: 80, end: REVIEW_TEXT.length + 1 }, /Select the words/],
  ];
  for (const [span, message] of cases)
    assert.throws(
      () => addMention(layer, span, SPRINGFIELD_IL),
      (e: Error) => e instanceof EditError && message.test(e.message),
    );
  const { text: _t, ...textless } = layer;
  assert.throws(() => addMention(textless, spanOf('Springfield'), SPRINGFIELD_IL), /does not include the article text/);
});

test('a span removed from a place can be given to another place', () => {
  const paris = spanOf('Paris', 1);
  const removed = removeMention(reviewLayer(), 'geonames:2988507', paris.start);
  const texas = { ...SPRINGFIELD_IL, id: 'geonames:4717560', name: 'Paris', country: 'US' };
  const after = addMention(removed, paris, texas);
  assert.equal(after.features.find((f) => f.id === texas.id)?.properties.mentions[0].start, paris.start);
  assert.deepEqual(validateLayer(after), []);
});
