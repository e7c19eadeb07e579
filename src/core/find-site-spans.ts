// Recognition of named sites the gazetteer cannot hold — streets, buildings, campuses, parks:
// a run of capitalised words ending in a head noun that names a kind of place ("Royal Street",
// "Barclays Center", "Florida Atlantic University"). They are resolved later, approximately, to the
// article's local focus (see resolve-sites).

import { normalizeName } from './normalize-name.ts';
import type { NameSpan } from './find-name-spans.ts';
import { oneSpace, startsUpper, startsWithDigit, type Token } from './tokenize.ts';

/** A site name: a token span like a gazetteer name span, with the head noun instead of readings. */
export interface SiteSpan extends Omit<NameSpan, 'matches'> {
  head: string;
}

// English head nouns of named places below the gazetteer's level (a closed, general list).
export const SITE_HEADS = new Set([
  'street',
  'st',
  'avenue',
  'ave',
  'road',
  'rd',
  'boulevard',
  'blvd',
  'lane',
  'drive',
  'highway',
  'freeway',
  'expressway',
  'parkway',
  'way',
  'square',
  'plaza',
  'park',
  'gardens',
  'bridge',
  'tunnel',
  'airport',
  'station',
  'terminal',
  'harbour',
  'harbor',
  'pier',
  'wharf',
  'hospital',
  'clinic',
  'university',
  'college',
  'school',
  'academy',
  'institute',
  'church',
  'cathedral',
  'chapel',
  'mosque',
  'temple',
  'synagogue',
  'abbey',
  'center',
  'centre',
  'stadium',
  'arena',
  'theatre',
  'theater',
  'museum',
  'library',
  'hall',
  'tower',
  'towers',
  'building',
  'palace',
  'castle',
  'courthouse',
  'prison',
  'jail',
  'market',
  'mall',
  'hotel',
  'inn',
  'canal',
  'creek',
  'beach',
  'forest',
  'estate',
  'base',
  'camp',
  'fields',
  'zoo',
  'cemetery',
  'farm',
  'plantation',
  'reservoir',
  'dam',
  'pass',
  'trail',
  'heights',
  'quarter',
  'neighborhood',
  'neighbourhood',
  'district',
  'circuit',
  'racecourse',
  'speedway',
]);

// Capitalised words that start sentences or titles but never begin a site's name.
const NOT_MODIFIERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'our',
  'their',
  'his',
  'her',
  'its',
  'my',
  'your',
  'new',
  'old',
  'local',
  'city',
  'state',
  'national',
  'federal',
  'main',
  'high',
  'at',
  'in',
  'on',
  'of',
  'for',
  'from',
  'to',
  'by',
  'and',
]);
// Titles and honorifics: a name after them is a person ("President Park", "Mr Hall").
export const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'president',
  'minister',
  'senator',
  'sen',
  'governor',
  'gov',
  'mayor',
  'gen',
  'general',
  'secretary',
  'chancellor',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'sir',
  'lord',
  'lady',
  'judge',
  'justice',
  'officer',
  'chief',
  'director',
  'professor',
  'prof',
  'coach',
  'captain',
  'rep',
  'representative',
  'ambassador',
]);
// No "and": it joins two sites ("Barclays Center and Trump Tower") far more often than it names one.
const CONNECTORS = new Set(['of', 'the', 'de', 'la', 'du', 'des', '&']);
/** A word starting with a capital or a digit ("Royal", "A417"). */
const isCap = (t: Token | undefined) => !!t && t.word && (startsUpper(t.text) || startsWithDigit(t));

/** Heads that also begin a name: "University of Iowa", "College of the Holy Cross". */
export const HEAD_INITIAL = new Set(['university', 'college', 'institute', 'academy']);
/** Heads of institutions usually in the region they are named after ("Colorado State University"). */
export const INSTITUTION_HEADS = new Set(['university', 'college', 'institute', 'academy', 'school']);

function headInitialSpan(text: string, tokens: Token[], j: number): SiteSpan | null {
  const head = tokens[j];
  if (!HEAD_INITIAL.has(head.text.toLowerCase()) || tokens[j + 1]?.text !== 'of') return null;
  let k = j + 2;
  if (tokens[k]?.text === 'the') k++;
  let last = -1;
  for (; k < tokens.length && k - j < 8 && isCap(tokens[k]) && oneSpace(text, tokens[k - 1], tokens[k]); k++) last = k;
  if (last < 0) return null;
  const start = head.start;
  const end = tokens[last].end;
  return {
    first: j,
    last,
    start,
    end,
    text: text.slice(start, end),
    key: normalizeName(text.slice(start, end)),
    head: head.text.toLowerCase(),
  };
}

