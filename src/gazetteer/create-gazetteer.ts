// Builds the `Gazetteer` port from already-loaded artifact text (places.tsv, names.tsv, optional TopoJSON).
// Designed for a fast cold start: the text stays two strings with an offset per line (half a million
// line strings would cost load time, memory and garbage-collector time); rows are parsed on first
// access, names are binary-searched in the sorted index, and polygons are decoded one shape at a time.

import type { Topology } from 'topojson-specification';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { MAX_LAYER_VERTICES } from '../core/layer-geometry.ts';
import { countVertices, polygonsOf, position, roundCoords, windInPlace } from '../core/normalize-geometry.ts';
import { codePointOrder } from './compare-keys.ts';
import { decodeGeometry, decodeMasked, packTopology, type PackedTopology } from './pack-topology.ts';
import type { Gazetteer, LayerMask, NameMatch, Place, PlaceKind } from '../core/types.ts';

/**
 * The artifact contents. `shapes` is the TopoJSON, parsed or as its text (faster: its arcs are then
 * never parsed into arrays); a thunk defers it until polygons are first needed.
 */
export interface CreateGazetteerOptions {
  places: string;
  names: string;
  shapes?: Topology | string | (() => Topology | string | undefined);
  /**
   * `places` and `names` hold the files' UTF-8 bytes, one per character (as Node reads a file as
   * 'latin1'), not decoded text. Loading then skips the UTF-8 decoding of 23 MB that are ASCII but for
   * a few names (70 of the 90 ms it took), and the strings stay one byte per character; the gazetteer
   * decodes the rows it parses and encodes the keys it looks up where they go beyond ASCII. Keys in
   * UTF-8 byte order are in the writer's order (see compareKeys).
   */
  utf8Bytes?: boolean;
}

const NAME_TYPES = { n: 'name', a: 'alt', j: 'adjective' } as const;
const NAME_TYPE_RANK: Record<NameMatch['nameType'], number> = { name: 0, alt: 1, adjective: 2 };

/** Readings returned per name at most; past them only homonymous hamlets remain. */
export const MAX_MATCHES = 60;

/** Lookup answers kept in memory at most (each a few hundred bytes). */
const MAX_CACHED_KEYS = 200_000;

const BEYOND_ASCII = /[^\x00-\x7f]/;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** The text a string of UTF-8 bytes (one per character) holds; ASCII is its own text. */
function decodeUtf8Bytes(bytes: string): string {
  if (!BEYOND_ASCII.test(bytes)) return bytes;
  const b = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) b[i] = bytes.charCodeAt(i);
  return utf8Decoder.decode(b);
}

/** The UTF-8 bytes of a text as a string, one per character; ASCII is its own encoding. */
function encodeUtf8Bytes(text: string): string {
  if (!BEYOND_ASCII.test(text)) return text;
  let out = '';
  for (const b of utf8Encoder.encode(text)) out += String.fromCharCode(b);
  return out;
}

/**
 * Offset of each line of `text` from line `from` on, plus one past the last line's newline (so line k
 * is `text.slice(starts[k], starts[k + 1] - 1)`); a missing final newline is supplied.
 */
function lineStarts(text: string, from = 0): Int32Array {
  let pos = 0;
  for (let k = 0; k < from && pos < text.length; k++) pos = nextLine(text, pos);
  const starts: number[] = [];
  while (pos < text.length) {
    starts.push(pos);
    pos = nextLine(text, pos);
  }
  starts.push(text.endsWith('\n') || !text.length ? text.length : text.length + 1);
  return Int32Array.from(starts);
}

function nextLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

// Keys are bucketed by their first two characters (ASCII exactly, everything else as one code that
// sorts last, the end of a key first), so a search starts within a few hundred lines, not 280,000.
// Keys that begin outside ASCII share one bucket: their second character says nothing about order.
const BUCKET_CODES = 128;
function code(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  return c === 9 || c === 10 ? 0 : c < BUCKET_CODES ? c : BUCKET_CODES - 1;
}
/** Bucket of the key at `pos` in `s` (a key of its own, or a line of the index). */
function bucketOf(s: string, pos = 0): number {
  const c = code(s, pos);
  return c * BUCKET_CODES + (c === 0 || c === BUCKET_CODES - 1 ? 0 : code(s, pos + 1));
}

