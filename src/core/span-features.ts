// Recognition, step 2: describe a gazetteer name span by the features a linear model weighs to tell
// a place mention from a person, an organisation or a common word: name statistics from the
// gazetteer, spelling, the words around it, and (second pass) what else the article mentions.

import { AREA_KINDS } from './area-kinds.ts';
import { featureName, mapOf, type FeatureSink, type Features, type GeoparserModel } from './model.ts';
import { popBucket } from './pop-bucket.ts';
import { COMPASS_WORDS, type NameSpan } from './find-name-spans.ts';
import { TITLES } from './find-site-spans.ts';
import { kindCueAt } from './kind-cues.ts';
import { distanceKm, distanceLowerBoundKm } from './distance-km.ts';
import { normalizeName } from './normalize-name.ts';
import type { NameMatch } from './types.ts';
import { isCapitalised, oneSpace, startsUpper, startsWithDigit, tokenAt, type Token } from './tokenize.ts';

/** What span features need besides the span itself; built once per text. */
export interface SpanContext {
  text: string;
  tokens: Token[];
  /** Token indices that begin a sentence (the first word token of each sentence). */
  sentenceStarts: Set<number>;
  /** Token index → the name span starting there. */
  spanAt: Map<number, NameSpan>;
  /** Token index → the name span ending there. */
  spanEnding: Map<number, NameSpan>;
  /** True for token indices inside sentences that are mostly capitalised words (headlines). */
  titleCase: Set<number>;
  /** Token indices inside short lines without closing punctuation (headings, captions, page furniture). */
  fragment: Set<number>;
  /** Token indices of the first word of each passage (paragraph): where a dateline stands. */
  passageStarts: Set<number>;
  lexicon: Lexicon;
}

export interface Lexicon {
  commonWords: Set<string>;
  givenNames: Set<string>;
  surnames: Set<string>;
  /** Names that are never places, and every word-prefix of them (for longest matching). */
  nonPlaces: Set<string>;
  nonPlacePrefixes: Set<string>;
  /** English dictionary words among single-word names → SCOWL size level (see GeoparserModel.dictWords). */
  dictLevels: Map<string, number>;
}

/** Document evidence from the first pass. */
export interface DocEvidence {
  /** ISO country → summed confidence of mentions in (or of) that country. */
  countries: Map<string, number>;
  /** The part of `countries` each key contributed, so a span does not count as its own evidence. */
  countriesByKey: Map<string, Map<string, number>>;
  /** Normalised key → highest first-pass confidence of that key anywhere in the text. */
  keyConfidence: Map<string, number>;
  /** Normalised key → number of times the key occurs as a span. */
  keyCount: Map<string, number>;
  /** First-pass confidence of the span starting at each token index. */
  confidenceAt: Map<number, number>;
  /** Keys used somewhere in the text as a person's given name ("Georgia Stevens"). */
  personKeys: Set<string>;
  /** Keys used somewhere in the text as a person's surname after a given name ("John Bolton"). */
  surnameKeys: Set<string>;
  /** The likely reading's point of each confidently recognised name (one per name, a few dozen at most). */
  anchors: Array<{ key: string; anchor: [number, number] }>;
}

const lexicons = new WeakMap<GeoparserModel, Lexicon>();

/** The model's word lists as sets, built once per model. */
export function lexiconOf(model: GeoparserModel): Lexicon {
  let lex = lexicons.get(model);
  if (!lex) {
    const nonPlaces = new Set(model.nonPlaceNames ?? []);
    const nonPlacePrefixes = new Set<string>();
    for (const n of nonPlaces) {
      const words = n.split(' ');
      for (let k = 1; k < words.length; k++) nonPlacePrefixes.add(words.slice(0, k).join(' '));
    }
    const dictLevels = mapOf(model.dictWords ?? {});
    lex = {
      commonWords: new Set(model.commonWords),
      givenNames: new Set(model.givenNames),
      surnames: new Set(model.surnames ?? []),
      nonPlaces,
      nonPlacePrefixes,
      dictLevels,
    };
    lexicons.set(model, lex);
  }
  return lex;
}

