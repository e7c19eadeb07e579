// Short forms of states and provinces from Natural Earth's admin-1 `abbrev` field (issue #15): "Calif.",
// "Ont.", "N.S.W.", "Qld.", as alternate names. Keys are normalised without stops, so "N.S.W." also
// matches the undotted "NSW" news writes.

// NE's `abbrev` follows press style in these countries only (AP for the US, Canadian Press, Australian
// usage); elsewhere it holds map-label shorthands no article writes (Sudan "R. Nile", Brazil "Perna.").
const PRESS_STYLE_COUNTRIES = new Set(['US', 'CA', 'AU']);

function fold(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Whether the abbreviation's letters appear in the name in order, from its first letter ("Qld." in Queensland). */
function abbreviates(letters, name) {
  const folded = fold(name);
  if (!letters || letters[0] !== folded[0]) return false;
  let i = 0;
  for (const ch of folded) if (ch === letters[i]) i++;
  return i === letters.length;
}

/**
 * The short forms of one NE admin-1 unit: its `abbrev` when the country's NE abbreviations are press style,
 * the abbreviation has a full stop, its letters spell out the name, and they are not an English word
 * (`isWord`: "A.C.T." would make every "Act" a territory; "Mass." would be a mass).
 *
 * @example
 * admin1Abbreviations({ iso_a2: 'AU', abbrev: 'N.S.W.', name: 'New South Wales' }, () => false) // ['N.S.W.']
 */
export function admin1Abbreviations(props, isWord) {
  const { iso_a2: country, abbrev, name, name_en: nameEn } = props;
  if (!PRESS_STYLE_COUNTRIES.has(country) || typeof abbrev !== 'string' || !abbrev.includes('.')) return [];
  const letters = fold(abbrev).replace(/[^a-z]/g, '');
  if (isWord(letters) || ![name, nameEn].some((n) => n && abbreviates(letters, n))) return [];
  return [abbrev];
}