/** Marks that glue two words into one name without a space: "A&M", "Women's", "Baden-Baden". */
const GLUE = new Set(['&', "'", '’', '-']);

/** Is token `dot` the full stop of a short capitalised abbreviation that starts a name ("St.", "Mt.", "Ft.")? */
function isAbbreviation(tokens: Token[], dot: number): boolean {
  const word = tokens[dot - 1];
  return (
    tokens[dot]?.text === '.' &&
    !!word &&
    word.end === tokens[dot].start &&
    isCap(word) &&
    word.text.length <= 3 &&
    !TITLES.has(word.text.toLowerCase())
  );
}

/** The first token of the word glued together (no spaces) that ends at token `i`. */
function gluedStart(tokens: Token[], i: number): number {
  let g = i;
  while (g > 0 && tokens[g - 1].end === tokens[g].start && (tokens[g - 1].word || GLUE.has(tokens[g - 1].text))) g--;
  // A word ends a glued run, not a mark ("-Care Center").
  while (g < i && !tokens[g].word) g++;
  return g;
}

/**
 * Finds capitalised names ending in a place head noun.
 *
 * @example
 * findSiteSpans(text, tokenize(text)).map((s) => s.text) // ['Royal Street', 'Barclays Center']
 */
export function findSiteSpans(text: string, tokens: Token[]): SiteSpan[] {
  const spans: SiteSpan[] = [];
  for (let j = 0; j < tokens.length; j++) {
    const head = tokens[j];
    if (!isCap(head) || !SITE_HEADS.has(head.text.toLowerCase())) continue;
    // "University of California": the head first, then "of" and a capitalised name.
    const initial = headInitialSpan(text, tokens, j);
    if (initial) {
      spans.push(initial);
      j = initial.last;
      continue;
    }
    // The name goes on after the head noun ("Park Geun-hye", "Hall Street"): not a site ending here.
    const after = tokens[j + 1];
    if (after && (isCap(after) || after.text === '-') && text.slice(head.end, after.start).length <= 1) continue;
    // Walk left over capitalised words (and inner connectors) on the same line.
    let i = j;
    while (i > 0 && j - i < 6) {
      const prev = tokens[i - 1];
      if (!oneSpace(text, prev, tokens[i])) {
        // "Texas A&M University", "Women's Care Center": a word glued to the name's first word is part of it;
        // the site takes the whole glued word, or it would be a word of another name ("M University").
        const g = gluedStart(tokens, i);
        if (g === i || !isCap(tokens[g])) break;
        i = g;
        continue;
      }
      if (isCap(prev) || (CONNECTORS.has(prev.text) && isCap(tokens[i - 2]))) i--;
      else if (isAbbreviation(tokens, i - 1)) i -= 2;
      else {
        // "Medical Women's Care Center", "Alder Hey Children's Hospital": a possessive inside a run of
        // capitalised words is part of the name. One that opens the run is a place's or an owner's ("London's
        // Heathrow Center", "Derry's Altnagelvin Hospital"): the site starts after it.
        const g = prev.word ? gluedStart(tokens, i - 1) : i - 1;
        const before = g > 0 ? tokens[g - 1] : undefined;
        const inRun = !!before && oneSpace(text, before, tokens[g]) && (isCap(before) || isAbbreviation(tokens, g - 1));
        if (g < i - 1 && isCap(tokens[g]) && inRun) i = g;
        else break;
      }
    }
    for (let k = j - 1; k >= i; k--) if (TITLES.has(tokens[k].text.toLowerCase())) i = k + 1;
    while (i < j && (NOT_MODIFIERS.has(tokens[i].text.toLowerCase()) || CONNECTORS.has(tokens[i].text))) i++;
    if (i === j) continue;
    // Numbered roads ("A417", "Interstate 95") stay; a bare number ("2231 Royal") is an address, kept too.
    const start = tokens[i].start;
    const end = head.end;
    spans.push({
      first: i,
      last: j,
      start,
      end,
      text: text.slice(start, end),
      key: normalizeName(text.slice(start, end)),
      head: head.text.toLowerCase(),
    });
  }
  return spans;
}