// Prepositions that put what follows on the map.
const LOCATIVES = new Set([
  'in',
  'to',
  'from',
  'at',
  'into',
  'near',
  'across',
  'toward',
  'towards',
  'throughout',
  'inside',
  'outside',
  'via',
]);

const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥']);

/**
 * Is a currency sign glued after the name ("US$3.7m", "HK$", "A$")? Then it names a currency, not a place.
 *
 * @example
 * isCurrencyPrefix(span, tokens) // true for "US" in "US$3.7m"
 */
export function isCurrencyPrefix(span: NameSpan, tokens: Token[]): boolean {
  const next = tokenAt(tokens, span.last + 1);
  return !!next && next.start === span.end && CURRENCY_SIGNS.has(next.text);
}

/**
 * Month and weekday names, long and short ("March", "Aug", "Sunday"), normalised: a month at a sentence
 * start or before a day is a date, whatever town shares its name. Written out rather than asked of
 * `Intl.DateTimeFormat`, which loads ICU's locale data at import (118 M instructions, ~40 ms under load).
 */
const CALENDAR_WORDS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'sunday monday tuesday wednesday thursday friday saturday ' +
    'jan feb mar apr jun jul aug sep oct nov dec sun mon tue wed thu fri sat'
  ).split(' '),
);

/** Is the key a month or weekday name? */
export function isCalendarWord(key: string): boolean {
  return CALENDAR_WORDS.has(key);
}

/** A country, a state or a city of a million: a given name or a surname that is one of these is the place first. */
const MAJOR_CITY_POPULATION = 1_000_000;

// Regular expressions live at module level: built once, not at every call.
const INITIALS = /^(\p{Lu}\.)+\p{Lu}?\.?$/u;
const HAS_UPPER = /\p{Lu}/u;
const SPACE = /\s/;

function shapeOf(s: string): string {
  // Most names: a small ASCII letter second is neither initials nor capitals.
  const second = s.charCodeAt(1);
  if (second >= 97 && second <= 122) return s.includes('-') ? 'Xx-Xx' : SPACE.test(s) ? 'Xx Xx' : 'Xx';
  if (INITIALS.test(s)) return 'X.X.';
  if (s.length > 1 && s === s.toUpperCase() && HAS_UPPER.test(s)) return s.length <= 3 ? 'XX' : 'XXXX';
  if (s.includes('-')) return 'Xx-Xx';
  if (SPACE.test(s)) return 'Xx Xx';
  return 'Xx';
}

/** What a name's gazetteer readings say, the same wherever the name occurs in a text. */
interface Readings {
  /** Feature names from the readings: kinds, adjective/alt-only, population and ambiguity buckets. */
  features: string[];
  kinds: Set<string>;
  /** The first kind in sort order. */
  firstKind: string;
  /** Countries of the readings. */
  countries: Set<string>;
  adj: boolean;
  /** Largest population of a named (not adjectival) reading. */
  maxPop: number;
  /** A reading is the primary name of a country, an admin-1 unit or a city of a million. */
  major: boolean;
  /** A reading's primary name is the key itself as a word ("Eu", "Nato"), not a short form of a longer name. */
  wordName: boolean;
}

// Once per name, across articles: an article names its places again and again, and a batch names
// the world's. A span's readings are the gazetteer's answer for its key, and a gazetteer answers a key
// with the same match objects each time (in a fresh array), so the first match identifies the answer.
const readingsByFirstMatch = new WeakMap<NameMatch, Map<string, Readings>>();

