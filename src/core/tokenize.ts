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
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    // A word is one that starts with a letter or digit (not a stray combining mark); ASCII needs no test.
    // A lone surrogate-pair symbol (emoji) is one token of two code units; that is fine for offsets.
    const word = m[1] !== undefined && (s.charCodeAt(0) < 0x80 || WORD_START.test(s));
    tokens.push({ start: m.index, end: m.index + s.length, text: s, word });
  }
  return tokens;
}

const UPPER_START = /^[\p{Lu}\p{Lt}]/u;

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
