// Regions, disputed areas and physical features: GeoNames no-country regions and seas, Natural Earth
// region polygons, breakaway/disputed polygons, water bodies, islands and peaks.

import {
  readJson,
  readText,
  readTsv,
  eachGeonamesRow,
  usefulAltNames,
  isUsefulAltName,
  titleCase,
  round5,
} from './read-sources.mjs';
import { addNames } from './entry-list.mjs';
import { normalizeName } from './normalize.mjs';

const NAGORNO_KARABAKH_NOTE =
  'Extent held by Armenian forces before the November 2020 ceasefire (Natural Earth); the entity was dissolved in September 2023.';
const WATER_CODES = new Set(['OCN', 'SEA', 'GULF', 'STRT', 'BAY']);

function readNoCountry() {
  const rows = [];
  eachGeonamesRow(readText('sources/geonames/no-country.txt'), (row) => rows.push(row));
  return rows;
}

/** GeoNames regions (points) merged with Natural Earth region polygons of the same name. */
export function addRegions(list) {
  const noCountry = readNoCountry();
  const regionsByKey = new Map();
  for (const row of noCountry) {
    if (row.featureClass !== 'L' || (row.featureCode !== 'RGN' && row.featureCode !== 'RGNE')) continue;
    const entry = list.add({
      id: `geonames:${row.geonameid}`,
      name: row.name,
      kind: 'region',
      featureCode: row.featureCode,
      country: '',
      admin1: '',
      population: 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: Number(row.geonameid),
    });
    addNames(entry, [row.name], 'n');
    addNames(entry, [row.asciiname, ...usefulAltNames(row.alternatenames)], 'a');
    if (row.name === 'Caucasus Region') addNames(entry, ['Caucasus', 'the Caucasus'], 'a');
    regionsByKey.set(normalizeName(row.name), entry);
  }

  const southCaucasus = readJson('sources/naturalearth/south_caucasus.geojson').features[0];
  const sc = list.add({
    id: 'wikidata:Q848136',
    name: 'South Caucasus',
    kind: 'region',
    featureCode: 'RGN',
    country: '',
    admin1: '',
    population: 0,
    anchor: [45.0, 40.8],
    wikidata: 'Q848136',
    shape: 'wikidata:Q848136',
    layer: 'areas',
    geometry: southCaucasus.geometry,
    labelPoint: true,
  });
  addNames(sc, ['South Caucasus'], 'n');
  addNames(sc, ['Transcaucasia', 'Southern Caucasus', 'Transcaucasus'], 'a');

  const caucasusMts = readJson('sources/naturalearth/caucasus_mountains.geojson').features[0];
  const cm = list.add({
    id: 'wikidata:Q5477',
    name: 'Caucasus Mountains',
    kind: 'mountain',
    featureCode: 'Range/mtn',
    country: '',
    admin1: '',
    population: 0,
    anchor: [44, 43],
    wikidata: 'Q5477',
    shape: 'wikidata:Q5477',
    layer: 'areas',
    geometry: caucasusMts.geometry,
    labelPoint: true,
  });
  addNames(cm, ['Caucasus Mountains'], 'n');
  addNames(cm, ['Greater Caucasus', 'Caucasus Range', 'Caucasus'], 'a');

  // NE physical regions: only well-known ones (scalerank ≤ 4) with a Wikidata id not used yet
  // (e.g. NE's "ALASKA" Geoarea is the US state, already an admin-1 polygon).
  for (const f of readJson('sources/naturalearth/ne_10m_geography_regions_polys.subset.geojson').features) {
    const p = f.properties;
    if (!p.wikidataid || p.scalerank > 4 || list.getByWikidata(p.wikidataid)) continue;
    const name = p.name_en || titleCase(p.name);
    const kind = p.featurecla === 'Range/mtn' ? 'mountain' : 'region';
    const existing = kind === 'region' ? regionsByKey.get(normalizeName(name)) : undefined;
    if (existing) {
      // Keep the GeoNames id and point (evaluation gold uses them) and add the NE outline.
      Object.assign(existing, { wikidata: p.wikidataid, shape: existing.id, layer: 'areas', geometry: f.geometry });
      addNames(existing, [name, titleCase(p.name)], 'a');
      continue;
    }
    const entry = list.add({
      id: `wikidata:${p.wikidataid}`,
      name,
      kind,
      featureCode: p.featurecla,
      country: '',
      admin1: '',
      population: 0,
      anchor: [0, 0],
      wikidata: p.wikidataid,
      shape: `wikidata:${p.wikidataid}`,
      layer: 'areas',
      geometry: f.geometry,
      labelPoint: true,
    });
    addNames(entry, [name], 'n');
    addNames(entry, [titleCase(p.name)].filter(isUsefulAltName), 'a');
  }
  return noCountry;
}

