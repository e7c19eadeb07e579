// Recognition: text → place mentions. Finds gazetteer name spans, scores each with the learned span
// model twice — once on local evidence, once more with what the rest of the article mentions — and
// keeps the spans the model believes. Adjectives and demonyms become `adjectival` mentions.

import { findNameSpans, type NameSpan } from './find-name-spans.ts';
import { findSiteSpans, SITE_HEADS } from './find-site-spans.ts';
import { LinearScores, sigmoid, type GeoparserModel } from './model.ts';
import {
  addDocFeatures,
  isCalendarWord,
  isCurrencyPrefix,
  isGenericForeign,
  isMajorName,
  lexiconOf,
  titleFollows,
  spanFeatures,
  type DocEvidence,
  type Lexicon,
  type SpanContext,
} from './span-features.ts';
import { isCapitalised, oneSpace, startsUpper, tokenAt, type Token } from './tokenize.ts';
import type { Gazetteer, Mention, Passage } from './types.ts';

export interface ExtractMentionsOptions {
  /** Keep spans whose second-pass probability reaches this. */
  threshold?: number;
}

const DEFAULTS: Required<ExtractMentionsOptions> = { threshold: 0.5 };

/** A recognised span with its probability, before it becomes a Mention. */
export interface ScoredSpan {
  span: NameSpan;
  p1: number;
  p2: number;
}

/** A capital then a small letter: "Stevens", not "US" or "iPhone". */
const NAME_LIKE = /^\p{Lu}\p{Ll}/u;

/**
 * Builds the per-text context span features read: sentence starts, headline-cased sentences and
 * span lookups by token index.
 */
export function buildSpanContext(
  text: string,
  tokens: Token[],
  passages: Passage[],
  spans: NameSpan[],
  model: GeoparserModel,
): SpanContext {
  const sentenceStarts = new Set<number>();
  const titleCase = new Set<number>();
  const fragment = new Set<number>();
  const passageStarts = new Set<number>();
  let ti = 0;
  for (const passage of passages) {
    let opening = true;
    for (const [s, e] of passage.sentences) {
      while (ti < tokens.length && tokens[ti].end <= s) ti++;
      let first = -1;
      let last = -1;
      let long = 0;
      let caps = 0;
      let words = 0;
      let end = -1;
      for (let k = ti; k < tokens.length && tokens[k].start < e; k++) {
        end = k;
        const t = tokens[k];
        if (!t.word) continue;
        words++;
        // "… Biocontrol AG: Both China and Brazil": a capital after a colon opens a clause as a sentence
        // start does ("Both" is no given name before "China").
        if (first >= 0 && tokens[k - 1].text === ':' && startsUpper(t.text)) sentenceStarts.add(k);
        if (first < 0) first = k;
        last = k;
        if (t.text.length > 3) {
          long++;
          if (startsUpper(t.text)) caps++;
        }
      }
      if (first >= 0) {
        sentenceStarts.add(first);
        if (opening) passageStarts.add(first);
        opening = false;
      }
      // A sentence where most longer words are capitalised is a headline: capitals carry no signal.
      if (long >= 3 && caps / long > 0.85) for (let k = first; k <= last; k++) if (tokens[k].word) titleCase.add(k);
      // A few words with no closing punctuation: a heading, caption, byline or page furniture. A lone word
      // is not one: a line that is just a name ("Moscow") is a dateline or a caption's place.
      if (first >= 0 && words >= 2 && words <= FRAGMENT_MAX_WORDS && !CLOSING.has(tokens[end].text))
        for (let k = first; k <= last; k++) fragment.add(k);
    }
  }
  const spanAt = new Map<number, NameSpan>();
  const spanEnding = new Map<number, NameSpan>();
  for (const s of spans) {
    spanAt.set(s.first, s);
    spanEnding.set(s.last, s);
  }
  return {
    text,
    tokens,
    sentenceStarts,
    titleCase,
    fragment,
    passageStarts,
    spanAt,
    spanEnding,
    lexicon: lexiconOf(model),
  };
}

/** Longest "sentence" without closing punctuation that counts as a fragment (heading, caption, byline). */
const FRAGMENT_MAX_WORDS = 6;
const CLOSING = new Set(['.', '!', '?', '"', '”', "'", '’', ')', ':']);

