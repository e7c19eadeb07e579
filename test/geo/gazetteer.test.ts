// Checks the committed world gazetteer (geo/data) on the names the Karabakh/Caucasus coverage needs and
// on classic ambiguities, through the same Node loader the CLI uses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import type { NameMatch } from '../../src/core/types.ts';

const gazetteer = loadGazetteer();
const find = (name: string): NameMatch[] => gazetteer.lookup(normalizeName(name));
const hasPolygon = (m: NameMatch) => !!m.place.shape && !!gazetteer.geometry(m.place.shape);

test('Kalbajar is the Kalbajar District polygon in Azerbaijan', () => {
  const district = find('Kalbajar').find((m) => m.place.kind === 'admin1');
  assert.ok(district);
  assert.equal(district.place.country, 'AZ');
  assert.equal(district.place.geonameid, 586047);
  assert.ok(hasPolygon(district));
});

test('Lachin is the Lachin District polygon and the town of Laçın', () => {
  const matches = find('Lachin');
  const district = matches.find((m) => m.place.kind === 'admin1');
  assert.equal(district?.place.id, 'geonames:147626');
  assert.ok(district && hasPolygon(district));
  assert.ok(matches.some((m) => m.place.id === 'geonames:147625' && m.place.kind === 'city'));
});

test('Nagorno-Karabakh, Karabakh and Artsakh are the disputed region polygon with its dated note', () => {
  for (const name of ['Nagorno-Karabakh', 'Nagorno Karabakh', 'Karabakh', 'Artsakh']) {
    const [first] = find(name);
    assert.equal(first?.place.id, 'wikidata:Q2514', name);
    assert.equal(first.place.kind, 'disputed');
    assert.match(first.place.disputed ?? '', /November 2020.*September 2023/);
    assert.ok(hasPolygon(first), name);
  }
  assert.equal(gazetteer.hasPrefix('nagorno'), true);
});

test('South Caucasus is a region polygon', () => {
  const [first] = find('South Caucasus');
  assert.equal(first.place.kind, 'region');
  assert.equal(first.place.wikidata, 'Q848136');
  assert.ok(hasPolygon(first));
  assert.equal(find('Transcaucasia')[0].place.id, first.place.id);
});

test('capitals rank first among cities of their name', () => {
  const capitals = { Baku: 'AZ', Yerevan: 'AM', Ankara: 'TR', Moscow: 'RU', Tbilisi: 'GE' } as const;
  for (const [name, country] of Object.entries(capitals)) {
    const firstCity = find(name).find((m) => m.place.kind === 'city');
    assert.equal(firstCity?.place.featureCode, 'PPLC', name);
    assert.equal(firstCity.place.country, country, name);
  }
});

test('Georgia is both the country and the US state', () => {
  const kinds = find('Georgia')
    .filter((m) => m.nameType === 'name')
    .map((m) => `${m.place.kind}:${m.place.country}`);
  assert.ok(kinds.includes('country:GE'));
  assert.ok(kinds.includes('admin1:US'));
});

test('Sabah is a candidate: the Malaysian state', () => {
  assert.ok(find('Sabah').some((m) => m.place.kind === 'admin1' && m.place.country === 'MY' && hasPolygon(m)));
});

test('Turkey is the country before any town called Turkey', () => {
  const matches = find('Turkey');
  assert.equal(matches[0].place.kind, 'country');
  assert.equal(matches[0].place.country, 'TR');
  const town = matches.findIndex((m) => m.place.kind === 'city');
  if (town >= 0) assert.ok(town > 0);
});

test('adjectives and demonyms point at their country', () => {
  const cases = {
    Armenian: 'AM',
    Armenians: 'AM',
    Azeri: 'AZ',
    Azerbaijani: 'AZ',
    Russian: 'RU',
    French: 'FR',
    British: 'GB',
    Briton: 'GB',
    American: 'US',
  };
  for (const [form, iso] of Object.entries(cases)) {
    const match = find(form).find((m) => m.nameType === 'adjective');
    assert.equal(match?.place.country, iso, form);
    assert.equal(match.place.kind, 'country', form);
  }
});

