// Unit tests of createGazetteer on the hand-made ambiguity fixture.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createGazetteer } from '../../src/gazetteer/index.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import { loadFixtureGazetteer } from './fixture-gazetteer.ts';

const gazetteer = loadFixtureGazetteer();
const ids = (name: string) => gazetteer.lookup(normalizeName(name)).map((m) => m.place.id);

test('lookup finds every entry for an ambiguous name, larger population first within a name type', () => {
  assert.deepEqual(ids('Georgia'), ['geonames:4197000', 'geonames:614540']);
  assert.deepEqual(ids('Paris'), ['geonames:2988507', 'geonames:4717560']);
  assert.deepEqual(ids('Springfield'), ['geonames:4409896', 'geonames:4951788', 'geonames:4250542']);
  assert.deepEqual(ids('Turkey'), ['geonames:298795', 'geonames:5105127']);
});

test('lookup orders name before alt before adjective', () => {
  const soviet = gazetteer.lookup('soviet');
  assert.deepEqual(
    soviet.map((m) => [m.place.id, m.nameType]),
    [
      ['geonames:2967196', 'name'],
      ['wikidata:Q15180', 'adjective'],
    ],
  );
  const lachin = gazetteer.lookup('lachin');
  assert.deepEqual(
    lachin.map((m) => [m.place.kind, m.nameType]),
    [
      ['admin1', 'name'],
      ['city', 'alt'],
    ],
  );
});

test('lookup maps name types and folds diacritics through normalizeName', () => {
  assert.equal(gazetteer.lookup(normalizeName('Türkiye'))[0].place.name, 'Turkey');
  assert.equal(gazetteer.lookup(normalizeName('Türkiye'))[0].nameType, 'alt');
  assert.equal(gazetteer.lookup('turkish')[0].nameType, 'adjective');
  assert.equal(gazetteer.lookup(normalizeName('U.S.'))[0].place.country, 'US');
  assert.deepEqual(gazetteer.lookup('nowhere'), []);
  assert.deepEqual(gazetteer.lookup(''), []);
});

test('lookup returns parsed places, optional fields undefined when absent (one object shape for all)', () => {
  const [match] = gazetteer.lookup('sabah');
  assert.deepEqual(match.place, {
    id: 'geonames:1733039',
    name: 'Sabah',
    kind: 'admin1',
    featureCode: 'ADM1',
    country: 'MY',
    admin1: '16',
    population: 1888637,
    anchor: [117, 5.5],
    geonameid: 1733039,
    wikidata: undefined,
    shape: 'geonames:1733039',
    disputed: undefined,
  });
  assert.deepEqual(
    Object.keys(gazetteer.lookup('artsakh')[0].place),
    Object.keys(match.place),
    'same members in the same order',
  );
  const nk = gazetteer.lookup('artsakh')[0].place;
  assert.equal(nk.wikidata, 'Q2514');
  assert.equal(nk.geonameid, undefined);
  assert.match(nk.disputed ?? '', /November 2020/);
});

test('hasPrefix is true for a key or the words that start a longer key', () => {
  assert.equal(gazetteer.hasPrefix('nagorno'), true);
  assert.equal(gazetteer.hasPrefix('nagorno karabakh'), true);
  assert.equal(gazetteer.hasPrefix('soviet'), true);
  assert.equal(gazetteer.hasPrefix('lacin'), true);
  assert.equal(gazetteer.hasPrefix('nagor'), false, 'a partial word is not a prefix');
  assert.equal(gazetteer.hasPrefix('state of'), true);
  assert.equal(gazetteer.hasPrefix('zzz'), false);
  assert.equal(gazetteer.hasPrefix(''), false);
});

test('get, country and admin1 find entries by id and codes', () => {
  assert.equal(gazetteer.get('geonames:147625')?.name, 'Laçın');
  assert.equal(gazetteer.get('geonames:0'), undefined);
  assert.equal(gazetteer.country('GE')?.id, 'geonames:614540');
  assert.equal(gazetteer.country('ge')?.id, 'geonames:614540');
  assert.equal(gazetteer.country('XX'), undefined);
  assert.equal(gazetteer.admin1('US', 'GA')?.name, 'Georgia');
  assert.equal(gazetteer.admin1('AZ', '28')?.id, 'geonames:147626');
  assert.equal(gazetteer.admin1('AZ', '99'), undefined);
});