// A known surname right after a place word makes a person ("Paris Hilton"). News training data has
// too few such cases to weigh it, and its facility names ("Florida Atlantic University") pull the other way.
const SURNAME_PENALTY = 3;

// A name of common words read only as a region or town of a country the article does not name ("the Centre"
// as Cameroon's region): about what a month name weighs in the model (issue #15, junk readings).
const GENERIC_FOREIGN_PENALTY = 2;

/** First-pass confidence from which a span's likely reading places the article on the map. */
const ANCHOR_CONFIDENCE = 0.7;
/** Names whose likely readings are kept as the article's geography: plenty for a news story. */
const MAX_DOC_ANCHORS = 20;

/** Document evidence from first-pass probabilities. */
export function collectDocEvidence(scored: Array<{ span: NameSpan; p1: number }>, ctx?: SpanContext): DocEvidence {
  const countries = new Map<string, number>();
  const countriesByKey = new Map<string, Map<string, number>>();
  const keyConfidence = new Map<string, number>();
  const keyCount = new Map<string, number>();
  const confidenceAt = new Map<number, number>();
  const anchors: DocEvidence['anchors'] = [];
  for (const { span, p1 } of scored) {
    confidenceAt.set(span.first, p1);
    keyConfidence.set(span.key, Math.max(keyConfidence.get(span.key) ?? 0, p1));
    keyCount.set(span.key, (keyCount.get(span.key) ?? 0) + 1);
    if (p1 < 0.5) continue;
    // A country named outright is strong evidence; otherwise the most populous reading's country.
    const area = span.matches.find((m) => m.place.kind === 'country' || m.place.kind === 'admin1');
    const top = area ?? span.matches.reduce((best, m) => (m.place.population > best.place.population ? m : best));
    if (p1 >= ANCHOR_CONFIDENCE && anchors.length < MAX_DOC_ANCHORS && !anchors.some((a) => a.key === span.key)) {
      anchors.push({ key: span.key, anchor: top.place.anchor });
    }
    const c = top.place.country;
    if (!c) continue;
    const w = area ? p1 : p1 * 0.5;
    countries.set(c, (countries.get(c) ?? 0) + w);
    let byKey = countriesByKey.get(span.key);
    if (!byKey) countriesByKey.set(span.key, (byKey = new Map()));
    byKey.set(c, (byKey.get(c) ?? 0) + w);
  }
  // Names used as a person's first name somewhere ("Georgia Stevens"): later bare uses are that person.
  const personKeys = new Set<string>();
  const surnameKeys = new Set<string>();
  if (ctx) {
    for (const { span } of scored) {
      if (span.first !== span.last || !ctx.lexicon.givenNames.has(span.key)) continue;
      const next = tokenAt(ctx.tokens, span.last + 1);
      if (!next || !next.word || !NAME_LIKE.test(next.text) || ctx.titleCase.has(span.last + 1)) continue;
      if (!oneSpace(ctx.text, span, next)) continue;
      // "Atlanta Mayor Kasim Reed", "Georgia Governor …": a title after the name makes it the office's place.
      if (titleFollows(ctx.text, ctx.tokens, span.last)) continue;
      // "the Dallas Mavericks", "the Georgia Bulldogs": an article before the pair makes it a team's or a firm's
      // name, not a person's (no "the" before "Georgia Stevens").
      if (tokenAt(ctx.tokens, span.first - 1)?.text.toLowerCase() === 'the') continue;
      const nextConf = confidenceAt.get(span.last + 1);
      if (nextConf === undefined || nextConf < 0.5) personKeys.add(span.key);
    }
    // A surname after a given name ("John Bolton", "Marc David Deen and Villanueva"): a one-word span
    // right after a capitalised given name that is not itself a likely place.
    for (let i = 0; i < scored.length; i++) {
      const span = scored[i].span;
      if (span.first !== span.last || ctx.titleCase.has(span.first)) continue;
      // The given name right before the surname, or before a middle initial ("Charles W. Murphy").
      const p = middleInitialAt(ctx, span.first - 1) ? span.first - 3 : span.first - 1;
      const prev = tokenAt(ctx.tokens, p);
      const gap = p === span.first - 1 ? span : ctx.tokens[p + 1];
      if (!prev || !prev.word || !NAME_LIKE.test(prev.text) || !oneSpace(ctx.text, prev, gap)) continue;
      // A given name of the lists, or a capitalised word that is no place name and no common word
      // ("Fethullah Gulen", "Seergeoh Villanueva"): names from outside the English lists are names too,
      // though not before a country, a state or a big city ("Air Iceland", "Islamic Republic Iran").
      const prevLower = prev.text.toLowerCase();
      const given = ctx.lexicon.givenNames.has(prevLower);
      const unknown =
        !isMajorName(span) &&
        !ctx.spanEnding.has(p) &&
        !ctx.sentenceStarts.has(p) &&
        !ctx.lexicon.commonWords.has(prevLower) &&
        !ctx.lexicon.dictLevels.has(prevLower);
      if (!given && !unknown) continue;
      const prevConf = ctx.spanEnding.has(p) ? confidenceAt.get(ctx.spanEnding.get(p)!.first) : undefined;
      if (prevConf === undefined || prevConf < 0.3) surnameKeys.add(span.key);
    }
  }
  return { countries, countriesByKey, keyConfidence, keyCount, confidenceAt, personKeys, surnameKeys, anchors };
}

