// Regions that news names but Natural Earth splits into finer admin-1 units (England from its counties,
// Lombardy from its provinces…): curated/admin1-groups.tsv lists them; each becomes an `admin1` entry
// whose polygon build-shapes.mjs dissolves from the member units, so borders share arcs.

import { readText } from './read-sources.mjs';
import { addNames } from './entry-list.mjs';
import { normalizeName } from './normalize.mjs';

function readGroups() {
  return readText('curated/admin1-groups.tsv')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [country, field, value, target, name, alternates = ''] = l.split('\t');
      return {
        country,
        field,
        value,
        target,
        name,
        alternates: alternates
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

function readGeonamesAdmin1() {
  return new Map(
    readText('sources/geonames/admin1CodesASCII.txt')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'))
      .map(([code, name, ascii, id]) => [code, { name, ascii, id: Number(id) }]),
  );
}

/**
 * Adds one `admin1` entry per curated group, after addAdmin1 (members carry `neProps`). Members get
 * `group` = the new entry's id, and lose alternate names equal to one of the group's names (NE/WOE put
 * "Lombardy" on each Lombard province).
 */
export function addAdmin1Groups(list, populations) {
  const geonames = readGeonamesAdmin1();
  const admin1 = list.entries.filter((e) => e.kind === 'admin1' && e.neProps);
  for (const g of readGroups()) {
    const members = admin1.filter((e) => e.country === g.country && e.neProps[g.field] === g.value);
    if (members.length < 2)
      throw new Error(`admin-1 group ${g.target}: ${members.length} NE unit(s) with ${g.field}=${g.value}`);
    let id = g.target;
    let code = '';
    let gn;
    if (!g.target.startsWith('ne:')) {
      gn = geonames.get(g.target);
      if (!gn) throw new Error(`admin-1 group ${g.target} is not in admin1CodesASCII.txt`);
      id = `geonames:${gn.id}`;
      code = g.target.split('.')[1];
    }
    const memberSum = members.reduce((sum, e) => sum + (e.population || 0), 0);
    const entry = list.add({
      id,
      name: g.name,
      kind: 'admin1',
      featureCode: 'ADM1',
      country: g.country,
      admin1: code,
      population: (code && populations.get(`${g.country}.${code}`)) || memberSum,
      anchor: [0, 0],
      geonameid: gn?.id,
      shape: id,
      layer: 'admin1Groups',
      groupLabelPoint: true,
    });
    addNames(entry, [g.name], 'n');
    addNames(entry, [...g.alternates, ...(gn ? [gn.name, gn.ascii] : [])], 'a');
    const keys = new Set(entry.names.map((n) => normalizeName(n.name)));
    for (const m of members) {
      m.group = id;
      m.names = m.names.filter((n) => n.type !== 'a' || !keys.has(normalizeName(n.name)));
    }
  }
}
