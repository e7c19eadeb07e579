// The gazetteer's name index: names.tsv kept as one string, its sorted keys binary-searched where they
// lie, each key's line listing the place rows that bear the name ("row:type", comma-separated).

import { codePointOrder } from './compare-keys.ts';
import { lineStarts } from './line-starts.ts';
import type { NameMatch, Place } from '../core/types.ts';

/** Readings returned per name at most; past them only homonymous hamlets remain. */
export const MAX_MATCHES = 60;

/** Lookup answers kept in memory at most (each a few hundred bytes). */
const MAX_CACHED_KEYS = 200_000;

const NAME_TYPES = { n: 'name', a: 'alt', j: 'adjective' } as const;
const NAME_TYPE_RANK: Record<NameMatch['nameType'], number> = { name: 0, alt: 1, adjective: 2 };

export interface NameIndex {
  /** The readings of a normalised name, names first, then by population; the same array each time. */
  lookup(key: string): readonly NameMatch[];
  /** Do longer names start with this one (followed by a space)? */
  hasPrefix(key: string): boolean;
  /** Keys (as the text holds them) that start with `prefix`, in index order, at most `max` (issue #17). */
  keysWithPrefix(prefix: string, max: number): string[];
  /** The first `max` readings of a name, parsing no more (and caching nothing): search's cheap look. */
  lookupHead(key: string, max: number): readonly NameMatch[];
}

/** What the name index says about one key: its line (when the key is a name) and whether longer names start with it. */
interface Probe {
  line: number;
  prefix: boolean;
  /** Parsed on the first lookup (hasPrefix does not need them). */
  matches: NameMatch[] | undefined;
}

const NO_MATCHES: readonly NameMatch[] = [];

/**
 * The name index over the text of names.tsv (sorted by key in compareKeys order). `keyIn` turns a
 * key into the form the text holds (see utf8Bytes); `placeAt` gives the place of a row of places.tsv.
 *
 * @example
 * createNameIndex(names, (key) => key, placeAt).lookup('baku')[0].place.name // 'Baku'
 */
export function createNameIndex(
  names: string,
  keyIn: (key: string) => string,
  placeAt: (row: number) => Place,
): NameIndex {
  const nameLines = lineStarts(names);
  const buckets = bucketStarts(names, nameLines);
  const nameThirdFourth = linesThirdFourth(names, nameLines);

  /** One search answers both questions about a key: is it a name, and do longer names start with it. */
  function probeUncached(text: string): Probe {
    if (!text) return { line: -1, prefix: false, matches: undefined };
    const key = keyIn(text);
    const index = lowerBound(names, nameLines, buckets, nameThirdFourth, key);
    const pos = nameLines[index];
    const exact = keyAt(names, pos, key, 9);
    // ' ' sorts before every other key character, so "key …" keys directly follow "key".
    return { line: exact ? index : -1, prefix: exact || keyAt(names, pos, key, 32), matches: undefined };
  }

  function parseMatches(line: number, max = MAX_MATCHES): NameMatch[] {
    // References are ordered (names first, then by population), so the tail is hamlets: parse only
    // the head. "San José" or "Springfield" would otherwise parse hundreds of rows per lookup.
    const matches: NameMatch[] = [];
    const end = Math.min(nameLines[line + 1] - 1, names.length);
    for (let pos = names.indexOf('\t', nameLines[line]) + 1; pos < end && matches.length < max;) {
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
      (x, y) => NAME_TYPE_RANK[x.nameType] - NAME_TYPE_RANK[y.nameType] || y.place.population - x.place.population,
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

  return {
    lookup(key) {
      const p = probe(key);
      return p.line < 0 ? NO_MATCHES : (p.matches ??= parseMatches(p.line));
    },
    hasPrefix(key) {
      return probe(key).prefix;
    },
    lookupHead(key, max) {
      const p = probe(key);
      if (p.line < 0) return NO_MATCHES;
      return p.matches ? p.matches.slice(0, max) : parseMatches(p.line, max);
    },
    keysWithPrefix(prefix, max) {
      const out: string[] = [];
      if (!prefix) return out;
      const key = keyIn(prefix);
      // Keys that start with `key` follow each other from its lower bound: the index is sorted.
      const count = nameLines.length - 1;
      for (let line = lowerBound(names, nameLines, buckets, nameThirdFourth, key); line < count; line++) {
        const pos = nameLines[line];
        if (out.length >= max || !names.startsWith(key, pos)) break;
        out.push(names.slice(pos, names.indexOf('\t', pos)));
      }
      return out;
    },
  };
}

// Keys are bucketed by their first two characters (ASCII exactly, everything else as one code that
// sorts last, the end of a key first), so a search starts within a few hundred lines, not 280,000.
// Keys that begin outside ASCII share one bucket: their second character says nothing about order.
const BUCKET_CODES = 128;
function bucketCode(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  return c === 9 || c === 10 ? 0 : c < BUCKET_CODES ? c : BUCKET_CODES - 1;
}
/** Bucket of the key at `pos` in `s` (a key of its own, or a line of the index). */
function bucketOf(s: string, pos = 0): number {
  const c = bucketCode(s, pos);
  return c * BUCKET_CODES + (c === 0 || c === BUCKET_CODES - 1 ? 0 : bucketCode(s, pos + 1));
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
    // The line's key ended first (at its tab, the line's end or the text's, where c is NaN): a prefix of `key`.
    if (c === 9 || c === 10 || Number.isNaN(c)) return true;
    const k = key.charCodeAt(i);
    if (c !== k) return codePointOrder(c) < codePointOrder(k);
  }
  return false;
}

/** Does the key of `s` at `pos` start with two ASCII characters, so that its bucket holds exactly those two? */
function twoAsciiFirst(s: string, pos = 0): boolean {
  const first = bucketCode(s, pos);
  const second = first === 0 ? 0 : bucketCode(s, pos + 1);
  return first > 0 && first < BUCKET_CODES - 1 && second > 0 && second < BUCKET_CODES - 1;
}

/**
 * The third and fourth characters of the key at `pos` as one number (0 where the key has ended): in a
 * bucket of two ASCII characters, the same order as the keys' up to their fourth character.
 */
function thirdFourth(s: string, pos: number, end: number): number {
  const c = pos + 2 < end ? s.charCodeAt(pos + 2) : 0;
  const d = c !== 0 && pos + 3 < end ? s.charCodeAt(pos + 3) : 0;
  const k = c === 9 || c === 10 ? 0 : c;
  return (k * 65536 + (k === 0 || d === 9 || d === 10 ? 0 : d)) >>> 0;
}

/**
 * thirdFourth of every line, where the line's bucket is one of two ASCII characters (0 elsewhere): a
 * binary search then reads this compact array, and the 12 MB index text only where these are equal
 * (each read of that text at a random place costs a cache miss).
 */
function linesThirdFourth(text: string, lines: Int32Array): Uint32Array {
  const out = new Uint32Array(lines.length - 1);
  for (let i = 0; i < out.length; i++) {
    const pos = lines[i];
    if (twoAsciiFirst(text, pos)) out[i] = thirdFourth(text, pos, lines[i + 1] - 1);
  }
  return out;
}

/** Index of the first line whose key is >= `key` (lines are sorted by key). */
function lowerBound(
  text: string,
  lines: Int32Array,
  buckets: Int32Array,
  thirdFourths: Uint32Array,
  key: string,
): number {
  const bucket = bucketOf(key);
  let lo = buckets[bucket];
  let hi = buckets[bucket + 1];
  const q = twoAsciiFirst(key) ? thirdFourth(key, 0, key.length) : -1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = thirdFourths[mid];
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