/** Is token `dot` the full stop of a middle initial right before a name ("W." in "Charles W. Murphy")? */
function middleInitialAt(ctx: SpanContext, dot: number): boolean {
  const t = ctx.tokens;
  if (dot < 2 || t[dot].text !== '.' || dot + 1 >= t.length) return false;
  const initial = t[dot - 1];
  return (
    initial.word &&
    initial.text.length === 1 &&
    isCapitalised(initial) &&
    initial.end === t[dot].start &&
    oneSpace(ctx.text, t[dot], t[dot + 1]) &&
    oneSpace(ctx.text, t[dot - 2], initial)
  );
}

/**
 * Scores every gazetteer name span of a text with both passes of the span model.
 *
 * @example
 * scoreSpans(text, tokens, passages, gazetteer, model).filter((s) => s.p2 >= 0.5)
 */
export function scoreSpans(
  text: string,
  tokens: Token[],
  passages: Passage[],
  gazetteer: Gazetteer,
  model: GeoparserModel,
): ScoredSpan[] {
  const lexicon = lexiconOf(model);
  const spans = findNameSpans(text, tokens, gazetteer, lexicon);
  const ctx = buildSpanContext(text, tokens, passages, spans, model);
  // Both models weigh the local features, scored as they are found: `score` is the first-pass score,
  // `secondScore` the second pass's local part.
  // Pushed, not mapped: see prepareCandidates in rank-candidates.ts.
  const local: LinearScores[] = [];
  const first: Array<{ span: NameSpan; p1: number }> = [];
  for (const span of spans) {
    const scores = spanFeatures(span, ctx, undefined, new LinearScores(model.span, model.spanDoc, 'nextSurname'));
    local.push(scores);
    first.push({ span, p1: sigmoid(scores.score) });
  }
  const doc = collectDocEvidence(first, ctx);
  const scored: ScoredSpan[] = [];
  for (let i = 0; i < first.length; i++) {
    // Linear scores: the second pass adds its document features to the local part.
    const docScore = new LinearScores(model.spanDoc);
    addDocFeatures(docScore, first[i].span, ctx, doc);
    const span = first[i].span;
    let z = local[i].secondScore + docScore.score - local[i].watchedValue * SURNAME_PENALTY;
    if (isGenericForeign(span, ctx, doc)) z -= GENERIC_FOREIGN_PENALTY;
    let p2 = sigmoid(z);
    if (p2 < COUNTRY_NAME_CONFIDENCE && isCountryName(span) && !isPersonName(span, doc) && !inLongerName(span, ctx))
      p2 = COUNTRY_NAME_CONFIDENCE;
    scored.push({ span, p1: first[i].p1, p2 });
  }
  oneReadingPerName(cityStateCommas(scored, ctx), ctx);
  // "Marion and Polk counties": the names of a list before a plural area word, read as those areas
  // (find-name-spans.ts), are as explicit as "City, State".
  for (const s of scored) if (isListedArea(s.span)) s.p2 = Math.max(s.p2, CITY_STATE_CONFIDENCE);
  // "US$3.7m": a currency, whatever the name's other mentions say. Too rare in the news corpora for the model
  // to weigh it (`nextCurrency`), so a rule, applied last so that no other mention of the name lifts it.
  for (const s of scored) if (isCurrencyPrefix(s.span, tokens)) s.p2 = 0;
  return scored;
}