function readingsOf(span: NameSpan): Readings {
  let byKey = readingsByFirstMatch.get(span.matches[0]);
  if (!byKey) readingsByFirstMatch.set(span.matches[0], (byKey = new Map()));
  let r = byKey.get(span.key);
  if (r) return r;
  const m = span.matches;
  // One walk over the readings.
  const kinds = new Set<string>();
  const countries = new Set<string>();
  let adj = false;
  let named = 0;
  let altOnly = true;
  let maxPop = 0;
  let areaPop = 0;
  let major = false;
  let wordName = false;
  let capital = false;
  for (const x of m) {
    kinds.add(x.place.kind);
    if (x.place.country) countries.add(x.place.country);
    if (x.nameType === 'adjective') {
      adj = true;
      continue;
    }
    named++;
    if (x.nameType !== 'alt') {
      altOnly = false;
      const k = x.place.kind;
      if (k === 'country' || k === 'admin1' || (k === 'city' && x.place.population >= MAJOR_CITY_POPULATION))
        major = true;
      if (x.place.featureCode === 'PPLC') capital = true;
      if (!wordName && normalizeName(x.place.name) === span.key) wordName = true;
    }
    maxPop = Math.max(maxPop, x.place.population);
    if (AREA_KINDS.has(x.place.kind)) areaPop = Math.max(areaPop, x.place.population);
  }
  const features: string[] = [];
  for (const k of kinds) features.push(featureName('kind:', k));
  if (adj) features.push(named ? 'adj+name' : 'adjOnly');
  if (named && altOnly) features.push('altOnly');
  // A national capital by its own name ("Ottawa", "Kabul"): often the government it seats, still a place.
  if (capital) features.push('capital');
  // The span model's buckets: all nine magnitudes, of the population plus one (a place of 999 counts as 1,000).
  features.push(featureName('pop:', popBucket(maxPop + 1, 0, 8)));
  if (areaPop > 0) features.push(featureName('areapop:', popBucket(areaPop + 1, 0, 8)));
  features.push(featureName('amb:', m.length === 1 ? 1 : m.length <= 3 ? 2 : m.length <= 10 ? 3 : 4));
  r = { features, kinds, firstKind: [...kinds].sort()[0], adj, countries, maxPop, major, wordName };
  byKey.set(span.key, r);
  return r;
}

/** SCOWL level up to which a dictionary word counts as common (20: "west", "centre", "union", "gulf"). */
const GENERIC_MAX_LEVEL = 20;

/** Is every word of the key a common English word (SCOWL's commonest levels, or the corpora's) or a compass word? */
function isGenericName(key: string, lexicon: Lexicon): boolean {
  for (const w of key.split(' ')) {
    const level = lexicon.dictLevels.get(w);
    if (!(level !== undefined && level <= GENERIC_MAX_LEVEL) && !lexicon.commonWords.has(w) && !COMPASS_WORDS.has(w))
      return false;
  }
  return true;
}

/**
 * "the West", "the Centre", "Far North": is the name made of common English words, with readings only in
 * countries the rest of the article does not name (Cameroon's West and Centre regions in a story about Europe)?
 * Then it is the word, not the place. A country's name ("Turkey") is never such a reading. The training corpora
 * disagree on these words (one annotates "the West" as a place, another leaves "the Centre" out), so the model
 * cannot learn them; extractMentions weighs this by hand.
 *
 * @example
 * isGenericForeign(span, ctx, doc) // true for "Centre" in "Paris and Berlin asked the Centre for help."
 */
export function isGenericForeign(span: NameSpan, ctx: SpanContext, doc: DocEvidence): boolean {
  const r = readingsOf(span);
  // A name with no reading in any country ("the Middle East") is no foreign country's region.
  if (r.kinds.has('country') || !r.countries.size || !isGenericName(span.key, ctx.lexicon)) return false;
  const mine = doc.countriesByKey.get(span.key);
  for (const c of r.countries) if ((doc.countries.get(c) ?? 0) - (mine?.get(c) ?? 0) > 0) return false;
  return true;
}

/** Is a reading of the name the primary name of a country, an admin-1 unit or a city of a million? */
export function isMajorName(span: NameSpan): boolean {
  return readingsOf(span).major;
}

/**
 * Features of one name span. With `doc`, adds the second-pass document features.
 *
 * @example
 * spanFeatures(span, ctx).get('kind:country') // 1
 */