/** Natural Earth breakaway and disputed areas (kind `disputed`), merged by Wikidata id. */
export function addDisputed(list) {
  const countryKeys = new Set(
    list.entries.filter((e) => e.kind === 'country').flatMap((e) => e.names.map((n) => normalizeName(n.name))),
  );
  const features = readJson('sources/naturalearth/ne_10m_admin_0_breakaway_disputed_areas.geojson').features;
  const karabakh = readJson('sources/naturalearth/nagorno_karabakh.geojson').features[0];
  const groups = new Map();
  for (const f of features) {
    const p = f.properties;
    const name = p.NAME_EN || p.BRK_NAME;
    // Areas that are themselves countries in GeoNames (Belize, Gibraltar, Western Sahara…) stay countries.
    if (countryKeys.has(normalizeName(name)) || countryKeys.has(normalizeName(p.BRK_NAME))) continue;
    if (p.BRK_A3 === 'B38') continue; // Nagorno-Karabakh is added from its own file below.
    // NE gives the Spratly Islands Wake Island's id (Q43296): no id rather than a wrong one.
    const wikidata = p.BRK_A3 === 'B46' ? '' : p.WIKIDATAID || '';
    const key = wikidata ? `wikidata:${wikidata}` : `ne:${p.BRK_A3}`;
    const group = groups.get(key);
    if (group) group.geometries.push(f.geometry);
    else groups.set(key, { key, wikidata, p, name, geometries: [f.geometry] });
  }
  const nk = list.add({
    id: 'wikidata:Q2514',
    name: 'Nagorno-Karabakh',
    kind: 'disputed',
    featureCode: 'Breakaway',
    country: 'AZ',
    admin1: '',
    population: 146573,
    anchor: [46.75, 39.82],
    wikidata: 'Q2514',
    shape: 'wikidata:Q2514',
    layer: 'areas',
    geometry: karabakh.geometry,
    labelPoint: true,
    disputed: NAGORNO_KARABAKH_NOTE,
  });
  addNames(nk, ['Nagorno-Karabakh'], 'n');
  addNames(
    nk,
    [
      'Nagorno Karabakh',
      'Karabakh',
      'Artsakh',
      'Mountainous Karabakh',
      'Republic of Artsakh',
      'Upper Karabakh',
      'Nagorny Karabakh',
      'Nagorno-Karabakh Republic',
      'Dagliq Qarabag',
    ],
    'a',
  );
  addNames(nk, ['Karabakhi', 'Karabakh Armenians'], 'j');

  for (const { key, wikidata, p, name, geometries } of groups.values()) {
    if (list.has(key) || (wikidata && list.getByWikidata(wikidata))) continue;
    const geometry =
      geometries.length === 1
        ? geometries[0]
        : {
            type: 'MultiPolygon',
            coordinates: geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)),
          };
    const entry = list.add({
      id: key,
      name,
      kind: 'disputed',
      featureCode: p.TYPE || 'Disputed',
      country: /^[A-Z]{2}$/.test(p.ISO_A2_EH ?? '') ? p.ISO_A2_EH : '',
      admin1: '',
      population: Number(p.POP_EST) > 0 ? Number(p.POP_EST) : 0,
      anchor: [0, 0],
      wikidata: wikidata || undefined,
      shape: key,
      layer: 'areas',
      geometry,
      labelPoint: true,
      disputed: `${p.NOTE_BRK || p.TYPE}. Extent as drawn by Natural Earth 4.0.0 (2017).`,
    });
    addNames(entry, [name], 'n');
    addNames(entry, [p.BRK_NAME, p.NAME_ALT, p.FORMAL_EN].filter(isUsefulAltName), 'a');
  }
}

function namesOverlap(a, b) {
  const words = new Set(
    normalizeName(a)
      .split(' ')
      .filter((w) => w.length >= 4),
  );
  return normalizeName(b)
    .split(' ')
    .some((w) => words.has(w));
}

const RIVER_WORD = /\b(river|rio|río|creek|fork|canal|wadi|stream|brook)\b/i;
const LAKE_WORD =
  /\b(lake|lago|lac|loch|lough|reservoir|pond|ozero|see|meer|lagoon|laguna|res\.|embalse|represa|vodokhranilishche|sea)\b/i;

// Water bodies drawn as areas (issue #15): seas, gulfs and bays of NE's marine polygons (not oceans, which
// would cover the map, nor straits and channels, which read as lines), and the largest lakes (NE scalerank
// ≤ 3: 85 lakes from the Great Lakes and Baikal to Tahoe and the Dead Sea). The rest stay points.
const AREA_MARINE_CLASSES = new Set(['sea', 'gulf', 'bay']);
const MAX_AREA_LAKE_SCALERANK = 3;

/** NE polygons (features) by `ne_id`, from the marine and lake layers. */
function readWaterPolygons() {
  const byId = new Map();
  for (const file of ['ne_10m_geography_marine_polys.named.geojson', 'ne_10m_lakes.named.geojson'])
    for (const f of readJson(`sources/naturalearth/${file}`).features) byId.set(String(f.properties.ne_id), f);
  return byId;
}

