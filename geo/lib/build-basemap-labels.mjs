// The basemap's own names (issue #14): countries and seas around an article's places, as data/basemap-labels.json.
// Countries from the Natural Earth 1:50m map units (one label per country, at the pole of inaccessibility of its
// roomiest part, with that room); seas from the NE marine polygons' own label points and min_label zooms.
import { readFileSync, writeFileSync } from 'node:fs';

const NE = new URL('../sources/naturalearth/', import.meta.url);
const OUT = new URL('../data/basemap-labels.json', import.meta.url);
/** NE marine scaleranks above this are bays and straits a locator map does not name (min_label ≥ 6). */
const MAX_SEA_SCALERANK = 4;
const SEA_CLASSES = new Set(['ocean', 'sea', 'gulf', 'bay', 'strait', 'channel', 'sound']);

const round = (x, digits) => Number(x.toFixed(digits));
/** NE writes some ocean names in capitals ("INDIAN OCEAN"); the map sets every sea in the same case. */
const titleCase = (s) => (s === s.toUpperCase() ? s.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()) : s);

/** ISO alpha-3 → alpha-2 from GeoNames' country table, to tell which basemap country an article names. */
function iso2ByIso3() {
  const rows = readFileSync(new URL('../sources/geonames/countries.tsv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Map(rows.map((r) => r.split('\t')).map(([iso2, iso3]) => [iso3, iso2]));
}

/**
 * Country labels `[name, lon, lat, radius, across, iso2]`, roomiest first. A country NE splits into map units (England,
 * Scotland…; Flanders, Wallonia…) gets one label, named after the country, in its roomiest unit; a unit of its
 * own (a dependency, a disputed unit) keeps its own name. `radius` and `across` are labelPoint's room (zoom-0 pixels).
 */
export function countryLabels(labelPoint) {
  const units = JSON.parse(readFileSync(new URL('ne_50m_admin_0_map_units.geojson', NE), 'utf8')).features;
  const iso2 = iso2ByIso3();
  const groups = new Map();
  for (const u of units) {
    const p = u.properties;
    const key = p.TYPE === 'Geo unit' ? p.ADM0_A3 : p.GU_A3;
    const g = groups.get(key) ?? { names: [], admin: p.ADMIN, iso3: p.ISO_A3, best: null };
    g.names.push(p.NAME);
    if (p.ISO_A3 && p.ISO_A3 !== '-99') g.iso3 = p.ISO_A3;
    const at = labelPoint(u.geometry);
    if (!g.best || at.radius > g.best.radius) g.best = at;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const name = g.names.length > 1 ? g.admin : g.names[0];
      const code = iso2.get(g.iso3) ?? iso2.get(key) ?? '';
      return [
        name,
        round(g.best.at[0], 3),
        round(g.best.at[1], 3),
        round(g.best.radius, 4),
        round(g.best.across, 4),
        code,
      ];
    })
    .sort((a, b) => b[3] - a[3] || (a[0] < b[0] ? -1 : 1));
}

/** Sea labels `[name, lon, lat, minZoom]` at NE's label points, in NE's order of importance. */
export function seaLabels() {
  const seas = JSON.parse(readFileSync(new URL('ne_10m_geography_marine_polys.named.geojson', NE), 'utf8')).features;
  return seas
    .map((f) => f.properties)
    .filter(
      (p) =>
        SEA_CLASSES.has(p.featurecla) && p.scalerank <= MAX_SEA_SCALERANK && p.label_lon != null && p.min_label != null,
    )
    .map((p) => [titleCase(p.name), round(p.label_lon, 3), round(p.label_lat, 3), p.min_label, p.scalerank])
    .sort((a, b) => a[4] - b[4] || a[3] - b[3] || (a[0] < b[0] ? -1 : 1))
    .map(([name, lon, lat, minZoom]) => [name, lon, lat, minZoom]);
}

/** Writes data/basemap-labels.json; returns its size. `labelPoint` is src/core/label-point.ts (loaded through tsx). */
export function writeBasemapLabels(labelPoint) {
  const data = {
    source: 'Made with Natural Earth: ne_50m_admin_0_map_units, ne_10m_geography_marine_polys (see geo/README.md)',
    countries: countryLabels(labelPoint),
    seas: seaLabels(),
  };
  const text = JSON.stringify(data);
  writeFileSync(OUT, text + '\n');
  return { countries: data.countries.length, seas: data.seas.length, bytes: text.length + 1 };
}