test('every country has an adjective or demonym, except uninhabited territories and names-as-adjectives', () => {
  const dir = new URL('../../geo/data/', import.meta.url);
  const rows = readFileSync(new URL('places.tsv', dir), 'utf8').split('\n').slice(1);
  const withAdjective = new Set<number>();
  for (const line of readFileSync(new URL('names.tsv', dir), 'utf8').split('\n')) {
    for (const ref of line.split('\t')[1]?.split(',') ?? [])
      if (ref.endsWith(':j')) withAdjective.add(Number(ref.split(':')[0]));
  }
  // CH and VA: "Swiss" and "Vatican" are also names of the country itself, and the stronger type wins.
  const uninhabited = new Set(['AQ', 'BV', 'HM', 'GS', 'TF', 'UM', 'IO', 'SJ', 'TK', 'CH', 'VA']);
  const missing = rows
    .map((line, row) => ({ row, cells: line.split('\t') }))
    .filter(({ row, cells }) => cells[2] === 'country' && !withAdjective.has(row) && !uninhabited.has(cells[4]))
    .map(({ cells }) => cells[4]);
  assert.deepEqual(missing, []);
});

test('Soviet is the Soviet Union; USSR too', () => {
  const soviet = find('Soviet').find((m) => m.nameType === 'adjective');
  assert.equal(soviet?.place.id, 'wikidata:Q15180');
  assert.equal(soviet.place.kind, 'historical-country');
  assert.deepEqual(soviet.place.anchor, [37.61556, 55.75222]);
  assert.equal(find('USSR')[0].place.id, 'wikidata:Q15180');
});

test('U.S., Britain and Türkiye are the right countries', () => {
  const countryOf = (name: string) => find(name).find((m) => m.place.kind === 'country')?.place.country;
  assert.equal(countryOf('U.S.'), 'US');
  assert.equal(countryOf('United States of America'), 'US');
  assert.equal(countryOf('Britain'), 'GB');
  assert.equal(countryOf('U.K.'), 'GB');
  assert.equal(countryOf('Türkiye'), 'TR');
  assert.equal(countryOf('Ivory Coast'), 'CI');
  assert.equal(countryOf('Burma'), 'MM');
  assert.equal(countryOf('DRC'), 'CD');
});

test('countries use the GeoNames point and id; country() and admin1() resolve codes', () => {
  const armenia = gazetteer.country('AM');
  assert.equal(armenia?.id, 'geonames:174982');
  assert.ok(armenia?.shape && gazetteer.geometry(armenia.shape));
  assert.equal(gazetteer.admin1('AZ', '28')?.id, 'geonames:147626');
  assert.equal(gazetteer.get('geonames:587084')?.name, 'Baku');
});

test('England, Scotland, Wales and Northern Ireland are GB admin-1 polygons dissolved from their units', () => {
  const ids = { England: 6269131, Scotland: 2638360, Wales: 2634895, 'Northern Ireland': 2641364 } as const;
  for (const [name, geonameid] of Object.entries(ids)) {
    const [first] = find(name);
    assert.equal(first?.place.geonameid, geonameid, name);
    assert.equal(first.place.kind, 'admin1', name);
    assert.equal(first.place.country, 'GB', name);
    assert.equal(first.nameType, 'name', name);
    assert.ok(hasPolygon(first), name);
  }
  assert.equal(gazetteer.admin1('GB', 'ENG')?.name, 'England');
  // The anchor is an inner point of the dissolved polygon, in the English Midlands.
  const [lon, lat] = gazetteer.get('geonames:6269131')!.anchor;
  assert.ok(lon > -3 && lon < 0 && lat > 52 && lat < 53.5, `${lon} ${lat}`);
});

test('English, Welsh and Scottish are adjectives of the constituent countries', () => {
  const cases = {
    English: 6269131,
    Englishman: 6269131,
    Welsh: 2634895,
    Scottish: 2638360,
    Scots: 2638360,
    'Northern Irish': 2641364,
  };
  for (const [form, geonameid] of Object.entries(cases)) {
    const match = find(form).find((m) => m.nameType === 'adjective');
    assert.equal(match?.place.geonameid, geonameid, form);
  }
});

test('regions news names are dissolved from finer NE units: Lombardy, Catalonia, Brittany, Flanders', () => {
  const cases = {
    Lombardy: 'IT',
    Tuscany: 'IT',
    Sicily: 'IT',
    Catalonia: 'ES',
    Andalusia: 'ES',
    Brittany: 'FR',
    Flanders: 'BE',
  } as const;
  for (const [name, country] of Object.entries(cases)) {
    const [first] = find(name);
    assert.equal(first?.place.kind, 'admin1', name);
    assert.equal(first.place.country, country, name);
    assert.equal(first.nameType, 'name', name);
    assert.ok(hasPolygon(first), name);
  }
  // A member province no longer carries its region's name.
  assert.ok(!find('Lombardy').some((m) => m.place.name === 'Varese'));
  assert.equal(gazetteer.admin1('IT', '09')?.name, 'Lombardy');
});