/** The polygon of a water_features row worth drawing as an area, else undefined. */
export function waterPolygon(row, polygonsById) {
  const features = row.ne_ids
    .split(/[|,]/)
    .map((id) => polygonsById.get(id))
    .filter(Boolean);
  // The table writes a missing scalerank as 99 (Baikal, Victoria): the polygons carry the real one.
  const wanted =
    (row.kind === 'marine' && AREA_MARINE_CLASSES.has(row.featurecla)) ||
    (row.kind === 'lake' && features.some((f) => f.properties.scalerank <= MAX_AREA_LAKE_SCALERANK));
  if (!wanted) return undefined;
  const parts = features
    .map((f) => f.geometry)
    .flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []));
  if (!parts.length) return undefined;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/**
 * `reservedKeys`: normalised English words and adjectives (stopwords, curated demonyms); a river whose bare
 * name is one of them ("You", "English") is named and indexed only as "X River", as lakes are.
 */
export function addWater(list, noCountry, reservedKeys = new Set()) {
  const polygonsById = readWaterPolygons();
  for (const row of readTsv('sources/naturalearth/water_features.tsv')) {
    const base = row.name_en || row.name;
    let name = base;
    const alts = [row.name];
    if (row.kind === 'river' && !RIVER_WORD.test(base) && reservedKeys.has(normalizeName(base))) {
      name = `${base} River`;
      alts.length = 0;
    } else if (row.kind === 'lake' && !LAKE_WORD.test(base)) {
      // NE v5 dropped "Lake" ("Michigan"); the bare form would collide with states and cities, so it is not indexed.
      // NE's own name when it has the word (v5 `name_en` "Nyanza" is "Lake Victoria" in `name`, "Great Bear"
      // is "Great Bear Lake"), else "Lake X".
      name = LAKE_WORD.test(row.name) ? row.name : `Lake ${base}`;
      alts.length = 0;
    } else if (row.kind === 'river' && !RIVER_WORD.test(base)) {
      alts.push(`${base} River`);
    }
    // other_names mixes labels, abbreviations and group names ("Great Lakes" on Lake Michigan): keep only
    // those sharing a word with the feature's own name.
    for (const other of row.other_names.split('|')) if (other && namesOverlap(base, other)) alts.push(titleCase(other));
    const gid = row.gn_geonameid;
    const id = gid
      ? `geonames:${gid}`
      : row.wikidataid
        ? `wikidata:${row.wikidataid}`
        : `ne:water-${row.ne_ids.split('|')[0]}`;
    if (list.has(id)) continue;
    const geometry = waterPolygon(row, polygonsById);
    const entry = list.add({
      id,
      name: titleCase(name),
      kind: 'water',
      featureCode: row.featurecla,
      country: '',
      admin1: '',
      population: 0,
      // The GeoNames point when there is one (evaluation gold uses them), else NE's inner point.
      anchor: gid ? [round5(row.gn_lon), round5(row.gn_lat)] : [round5(row.lon), round5(row.lat)],
      geonameid: gid ? Number(gid) : undefined,
      wikidata: row.wikidataid || undefined,
      ...(geometry ? { shape: id, layer: 'areas', geometry } : {}),
    });
    addNames(entry, [titleCase(name)], 'n');
    addNames(entry, alts.filter(isUsefulAltName), 'a');
  }
  for (const row of noCountry) {
    if (row.featureClass !== 'H' || !WATER_CODES.has(row.featureCode) || list.has(`geonames:${row.geonameid}`))
      continue;
    const entry = list.add({
      id: `geonames:${row.geonameid}`,
      name: row.name,
      kind: 'water',
      featureCode: row.featureCode,
      country: '',
      admin1: '',
      population: 0,
      anchor: [round5(row.longitude), round5(row.latitude)],
      geonameid: Number(row.geonameid),
    });
    addNames(entry, [row.name], 'n');
    addNames(entry, [row.asciiname, ...usefulAltNames(row.alternatenames)], 'a');
  }
}

export function addIslandsAndPeaks(list) {
  const countryKeys = new Set(list.entries.filter((e) => e.kind === 'country').map((e) => normalizeName(e.name)));
  const add = (row, kind) => {
    const id = row.wikidataid ? `wikidata:${row.wikidataid}` : `ne:${row.ne_id}`;
    if (list.has(id) || (row.wikidataid && list.getByWikidata(row.wikidataid))) return;
    const name = row.name_en || titleCase(row.name);
    const entry = list.add({
      id,
      name,
      kind,
      featureCode: row.featurecla,
      country: '',
      admin1: '',
      population: 0,
      anchor: [round5(row.lon), round5(row.lat)],
      wikidata: row.wikidataid || undefined,
    });
    // An island that is also a country (Cyprus, Taiwan…) is indexed as an alternate so the country leads.
    addNames(entry, [name], countryKeys.has(normalizeName(name)) ? 'a' : 'n');
    addNames(entry, [titleCase(row.name), ...row.name_alt.split('|')].filter(isUsefulAltName), 'a');
  };
  for (const row of readTsv('sources/naturalearth/ne_10m_islands_points.tsv')) add(row, 'island');
  for (const row of readTsv('sources/naturalearth/ne_10m_elevation_points.tsv')) {
    if (row.featurecla === 'mountain') add(row, 'mountain');
  }
}
