// searchPlaces (issue #17) on the hand-made ambiguity fixture gazetteer: exact names before prefixes, each
// by importance; one hit per place; the geometry a layer carries; names given as Unicode in either encoding.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGazetteer } from '../../src/gazetteer/index.ts';
import { searchPlaces } from '../../src/core/search-places.ts';
import { toFeatureCollection } from '../../src/core/to-feature-collection.ts';
import type { Place } from '../../src/core/types.ts';
import { loadFixtureGazetteer } from '../gazetteer/fixture-gazetteer.ts';

const gazetteer = loadFixtureGazetteer();
const found = (query: string, options = {}) =>
  searchPlaces(gazetteer, query, options).map((h) => `${h.name}|${h.kind}|${h.country}`);

test('a country outranks a more populous namesake state (Georgia), unlike the name index order', () => {
  // The index lists the US state first (4.7 million against 3.7 million); a country weighs more.
  assert.deepEqual(found('Georgia'), ['Georgia|country|GE', 'Georgia|admin1|US']);
});

test('a capital outranks namesakes; a state capital outranks bigger towns', () => {
  assert.deepEqual(found('paris'), ['Paris|city|FR', 'Paris|city|US']);
  // Springfield IL is a state capital (PPLA, 116,565), MO (PPLA2, 166,810) and MA (PPL, 154,341) are not.
  const springfield = searchPlaces(gazetteer, 'Springfield');
  assert.deepEqual(
    springfield.map((h) => h.id),
    ['geonames:4250542', 'geonames:4409896', 'geonames:4951788'],
  );
  // The admin-1 unit tells namesakes apart where the gazetteer has it (the fixture has Illinois only).
  assert.deepEqual(
    springfield.map((h) => h.region),
    ['Illinois', undefined, undefined],
  );
});

test('a region outranks its small namesake seat; a seat is placed in its region', () => {
  const hits = searchPlaces(gazetteer, 'Lachin');
  assert.deepEqual(
    hits.map((h) => [h.id, h.kind, h.nameType, h.region]),
    [
      ['geonames:147626', 'admin1', 'name', undefined],
      ['geonames:147625', 'city', 'alt', 'Lachin'],
    ],
  );
});

test('exact names (and adjectives) come before names that only start with the query', () => {
  const french = searchPlaces(gazetteer, 'French');
  assert.deepEqual(
    french.map((h) => [h.name, h.nameType, h.exact]),
    [['France', 'adjective', true]],
  );
  // "soviet" is a French village's name and the Soviet Union's adjective; "soviet union" only starts with it.
  const soviet = searchPlaces(gazetteer, 'Soviet');
  assert.deepEqual(
    soviet.map((h) => [h.name, h.exact, h.matched]),
    [
      ['Soviet Union', true, 'soviet'],
      ['Soviet', true, 'soviet'],
    ],
  );
  const spring = searchPlaces(gazetteer, 'spring');
  assert.equal(spring.length, 3);
  assert.ok(spring.every((h) => !h.exact && h.matched === 'springfield'));
});

test('a place reached by several names appears once, by its best name', () => {
  // "tur" starts turkey, turkish, turkiye and turks: all Turkey's.
  assert.deepEqual(found('tur'), ['Turkey|country|TR', 'Turkey|city|US']);
  // "par" starts paris and parigi (Paris's Italian name).
  assert.deepEqual(found('Par'), ['Paris|city|FR', 'Paris|city|US']);
});

test('queries are normalised like mentions; short ones match whole names only; limit caps the hits', () => {
  assert.deepEqual(found('  NAGORNO–karabakh '), ['Nagorno-Karabakh|disputed|AZ']);
  assert.deepEqual(found('Türkiye'), ['Turkey|country|TR']);
  assert.deepEqual(found('pa'), []);
  assert.deepEqual(found('us'), ['United States|country|US']);
  assert.deepEqual(found('pa', { minPrefixLength: 2 }), ['Paris|city|FR', 'Paris|city|US']);
  assert.deepEqual(found('Springfield', { limit: 1 }), ['Springfield|city|US']);
  assert.deepEqual(found('spr', { maxPrefixKeys: 0 }), []);
  assert.deepEqual(found(''), []);
  assert.deepEqual(found(' - '), []);
  assert.deepEqual(found('Atlantis'), []);
});