test('Atlantic and Pacific are alternate names of the oceans; the Gulf is the Persian Gulf', () => {
  assert.ok(find('Atlantic').some((m) => m.place.geonameid === 3373405 && m.place.kind === 'water'));
  assert.ok(find('Pacific').some((m) => m.place.geonameid === 2363254 && m.place.kind === 'water'));
  for (const name of ['the Gulf', 'Persian Gulf', 'Arabian Gulf'])
    assert.equal(find(name)[0]?.place.geonameid, 235616, name);
});

test('Holy See and other usual English country names are names, not just alternates', () => {
  const cases = {
    'Holy See': 'VA',
    'Vatican City': 'VA',
    'Ivory Coast': 'CI',
    Czechia: 'CZ',
    Türkiye: 'TR',
    Burma: 'MM',
    'East Timor': 'TL',
    'Cape Verde': 'CV',
    Swaziland: 'SZ',
    Macedonia: 'MK',
    Palestine: 'PS',
  };
  for (const [name, iso] of Object.entries(cases)) {
    const [first] = find(name);
    assert.equal(first?.place.kind, 'country', name);
    assert.equal(first.place.country, iso, name);
    assert.equal(first.nameType, 'name', name);
  }
});

test('regional and city demonyms: Kurdish, Texan, Quebecer, Londoner, New Yorker', () => {
  const adjectiveOf = (form: string) => find(form).find((m) => m.nameType === 'adjective')?.place;
  assert.match(adjectiveOf('Kurdish')?.name ?? '', /Kurdistan/);
  assert.ok(adjectiveOf('Kurdish')?.shape);
  assert.equal(adjectiveOf('Texan')?.name, 'Texas');
  assert.equal(adjectiveOf('Iowan')?.name, 'Iowa');
  assert.equal(adjectiveOf('Quebecer')?.name, 'Quebec');
  assert.equal(adjectiveOf('Catalan')?.name, 'Catalonia');
  assert.equal(adjectiveOf('Bavarian')?.name, 'Bavaria');
  assert.equal(adjectiveOf('Londoner')?.id, 'geonames:2643743');
  assert.equal(adjectiveOf('New Yorkers')?.id, 'geonames:5128581');
  assert.equal(adjectiveOf('Uyghur')?.name, 'Xinjiang');
  assert.equal(adjectiveOf('Abkhaz')?.kind, 'disputed');
  assert.equal(adjectiveOf('Queenslander')?.name, 'Queensland');
});

test('common English words are not places: the, you, since, Google', () => {
  for (const word of ['the', 'you', 'since', 'google']) assert.deepEqual(find(word), [], word);
  // Primary names stay: the towns of Union keep theirs.
  assert.ok(find('Union').some((m) => m.nameType === 'name' && m.place.kind === 'city'));
  // The river NE calls "You" is indexed only as "You River".
  assert.ok(find('You River').some((m) => m.place.kind === 'water'));
});

test('seas, gulfs and large lakes are polygons; oceans stay points (issue #15)', () => {
  for (const name of ['Black Sea', 'Caspian Sea', 'Persian Gulf', 'Gulf of Mexico', 'Lake Baikal', 'Lake Victoria']) {
    const water = find(name).find((m) => m.place.kind === 'water');
    assert.ok(water && hasPolygon(water), name);
  }
  const ocean = find('Indian Ocean').find((m) => m.place.kind === 'water');
  assert.ok(ocean && !ocean.place.shape);
});

test('a French region code belongs to the region only: Paris lies in Île-de-France, not Aude', () => {
  assert.equal(gazetteer.admin1('FR', '11')?.name, 'Île-de-France');
  const aude = find('Aude').find((m) => m.place.kind === 'admin1');
  assert.equal(aude?.place.admin1, '');
});

test('two admin-1 units with one NE name take their GeoNames names: Shusha and Shusha City', () => {
  assert.equal(gazetteer.admin1('AZ', '55')?.name, 'Shusha');
  assert.equal(gazetteer.admin1('AZ', '56')?.name, 'Shusha City');
  assert.equal(gazetteer.admin1('UA', '12')?.name, 'Kyiv City');
});

test('press abbreviations of states and provinces: NSW, Qld., Calif., N.W.T.', () => {
  const admin1Of = (name: string) => find(name).find((m) => m.place.kind === 'admin1')?.place.name;
  assert.equal(admin1Of('NSW'), 'New South Wales');
  assert.equal(admin1Of('N.S.W.'), 'New South Wales');
  assert.equal(admin1Of('Qld.'), 'Queensland');
  assert.equal(admin1Of('Calif.'), 'California');
  assert.equal(admin1Of('N.W.T.'), 'Northwest Territories');
  assert.equal(admin1Of('Act'), undefined, 'an English word is not indexed');
});
