// One row of the gazetteer's places.tsv as a `Place`, its columns read in the order the writer
// puts them (PLACE_COLUMNS in write-gazetteer.ts).

import { position } from '../core/normalize-geometry.ts';
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
  // Longitude then latitude (arguments are read in order), as doubles: see position.
  const anchor = position(Number(next()), Number(next())) as [number, number];
  const geonameid = next();
  const wikidata = next();
  const shape = next();
  const disputed = next();
  // The writer leaves the column empty when the id is `geonames:<geonameid>`. One Number call for both:
  // a second call site would deoptimise parsePlace at the first row with the column filled.
  const geonameDigits = geonameid || (id.startsWith('geonames:') ? id.slice(9) : '');
  return {
    id,
    name,
    kind,
    featureCode,
    country,
    admin1,
    population,
    anchor,
    geonameid: geonameDigits ? Number(geonameDigits) : undefined,
    wikidata: wikidata || undefined,
    shape: shape || undefined,
    disputed: disputed || undefined,
  };
}

// Two places parsed at import settle the members' representations before real rows arrive: a
// population beyond small integers (Asia's 3.8 billion) and a geonameid both set and absent. Each
// later change would reshape every place and deoptimise the ranking code mid-batch.
parsePlace('geonames:1\t\tcity\t\t\t\t4294967296\t0\t0\t\t\t\t');
parsePlace('wikidata:Q1\t\tcity\t\t\t\t0\t0\t0\t\t\t\t');
