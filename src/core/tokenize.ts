// Splits text into word and punctuation tokens with UTF-16 offsets: the unit that mention
// recognition walks over. Words keep internal apostrophes only when a letter follows on both
// sides of a non-possessive ("O'Hare"), so "Armenia's" gives "Armenia" + "'" + "s".

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Letters or digits; false for punctuation and symbols. */
  word: boolean;
}

// A word (group 1): letters/marks/digits, joined by apostrophes inside names (O'Hare, N'Djamena).
const TOKEN_RE = /([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]{2,}(?=[^\p{L}\p{M}]|$))*)|[^\s\p{L}\p{M}\p{N}]/gu;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Tokenises text into words and single punctuation characters.
 *
 * @example
 * tokenize("Armenia's border").map((t) => t.text) // ['Armenia', "'", 's', 'border']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  // Plain ASCII is scanned by hand (most news text); anything else is left to TOKEN_RE, which defines
  // the tokens: from a token's start, the regex finds exactly the token the scan would have made.
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    let end = -1;
    if (c < 128 && ASCII[c] !== OTHER) end = asciiWordEnd(text, i);
    else if (c < 128) end = i + 1;
    if (end < 0) {
      TOKEN_RE.lastIndex = i;
      const m = TOKEN_RE.exec(text);
      if (!m) break;
      // A word is one that starts with a letter or digit (not a stray combining mark).
      // A lone surrogate-pair symbol (emoji) is one token of two code units; that is fine for offsets.
      tokens.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        word: m[1] !== undefined && WORD_START.test(m[0]),
      });
      i = m.index + m[0].length;
      continue;
    }
    tokens.push({ start: i, end, text: text.slice(i, end), word: c < 128 && ASCII[c] !== OTHER });
    i = end;
  }
  return tokens;
}

// ASCII character classes, looked up rather than compared: this runs for every character of a batch,
// much of it before V8 has optimised the loop.
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER;

/**
 * End of the ASCII word starting at `i`, with its inner-apostrophe parts (O'Hare), or -1 when a
 * character outside ASCII is involved and TOKEN_RE must decide.
 */
function asciiWordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  let c = 0;
  while (j < n && (c = text.charCodeAt(j)) < 128 && ASCII[c] !== OTHER) j++;
  if (j < n && c >= 0x80) return -1;
  // "'" and two or more letters, not followed by a letter: part of the word.
  while (j < n && text.charCodeAt(j) === 39) {
    let k = j + 1;
    while (k < n && (c = text.charCodeAt(k)) < 128 && ASCII[c] === LETTER) k++;
    if (k < n && c >= 0x80) return -1;
    if (k - j - 1 < 2) break;
    j = k;
  }
  return j;
}

const UPPER_START = /^[\p{Lu}\p{Lt}]/u;
const UPPER_FIRST = /^\p{Lu}/u;
const DIGIT_START = /^\p{N}/u;

/**
 * The token at index `i`, or undefined before the first and after the last. Hot code reads neighbours
 * through this: V8 throws away optimised code the first time it reads past the end of an array.
 *
 * @example
 * tokenAt(tokenize('Baku'), 1) // undefined
 */
export function tokenAt(tokens: Token[], i: number): Token | undefined {
  return i >= 0 && i < tokens.length ? tokens[i] : undefined;
}

/**
 * Does the text start with an upper-case letter (Lu; ASCII without the regex)?
 *
 * @example
 * startsUpper('Baku') // true
 */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : UPPER_FIRST.test(s);
}

/**
 * Are two stretches of text (tokens or spans) separated by exactly one space?
 *
 * @example
 * const [a, b] = tokenize('New York'); oneSpace('New York', a, b) // true
 */
export function oneSpace(text: string, left: { end: number }, right: { start: number }): boolean {
  return right.start - left.end === 1 && text.charCodeAt(left.end) === 32;
}

/**
 * Is the token a word that starts with a digit ("5", "A417" does not)?
 *
 * @example
 * startsWithDigit(tokenize('5 May')[0]) // true
 */
export function startsWithDigit(t: Token | undefined): boolean {
  if (!t || !t.word) return false;
  const c = t.text.charCodeAt(0);
  return c < 0x80 ? c >= 48 && c <= 57 : DIGIT_START.test(t.text);
}

/**
 * Is the token a word that starts with a capital (or title-case) letter?
 *
 * @example
 * isCapitalised(tokenize('Baku')[0]) // true
 */
export function isCapitalised(t: Token | undefined): boolean {
  if (!t || !t.word) return false;
  const c = t.text.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
}
