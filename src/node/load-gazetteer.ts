// Node loader for the gazetteer artifacts in geo/data. Reads all three files up front: nearly every
// article names a country, so the polygons are needed anyway, and parsing them belongs to the load.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  // The TSV files as bytes, not decoded (see utf8Bytes): decoding all of them would take 70 ms.
  return createGazetteer({
    places: readFileSync(join(dir, 'places.tsv'), 'latin1'),
    names: readFileSync(join(dir, 'names.tsv'), 'latin1'),
    shapes: readShapes(join(dir, 'shapes.topo.json')),
    utf8Bytes: true,
  });
}

/** The TopoJSON text (the gazetteer reads its arcs without parsing them into arrays), if there is one. */
function readShapes(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