export function spanFeatures(span: NameSpan, ctx: SpanContext, doc?: DocEvidence): Features;
export function spanFeatures<S extends FeatureSink>(
  span: NameSpan,
  ctx: SpanContext,
  doc: DocEvidence | undefined,
  into: S,
): S;
export function spanFeatures(
  span: NameSpan,
  ctx: SpanContext,
  doc?: DocEvidence,
  into: FeatureSink = new Map<string, number>(),
): FeatureSink {
  const { tokens, lexicon } = ctx;
  into.set('bias', 1);
  let words = 0;
  for (let k = span.first; k <= span.last; k++) if (tokens[k].word) words++;
  into.set(featureName('ntok:', Math.min(words, 3)), 1);
  const r = readingsOf(span);
  const features = r.features;
  for (const feature of features) into.set(feature, 1);
  const { kinds, adj } = r;
  const shape = shapeOf(span.text);
  into.set(featureName('shape:', shape), 1);
  if (span.key.replace(/ /g, '').length <= 3) into.set('short', 1);

  const single = words === 1;
  const sentStart = ctx.sentenceStarts.has(span.first);
  const headline = ctx.titleCase.has(span.first);
  if (sentStart) into.set('sentStart', 1);
  if (headline) into.set('headline', 1);
  if (ctx.fragment.has(span.first)) into.set(sentStart ? 'fragment&sentStart' : 'fragment', 1);
  if (single && lexicon.commonWords.has(span.key)) {
    into.set('common', 1);
    if (sentStart || headline) into.set('common&sentStart', 1);
  }
  // Chad, Israel, Jordan, Georgia: a country, state or big city that is also a given name or a surname is
  // the place unless a person's context says otherwise, so the name lists put no penalty on it (issue #15);
  // they weigh beside a person's name (given&nextCap, prevGiven…) and in the document pass.
  if (single && !r.major && lexicon.givenNames.has(span.key)) into.set('given', 1);
  if (single && !r.major && lexicon.surnames.has(span.key)) into.set('surname', 1);
  if (single) {
    if (CALENDAR_WORDS.has(span.key)) into.set('calendar', 1);
    // "Union", "Commerce", "Centre": an English word whose readings are small places.
    const level = lexicon.dictLevels.get(span.key);
    if (level !== undefined) {
      into.set(featureName('dict:', level <= 20 ? 1 : level <= 35 ? 2 : 3), 1);
      into.set(featureName('dict&pop:', popBucket(r.maxPop + 1, 0, 8)), 1);
    }
  }
  // "EU", "NATO", "BA" written in capitals: a short form, not the town whose name is that word.
  const caps = shape === 'XX' || shape === 'XXXX';
  if (caps && !headline) {
    into.set(featureName('caps&pop:', popBucket(r.maxPop + 1, 0, 8)), 1);
    if (r.wordName) into.set('capsWordName', 1);
  }

  const prev = tokenAt(tokens, span.first - 1);
  const prev2 = tokenAt(tokens, span.first - 2);
  const next = tokenAt(tokens, span.last + 1);
  const next2 = tokenAt(tokens, span.last + 2);
  // The neighbours' words in lower case, once: each toLowerCase of a capitalised word is a new string
  // that every set and map then hashes again.
  const prevLower = prev?.word ? prev.text.toLowerCase() : '';
  const nextLower = next?.word ? next.text.toLowerCase() : '';
  // One call each, whichever the neighbour: optimised code that never saw a span at a text's edge
  // would otherwise be thrown away at the first one.
  into.set(prev?.word ? `prevw:${prevLower}` : prev ? `prevp:${prev.text}` : 'prev:none', 1);
  into.set(next?.word ? `nextw:${nextLower}` : next ? `nextp:${next.text}` : 'next:none', 1);
  if (prev && !prev.word && prev2?.word) into.set(`prev2w:${prev2.text.toLowerCase()}`, 1);
  const prevIsName = isCapitalised(prev) && !ctx.sentenceStarts.has(span.first - 1) && !ctx.spanAt.has(span.first - 1);
  if (prevIsName) {
    into.set('prevCap', 1);
    if (lexicon.givenNames.has(prevLower)) into.set('prevGiven', 1);
  }
  // "Charles Michel" at the start of a sentence, where prevIsName does not look.
  if (isCapitalised(prev) && lexicon.givenNames.has(prevLower) && !ctx.spanEnding.has(span.first - 1))
    into.set('prevGivenAny', 1);
  // "Paris Hilton", "Jordan Henderson": a capitalised word right after makes a longer name, even
  // when that word is a place name too.
  if (isCapitalised(next) && !ctx.titleCase.has(span.last + 1)) {
    into.set(ctx.spanAt.has(span.last + 1) ? 'nextCapSpan' : 'nextCap', 1);
    into.set(featureName('nextCap&', r.firstKind), 1);
    if (lexicon.surnames.has(nextLower)) into.set('nextSurname', 1);
    if (single && lexicon.givenNames.has(span.key)) into.set('given&nextCap', 1);
    // "Russian President Vladimir Putin", "Quebec Health Minister": the place names the office's country.
    if (titleFollows(ctx.text, tokens, span.last)) into.set('nextTitle', 1);
  }
  // "WASHINGTON (AP) —", "BANTAM —", "Beijing (AsiaNews)": a name opening a paragraph as its dateline.
  // A name in capitals before a bracket opens a dateline inside a paragraph too, where a page run together the
  // lines ("… the series. DALLAS (AP) - Dirk Nowitzki").
  if (
    ctx.passageStarts.has(span.first)
      ? caps || DATELINE_MARKS.has(next?.text ?? '')
      : caps && next?.text === '(' && ctx.sentenceStarts.has(span.first)
  )
    into.set('dateline', 1);
  // "the town of Cary", "the mayor of Portland", "Ohio Gov.": words that say a place's kind (kind-cues.ts).
  if (kindCueAt(ctx.text, span.start, span.end)) into.set('kindWords', 1);
  if (next && (next.text === "'" || next.text === '’') && next2?.text === 's') into.set('poss', 1);
  // "US$", "A$", "HK$": a currency.
  if (isCurrencyPrefix(span, tokens)) into.set('nextCurrency', 1);
  // "March 5", "5 May": a date, not a place.
  if (startsWithDigit(next)) into.set('nextNum', 1);
  if (startsWithDigit(prev)) into.set('prevNum', 1);
  // An adjective glued to a following name is part of that name ("European Union", "French Open").
  if (adj && isCapitalised(next) && !ctx.spanAt.has(span.last + 1) && !ctx.sentenceStarts.has(span.last + 1))
    into.set('adj&nextCap', 1);
  // "Springfield, Illinois" / "Baku, Azerbaijan": a place right after a comma.
  if (next?.text === ',') {
    const after = ctx.spanAt.get(span.last + 2);
    if (after && after.matches.some((x) => AREA_KINDS.has(x.place.kind) && x.nameType !== 'adjective'))
      into.set('commaPlace', 1);
  }
  if (prev?.text === ',' && ctx.spanEnding.has(span.first - 2)) into.set('afterCommaOfName', 1);
  // "Jane Smith, M.D.", "Jones & Lee, P.A.": initials after a comma and a capitalised name (a surname is often a
  // place name too: "Murphy") are a degree or a firm's form, not a state ("Md.", "Pa.").
  if (shape === 'X.X.' && prev?.text === ',' && isCapitalised(prev2)) into.set('initials&afterName', 1);
  if (doc) addDocFeatures(into, span, ctx, doc);
  return into;
}

