// The growing list of gazetteer entries during the build: unique ids, lookups by id/wikidata/geonameid,
// and `addNames` that keeps each entry's names free of duplicates.

export function createEntryList() {
  const entries = [];
  const byId = new Map();
  const byWikidata = new Map();
  const byGeonameid = new Map();
  return {
    entries,
    byId,
    has: (id) => byId.has(id),
    get: (id) => byId.get(id),
    getByWikidata: (q) => byWikidata.get(q),
    getByGeonameid: (g) => byGeonameid.get(Number(g)),
    add(entry) {
      if (byId.has(entry.id)) throw new Error(`duplicate id ${entry.id}`);
      entry.names = [];
      entry.nameSet = new Set();
      entries.push(entry);
      byId.set(entry.id, entry);
      if (entry.wikidata && !byWikidata.has(entry.wikidata)) byWikidata.set(entry.wikidata, entry);
      if (entry.geonameid && !byGeonameid.has(entry.geonameid)) byGeonameid.set(entry.geonameid, entry);
      return entry;
    },
  };
}

/** Adds names of one type; the writer keeps the strongest type per key, so order does not matter. */
export function addNames(entry, names, type) {
  for (const raw of names) {
    const name = raw && raw.trim();
    if (!name) continue;
    const token = `${type}\u0000${name}`;
    if (entry.nameSet.has(token)) continue;
    entry.nameSet.add(token);
    entry.names.push({ name, type });
  }
}
