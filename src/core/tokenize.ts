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

// A word: letters/marks/digits, joined by apostrophes inside names (O'Hare, N'Djamena).
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]{2,}(?=[^\p{L}\p{M}]|$))*|[^\s\p{L}\p{M}\p{N}]/gu;

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
    const cp = s.codePointAt(0) ?? 0;
    // A lone surrogate-pair symbol (emoji) is one token of two code units; that is fine for offsets.
    tokens.push({ start: m.index, end: m.index + s.length, text: s, word: /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp)) });
  }
  return tokens;
}
