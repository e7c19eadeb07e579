// What the map's legend lists (issue #14): the colours and marks in use in a layer, in a fixed order, each
// with a swatch's classes (styles.css) and a reader-facing name. Pure: the legend component renders it.
import { isPlottable } from '../../core/is-plottable.ts';
import type { LayerFeature } from '../../core/types.ts';
import { kindGroup } from './kind-group.ts';

export interface LegendEntry {
  key: string;
  label: string;
  /** Classes of the swatch: the kind's colours, and its mark (a dot, a dashed edge). */
  swatch: string;
}

const ENTRIES: Array<LegendEntry & { uses(f: LayerFeature): boolean }> = [
  { key: 'country', label: 'Country', swatch: 'aa-k-country', uses: (f) => kindGroup(f.properties.kind) === 'country' },
  {
    key: 'region',
    label: 'Region',
    swatch: 'aa-k-region',
    uses: (f) => kindGroup(f.properties.kind) === 'region' && !f.properties.disputed,
  },
  {
    key: 'district',
    label: 'District',
    swatch: 'aa-k-district',
    uses: (f) => kindGroup(f.properties.kind) === 'district',
  },
  { key: 'disputed', label: 'Disputed area', swatch: 'aa-k-region aa-sw-dashed', uses: (f) => !!f.properties.disputed },
  { key: 'city', label: 'City or town', swatch: 'aa-k-city', uses: (f) => kindGroup(f.properties.kind) === 'city' },
  {
    key: 'other',
    label: 'Other place',
    swatch: 'aa-k-other',
    uses: (f) => kindGroup(f.properties.kind) === 'other' && !f.properties.approximate,
  },
  {
    key: 'approx',
    label: 'Approximately placed site',
    swatch: 'aa-k-other aa-sw-dashed aa-sw-dot',
    uses: (f) => !!f.properties.approximate,
  },
];

/**
 * The legend's entries for the features drawn on the map, in the legend's order.
 * @example legendEntries(layer.features).map((e) => e.label) // ['Country', 'Disputed area', 'City or town']
 */
export function legendEntries(features: LayerFeature[]): LegendEntry[] {
  const drawn = features.filter(isPlottable);
  return ENTRIES.filter((e) => drawn.some(e.uses)).map(({ key, label, swatch }) => ({ key, label, swatch }));
}
