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
  // (Object literal members are evaluated in order, so the calls below read the columns in order.)
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
  // Longitude then latitude (arguments are read in order), as an array of doubles: see position.
  const anchor = position(Number(next()), Number(next())) as [number, number];
  const geonameid = next();
  const wikidata = next();
  const shape = next();
  const disputed = next();
  // The GeoNames id from its column, else from the id: one Number call for both (optimised code that had
  // never seen a row with the column filled would be thrown away at the first one).
  const geonameDigits = geonameid || (id.startsWith('geonames:') ? id.slice(9) : '');
  // Every place has every member, in one order (absent ones undefined): objects of one shape keep the
  // engine's optimised code for ranking from being thrown away and recompiled at each new combination.
  return {
    id, name, kind, featureCode, country, admin1, population, anchor,
    geonameid: geonameDigits ? Number(geonameDigits) : undefined,
    wikidata: wikidata || undefined,
    shape: shape || undefined,
    disputed: disputed || undefined,
  };
}

// V8 gives an object member the representation of the first value stored in it, and when a later
// value does not fit (a small integer member meets 3.8 billion, Asia's population; a number member
// meets undefined), it replaces the shape of every place: the optimised code that reads places is
// thrown away at that moment, mid-batch, and compiled again. These two places, made before any real
// one, settle the general representations at the start: a population outside the small-integer range,
// and a geonameid that is a number on one and absent on the other.
parsePlace('geonames:1\t\tcity\t\t\t\t4294967296\t0\t0\t\t\t\t');
parsePlace('wikidata:Q1\t\tcity\t\t\t\t0\t0\t0\t\t\t\t');
