// Node loader for the gazetteer artifacts in geo/data: reads places.tsv and names.tsv eagerly and
// shapes.topo.json only when the first polygon is asked for.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import type { Gazetteer } from '../core/types.ts';
import { createGazetteer } from '../gazetteer/create-gazetteer.ts';
import { dataDir } from './data-dir.ts';

/**
 * Loads the gazetteer from disk.
 *
 * @example
 * const gazetteer = loadGazetteer();
 * gazetteer.lookup('baku')[0].place.kind // 'admin1' or 'city'
 */
export function loadGazetteer(dir: string = dataDir()): Gazetteer {
  return createGazetteer({
    places: readFileSync(join(dir, 'places.tsv'), 'utf8'),
    names: readFileSync(join(dir, 'names.tsv'), 'utf8'),
    shapes: () => {
      const file = join(dir, 'shapes.topo.json');
      return (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { type: 'Topology', objects: {}, arcs: [] }) as Topology;
    },
  });
}