/**
 * Recognition confidence of a country's own name standing alone ("Dominica", "the Holy See"): a small country
 * is still a country, whatever the model makes of its population; only a person's name says otherwise
 * ("Georgia Stevens … Georgia began skating"). Issue #15: bare country names stay countries.
 */
const COUNTRY_NAME_CONFIDENCE = 0.6;

/** Is a reading of the span a country by its primary name (not an alternate name, not an adjective)? */
function isCountryName(span: NameSpan): boolean {
  return span.matches.some((m) => m.nameType === 'name' && m.place.kind === 'country');
}

/** Does the article use the name for a person: a first name ("Georgia Stevens") or a surname ("John Bolton")? */
function isPersonName(span: NameSpan, doc: DocEvidence): boolean {
  return doc.personKeys.has(span.key) || doc.surnameKeys.has(span.key);
}

/** A bare name read by its area's name ("Polk" in "Marion and Polk counties" as Polk County). */
function isListedArea(span: NameSpan): boolean {
  return span.key.length > span.text.length && / (?:county|parish|borough)$/.test(span.key);
}

/** Recognition confidence of both names of a "City, State" pair: the pattern is as explicit as news gets. */
const CITY_STATE_CONFIDENCE = 0.9;

/**
 * "Glasgow, Ky.", "Churchill, Man.", "Paris, Texas": a name right after "<name>, " that has a state or
 * country reading holding a town of the first name's readings makes both names places, whatever the model
 * thinks of a short form it seldom saw in training. A list of states or countries ("Texas, Georgia") is
 * not such a pair: the first name must have a town reading inside the second's area.
 */
export function cityStateCommas(scored: ScoredSpan[], ctx: SpanContext): ScoredSpan[] {
  const at = new Map<NameSpan, ScoredSpan>();
  for (const s of scored) at.set(s.span, s);
  for (const second of scored) {
    const comma = tokenAt(ctx.tokens, second.span.first - 1);
    if (comma?.text !== ',') continue;
    const before = ctx.spanEnding.get(second.span.first - 2);
    const first = before && at.get(before);
    if (!first || !holdsTownOf(second.span, first.span)) continue;
    first.p2 = Math.max(first.p2, CITY_STATE_CONFIDENCE);
    second.p2 = Math.max(second.p2, CITY_STATE_CONFIDENCE);
  }
  return scored;
}

/** Has `area` a country or state reading that holds a town reading of `town`? */
function holdsTownOf(area: NameSpan, town: NameSpan): boolean {
  for (const a of area.matches) {
    const p = a.place;
    if (a.nameType === 'adjective' || (p.kind !== 'country' && p.kind !== 'admin1')) continue;
    for (const t of town.matches) {
      const q = t.place;
      if (q.kind !== 'city' || t.nameType === 'adjective' || q.country !== p.country) continue;
      if (p.kind === 'country' || q.admin1 === p.admin1) return true;
    }
  }
  return false;
}

/**
 * One reading per name: the spans of a name that stand on their own (not part of a longer capitalised
 * name such as a person's or a firm's) share one probability, the mean of theirs, so "Springfield is …"
 * and "the population of Springfield" are both places or neither.
 */
export function oneReadingPerName(scored: ScoredSpan[], ctx: SpanContext): ScoredSpan[] {
  const sums = new Map<string, { sum: number; n: number }>();
  const free: boolean[] = [];
  for (let i = 0; i < scored.length; i++) {
    const span = scored[i].span;
    free.push(!inLongerName(span, ctx));
    if (!free[i]) continue;
    const e = sums.get(span.key);
    if (e) {
      e.sum += scored[i].p2;
      e.n++;
    } else sums.set(span.key, { sum: scored[i].p2, n: 1 });
  }
  for (let i = 0; i < scored.length; i++) {
    if (!free[i]) continue;
    const e = sums.get(scored[i].span.key)!;
    if (e.n > 1) scored[i].p2 = Math.max(scored[i].p2, e.sum / e.n);
  }
  return scored;
}

