// Unit tests of legendEntries (src/ui/model/legend-entries.ts): the legend lists the kinds in use, in its order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LayerFeature } from '../../src/core/types.ts';
import { legendEntries } from '../../src/ui/model/legend-entries.ts';

const f = (
  kind: string,
  extra: Record<string, unknown> = {},
  geometry: unknown = { type: 'Point', coordinates: [0, 0] },
): LayerFeature =>
  ({ type: 'Feature', id: kind, geometry, properties: { name: kind, kind, ...extra } }) as unknown as LayerFeature;

const CASES: Array<[string, LayerFeature[], string[]]> = [
  ['nothing drawn', [], []],
  [
    "the seed's kinds",
    [f('city'), f('country'), f('disputed', { disputed: 'extent before 2020' }), f('admin1')],
    ['Country', 'Region', 'Disputed area', 'City or town'],
  ],
  [
    'a district and a site placed approximately',
    [f('site', { approximate: true }), f('admin2')],
    ['District', 'Approximately placed site'],
  ],
  ['a disputed area alone is not also a region', [f('disputed', { disputed: 'x' })], ['Disputed area']],
  ['a place without geometry ("not a place") is not drawn', [f('city', {}, null)], []],
  ['other places', [f('water'), f('historical-country')], ['Country', 'Other place']],
  ['a continent given as a point is listed, not drawn', [f('continent'), f('city')], ['City or town']],
  [
    'a continent with an outline is drawn as a country',
    [
      f(
        'continent',
        {},
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      ),
    ],
    ['Country'],
  ],
];

for (const [name, features, labels] of CASES) {
  test(`legendEntries: ${name}`, () => {
    assert.deepEqual(
      legendEntries(features).map((e) => e.label),
      labels,
    );
  });
}