/** Start line of each bucket (sorted keys give non-decreasing buckets); one extra slot ends the last. */
function bucketStarts(text: string, lines: Int32Array): Int32Array {
  const count = lines.length - 1;
  const starts = new Int32Array(BUCKET_CODES * BUCKET_CODES + 1).fill(count);
  for (let i = count - 1; i >= 0; i--) starts[bucketOf(text, lines[i])] = i;
  // Empty buckets start where the next non-empty one does.
  for (let b = starts.length - 2; b >= 0; b--) if (starts[b] > starts[b + 1]) starts[b] = starts[b + 1];
  return starts;
}

/**
 * Does the key of the line at `pos` sort before `key`? The order is the writer's (compareKeys), a
 * prefix first. Compared where it lies, without a copy of the key.
 */
function lineKeyBefore(text: string, pos: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = text.charCodeAt(pos + i);
    // The line's key ended first (at its tab, the line's end or the text's): a prefix of `key`.
    if (c === 9 || c === 10 || c !== c) return true;
    const k = key.charCodeAt(i);
    if (c !== k) return codePointOrder(c) < codePointOrder(k);
  }
  return false;
}

/** Does the key of `s` at `pos` start with two ASCII characters, so that its bucket holds exactly those two? */
function twoAsciiFirst(s: string, pos = 0): boolean {
  const a = code(s, pos);
  const b = a === 0 ? 0 : code(s, pos + 1);
  return a > 0 && a < BUCKET_CODES - 1 && b > 0 && b < BUCKET_CODES - 1;
}

/**
 * The third and fourth characters of the key at `pos` as one number (0 where the key has ended): in a
 * bucket of two ASCII characters, the same order as the keys' up to their fourth character.
 */
function nextTwo(s: string, pos: number, end: number): number {
  const c = pos + 2 < end ? s.charCodeAt(pos + 2) : 0;
  const d = c !== 0 && pos + 3 < end ? s.charCodeAt(pos + 3) : 0;
  const k = c === 9 || c === 10 ? 0 : c;
  return (k * 65536 + (k === 0 || d === 9 || d === 10 ? 0 : d)) >>> 0;
}

/**
 * nextTwo of every line, where the line's bucket is one of two ASCII characters (0 elsewhere): a binary
 * search then reads this compact array, and the 12 MB index text only where these are equal (each read
 * of that text at a random place costs a cache miss).
 */
function lineNextTwo(text: string, lines: Int32Array): Uint32Array {
  const out = new Uint32Array(lines.length - 1);
  for (let i = 0; i < out.length; i++) {
    const pos = lines[i];
    if (twoAsciiFirst(text, pos)) out[i] = nextTwo(text, pos, lines[i + 1] - 1);
  }
  return out;
}