test('a hit carries the id, anchor and geometry the layer gives the same place', () => {
  for (const id of ['geonames:614540', 'wikidata:Q2514', 'geonames:2988507']) {
    const place = gazetteer.get(id) as Place;
    const hit = searchPlaces(gazetteer, place.name).find((h) => h.id === id)!;
    const mention = { start: 0, end: place.name.length, text: place.name, key: '', type: 'toponym' as const };
    const resolved = [{ mention: { ...mention, passage: 0, confidence: 1 }, candidates: [], place, score: 1 }];
    const [feature] = toFeatureCollection(resolved, place.name, [], gazetteer).features;
    assert.equal(hit.id, feature.id);
    assert.deepEqual(hit.anchor, feature.properties.anchor);
    assert.deepEqual(hit.geometry, feature.geometry);
    assert.equal(hit.wikidata, feature.properties.wikidata);
  }
  // Areas with a shape are polygons, cities points.
  assert.equal(searchPlaces(gazetteer, 'Georgia')[0].geometry.type, 'Polygon');
  assert.deepEqual(searchPlaces(gazetteer, 'Paris')[0].geometry, { type: 'Point', coordinates: [2.3488, 48.85341] });
  assert.equal(searchPlaces(gazetteer, 'Nagorno-Karabakh')[0].disputed?.startsWith('Extent held'), true);
});

test('keysWithPrefix lists names beyond ASCII alike from text and from UTF-8 bytes', () => {
  const header =
    'id\tname\tkind\tfeatureCode\tcountry\tadmin1\tpopulation\tlon\tlat\tgeonameid\twikidata\tshape\tdisputed\n';
  const places =
    header +
    'geonames:524901\tMoscow\tcity\tPPLC\tRU\t48\t10381222\t37.61556\t55.75222\t\t\t\t\n' +
    'geonames:1\tMoskvich\tcity\tPPL\tRU\t48\t10\t37\t55\t\t\t\t\n';
  // Keys in code-point order, as the writer sorts them.
  const names = 'moscow\t0:n\nмосква\t0:a\nмосквич\t1:n\n';
  const asBytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  for (const g of [
    createGazetteer({ places, names }),
    createGazetteer({ places: asBytes(places), names: asBytes(names), utf8Bytes: true }),
  ]) {
    assert.deepEqual(g.keysWithPrefix!('моск', 10), ['москва', 'москвич']);
    assert.deepEqual(g.keysWithPrefix!('москва', 10), ['москва']);
    assert.deepEqual(g.keysWithPrefix!('моск', 1), ['москва']);
    assert.deepEqual(g.keysWithPrefix!('mos', 10), ['moscow']);
    assert.deepEqual(g.keysWithPrefix!('x', 10), []);
    assert.deepEqual(
      searchPlaces(g, 'Москва').map((h) => [h.name, h.nameType]),
      [['Moscow', 'alt']],
    );
  }
});

test('a prefix that starts thousands of names still finds the capital late in the alphabet (issue #15)', () => {
  const header =
    'id\tname\tkind\tfeatureCode\tcountry\tadmin1\tpopulation\tlon\tlat\tgeonameid\twikidata\tshape\tdisputed\n';
  // 1,500 hamlets "San Aaa…" sort before the capital "Santiago"; each hamlet name has four readings.
  const hamlets = Array.from({ length: 1500 }, (_, i) => `san a${String(i).padStart(4, '0')}`);
  let places = header + 'geonames:3871336\tSantiago\tcity\tPPLC\tCL\t12\t4837295\t-70.64827\t-33.45694\t\t\t\t\n';
  hamlets.forEach((key, i) => {
    for (let k = 0; k < 4; k++)
      places += `geonames:${10 + i * 4 + k}\t${key}\tcity\tPPL\tES\t01\t${100 - k}\t0\t0\t\t\t\t\n`;
  });
  const names =
    hamlets.map((key, i) => `${key}\t${[0, 1, 2, 3].map((k) => `${1 + i * 4 + k}:n`).join(',')}\n`).join('') +
    'santiago\t0:n\n';
  const g = createGazetteer({ places, names });
  assert.equal(searchPlaces(g, 'san')[0]?.name, 'Santiago');
  // Only the best three readings of each longer name are read: the fourth hamlet of each is never a hit.
  const all = searchPlaces(g, 'san', { limit: 10_000 });
  assert.equal(all.length, 1 + 1500 * 3);
  assert.equal(searchPlaces(g, 'san', { maxPrefixKeys: 1000 })[0]?.name, 'san a0000', 'a cap still caps');
});