test('geometry decodes one TopoJSON shape by key, rounded to 6 decimals', () => {
  const georgia = gazetteer.geometry('geonames:614540');
  assert.equal(georgia?.type, 'Polygon');
  assert.deepEqual((georgia as GeoJSON.Polygon).coordinates[0][0], [41, 41]);
  assert.equal(gazetteer.geometry('wikidata:Q2514')?.type, 'Polygon');
  assert.equal(gazetteer.geometry('geonames:2988507'), undefined);
  assert.equal(gazetteer.geometry('geonames:614540'), georgia, 'decoded once and cached');
});

test('geometry is undefined when no shapes are given, and shapes thunks run once, lazily', () => {
  let calls = 0;
  const lazy = createGazetteer({
    places:
      'id\tname\tkind\tfeatureCode\tcountry\tadmin1\tpopulation\tlon\tlat\tgeonameid\twikidata\tshape\tdisputed\n',
    names: '',
    shapes: () => {
      calls++;
      return { type: 'Topology', objects: {}, arcs: [] };
    },
  });
  assert.equal(calls, 0);
  assert.equal(lazy.geometry('x'), undefined);
  assert.equal(lazy.geometry('y'), undefined);
  assert.equal(calls, 1);
  const none = createGazetteer({ places: '', names: '' });
  assert.equal(none.geometry('x'), undefined);
  assert.deepEqual(none.lookup('x'), []);
});

test('lookup and hasPrefix agree with a plain scan of the sorted index, non-ASCII first letters included', () => {
  // Sorted as the writer sorts (UTF-16 code units). Keys starting outside ASCII are ordered by their first
  // letter, not their second, which a two-letter bucket index must not assume ("ƙasar" < "ɛndonezi" < "јурум" < "ِal taif").
  const keys = [
    'a',
    'a b',
    'ab',
    'ab c',
    'abc',
    'b',
    'zz',
    'ƙasar',
    'ƙasar makka',
    'ɛndonezi',
    'јурумлери',
    'ِal taif',
    '城郊',
  ];
  const header =
    'id\tname\tkind\tfeatureCode\tcountry\tadmin1\tpopulation\tlon\tlat\tgeonameid\twikidata\tshape\tdisputed';
  const places = [header, ...keys.map((k, i) => `t:${i}\t${k}\tcity\tPPL\tXX\t\t${i}\t0\t0\t\t\t\t`)].join('\n');
  const names = keys.map((k, i) => `${k}\t${i}:n`).join('\n');
  const g = createGazetteer({ places, names });
  const probes = [...keys, 'a ', 'aa', 'ƙ', 'ƙasar ', 'ɛ', 'ɛndonezi x', 'ј', 'ِal', '城', '', 'zzz', '~'];
  for (const key of probes) {
    assert.deepEqual(
      g.lookup(key).map((m) => m.place.name),
      keys.includes(key) ? [key] : [],
      `lookup ${JSON.stringify(key)}`,
    );
    const prefix = !!key && keys.some((k) => k === key || k.startsWith(key + ' '));
    assert.equal(g.hasPrefix(key), prefix, `hasPrefix ${JSON.stringify(key)}`);
  }
});

test('the committed name index: lookup and hasPrefix agree with a plain set of its keys, for keys and near-misses', () => {
  const dir = new URL('../../geo/data/', import.meta.url);
  const names = readFileSync(new URL('names.tsv', dir), 'utf8');
  const g = createGazetteer({ places: readFileSync(new URL('places.tsv', dir), 'utf8'), names });
  const keys = names
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(0, l.indexOf('\t')));
  const isKey = new Set(keys);
  const wordPrefixes = new Set<string>();
  for (const k of keys) for (let i = k.indexOf(' '); i > 0; i = k.indexOf(' ', i + 1)) wordPrefixes.add(k.slice(0, i));
  let checked = 0;
  for (let i = 0; i < keys.length; i += 13) {
    const k = keys[i];
    for (const q of [k, k.slice(0, -1), k.slice(0, 3), k + 'a', k.slice(0, 2) + '~', k.split(' ')[0]]) {
      if (!q) continue;
      assert.equal(g.lookup(q).length > 0, isKey.has(q), `lookup ${JSON.stringify(q)}`);
      assert.equal(g.hasPrefix(q), isKey.has(q) || wordPrefixes.has(q), `hasPrefix ${JSON.stringify(q)}`);
      checked++;
    }
  }
  assert.ok(checked > 100_000, `${checked} probes`);
});
