// Maps a place kind to one of five style groups shared by the map (SVG class names) and the widgets
// (swatches): the palette itself lives in styles.css so map and list can never drift apart (issue #4).
import type { PlaceKind } from '../../core/types.ts';

export type KindGroup = 'country' | 'region' | 'district' | 'city' | 'other';

// Null prototypes: a kind read from an imported file may be "__proto__" or "constructor" (issue #6).
const GROUPS = {
  __proto__: null,
  continent: 'country',
  country: 'country',
  'historical-country': 'country',
  region: 'region',
  disputed: 'region',
  admin1: 'region',
  admin2: 'district',
  city: 'city',
} as Partial<Record<PlaceKind, KindGroup>>;

/** @example kindGroup('admin2') // 'district' */
export function kindGroup(kind: PlaceKind): KindGroup {
  return GROUPS[kind] ?? 'other';
}

/** Drawing order: big areas first so smaller ones and cities stay clickable on top. */
export const GROUP_ORDER: KindGroup[] = ['country', 'region', 'district', 'other', 'city'];

const KIND_LABELS = {
  __proto__: null,
  'historical-country': 'historical country',
  admin1: 'region',
  admin2: 'district',
  disputed: 'disputed area',
} as Partial<Record<PlaceKind, string>>;

/** Reader-facing kind name. @example kindLabel('admin2') // 'district' */
export function kindLabel(kind: PlaceKind): string {
  return KIND_LABELS[kind] ?? kind;
}

let regionNames: Intl.DisplayNames | undefined;
let namesTable: Record<string, unknown> | null | undefined;

/**
 * English country names by ISO code, as basemap.json carries them (written at build time from Node's Intl, the
 * same CLDR names): a page given them never builds Intl.DisplayNames, whose first use in a page starts ICU and
 * took 30–220 ms of the place list's first render (issue #14). Names are the same for every widget of a page.
 * @example setCountryNames({ AZ: 'Azerbaijan' })
 */
export function setCountryNames(table: Record<string, unknown> | null | undefined): void {
  namesTable = table;
}

/** English country name for an ISO alpha-2 code, or the code itself. @example countryName('AZ') // 'Azerbaijan' */
export function countryName(iso2: string): string {
  if (!iso2) return '';
  // Anything but a string (a host's own object, an inherited "constructor") is no name.
  const known = namesTable?.[iso2];
  if (typeof known === 'string') return known;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
}
