// Benchmark of the world gazetteer: cold load in a fresh Node process (time and RSS), lookup speed,
// first-polygon cost, and artifact sizes raw and gzip. Prints; does not assert.
// Run: npx tsx test/bench/gazetteer-load.ts

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = join(root, 'geo/data');
const work = mkdtempSync(join(tmpdir(), 'aa-bench-'));

// Bundle the real loader like the CLI is bundled, so the child measures plain Node, not tsx start-up.
const probe = join(work, 'probe.ts');
writeFileSync(
  probe,
  `
import { loadGazetteer } from ${JSON.stringify(join(root, 'src/node/load-gazetteer.ts'))};
import { normalizeName } from ${JSON.stringify(join(root, 'src/core/normalize-name.ts'))};
const t0 = performance.now();
const g = loadGazetteer(process.argv[2]);
const loadMs = performance.now() - t0;
const rssMb = process.memoryUsage().rss / 1e6;
const names = ['Baku', 'Yerevan', 'Nagorno-Karabakh', 'Kalbajar', 'Lachin', 'Georgia', 'Paris', 'Springfield',
  'Moscow', 'Turkey', 'Armenian', 'Soviet', 'U.S.', 'Britain', 'Sabah', 'London', 'Washington', 'Gaza', 'Kyiv', 'Tehran'];
const keys = Array.from({ length: 300 }, (_, i) => normalizeName(names[i % names.length]) + (i % 3 === 2 ? ' x' : ''));
const t1 = performance.now();
let found = 0;
for (const k of keys) { found += g.lookup(k).length; g.hasPrefix(k); }
const lookupMs = performance.now() - t1;
const t2 = performance.now();
g.get('geonames:587084');
const indexMs = performance.now() - t2;
const t3 = performance.now();
const nk = g.geometry('wikidata:Q2514');
const shapeMs = performance.now() - t3;
const rssAfterShapesMb = process.memoryUsage().rss / 1e6;
console.log(JSON.stringify({ loadMs, rssMb, lookups: keys.length, lookupMs, found, indexMs, shapeMs, shapeType: nk?.type, rssAfterShapesMb }));
`,
);
const bundle = join(work, 'probe.mjs');
await build({
  entryPoints: [probe],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'silent',
});

const runs = [1, 2, 3].map(() => {
  const t = performance.now();
  const out = JSON.parse(execFileSync(process.execPath, [bundle, dataDir], { encoding: 'utf8' }));
  return { ...out, processMs: performance.now() - t };
});
const fmt = (n: number) => n.toFixed(1).padStart(7);
console.log('cold load (fresh node process, bundled loader), 3 runs:');
for (const r of runs) {
  console.log(
    `  load ${fmt(r.loadMs)} ms  rss ${fmt(r.rssMb)} MB  | ${r.lookups} lookups+hasPrefix ${fmt(r.lookupMs)} ms` +
      `  | first get() index ${fmt(r.indexMs)} ms  | first geometry() ${fmt(r.shapeMs)} ms (rss ${fmt(r.rssAfterShapesMb)} MB)  | process ${fmt(r.processMs)} ms`,
  );
}
console.log('artifacts:');
for (const file of ['places.tsv', 'names.tsv', 'shapes.topo.json']) {
  const buf = readFileSync(join(dataDir, file));
  console.log(
    `  ${file.padEnd(18)} ${(buf.length / 1e6).toFixed(2).padStart(6)} MB raw ${(gzipSync(buf, { level: 9 }).length / 1e6).toFixed(2).padStart(6)} MB gzip`,
  );
}
