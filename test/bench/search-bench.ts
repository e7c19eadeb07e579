// Benchmark of searchPlaces (issue #17, the studio's "Add place") on the committed world gazetteer: the
// first search (it builds the gazetteer's admin-1 index), then whole names and prefixes, cold and warm.
// Prints; does not assert. Run: npx tsx test/bench/search-bench.ts
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';
import { searchPlaces } from '../../src/core/search-places.ts';

const gazetteer = loadGazetteer();
const QUERIES = ['Baku', 'Georgia', 'Springfield', 'Nagorno', 'bak', 'ber', 'san', 'Şuşa', 'Caspian', 'Soviet'];
const time = (query: string) => {
  const t = performance.now();
  const hits = searchPlaces(gazetteer, query);
  return { ms: performance.now() - t, hits };
};
const first = time('Lachin');
console.log(`first search (builds the admin-1 index): ${first.ms.toFixed(0)} ms`);
console.log('query          cold ms  warm ms  hits: first three');
for (const query of QUERIES) {
  const cold = time(query);
  const warm = time(query);
  const top = cold.hits
    .slice(0, 3)
    .map((h) => `${h.name} (${[h.kind, h.region, h.country].filter(Boolean).join(', ')})`)
    .join('; ');
  console.log(`${query.padEnd(14)} ${cold.ms.toFixed(1).padStart(7)}  ${warm.ms.toFixed(1).padStart(7)}  ${top}`);
}
