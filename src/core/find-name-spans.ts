// Recognition, step 1: walk the tokens and find every capitalised stretch whose normalised form is
// a gazetteer name, longest match first ("Nagorno-Karabakh", "Russian Federation", "U.S.").
// Whether a span really is a place here is decided later, by extractMentions.

import { normalizeName } from './normalize-name.ts';
import { isCapitalised, oneSpace, startsWithDigit, type Token } from './tokenize.ts';
import type { Gazetteer, NameMatch, PlaceKind } from './types.ts';

/** A stretch of tokens that names something in the gazetteer. */
export interface NameSpan {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  key: string;
  matches: NameMatch[];
  /** A compass word qualifies the name ("Southern Ontario", "East Texas"): the span reads as part of it. */
  qualified?: boolean;
}

export interface FindNameSpansOptions {
  /** Longest name in tokens (punctuation included) worth trying. */
  maxTokens?: number;
  /** Normalised names that are never places ("european union"); a longer one of these wins. */
  nonPlaces?: Set<string>;
  /** Every word-prefix of `nonPlaces`. */
  nonPlacePrefixes?: Set<string>;
}

const DEFAULTS = { maxTokens: 14 };
const EMPTY = new Set<string>();

// Lower-case words that may sit inside a multi-word name ("Bosnia and Herzegovina", "Rio de Janeiro").
const CONNECTORS = new Set([
  'of',
  'and',
  'the',
  'de',
  'del',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'des',
  'la',
  'le',
  'les',
  'el',
  'al',
  'on',
  'upon',
  'sur',
  'am',
  'im',
  'an',
  'der',
  'van',
  'von',
  'y',
  'e',
  'di',
  'city',
]);
// Punctuation that may sit inside a name ("Nagorno-Karabakh", "U.S.", "Côte d'Ivoire").
const INNER_PUNCT = new Set(['-', '‐', '‑', '–', '.', "'", '’']);

// Compass words that qualify a following name ("West Wales", "Southern Iraq") or start a longer
// unknown name ("West Wing", "South Kilburn Estate"); on their own they rarely name a place.
export const COMPASS_WORDS: ReadonlySet<string> = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'upper',
  'lower',
  'greater',
  'inner',
  'outer',
]);

/** White space with at most one line break: a wrapped line, not a paragraph's end. */
const WRAPPED_GAP = /^[^\S\n]*\n?[^\S\n]*$/;

/**
 * A span, always built here with every member in one order, `qualified` too: one object shape for the code
 * that reads spans (a qualified span made by a spread had a shape of its own, and its first arrival
 * deoptimised buildSpanContext, isCurrencyPrefix and scoreSpans mid-batch).
 */
function nameSpan(
  first: number,
  last: number,
  start: number,
  end: number,
  text: string,
  key: string,
  matches: NameMatch[],
  qualified = false,
): NameSpan {
  return { first, last, start, end, text: text.slice(start, end), key, matches, qualified };
}

/**
 * Finds gazetteer names in a token stream, preferring the longest match at each position.
 *
 * @example
 * findNameSpans(text, tokenize(text), gazetteer) // [{ text: 'Nagorno-Karabakh', key: 'nagorno karabakh', … }]
 */
