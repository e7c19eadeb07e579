// One row of the gazetteer's places.tsv as a `Place`, its columns read in the order the writer
// puts them (PLACE_COLUMNS in write-gazetteer.ts).

import type { Place, PlaceKind } from '../core/types.ts';

/**
 * The place a row of places.tsv describes (the row without its newline, as text).
 *
 * @example
 * parsePlace('geonames:587084\tBaku\tcity\tPPLC\tAZ\t09\t1116513\t49.89201\t40.37767\t\tQ9248\t\t').name // 'Baku'
 */
export function parsePlace(line: string): Place {
  // Fields by position, without an intermediate array: this runs for every reading a lookup returns.
  let from = 0;
  const next = (): string => {
    const tab = line.indexOf('\t', from);
    const end = tab < 0 ? line.length : tab;
    const field = line.slice(from, end);
    from = end + 1;
    return field;
  };
  const id = next();
  const name = next();
  const kind = next() as PlaceKind;
  const featureCode = next();
  const country = next();
  const admin1 = next();
  const population = Number(next()) || 0;
  const anchor: [number, number] = [Number(next()), Number(next())];
  const geonameid = next();
  const wikidata = next();
  const shape = next();
  const disputed = next();
  return {
    id, name, kind, featureCode, country, admin1, population, anchor,
    // The writer leaves the column empty when the id is `geonames:<geonameid>`.
    geonameid: geonameid ? Number(geonameid) : id.startsWith('geonames:') ? Number(id.slice(9)) : undefined,
    wikidata: wikidata || undefined,
    shape: shape || undefined,
    disputed: disputed || undefined,
  };
}