/** How many capitalised words after a name may stand before the title they qualify ("Health Minister"). */
const TITLE_REACH = 3;
/** Punctuation that ends a dateline's place name. */
const DATELINE_MARKS = new Set(['(', ',', '-', '—', '–', ':']);

/** Is a title among the few capitalised words right after token `last` ("Foreign Minister", "President-elect")? */
export function titleFollows(text: string, tokens: Token[], last: number): boolean {
  for (let k = last + 1; k <= last + TITLE_REACH && k < tokens.length; k++) {
    const t = tokens[k];
    if (!t.word || !startsUpper(t.text) || !oneSpace(text, tokens[k - 1], t)) return false;
    if (TITLES.has(t.text.toLowerCase())) return true;
  }
  return false;
}

/** Adds the second-pass document features to a span's local features. */
export function addDocFeatures(into: FeatureSink, span: NameSpan, ctx: SpanContext, doc: DocEvidence): void {
  // The neighbour is capitalised but not a place: together they are a person's or a firm's name.
  const next = tokenAt(ctx.tokens, span.last + 1);
  const nextConf = doc.confidenceAt.get(span.last + 1);
  if (isCapitalised(next) && !ctx.titleCase.has(span.last + 1) && (nextConf === undefined || nextConf < 0.3))
    into.set('nextNamePart', 1);
  // …unless a locative preposition says it is a place here ("Jordan Henderson did not travel to Jordan").
  const prev = tokenAt(ctx.tokens, span.first - 1);
  const locative = prev?.word && LOCATIVES.has(prev.text.toLowerCase());
  if (doc.personKeys.has(span.key) && !locative) into.set('docPerson', 1);
  // "John Bolton … Bolton said": the surname alone is still the person.
  if (doc.surnameKeys.has(span.key) && !locative) into.set('docSurname', 1);
  const own = readingsOf(span).countries;
  let best = 0;
  const mine = doc.countriesByKey.get(span.key);
  own.forEach((c) => (best = Math.max(best, (doc.countries.get(c) ?? 0) - (mine?.get(c) ?? 0))));
  into.set(featureName('docCountry:', best === 0 ? 0 : best < 1.5 ? 1 : best < 4 ? 2 : 3), 1);
  // A name the article also uses for a person: its most confident mention says nothing of this one
  // ("… at the Bolton rally" must not make "John Bolton" a place), unless a preposition puts it on the map.
  const person = !locative && (doc.personKeys.has(span.key) || doc.surnameKeys.has(span.key));
  const kc = doc.keyConfidence.get(span.key) ?? 0;
  into.set(person ? 'docKey:person' : featureName('docKey:', kc < 0.2 ? 0 : kc < 0.5 ? 1 : kc < 0.8 ? 2 : 3), 1);
  const n = doc.keyCount.get(span.key) ?? 1;
  into.set(featureName('docRepeat:', n === 1 ? 1 : n <= 3 ? 2 : 3), 1);
  into.set(featureName('docNear:', nearBand(span, doc)), 1);
}

