// A small article layer for the review edit tests (issue #17): Paris found twice, a third "Paris" and
// Springfield missed. Offsets are computed from the text, so they are right by construction.
import type { ArticleLayer } from '../../src/core/types.ts';
import type { PlaceToAdd } from '../../src/ui/model/add-mention.ts';

export const REVIEW_TEXT =
  'Talks in Paris ended.\n\nLater, Springfield and Paris. Paris again, says the French envoy from Georgia.';

/** Offsets of the n-th occurrence (from 0) of `word` in REVIEW_TEXT. */
export function spanOf(word: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = REVIEW_TEXT.indexOf(word, at + 1);
  if (at < 0) throw new Error(`no ${word} #${nth}`);
  return { start: at, end: at + word.length };
}

export function reviewLayer(): ArticleLayer {
  const second = REVIEW_TEXT.indexOf('\n\n') + 2;
  const paris = (nth: number, passage: number) => ({
    ...spanOf('Paris', nth),
    text: 'Paris',
    passage,
    type: 'toponym' as const,
  });
  return {
    type: 'FeatureCollection',
    title: 'Talks',
    features: [
      {
        type: 'Feature',
        id: 'geonames:2988507',
        geometry: { type: 'Point', coordinates: [2.3488, 48.85341] },
        properties: {
          name: 'Paris',
          kind: 'city',
          country: 'FR',
          geonameid: 2988507,
          anchor: [2.3488, 48.85341],
          score: 0.9,
          candidates: [
            {
              id: 'geonames:4717560',
              name: 'Paris',
              kind: 'city',
              country: 'US',
              anchor: [-95.55551, 33.66094],
              score: 0.1,
            },
          ],
          mentions: [paris(0, 0), paris(1, 1)],
        },
      },
    ],
    passages: [
      { start: 0, end: 21, sentences: [[0, 21]] },
      { start: second, end: REVIEW_TEXT.length, sentences: [[second, REVIEW_TEXT.length]] },
    ],
    text: REVIEW_TEXT,
    focus: { bbox: [2.3488, 48.85341, 2.3488, 48.85341], ids: ['geonames:2988507'] },
  };
}

export const SPRINGFIELD_IL: PlaceToAdd = {
  id: 'geonames:4250542',
  name: 'Springfield',
  kind: 'city',
  country: 'US',
  anchor: [-89.64371, 39.80172],
  geometry: { type: 'Point', coordinates: [-89.64371, 39.80172] },
  geonameid: 4250542,
  nameType: 'name',
};

export const FRANCE: PlaceToAdd = {
  id: 'geonames:3017382',
  name: 'France',
  kind: 'country',
  country: 'FR',
  anchor: [2, 46],
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-1, 43],
        [7, 43],
        [7, 50],
        [-1, 50],
        [-1, 43],
      ],
    ],
  },
  geonameid: 3017382,
  nameType: 'adjective',
};