/** Index of the first line whose key is >= `key` (lines are sorted by key). */
function lowerBound(text: string, lines: Int32Array, buckets: Int32Array, next: Uint32Array, key: string): number {
  const b = bucketOf(key);
  let lo = buckets[b];
  let hi = buckets[b + 1];
  const q = twoAsciiFirst(key) ? nextTwo(key, 0, key.length) : -1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = next[mid];
    if (q >= 0 && p !== q) {
      if (p < q) lo = mid + 1;
      else hi = mid;
    } else if (lineKeyBefore(text, lines[mid], key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is the key of the line at `pos` `key` followed by `after` (a tab: the same key; a space: a longer name)? */
function keyAt(text: string, pos: number, key: string, after: number): boolean {
  return pos < text.length && text.charCodeAt(pos + key.length) === after && text.startsWith(key, pos);
}

/** What the name index says about one key: its line (when the key is a name) and whether longer names start with it. */
interface Probe {
  line: number;
  prefix: boolean;
  /** Parsed on the first lookup (hasPrefix does not need them). */
  matches: NameMatch[] | undefined;
}

function parsePlace(line: string): Place {
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

/**
 * Creates a `Gazetteer` over the compact artifact format written by `writeGazetteer`.
 *
 * @example
 * const gazetteer = createGazetteer({ places, names, shapes: () => JSON.parse(shapesText) });
 * gazetteer.lookup('baku')[0].place.name // 'Baku'
 * gazetteer.hasPrefix('nagorno')         // true ('nagorno karabakh' is a key)
 */
export function createGazetteer(options: CreateGazetteerOptions): Gazetteer {
  const { places, names } = options;
  // Rows and keys as the texts hold them (see utf8Bytes).
  const rowOf = options.utf8Bytes ? decodeUtf8Bytes : (row: string) => row;
  const keyIn = options.utf8Bytes ? encodeUtf8Bytes : (key: string) => key;
  const rows = lineStarts(places, 1); // the header is not a row
  const rowCount = rows.length - 1;
  const nameLines = lineStarts(names);
  const cache: Array<Place | undefined> = new Array(rowCount);
  const rowText = (row: number): string => places.slice(rows[row], rows[row + 1] - 1);

  const placeAt = (row: number): Place => (cache[row] ??= parsePlace(rowOf(rowText(row))));

  // id, country and admin-1 indexes need a pass over every row; they are built on first use only,
  // because the core's hot path (lookup) does not need them.
  let byId: Map<string, number> | undefined;
  let countries: Map<string, number> | undefined;
  let admin1s: Map<string, number> | undefined;
  const buildIndexes = (): void => {
    byId = new Map();
    countries = new Map();
    admin1s = new Map();
    for (let row = 0; row < rowCount; row++) {
      const line = rowText(row);
      const t1 = line.indexOf('\t');
      byId.set(rowOf(line.slice(0, t1)), row);
      const t2 = line.indexOf('\t', t1 + 1);
      const t3 = line.indexOf('\t', t2 + 1);
      const kind = line.slice(t2 + 1, t3);
      if (kind !== 'country' && kind !== 'admin1') continue;
      const t4 = line.indexOf('\t', t3 + 1);
      const t5 = line.indexOf('\t', t4 + 1);
      const t6 = line.indexOf('\t', t5 + 1);
      const country = line.slice(t4 + 1, t5);
      if (kind === 'country') {
        if (!countries.has(country)) countries.set(country, row);
      } else {
        const key = `${country}.${line.slice(t5 + 1, t6)}`;
        if (!admin1s.has(key)) admin1s.set(key, row);
      }
    }
  };

  let packed: PackedTopology | undefined;
  const geometries = new Map<string, Geometry | undefined>();
  // Polygons as a layer draws them (see layerGeometry below), decoded from the arcs directly.
  const layerGeometries = new Map<string, Geometry | undefined>();
  const loadShapes = (): PackedTopology | undefined => {
    if (packed || !options.shapes) return packed;
    const source = typeof options.shapes === 'function' ? options.shapes() : options.shapes;
    if (source) packed = packTopology(source);
    return packed;
  };
  // Shapes given outright are read now, with the rest; a thunk waits for the first geometry().
  if (typeof options.shapes !== 'function') loadShapes();

  const buckets = bucketStarts(names, nameLines);
  const nameNextTwo = lineNextTwo(names, nameLines);

  /** One search answers both questions about a key: is it a name, and do longer names start with it. */
  function probeUncached(text: string): Probe {
    if (!text) return { line: -1, prefix: false, matches: undefined };
    const key = keyIn(text);
    const index = lowerBound(names, nameLines, buckets, nameNextTwo, key);
    const pos = nameLines[index];
    const exact = keyAt(names, pos, key, 9);
    // ' ' sorts before every other key character, so "key …" keys directly follow "key".
    return { line: exact ? index : -1, prefix: exact || keyAt(names, pos, key, 32), matches: undefined };
  }

  function parseMatches(line: number): NameMatch[] {
    // References are ordered (names first, then by population), so the tail is hamlets: parse only
    // the head. "San José" or "Springfield" would otherwise parse hundreds of rows per lookup.
    const matches: NameMatch[] = [];
    const end = Math.min(nameLines[line + 1] - 1, names.length);
    for (let pos = names.indexOf('\t', nameLines[line]) + 1; pos < end && matches.length < MAX_MATCHES; ) {
      // A reference is "row:type" (the type one letter), references are separated by commas.
      let comma = names.indexOf(',', pos);
      if (comma < 0 || comma > end) comma = end;
      const colon = names.indexOf(':', pos);
      const row = colon < 0 || colon > comma ? Number(names.slice(pos, comma)) : Number(names.slice(pos, colon));
      const type = colon < 0 || colon > comma ? '' : names.slice(colon + 1, comma);
      matches.push({ place: placeAt(row), nameType: NAME_TYPES[type as keyof typeof NAME_TYPES] ?? 'alt' });
      pos = comma + 1;
    }
    // The writer already orders references, but the contract is enforced here so any artifact is safe.
    return matches.sort(
      (a, b) => NAME_TYPE_RANK[a.nameType] - NAME_TYPE_RANK[b.nameType] || b.place.population - a.place.population,
    );
  }

  // Articles repeat their names and batches repeat the world's: answer each key once. Bounded, so a
  // stream of a million articles cannot grow it without end.
  const probes = new Map<string, Probe>();
  // Recognition asks lookup and then hasPrefix of the same key: the second answer needs no hashing.
  let lastKey = '';
  let last: Probe = { line: -1, prefix: false, matches: undefined };
  const probe = (key: string): Probe => {
    if (key === lastKey) return last;
    let p = probes.get(key);
    if (!p) {
      if (probes.size >= MAX_CACHED_KEYS) probes.clear();
      probes.set(key, (p = probeUncached(key)));
    }
    lastKey = key;
    return (last = p);
  };
  const NO_MATCHES: readonly NameMatch[] = [];

  return {
    lookup(normalizedName) {
      const p = probe(normalizedName);
      const matches = p.line < 0 ? NO_MATCHES : (p.matches ??= parseMatches(p.line));
      // A copy, so callers may sort or filter what they get.
      return matches.slice();
    },
    hasPrefix(normalizedPrefix) {
      return probe(normalizedPrefix).prefix;
    },
    get(id) {
      if (!byId) buildIndexes();
      const row = byId!.get(id);
      return row === undefined ? undefined : placeAt(row);
    },
    country(iso2) {
      if (!countries) buildIndexes();
      const row = countries!.get(iso2.toUpperCase());
      return row === undefined ? undefined : placeAt(row);
    },
    admin1(iso2, admin1Code) {
      if (!admin1s) buildIndexes();
      const row = admin1s!.get(`${iso2.toUpperCase()}.${admin1Code}`);
      return row === undefined ? undefined : placeAt(row);
    },
    geometry(shape) {
      if (geometries.has(shape)) return geometries.get(shape);
      const shapes = loadShapes();
      const object = shapes?.objects.get(shape);
      let geometry: Geometry | undefined;
      if (shapes && object) {
        const decoded = decodeGeometry(shapes, object);
        if (decoded && 'coordinates' in decoded) {
          // Decoding makes new position arrays, so they are rounded where they are.
          roundCoords(decoded.coordinates, true);
          geometry = decoded;
        }
      }
      geometries.set(shape, geometry);
      return geometry;
    },
    layerGeometry(shape) {
      if (layerGeometries.has(shape)) return layerGeometries.get(shape);
      const shapes = loadShapes();
      const object = shapes?.objects.get(shape);
      let geometry: Polygon | MultiPolygon | undefined;
      if (shapes && object && (object.type === 'Polygon' || object.type === 'MultiPolygon')) {
        const mask = (object.properties as { layer?: LayerMask } | undefined)?.layer;
        if (mask) geometry = decodeMasked(shapes, object, mask) ?? undefined;
        else {
          // A polygon the layer keeps whole, decoded afresh: geometry() keeps the stored winding, and
          // this one is wound where it is, so the layer need not copy it.
          const whole = decodeGeometry(shapes, object) as Polygon | MultiPolygon;
          if (countVertices(polygonsOf(whole)) <= MAX_LAYER_VERTICES) {
            roundCoords(whole.coordinates, true);
            geometry = whole;
          }
        }
        if (geometry) windInPlace(geometry);
      }
      layerGeometries.set(shape, geometry);
      return geometry;
    },
  };
}
