// Recognition, step 2: describe a gazetteer name span by the features a linear model weighs to tell
// a place mention from a person, an organisation or a common word: name statistics from the
// gazetteer, spelling, the words around it, and (second pass) what else the article mentions.

import { featureName, type FeatureSink, type Features, type GeoparserModel } from './model.ts';
import type { NameSpan } from './find-name-spans.ts';
import type { NameMatch } from './types.ts';
import { isCapitalised, startsWithDigit, type Token } from './tokenize.ts';

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
  lexicon: Lexicon;
}

export interface Lexicon {
  commonWords: Set<string>;
  givenNames: Set<string>;
  surnames: Set<string>;
  /** Names that are never places, and every word-prefix of them (for longest matching). */
  nonPlaces: Set<string>;
  nonPlacePrefixes: Set<string>;
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
    lex = { commonWords: new Set(model.commonWords), givenNames: new Set(model.givenNames), surnames: new Set(model.surnames ?? []), nonPlaces, nonPlacePrefixes };
    lexicons.set(model, lex);
  }
  return lex;
}

// Prepositions that put what follows on the map.
const LOCATIVES = new Set(['in', 'to', 'from', 'at', 'into', 'near', 'across', 'toward', 'towards', 'throughout', 'inside', 'outside', 'via']);

const AREA_KINDS = new Set(['country', 'historical-country', 'admin1', 'admin2', 'region', 'disputed', 'continent']);

function popBucket(pop: number): number {
  return pop <= 0 ? 0 : Math.min(8, Math.floor(Math.log10(pop + 1)));
}

// Regular expressions live at module level: built once, not at every call.
const INITIALS = /^(\p{Lu}\.)+\p{Lu}?\.?$/u;
const HAS_UPPER = /\p{Lu}/u;

function shapeOf(s: string): string {
  if (INITIALS.test(s)) return 'X.X.';
  if (s.length > 1 && s === s.toUpperCase() && HAS_UPPER.test(s)) return s.length <= 3 ? 'XX' : 'XXXX';
  if (/-/.test(s)) return 'Xx-Xx';
  if (/\s/.test(s)) return 'Xx Xx';
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
  const features: string[] = [];
  const kinds = new Set(m.map((x) => x.place.kind));
  for (const k of kinds) features.push(featureName('kind:', k));
  const adj = m.some((x) => x.nameType === 'adjective');
  const named = m.filter((x) => x.nameType !== 'adjective');
  if (adj) features.push(named.length ? 'adj+name' : 'adjOnly');
  if (named.length && named.every((x) => x.nameType === 'alt')) features.push('altOnly');
  const maxPop = Math.max(0, ...named.map((x) => x.place.population));
  features.push(featureName('pop:', popBucket(maxPop)));
  const areaPop = Math.max(0, ...named.filter((x) => AREA_KINDS.has(x.place.kind)).map((x) => x.place.population));
  if (areaPop > 0) features.push(featureName('areapop:', popBucket(areaPop)));
  features.push(featureName('amb:', m.length === 1 ? 1 : m.length <= 3 ? 2 : m.length <= 10 ? 3 : 4));
  r = { features, kinds, firstKind: [...kinds].sort()[0], adj, countries: new Set(m.map((x) => x.place.country).filter(Boolean)) };
  byKey.set(span.key, r);
  return r;
}

/**
 * Features of one name span. With `doc`, adds the second-pass document features.
 *
 * @example
 * spanFeatures(span, ctx).get('kind:country') // 1
 */
