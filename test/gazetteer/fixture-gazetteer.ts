// Loads the tiny ambiguity fixture of test/fixtures/gazetteer as a Gazetteer, for tests of any stage.

import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { createGazetteer } from '../../src/gazetteer/index.ts';
import type { Gazetteer } from '../../src/core/types.ts';

const dir = new URL('../fixtures/gazetteer/', import.meta.url);

/** The fixture gazetteer (Georgia ×2, Paris ×2, Turkey ×2, Springfield ×3, Lachin ×2, …). */
export function loadFixtureGazetteer(): Gazetteer {
  return createGazetteer({
    places: readFileSync(new URL('places.tsv', dir), 'utf8'),
    names: readFileSync(new URL('names.tsv', dir), 'utf8'),
    shapes: () => JSON.parse(readFileSync(new URL('shapes.topo.json', dir), 'utf8')) as Topology,
  });
}
