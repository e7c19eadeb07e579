// Node loader for the gazetteer artifacts in geo/data: reads places.tsv and names.tsv eagerly and
// shapes.topo.json only when the first polygon is asked for.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import type { Gazetteer } from '../core/types.ts';
import { createGazetteer } from '../gazetteer/create-gazetteer.ts';

/**
 * Finds geo/data from this module's location: `dist/cli.js` (esbuild bundle) → `../geo/data`,
 * `src/cli/load-gazetteer.ts` (tsx) → `../../geo/data`.
 */
export function resolveGazetteerDir(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  // Walk up rather than hard-code the depth, so other bundle layouts (dist/bin/…) also work.
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'geo', 'data');
    if (existsSync(join(candidate, 'places.tsv'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`gazetteer data (geo/data/places.tsv) not found above ${fileURLToPath(moduleUrl)}`);
}

/**
 * Loads the gazetteer from disk.
 *
 * @example
 * const gazetteer = loadGazetteer();
 * gazetteer.lookup('baku')[0].place.kind // 'admin1' or 'city'
 */
export function loadGazetteer(dir: string = resolveGazetteerDir()): Gazetteer {
  return createGazetteer({
    places: readFileSync(join(dir, 'places.tsv'), 'utf8'),
    names: readFileSync(join(dir, 'names.tsv'), 'utf8'),
    shapes: () => {
      const file = join(dir, 'shapes.topo.json');
      return (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { type: 'Topology', objects: {}, arcs: [] }) as Topology;
    },
  });
}
