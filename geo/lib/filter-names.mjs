// Name hygiene applied once every entry is built: drops alternate names that are common English words
// (curated/stopword-names.txt), so "the", "you" or "Google" never match a place.

import { readText } from './read-sources.mjs';
import { normalizeName } from './normalize.mjs';

/** Normalised keys of curated/stopword-names.txt. */
export function readStopwords() {
  return new Set(
    readText('curated/stopword-names.txt')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map(normalizeName),
  );
}

/**
 * Removes `a` names whose key is a stopword, unless the key is also the entry's own name. Returns how many
 * names were removed, for the build log.
 */
export function dropStopwordAltNames(entries, stopwords) {
  let removed = 0;
  for (const entry of entries) {
    const own = normalizeName(entry.name);
    const kept = entry.names.filter(({ name, type }) => {
      const key = normalizeName(name);
      return type !== 'a' || key === own || !stopwords.has(key);
    });
    removed += entry.names.length - kept.length;
    entry.names = kept;
  }
  return removed;
}
