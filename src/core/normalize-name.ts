// Text normalisation shared by the gazetteer build, the gazetteer lookup and mention recognition:
// one function, so that a name written "Nagorno–Karabakh", "nagorno karabakh" or "Nagorno-Karabakh"
// meets the same key on both sides.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters NFKD does not decompose but news copy often writes without their marks.
const FOLD: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ə: 'a',
};
const FOLD_RE = /[ıøđłßæœþðə]/g;
// ASCII letters and digits in single-space-separated words: already a key once lower-cased.
const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * Normalises a place name to its lookup key: diacritics folded, lower case, apostrophes and dots
 * dropped, hyphens/dashes/whitespace collapsed to single spaces.
 *
 * @example
 * normalizeName('Nagorno-Karabakh') // 'nagorno karabakh'
 * normalizeName('U.S.')             // 'us'
 * normalizeName('Şuşa')             // 'susa'
 */
export function normalizeName(name: string): string {
  // Most keys are plain ASCII words: nothing to fold, strip or collapse.
  if (PLAIN.test(name)) return name.toLowerCase();
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c)
    .replace(/['’‘`ʼ.]/g, '')
    .replace(/[\s\-‐‑‒–—_/,]+/g, ' ')
    .trim();
}