export function findNameSpans(
  text: string,
  tokens: Token[],
  gazetteer: Gazetteer,
  options: FindNameSpansOptions = {},
): NameSpan[] {
  const { maxTokens } = { ...DEFAULTS, ...options };
  const nonPlaces = options.nonPlaces ?? EMPTY;
  const nonPlacePrefixes = options.nonPlacePrefixes ?? EMPTY;
  const spans: NameSpan[] = [];
  for (let i = 0; i < tokens.length;) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    let best: NameSpan | null = null;
    let blockedTo = -1;
    for (let j = i; j < tokens.length && j - i < maxTokens; j++) {
      const t = tokens[j];
      if (j > i) {
        // One space (or nothing) between tokens, never a line break.
        const gap = t.start - tokens[j - 1].end;
        if (gap > 1 || (gap === 1 && text.charCodeAt(t.start - 1) === 10)) break;
        if (!t.word && !INNER_PUNCT.has(t.text)) break;
        // A full stop ends the name unless it closes an abbreviation ("St. Louis", "U.S.").
        if (t.text === '.' && tokens[j - 1].text.length > 2) break;
        if (t.word && !isCapitalised(t) && !CONNECTORS.has(t.text) && !startsWithDigit(t)) {
          // Lower-case continuation only after a hyphen or apostrophe inside a name (Stoke-on-Trent, d'Ivoire).
          if (!INNER_PUNCT.has(tokens[j - 1].text) || tokens[j - 1].text === '.') break;
        }
      }
      let end = t.end;
      // Keep the final full stop of an initialism ("U.S."), not of a sentence.
      if (t.word && t.text.length === 1 && tokens[j + 1]?.text === '.' && tokens[j + 1].start === t.end && j > i)
        end = tokens[j + 1].end;
      const key = normalizeName(text.slice(tokens[i].start, end));
      if (!key) break;
      if (t.word && (isCapitalised(t) || startsWithDigit(t) || j === i)) {
        const matches = gazetteer.lookup(key);
        if (matches.length) {
          const last = end > t.end ? j + 1 : j;
          best = nameSpan(i, last, tokens[i].start, end, text, key, matches);
        }
        if (nonPlaces.has(key)) blockedTo = end > t.end ? j + 1 : j;
      }
      // Initials merge when their dots go ("U" + "." + "S" → "us"), so no prefix test inside them.
      const initial =
        (t.word && t.text.length === 1 && tokens[j + 1]?.text === '.') ||
        (t.text === '.' && tokens[j - 1]?.text.length === 1);
      if (!initial && !gazetteer.hasPrefix(key) && !nonPlacePrefixes.has(key) && !nonPlaces.has(key)) break;
    }
    // A longer organisation or publication name swallows the place words inside it.
    if (blockedTo >= 0 && (!best || blockedTo > best.last)) {
      i = blockedTo + 1;
      continue;
    }
    if (best) best = splitCountryPair(text, tokens, best, gazetteer);
    if (best) {
      spans.push(best);
      i = best.last + 1;
    } else i++;
  }
  return attachDirectionals(text, tokens, pluralAreaSpans(text, tokens, spans, gazetteer), gazetteer);
}

/** A plural area word after a list of names, and the singular the gazetteer's names end with. */
const PLURAL_AREAS: ReadonlyMap<string, string> = new Map([
  ['counties', 'county'],
  ['parishes', 'parish'],
  ['boroughs', 'borough'],
]);

/** Capitalised words at most in one name of such a list ("Palm Beach", "St. Lucie"). */
const MAX_LIST_NAME_WORDS = 3;

/**
 * "Marion and Polk counties", "Dallas, Tarrant and Collin counties": each name before a plural area word is
 * that area, read by the gazetteer's name for it ("Marion County"); the mention is the bare name. A span
 * already found there (the town of Marion) gives way. Only names the gazetteer holds with that word.
 */