/** Readings of a name whose distance to the article's places is measured: the first few (names before alternate names, by population). */
const NEAR_READINGS = 5;

/**
 * How near the name's nearest reading lies to the other names the article confidently places: a name whose
 * readings are all an ocean away from the story ("Sabah" in a story about the Caucasus) is less likely a place
 * here. 0 when the article places nothing else; 1 within 300 km … 4 beyond 5,000 km.
 */
function nearBand(span: NameSpan, doc: DocEvidence): number {
  let nearest = Infinity;
  let others = 0;
  const anchors = doc.anchors;
  for (let a = 0; a < anchors.length; a++) {
    if (anchors[a].key === span.key) continue;
    others++;
    let taken = 0;
    for (let k = 0; k < span.matches.length && taken < NEAR_READINGS; k++) {
      const m = span.matches[k];
      if (m.nameType === 'adjective') continue;
      taken++;
      if (distanceLowerBoundKm(anchors[a].anchor, m.place.anchor) >= nearest) continue;
      nearest = Math.min(nearest, distanceKm(anchors[a].anchor, m.place.anchor));
    }
  }
  if (!others || nearest === Infinity) return 0;
  return nearest < 300 ? 1 : nearest < 1500 ? 2 : nearest < 5000 ? 3 : 4;
}
