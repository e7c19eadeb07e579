// Applies geo/corrections.json: fixes to upstream data, kept as data with evidence. A correction whose
// `from` no longer matches the source fails the build, so an upstream fix or change gets reviewed.

import { readJson } from './read-sources.mjs';

export function loadCorrections() {
  return readJson('corrections.json').corrections;
}

/** Source-level fixes on Natural Earth admin-1 properties, matched by `adm1_code`. */
export function correctAdmin1Properties(corrections, features) {
  const byCode = new Map(features.map((f) => [f.properties.adm1_code, f.properties]));
  for (const c of corrections.filter((c) => c.where.layer === 'ne-admin1')) {
    const props = byCode.get(c.where.adm1_code);
    if (!props) throw new Error(`correction ${c.id}: no admin-1 unit ${c.where.adm1_code}`);
    for (const [field, from] of Object.entries(c.from)) {
      if (String(props[field]) !== String(from)) {
        throw new Error(
          `correction ${c.id}: ${c.where.adm1_code}.${field} is ${JSON.stringify(props[field])}, expected ${JSON.stringify(from)}`,
        );
      }
    }
    Object.assign(props, c.to);
  }
}

/** Name fixes on built entries, matched by gazetteer id. */
export function correctEntryNames(corrections, list, addNames) {
  for (const c of corrections.filter((c) => c.where.layer === 'gazetteer')) {
    const entry = list.get(c.where.id);
    if (!entry) throw new Error(`correction ${c.id}: no gazetteer entry ${c.where.id}`);
    if (c.to.altNames) addNames(entry, c.to.altNames, 'a');
  }
}