function pluralAreaSpans(text: string, tokens: Token[], spans: NameSpan[], gazetteer: Gazetteer): NameSpan[] {
  let added: NameSpan[] | null = null;
  for (let j = 1; j < tokens.length; j++) {
    const singular = PLURAL_AREAS.get(tokens[j].text);
    if (!singular) continue;
    // Walk back over "A, B and C": one name, then a separator, and again.
    let k = j - 1;
    const found: NameSpan[] = [];
    while (k >= 0) {
      let first = k;
      let words = 0;
      while (first >= 0 && words < MAX_LIST_NAME_WORDS) {
        const t = tokens[first];
        if (isCapitalised(t)) words++;
        else if (!(
          t.text === '.' &&
          first > 0 &&
          tokens[first - 1].end === t.start &&
          isCapitalised(tokens[first - 1])
        ))
          break;
        if (first > 0 && tokens[first].start - tokens[first - 1].end > 1) {
          first--;
          break;
        }
        first--;
      }
      first++;
      if (first > k || !isCapitalised(tokens[first])) break;
      // The longest stretch ending at k that the gazetteer holds with the area word.
      let span: NameSpan | null = null;
      for (let f = first; f <= k && !span; f++) {
        if (!isCapitalised(tokens[f])) continue;
        const key = normalizeName(`${text.slice(tokens[f].start, tokens[k].end)} ${singular}`);
        const matches = key ? gazetteer.lookup(key).filter((m) => m.place.kind !== 'city') : [];
        if (matches.length) span = nameSpan(f, k, tokens[f].start, tokens[k].end, text, key, matches);
      }
      if (!span) break;
      found.push(span);
      // The separator before it: ",", "and", "or", ", and", "&".
      let p = span.first - 1;
      if (tokens[p]?.text === 'and' || tokens[p]?.text === 'or' || tokens[p]?.text === '&') p--;
      if (tokens[p]?.text === ',') p--;
      if (p === span.first - 1) break;
      k = p;
    }
    // One name alone is a list of one only in the singular ("Cook County" is a gazetteer name already).
    if (found.length < 2) continue;
    (added ??= []).push(...found);
  }
  if (!added) return spans;
  const out = spans.filter((s) => !added!.some((a) => a.start < s.end && s.start < a.end));
  for (const a of added) out.push(a);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "Australia and New Zealand" is also the name of a UN region, but a text that names two countries
 * means the two countries: keep the left one here, the right one is found next.
 */
function splitCountryPair(text: string, tokens: Token[], span: NameSpan, gazetteer: Gazetteer): NameSpan {
  if (!span.key.includes(' and ') || span.matches.some((m) => m.place.kind === 'country')) return span;
  const and = tokens.findIndex((t, k) => k > span.first && k < span.last && t.text === 'and');
  if (and < 0) return span;
  const isCountry = (from: number, to: number) => {
    const key = normalizeName(text.slice(tokens[from].start, tokens[to].end));
    const matches = gazetteer.lookup(key);
    return matches.some((m) => m.place.kind === 'country') ? { key, matches } : null;
  };
  const left = isCountry(span.first, and - 1);
  if (!left || !isCountry(and + 1, span.last)) return span;
  return nameSpan(span.first, and - 1, span.start, tokens[and - 1].end, text, left.key, left.matches);
}

/** The other form of a compass word, as names use both: "North Africa" is GeoNames' "Northern Africa". */
const COMPASS_FORMS: ReadonlyMap<string, string> = new Map([
  ['north', 'northern'],
  ['south', 'southern'],
  ['east', 'eastern'],
  ['west', 'western'],
  ['northern', 'north'],
  ['southern', 'south'],
  ['eastern', 'east'],
  ['western', 'west'],
]);

/** The kinds of place a compass word's other form may name (a part of the world, a country, a province). */
const AREA_KINDS: ReadonlySet<PlaceKind> = new Set(['continent', 'country', 'region', 'disputed', 'admin1', 'admin2']);

/**
 * A compass word right before a name becomes part of that name's span. When the gazetteer knows the pair with the
 * word's other form as an area ("North Africa" → "Northern Africa", "Southern Sudan" → "South Sudan") it reads as that place;
 * else as the name, approximately ("West Wales" → Wales, `qualified`). Before another capitalised word the compass
 * word is part of an unknown name and is dropped. A name that is itself a gazetteer key ("Northern Ireland") never
 * gets here.
 */
function attachDirectionals(text: string, tokens: Token[], spans: NameSpan[], gazetteer: Gazetteer): NameSpan[] {
  /** The span from the compass word `word` (token `first`) to the end of `name`, read as the other form's place. */
  const directional = (first: number, word: string, name: NameSpan) => {
    const other = COMPASS_FORMS.get(word.toLowerCase());
    const key = other && normalizeName(`${other} ${name.text}`);
    // Areas only: "Western Canada" is not West Canada Creek, a stream in New York.
    const matches = key ? gazetteer.lookup(key).filter((m) => AREA_KINDS.has(m.place.kind)) : [];
    const start = tokens[first].start;
    return matches.length
      ? nameSpan(first, name.last, start, name.end, text, key!, matches)
      : nameSpan(first, name.last, start, name.end, text, name.key, name.matches, true);
  };
  const out: NameSpan[] = [];
  const joined = (left: number, right: number) =>
    tokens[right].start === tokens[left].end || oneSpace(text, tokens[left], tokens[right]);
  // A compass word that is itself a name reaches the next word across a wrapped line too ("Central
  // \n Anatolia" in hard-wrapped text), though not across a blank line: alone it is seldom the place meant.
  const wrapped = (left: number, right: number) =>
    joined(left, right) || WRAPPED_GAP.test(text.slice(tokens[left].end, tokens[right].start));
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.first === s.last && COMPASS_WORDS.has(s.key)) {
      // The compass word is itself a gazetteer name ("West" is a region somewhere).
      let n = s.last + 1;
      if (tokens[n] && (tokens[n].text === '-' || tokens[n].text === '‐') && tokens[n].start === s.end) n++;
      const t = spans[k + 1];
      if (t && t.first === n && wrapped(n - 1, n)) {
        out.push(directional(s.first, s.text, t));
        k++;
      } else if (!(tokens[n] && isCapitalised(tokens[n]) && wrapped(n - 1, n))) out.push(s);
      continue;
    }
    // A compass word the gazetteer does not know, right before the name.
    let p = s.first - 1;
    if (tokens[p] && (tokens[p].text === '-' || tokens[p].text === '‐') && tokens[p].end === s.start) p--;
    const prev = tokens[p];
    const free = !out.length || out[out.length - 1].last < p;
    if (prev && free && isCapitalised(prev) && COMPASS_WORDS.has(prev.text.toLowerCase()) && joined(p, p + 1)) {
      out.push(directional(p, prev.text, s));
    } else out.push(s);
  }
  return out;
}