/** Is the span glued to a capitalised word before or after it ("Paris Hilton", "Mr Jordan", "Orange Line")? */
function inLongerName(span: NameSpan, ctx: SpanContext): boolean {
  const next = tokenAt(ctx.tokens, span.last + 1);
  if (next && isCapitalised(next) && !ctx.titleCase.has(span.last + 1) && oneSpace(ctx.text, span, next)) return true;
  const prev = tokenAt(ctx.tokens, span.first - 1);
  return (
    !!prev &&
    isCapitalised(prev) &&
    !ctx.titleCase.has(span.first - 1) &&
    !ctx.sentenceStarts.has(span.first - 1) &&
    oneSpace(ctx.text, prev, span)
  );
}

/**
 * Finds the place mentions of a text.
 *
 * @example
 * extractMentions(text, tokenize(text), splitPassages(text), gazetteer, model)
 * // [{ start: 0, end: 6, text: 'Turkey', key: 'turkey', type: 'toponym', passage: 0, confidence: 0.97 }, …]
 */
export function extractMentions(
  text: string,
  tokens: Token[],
  passages: Passage[],
  gazetteer: Gazetteer,
  model: GeoparserModel,
  options: ExtractMentionsOptions = {},
): Mention[] {
  const { threshold } = { ...DEFAULTS, ...options };
  const mentions: Mention[] = [];
  const passageOf = (start: number) => {
    // Binary search: long texts have many passages.
    let lo = 0;
    let hi = passages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (passages[mid].end > start) hi = mid;
      else lo = mid + 1;
    }
    return passages[lo]?.index ?? 0;
  };
  const lexicon = lexiconOf(model);
  const sites = findSiteSpans(text, tokens);
  let si = 0;
  const scored = scoreSpans(text, tokens, passages, gazetteer, model);
  for (const { span, p2 } of scored) {
    while (si < sites.length && sites[si].end <= span.start) si++;
    const site = sites[si] && sites[si].start < span.end ? sites[si] : undefined;
    // A gazetteer name that is the whole site ("Hyde Park" in the gazetteer) stays a plain name.
    const inside = !!site && !(span.start <= site.start && span.end >= site.end);
    if (p2 < threshold && !inside) continue;
    // The site's head noun alone ("Street" in "Dundas Street", a village in Somerset) is the word, not a town:
    // read as a place, it would speak for its country in the article's context.
    if (inside && SITE_HEADS.has(span.key)) continue;
    const adjectival = span.matches.some((m) => m.nameType === 'adjective');
    // Every mention has the same members in the same order (one object shape for the ranking code).
    mentions.push({
      start: span.start,
      end: span.end,
      text: span.text,
      key: span.key,
      type: adjectival ? 'adjectival' : 'toponym',
      passage: passageOf(span.start),
      confidence: p2,
      site: false,
      insideSite: inside,
      qualified: !!span.qualified,
      plain: p2 >= PLAIN_CONFIDENCE && isPlainName(span, lexicon),
    });
  }
  for (const site of sites) {
    if (mentions.some((m) => !m.insideSite && m.start <= site.start && m.end >= site.end)) continue;
    mentions.push({
      start: site.start,
      end: site.end,
      text: site.text,
      key: site.key,
      type: 'toponym',
      passage: passageOf(site.start),
      confidence: SITE_CONFIDENCE,
      site: true,
      insideSite: false,
      qualified: false,
      plain: false,
    });
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Recognition confidence from which a plain name keeps a weak reading (`Mention.plain`). */
const PLAIN_CONFIDENCE = 0.6;

/** SCOWL level up to which a dictionary word is a common English word ("republic", "commerce", "union"). */
const COMMON_DICT_LEVEL = 20;

/**
 * Is the name free of every junk signal: not written in capitals ("EU", "NATO"), not a month or weekday
 * ("Christmas" is a town too), not a given name or surname ("Hasan", "Sidney") and not a common English word
 * ("Commerce")? Such a name, once surely recognised, is the place even when no reading fits the story well.
 */
export function isPlainName(span: NameSpan, lexicon: Lexicon): boolean {
  const text = span.text;
  if (text.length > 1 && text === text.toUpperCase()) return false;
  if (isCalendarWord(span.key)) return false;
  if (span.key.includes(' ')) return true;
  const level = lexicon.dictLevels.get(span.key);
  return !(
    lexicon.givenNames.has(span.key) ||
    lexicon.surnames.has(span.key) ||
    lexicon.commonWords.has(span.key) ||
    (level !== undefined && level <= COMMON_DICT_LEVEL)
  );
}

/** Recognition confidence of a site: the head-noun rule is right more often than not, no more. */
const SITE_CONFIDENCE = 0.6;
