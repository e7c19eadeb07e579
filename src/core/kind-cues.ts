// Words next to a name that say what kind of place it is: "New York Gov. Andrew Cuomo" and "the state of
// Washington" name a state, "the city of Turkey", "Mayor of London" and "downtown Portland" a town. Part of
// candidate ranking: a reading of the kind the words say gets a fixed bonus (KIND_CUE_BONUS), because such
// cues are too rare in the training corpora for the ranker to learn them, and they are as explicit as a
// "City, State" comma.

import type { Mention, Place } from './types.ts';

/** What the words around a mention say it is: 1 a state or province, 2 a town, 0 nothing. */
export type KindCue = 0 | 1 | 2;
export const STATE_CUE = 1;
export const TOWN_CUE = 2;

/** Added to a reading of the kind the cue says. Below the comma's 4: "Portland, Maine" outweighs "mayor". */
export const KIND_CUE_BONUS = 3;

// Right after the name: a governor's or legislature's title, or the word "state" in lower case ("Washington
// state"; "Washington State University" and "Ohio State" are names of their own).
const STATE_AFTER = /^\s+(?:Gov\.|Governor\b|Lt\. Gov\.|Lieutenant Governor\b|[Ll]egislature\b|state\b(?!\s+of\b))/;
// Right before it: "the state of", "the province of", "Governor of".
const STATE_BEFORE = /\b(?:state|province|State|Province|[Gg]overnor) of\s+$/;
// Right after the name: a mayor or city council ("Paris Mayor Anne Hidalgo", "the Louisville City Council").
const TOWN_AFTER = /^\s+(?:Mayor\b|mayor\b|City Council\b|city council\b|City Hall\b|city hall\b|suburbs?\b)/;
// Right before it: "the city of", "the town of", "the mayor of", "downtown", "suburban", "a suburb of".
const TOWN_BEFORE =
  /(?:\b(?:city|town|village|City|Town|Village|[Mm]ayor|suburbs?) of|\b(?:[Dd]owntown|[Ss]uburban))\s+$/;

/** How far around a mention the cue words are looked for (in UTF-16 units). */
const WINDOW = 24;

/**
 * The kind cue of every mention, from the words right before and after it; adjectives have none.
 *
 * @example
 * kindCues(mentions, 'New York Gov. Andrew Cuomo said.') // [1]
 */
export function kindCues(mentions: Mention[], text: string): Uint8Array {
  const cues = new Uint8Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.type !== 'toponym') continue;
    cues[i] = kindCueAt(text, m.start, m.end);
  }
  return cues;
}

/**
 * The kind cue of the name at `start`–`end` of the text: 1 a state ("the state of", "Gov."), 2 a town ("the
 * city of", "Mayor"), 0 none. Recognition weighs it too (`kindWords`, span-features.ts): "the mayor of Portland".
 */
export function kindCueAt(text: string, start: number, end: number): KindCue {
  const after = text.slice(end, end + WINDOW);
  const before = text.slice(Math.max(0, start - WINDOW), start);
  if (STATE_AFTER.test(after) || STATE_BEFORE.test(before)) return STATE_CUE;
  if (TOWN_AFTER.test(after) || TOWN_BEFORE.test(before)) return TOWN_CUE;
  return 0;
}

/** Does the reading have the kind the cue says: a state cue fits admin-1 units, a town cue towns. */
export function fitsCue(cue: KindCue | number, place: Place): boolean {
  return cue === STATE_CUE ? place.kind === 'admin1' : cue === TOWN_CUE ? place.kind === 'city' : false;
}

/** Between two members of a list of places: a comma, "and", "or" (", and" too). */
const LIST_GAP = /^\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)$/;
const CONJUNCTION = /\b(?:and|or)\s+$/;

/**
 * A name listed among states takes the state reading: "states such as California or Washington", "Alaska,
 * Hawaii, Florida and Washington". A list is a run of toponyms joined by commas, "and" or "or" with three
 * members or a conjunction ("Portland, Oregon" is no list); a member gets the state cue when every other member's
 * first reading (`kinds`, the kind of each mention's top reading) is an admin-1 unit, and the words around it
 * say nothing themselves.
 *
 * @example
 * listCues(mentions, 'Texas, Ohio and Washington', ['admin1', 'admin1', 'city'], cues) // [0, 0, 1]
 */
export function listCues(
  mentions: Mention[],
  text: string,
  kinds: Array<string | undefined>,
  cues: Uint8Array,
): Uint8Array {
  const out = cues.slice();
  let a = 0;
  while (a < mentions.length) {
    let b = a;
    let conjunction = false;
    while (b + 1 < mentions.length && mentions[b + 1].type === 'toponym' && mentions[b].type === 'toponym') {
      const gap = text.slice(mentions[b].end, mentions[b + 1].start);
      if (!LIST_GAP.test(gap)) break;
      if (CONJUNCTION.test(gap)) conjunction = true;
      b++;
    }
    if (b > a && (b - a >= 2 || conjunction)) {
      for (let i = a; i <= b; i++) {
        if (out[i]) continue;
        let states = true;
        for (let j = a; j <= b && states; j++) if (j !== i && kinds[j] !== 'admin1') states = false;
        if (states) out[i] = STATE_CUE;
      }
    }
    a = b + 1;
  }
  return out;
}
