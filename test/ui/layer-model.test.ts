// Unit tests of the explorer's pure layer views, layer I/O and signals model (issue #4), on the seed sample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ArticleLayer } from '../../src/core/types.ts';
import { correctFeature, correctPlace } from '../../src/ui/model/correct-place.ts';
import { createModel } from '../../src/ui/model/create-model.ts';
import { exportFileName, LayerFormatError, parseLayer } from '../../src/ui/model/layer-io.ts';
import { readLayer } from '../../src/ui/model/validate-layer.ts';
import {
  filterRows,
  passagesOf,
  placeMeta,
  placeRows,
  segmentText,
  textMentions,
} from '../../src/ui/model/layer-view.ts';

const text = readFileSync(new URL('../fixtures/layers/seed-sample.geojson', import.meta.url), 'utf8');
const layer = (): ArticleLayer => JSON.parse(text);

test('the fixture keeps text.slice(start, end) === mention.text', () => {
  const l = layer();
  for (const f of l.features)
    for (const m of f.properties.mentions) assert.equal(l.text!.slice(m.start, m.end), m.text);
});

test('placeRows puts the headline and repeated places first and sets them apart', () => {
  const rows = placeRows(layer());
  assert.equal(rows[0].feature.properties.name, 'Azerbaijan');
  assert.deepEqual(
    rows.filter((r) => r.main).map((r) => r.feature.properties.name),
    ['Azerbaijan', 'Turkey', 'Ankara', 'Baku'],
  );
  assert.ok(!rows.find((r) => r.feature.properties.name === 'Moscow')!.main);
});

test("a layer's focus decides the main places: the list names what the first view frames", () => {
  const l = layer();
  const framed = ['Azerbaijan', 'Armenia', 'Kalbajar', 'Lachin', 'Nagorno-Karabakh', 'Baku', 'Yerevan'];
  const ids = l.features.filter((f) => framed.includes(f.properties.name)).map((f) => f.id);
  const rows = placeRows({ ...l, focus: { bbox: [43.4, 38.3, 50.6, 41.9], ids } });
  // Turkey and Ankara, in the headline but off the first view, are "also mentioned"; Kalbajar, named once, is main.
  assert.deepEqual(
    rows
      .filter((r) => r.main)
      .map((r) => r.feature.properties.name)
      .sort(),
    [...framed].sort(),
  );
  assert.deepEqual(
    rows
      .filter((r) => !r.main)
      .map((r) => r.feature.properties.name)
      .sort(),
    ['Ankara', 'Moscow', 'Russia', 'Turkey'],
  );
  // The order is still by weight: Azerbaijan first.
  assert.equal(rows[0].feature.properties.name, 'Azerbaijan');
});

test('placeMeta gives kind, country unless a country, and an approximate placement with what it is within', () => {
  const props = (id: string) => layer().features.find((f) => f.id === id)!.properties;
  const site = { ...props('geonames:587084'), name: 'Heydar Aliyev Center', kind: 'site' as const, approximate: true };
  const cases: Array<[string, string]> = [
    [placeMeta(props('geonames:587116')), 'country'],
    [placeMeta(props('geonames:587084')), 'city · Azerbaijan'],
    [
      placeMeta({ ...site, within: { id: 'geonames:587084', name: 'Baku' } }),
      'site · Azerbaijan · approximately placed, within Baku',
    ],
    // From a file: a `within` without a string name still says "approximately placed".
    [placeMeta({ ...site, within: 'Baku' as never }), 'site · Azerbaijan · approximately placed'],
    [
      placeMeta({ ...site, approximate: undefined, within: { id: 'geonames:587084', name: 'Baku' } }),
      'site · Azerbaijan',
    ],
  ];
  for (const [got, want] of cases) assert.equal(got, want);
});

test('filterRows ignores case and accents', () => {
  const rows = placeRows(layer());
  assert.deepEqual(
    filterRows(rows, 'LÀCH').map((r) => r.feature.id),
    ['geonames:147622'],
  );
  assert.equal(filterRows(rows, '  ').length, rows.length);
});

test('textMentions are in text order and segmentText rebuilds the passage exactly', () => {
  const l = layer();
  const ms = textMentions(l);
  for (let i = 1; i < ms.length; i++) assert.ok(ms[i].start >= ms[i - 1].end);
  for (const p of l.passages) {
    const segs = segmentText(l.text!, p.start, p.end, ms);
    assert.equal(segs.map((s) => (typeof s === 'string' ? s : s.text)).join(''), l.text!.slice(p.start, p.end));
  }
});

