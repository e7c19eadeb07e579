// Small readers shared by the geo build steps: TSV with header, GeoNames 19-column dumps, GeoJSON,
// and the filter that decides which GeoNames alternate names are useful to English news.

import { readFileSync } from 'node:fs';

export const GEO_DIR = new URL('..', import.meta.url).pathname;

export function readText(relPath) {
  return readFileSync(GEO_DIR + relPath, 'utf8');
}

export function readJson(relPath) {
  return JSON.parse(readText(relPath));
}

/** Rows of a TSV with a header line, as objects; lines starting with '#' are comments. */
export function readTsv(relPath) {
  const lines = readText(relPath)
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const header = lines.shift().split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** Curated two-column tables: key TAB comma-separated values. */
export function readCuratedList(relPath) {
  return readText(relPath)
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [key, values] = l.split('\t');
      return [
        key.trim(),
        values
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      ];
    });
}

const GEONAMES_COLUMNS = [
  'geonameid',
  'name',
  'asciiname',
  'alternatenames',
  'latitude',
  'longitude',
  'featureClass',
  'featureCode',
  'country',
  'cc2',
  'admin1',
  'admin2',
  'admin3',
  'admin4',
  'population',
  'elevation',
  'dem',
  'timezone',
  'modified',
];

/** Calls `onRow` for each row of a GeoNames dump (no header, 19 columns). */
export function eachGeonamesRow(text, onRow) {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const cells = text.slice(start, end).split('\t');
    start = end + 1;
    if (cells.length < 19) continue;
    const row = {};
    for (let i = 0; i < GEONAMES_COLUMNS.length; i++) row[GEONAMES_COLUMNS[i]] = cells[i];
    onRow(row);
  }
}

// Latin letters (with marks), spaces and the punctuation place names use. Anything else (Cyrillic,
// Arabic, CJK…) cannot appear in English copy.
const LATIN_NAME = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} '’ʼ.\-]*$/u;
// Names longer than this are formal descriptions, not something an article writes.
const MAX_ALT_NAME_LENGTH = 40;

/**
 * Whether a GeoNames alternate name is worth indexing for English news: Latin script, no digits, not an
 * all-caps code of up to 4 letters (airport/ISO codes), not a long formal string, and starting with a
 * capital (lower-case entries are machine romanisations of non-Latin names, e.g. "ba ku").
 */
export function isUsefulAltName(name) {
  if (!name || name.length > MAX_ALT_NAME_LENGTH) return false;
  if (!LATIN_NAME.test(name)) return false;
  if (/^[A-Z]{1,4}$/.test(name)) return false;
  const first = name[0];
  return first !== first.toLowerCase();
}

/** Splits GeoNames' comma-separated alternatenames and keeps the useful ones. */
export function usefulAltNames(list) {
  return (list ? list.split(',') : []).filter(isUsefulAltName);
}

// Generic administrative words that news drops ("Lacin Rayonu" → "Lacin"). US "County" is kept on
// purpose: "Orange County" is how news names it and bare "Orange" would be a false friend.
const GENERIC_WORDS =
  /\s+(rayonu|rayon|raion|district|municipality|province|governorate|prefecture|region|oblast'?|oblysy|krai|kray|sahari|shahri|city|okrugi?|county|parish|department|departamento|provincia|state|wilaya|vilayet)$/i;
const GENERIC_PREFIXES =
  /^(provincia de|departamento de|municipio de|distrito de|region de|wilaya de|province of|state of|gouvernorat de|comune di)\s+/i;

/** The name without its generic administrative word, or undefined when nothing was stripped. */
export function stripGenericWords(name) {
  const stripped = name.replace(GENERIC_PREFIXES, '').replace(GENERIC_WORDS, '').trim();
  return stripped && stripped !== name && stripped.length >= 3 ? stripped : undefined;
}

/** "ANATOLIA" → "Anatolia"; NE writes many physical names in capitals. */
export function titleCase(name) {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s\-(])(\p{L})/gu, (_, sep, ch) => sep + ch.toUpperCase());
}

export function round5(value) {
  return Math.round(Number(value) * 1e5) / 1e5;
}
