// Countries, historical countries and continents: GeoNames points and ids, names from GeoNames,
// i18n-iso-countries, countries-list and the curated alias table.

import { createRequire } from 'node:module';
import { readText, readTsv, readCuratedList, usefulAltNames, round5 } from './read-sources.mjs';
import { addNames } from './entry-list.mjs';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries');
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const { countries: countriesList } = require('countries-list');

const COUNTRY_CODES = new Set(['PCLI', 'PCLD', 'PCLS', 'PCLF', 'PCLIX', 'PCL', 'TERR']);

export function addCountries(list) {
  const isoNames = isoCountries.getNames('en', { select: 'all' });
  const aliases = new Map(readCuratedList('curated/country-aliases.tsv'));
  const usualNames = new Map(readCuratedList('curated/country-names.tsv'));
  for (const row of readTsv('sources/geonames/countries.tsv')) {
    const historical = !COUNTRY_CODES.has(row.feature_code);
    const entry = list.add({
      id: `geonames:${row.geonameid}`,
      name: row.country_name,
      kind: historical ? 'historical-country' : 'country',
      featureCode: row.feature_code,
      // Historical rows (AN, CS) keep no ISO code so that country('CS') never answers with a dead state.
      country: historical ? '' : row.iso2,
      admin1: '',
      population: Number(row.population) || 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: Number(row.geonameid),
      layer: historical ? undefined : 'countries',
      iso2: row.iso2,
    });
    addNames(entry, [row.country_name], 'n');
    addNames(entry, [row.gn_name, row.gn_asciiname, ...(isoNames[row.iso2] ?? [])], 'a');
    const listed = countriesList[row.iso2];
    if (listed) addNames(entry, [listed.name, ...(listed.alias ?? [])], 'a');
    addNames(entry, aliases.get(row.iso2) ?? [], 'a');
    addNames(entry, usualNames.get(row.iso2) ?? [], 'n');
    addNames(entry, usefulAltNames(row.alternatenames), 'a');
  }
}

export function addHistoricalCountries(list) {
  for (const [wikidata, name, lon, lat, alts] of readCuratedRows('curated/historical.tsv')) {
    const entry = list.add({
      id: `wikidata:${wikidata}`,
      name,
      kind: 'historical-country',
      featureCode: 'PCLH',
      country: '',
      admin1: '',
      population: 0,
      anchor: [Number(lon), Number(lat)],
      wikidata,
    });
    addNames(entry, [name], 'n');
    addNames(entry, alts.split(','), 'a');
  }
}

/** Curated landmarks news names as places (the White House, the Kremlin): kind `site`, points. */
export function addLandmarks(list) {
  for (const [wikidata, name, lon, lat, country, alts] of readCuratedRows('curated/landmarks.tsv')) {
    const slug = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const entry = list.add({
      id: wikidata ? `wikidata:${wikidata}` : `ne:landmark-${slug}`,
      name,
      kind: 'site',
      featureCode: 'LDMK',
      country,
      admin1: '',
      population: 0,
      anchor: [Number(lon), Number(lat)],
      ...(wikidata ? { wikidata } : {}),
    });
    addNames(entry, [name], 'n');
    if (alts) addNames(entry, alts.split(','), 'a');
  }
}

export function addContinents(list) {
  for (const row of readTsv('sources/geonames/continents.tsv')) {
    const entry = list.add({
      id: `geonames:${row.geonameid}`,
      name: row.name,
      kind: 'continent',
      featureCode: 'CONT',
      country: '',
      admin1: '',
      population: Number(row.population) || 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: Number(row.geonameid),
    });
    addNames(entry, [row.name], 'n');
    const english = row.alternate_names_lang
      .split('|')
      .filter((n) => n.startsWith('en:'))
      .map((n) => n.slice(3));
    addNames(entry, english, 'a');
  }
}

/** Applies curated/place-aliases.tsv: short forms of non-country places ("Atlantic", "the Gulf"). */
export function addPlaceAliases(list) {
  for (const [target, names] of readCuratedList('curated/place-aliases.tsv')) {
    const entry = list.get(target);
    if (!entry) throw new Error(`curated alias target ${target} is not in the gazetteer`);
    addNames(entry, names, 'a');
  }
}

/** Normalised forms of every curated demonym/adjective (build-physical.mjs keeps them off bare river names). */
export function readDemonymKeys(normalizeName) {
  return new Set(readCuratedList('curated/demonyms.tsv').flatMap(([, forms]) => forms.map(normalizeName)));
}

/** Applies curated demonyms/adjectives; targets are ISO alpha-2 codes or gazetteer ids. */
export function addDemonyms(list) {
  const byIso = new Map(list.entries.filter((e) => e.kind === 'country').map((e) => [e.country, e]));
  for (const [target, forms] of readCuratedList('curated/demonyms.tsv')) {
    const entry = target.includes(':') ? list.get(target) : byIso.get(target);
    if (!entry) throw new Error(`curated demonym target ${target} is not in the gazetteer`);
    addNames(entry, forms, 'j');
  }
}

function readCuratedRows(relPath) {
  return readText(relPath)
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}