export function spanFeatures(span: NameSpan, ctx: SpanContext, doc?: DocEvidence): Features;
export function spanFeatures<S extends FeatureSink>(span: NameSpan, ctx: SpanContext, doc: DocEvidence | undefined, into: S): S;
export function spanFeatures(span: NameSpan, ctx: SpanContext, doc?: DocEvidence, into: FeatureSink = new Map<string, number>()): FeatureSink {
  const f = into;
  const on = (name: string, v = 1) => f.set(name, v);
  const { tokens, lexicon } = ctx;
  on('bias');
  let words = 0;
  for (let k = span.first; k <= span.last; k++) if (tokens[k].word) words++;
  on(featureName('ntok:', Math.min(words, 3)));
  const r = readingsOf(span);
  for (const name of r.features) on(name);
  const { kinds, adj } = r;
  const shape = shapeOf(span.text);
  on(featureName('shape:', shape));
  if (span.key.replace(/ /g, '').length <= 3) on('short');

  const single = words === 1;
  const sentStart = ctx.sentenceStarts.has(span.first);
  const headline = ctx.titleCase.has(span.first);
  if (sentStart) on('sentStart');
  if (headline) on('headline');
  if (single && lexicon.commonWords.has(span.key)) {
    on('common');
    if (sentStart || headline) on('common&sentStart');
  }
  if (single && lexicon.givenNames.has(span.key)) {
    on('given');
    // Chad, Israel, Jordan, Georgia: a country that is also a given name is mostly the country.
    if (kinds.has('country')) on('given&country');
  }
  if (single && lexicon.surnames.has(span.key)) on('surname');

  const prev = tokens[span.first - 1];
  const prev2 = tokens[span.first - 2];
  const next = tokens[span.last + 1];
  const next2 = tokens[span.last + 2];
  if (prev?.word) on(`prevw:${prev.text.toLowerCase()}`);
  else if (prev) on(`prevp:${prev.text}`);
  else on('prev:none');
  if (next?.word) on(`nextw:${next.text.toLowerCase()}`);
  else if (next) on(`nextp:${next.text}`);
  else on('next:none');
  if (prev && !prev.word && prev2?.word) on(`prev2w:${prev2.text.toLowerCase()}`);
  const prevIsName = isCapitalised(prev) && !ctx.sentenceStarts.has(span.first - 1) && !ctx.spanAt.has(span.first - 1);
  if (prevIsName) {
    on('prevCap');
    if (lexicon.givenNames.has(prev.text.toLowerCase())) on('prevGiven');
  }
  // "Charles Michel" at the start of a sentence, where prevIsName does not look.
  if (isCapitalised(prev) && lexicon.givenNames.has(prev.text.toLowerCase()) && !ctx.spanEnding.has(span.first - 1)) on('prevGivenAny');
  // "Paris Hilton", "Jordan Henderson": a capitalised word right after makes a longer name, even
  // when that word is a place name too.
  if (isCapitalised(next) && !ctx.titleCase.has(span.last + 1)) {
    on(ctx.spanAt.has(span.last + 1) ? 'nextCapSpan' : 'nextCap');
    on(featureName('nextCap&', r.firstKind));
    const nw = next.text.toLowerCase();
    if (lexicon.surnames.has(nw)) on('nextSurname');
    if (single && lexicon.givenNames.has(span.key)) on('given&nextCap');
  }
  if (next && (next.text === "'" || next.text === '’') && next2?.text === 's') on('poss');
  // "March 5", "5 May": a date, not a place.
  if (startsWithDigit(next)) on('nextNum');
  if (startsWithDigit(prev)) on('prevNum');
  // An adjective glued to a following name is part of that name ("European Union", "French Open").
  if (adj && isCapitalised(next) && !ctx.spanAt.has(span.last + 1) && !ctx.sentenceStarts.has(span.last + 1)) on('adj&nextCap');
  // "Springfield, Illinois" / "Baku, Azerbaijan": a place right after a comma.
  if (next?.text === ',') {
    const after = ctx.spanAt.get(span.last + 2);
    if (after && after.matches.some((x) => AREA_KINDS.has(x.place.kind) && x.nameType !== 'adjective')) on('commaPlace');
  }
  if (prev?.text === ',' && ctx.spanEnding.has(span.first - 2)) on('afterCommaOfName');
  if (doc) addDocFeatures(f, span, ctx, doc);
  return f;
}

/** Adds the second-pass document features to a span's local features. */
export function addDocFeatures(f: FeatureSink, span: NameSpan, ctx: SpanContext, doc: DocEvidence): void {
  // The neighbour is capitalised but not a place: together they are a person's or a firm's name.
  const next = ctx.tokens[span.last + 1];
  const nextConf = doc.confidenceAt.get(span.last + 1);
  if (isCapitalised(next) && !ctx.titleCase.has(span.last + 1) && (nextConf === undefined || nextConf < 0.3)) f.set('nextNamePart', 1);
  // …unless a locative preposition says it is a place here ("Jordan Henderson did not travel to Jordan").
  const prev = ctx.tokens[span.first - 1];
  if (doc.personKeys.has(span.key) && !(prev?.word && LOCATIVES.has(prev.text.toLowerCase()))) f.set('docPerson', 1);
  const own = readingsOf(span).countries;
  let best = 0;
  const mine = doc.countriesByKey.get(span.key);
  for (const c of own) best = Math.max(best, (doc.countries.get(c) ?? 0) - (mine?.get(c) ?? 0));
  f.set(featureName('docCountry:', best === 0 ? 0 : best < 1.5 ? 1 : best < 4 ? 2 : 3), 1);
  const kc = doc.keyConfidence.get(span.key) ?? 0;
  f.set(featureName('docKey:', kc < 0.2 ? 0 : kc < 0.5 ? 1 : kc < 0.8 ? 2 : 3), 1);
  const n = doc.keyCount.get(span.key) ?? 1;
  f.set(featureName('docRepeat:', n === 1 ? 1 : n <= 3 ? 2 : 3), 1);
}
