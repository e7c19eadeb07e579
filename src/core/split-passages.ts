// First pipeline stage: text → passages (paragraphs) with sentence spans. Passages are what the
// explorer shows for a place; sentence starts tell recognition which capitals carry no signal.

import type { Passage } from './types.ts';

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'mt',
  'ft',
  'gen',
  'gov',
  'sen',
  'rep',
  'lt',
  'col',
  'sgt',
  'capt',
  'maj',
  'jr',
  'sr',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'rev',
  'gen',
  'adm',
  'pres',
  'ave',
  'blvd',
  'rd',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
]);

/**
 * Splits text into paragraphs (separated by blank lines, or by single line breaks when the text has
 * no blank lines) and each paragraph into sentences. Offsets are absolute.
 *
 * @example
 * splitPassages('One. Two.\n\nThree.').map((p) => [p.start, p.end]) // [[0, 9], [11, 17]]
 */
export function splitPassages(text: string): Passage[] {
  const separator = /\n[ \t\r\f\v]*\n/.test(text) ? /\n\s*\n/g : /\n+/g;
  const passages: Passage[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    // Trim whitespace inside the span without changing the meaning of offsets.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) passages.push({ index: passages.length, start, end, sentences: splitSentences(text, start, end) });
  };
  separator.lastIndex = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return passages;
}

// Built once (esbuild turns inline \p{…} literals into `new RegExp` calls for Node targets).
const SENTENCE_END = /[.!?…]+["”’)\]]*\s+(?=["“‘(\[]?[\p{Lu}\p{N}])/gu;
const LAST_WORD = /([\p{L}.]+)$/u;
const ONE_LETTER = /^\p{L}$/u;
const DOTTED_INITIALS = /^(\p{L}\.)+\p{L}$/u;

/** Sentence spans within [start, end), absolute offsets. */
export function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = SENTENCE_END;
  re.lastIndex = 0;
  const chunk = text.slice(start, end);
  let from = 0;
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    const before = chunk.slice(Math.max(0, m.index - 12), m.index);
    const word = LAST_WORD.exec(before)?.[1]?.toLowerCase() ?? '';
    // "U.S. officials", "Dr. Smith", "J. Smith": not sentence ends.
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || ONE_LETTER.test(word) || DOTTED_INITIALS.test(word)))
      continue;
    const stop = m.index + m[0].trimEnd().length;
    spans.push([start + from, start + stop]);
    from = m.index + m[0].length;
  }
  if (from < chunk.length) spans.push([start + from, end]);
  return spans;
}
