// A layer for the export tests (issue #17): the seed sample after review — one place corrected, one marked
// "not a place", one added — with untrusted names (commas, quotes, line breaks, markup, formulas) and a
// place west of Greenwich and south of the equator, so negative numbers are written too.
import { readFileSync } from 'node:fs';
import type { ArticleLayer, LayerFeature } from '../../src/core/types.ts';
import { correctFeature } from '../../src/ui/model/correct-place.ts';
import { BAKU, LACHIN, LACHIN_TOWN, YEREVAN } from './seed-ids.ts';

export { BAKU, LACHIN, LACHIN_TOWN, YEREVAN };

export const ANKARA = 'geonames:323786';
export const MOSCOW = 'geonames:524901';
export const LIMA = 'geonames:3936456';

/** Names a spreadsheet or an XML reader could take for something else. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","click, here")';
export const MARKUP_NAME = 'Say "Yerevan",\nnow <b>&amp;</b> then';

export function exportLayer(): ArticleLayer {
  const seed: ArticleLayer = JSON.parse(
    readFileSync(new URL('../fixtures/layers/seed-sample.geojson', import.meta.url), 'utf8'),
  );
  let layer = correctFeature(seed, LACHIN, LACHIN_TOWN);
  layer = correctFeature(layer, BAKU, null);
  const byId = (id: string) => layer.features.find((f) => f.id === id)!;
  byId(ANKARA).properties.name = FORMULA_NAME;
  byId(YEREVAN).properties.name = MARKUP_NAME;
  // What the studio's "Add place" records (issue #17); the layer type does not know it yet.
  (byId(MOSCOW).properties as { status?: string }).status = 'added';
  const lima: LayerFeature = {
    type: 'Feature',
    id: LIMA,
    geometry: { type: 'Point', coordinates: [-77.02824, -12.04318] },
    properties: {
      name: 'Lima',
      kind: 'city',
      country: 'PE',
      geonameid: 3936456,
      anchor: [-77.02824, -12.04318],
      score: 0.9,
      candidates: [],
      mentions: [{ start: 0, end: 4, text: 'Lima', passage: 0, type: 'toponym' }],
    },
  };
  return { ...layer, features: [...layer.features, lima] };
}
