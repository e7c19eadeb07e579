// Writes the compact gazetteer format (places.tsv + names.tsv) from a list of entries. Pure: shared by
// the geo/ build and the test-fixture builder, so both produce byte-identical formats.

import type { Place } from '../core/types.ts';
import { normalizeName } from '../core/normalize-name.ts';
import { compareKeys } from './compare-keys.ts';

/** Name-type codes of names.tsv: `n` name, `a` alternate, `j` adjective or demonym. */
export type NameTypeCode = 'n' | 'a' | 'j';

/** One gazetteer entry to write: the place and every surface form it is known by. */
export interface GazetteerEntry extends Place {
  names: Array<{ name: string; type: NameTypeCode }>;
}

/**
 * Column order of places.tsv; the loader reads by position, so this is the format. `geonameid` is empty
 * when the id is `geonames:<geonameid>` (the loader restores it).
 */
export const PLACE_COLUMNS = [
  'id',
  'name',
  'kind',
  'featureCode',
  'country',
  'admin1',
  'population',
  'lon',
  'lat',
  'geonameid',
  'wikidata',
  'shape',
  'disputed',
] as const;

const TYPE_RANK: Record<NameTypeCode, number> = { n: 0, a: 1, j: 2 };

// Tabs and newlines are the format's separators; source data occasionally carries stray ones.
function clean(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

// 6 decimals is ~0.1 m, the DESIGN.md precision; trailing zeros are dropped to keep rows short.
function formatCoordinate(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * Serialises entries to the two text files of the gazetteer. Row i of `names` refers to data row i of
 * `places` (0-based, header excluded). Keys are `normalizeName` of each name, sorted by code point
 * (compareKeys, also the order of their UTF-8 bytes) so the loader can binary-search them as text or as
 * bytes; a place appears once per key with its strongest name type, references ordered by type (n, a,
 * j), then population descending, then row.
 *
 * @example
 * const { places, names } = writeGazetteer([{ id: 'geonames:587084', name: 'Baku', kind: 'city',
 *   featureCode: 'PPLC', country: 'AZ', admin1: '09', population: 1116513, anchor: [49.89201, 40.37767],
 *   geonameid: 587084, names: [{ name: 'Baku', type: 'n' }, { name: 'Bakı', type: 'a' }] }]);
 * // names === 'baki\t0:a\nbaku\t0:n\n'
 */
export function writeGazetteer(entries: readonly GazetteerEntry[]): { places: string; names: string } {
  const placeLines: string[] = [PLACE_COLUMNS.join('\t')];
  const seenIds = new Set<string>();
  const refs = new Map<string, Map<number, NameTypeCode>>();

  entries.forEach((entry, row) => {
    if (seenIds.has(entry.id)) throw new Error(`duplicate gazetteer id ${entry.id}`);
    seenIds.add(entry.id);
    placeLines.push(
      [
        entry.id,
        clean(entry.name),
        entry.kind,
        entry.featureCode,
        entry.country,
        entry.admin1,
        String(Math.round(entry.population || 0)),
        formatCoordinate(entry.anchor[0]),
        formatCoordinate(entry.anchor[1]),
        // Left empty when the id already says it (`geonames:<n>`): saves ~0.6 MB gzip on 200k rows.
        entry.geonameid && entry.id !== `geonames:${entry.geonameid}` ? String(entry.geonameid) : '',
        entry.wikidata ?? '',
        entry.shape ?? '',
        clean(entry.disputed ?? ''),
      ].join('\t'),
    );
    for (const { name, type } of entry.names) {
      const key = normalizeName(clean(name));
      if (!key) continue;
      let byRow = refs.get(key);
      if (!byRow) refs.set(key, (byRow = new Map()));
      const previous = byRow.get(row);
      if (previous === undefined || TYPE_RANK[type] < TYPE_RANK[previous]) byRow.set(row, type);
    }
  });

  const keys = [...refs.keys()].sort(compareKeys);
  const nameLines = keys.map((key) => {
    const list = [...refs.get(key)!.entries()].sort(
      ([rowA, typeA], [rowB, typeB]) =>
        TYPE_RANK[typeA] - TYPE_RANK[typeB] ||
        (entries[rowB].population || 0) - (entries[rowA].population || 0) ||
        rowA - rowB,
    );
    return `${key}\t${list.map(([row, type]) => `${row}:${type}`).join(',')}`;
  });
  return { places: placeLines.join('\n') + '\n', names: nameLines.join('\n') + '\n' };
}