test('passagesOf lists each passage once, in order', () => {
  const az = layer().features.find((f) => f.id === 'geonames:587116')!;
  assert.deepEqual(passagesOf(az), [0, 1, 2, 3]);
});

test('parseLayer rejects what is not a layer with a message for a person', () => {
  for (const bad of ['nope', '{"type":"Feature"}', '{"type":"FeatureCollection","features":[{"type":"Feature"}]}']) {
    assert.throws(() => parseLayer(bad), LayerFormatError);
  }
  assert.equal(parseLayer(text).features.length, 11);
});

test('exportFileName makes a readable slug', () => {
  assert.equal(exportFileName('Baku: “talks” in Şuşa'), 'baku-talks-in-susa.geojson');
  assert.equal(exportFileName(undefined, 'Lachin'), 'article-layer-lachin.geojson');
  assert.equal(exportFileName('<script>'), 'script.geojson');
});

test('correctFeature records status and original, and merges into an existing referent', () => {
  const l = layer();
  const c = correctFeature(l, 'geonames:147622', 'geonames:147624');
  const f = c.features.find((x) => x.id === 'geonames:147624')!;
  assert.equal(f.properties.status, 'corrected');
  assert.equal(f.properties.original, 'geonames:147622');
  assert.equal(c.features.length, l.features.length);
  assert.equal(l.features.find((x) => x.id === 'geonames:147622')!.properties.status, undefined, 'input not mutated');
  // Correcting back keeps the very first machine choice as `original`.
  const back = correctFeature(c, 'geonames:147624', 'geonames:147622');
  assert.equal(back.features.find((x) => x.id === 'geonames:147622')?.properties.original, 'geonames:147622');
  // Yerevan → "not a place": no geometry, decision recorded.
  const none = correctFeature(l, 'geonames:616052', null);
  const n = none.features.find((x) => x.properties.original === 'geonames:616052')!;
  assert.equal(n.geometry, null);
  assert.equal(
    placeRows(none).some((r) => r.feature === n),
    false,
  );
  // Merge: pretend Baku's alternative is Azerbaijan itself.
  l.features
    .find((x) => x.id === 'geonames:587084')!
    .properties.candidates.push({
      id: 'geonames:587116',
      name: 'Azerbaijan',
      kind: 'country',
      country: 'AZ',
      anchor: [47.5, 40.5],
      score: 0.1,
    });
  const merged = correctFeature(l, 'geonames:587084', 'geonames:587116');
  assert.equal(merged.features.length, l.features.length - 1);
  const az = merged.features.find((x) => x.id === 'geonames:587116')!;
  assert.equal(az.properties.mentions.filter((m) => m.text === 'Baku').length, 2);
});

test('the model exports the source bytes until a correction, and two models share nothing', () => {
  const a = createModel();
  const b = createModel();
  assert.equal(a.load(text, readLayer), true);
  b.load(text, readLayer);
  a.select('geonames:587084', 'list');
  assert.equal(a.selected.value?.properties.name, 'Baku');
  assert.equal(b.selected.value, null);
  assert.match(a.announcement.value, /Selected Baku, city in Azerbaijan: 2 mentions/);
  assert.equal(a.exportText(), text);
  correctPlace(a, 'geonames:587084', 'geonames:587085');
  assert.notEqual(a.exportText(), text);
  assert.equal(
    JSON.parse(a.exportText()).features.find((f: { id: string }) => f.id === 'geonames:587085').properties.status,
    'corrected',
  );
  assert.equal(b.exportText(), text);
  assert.equal(a.load('{}', readLayer), false);
  assert.match(a.error.value!.message, /JSON but not GeoJSON/);
  assert.equal(a.layer.value?.features.length, 11, 'a bad file keeps the current layer');
});

test('the announcement of a selection says when the place is approximate, and what it is within', () => {
  const l = layer();
  const baku = l.features.find((f) => f.id === 'geonames:587084')!;
  Object.assign(baku.properties, {
    name: 'Heydar Aliyev Center',
    kind: 'site',
    approximate: true,
    within: { id: 'geonames:587084', name: 'Baku' },
  });
  const m = createModel();
  assert.equal(m.load(JSON.stringify(l), readLayer), true);
  m.select('geonames:587084', 'list');
  assert.match(
    m.announcement.value,
    /^Selected Heydar Aliyev Center, site in Azerbaijan, approximately placed, within Baku: 2 mentions\.$/,
  );
  m.select('geonames:587116', 'list');
  assert.doesNotMatch(m.announcement.value, /approximately/);
});
