import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNameSpans } from '../../src/core/find-name-spans.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import { loadFixtureGazetteer } from '../gazetteer/fixture-gazetteer.ts';

const gazetteer = loadFixtureGazetteer();
const spans = (text: string, options = {}) =>
  findNameSpans(text, tokenize(text), gazetteer, options).map((s) => [s.text, s.key]);

const CASES: Array<[string, string, Array<[string, string]>]> = [
  [
    'hyphenated multi-word name, longest match',
    'Fighting in Nagorno-Karabakh resumed.',
    [['Nagorno-Karabakh', 'nagorno karabakh']],
  ],
  ['possessive', "Georgia's border", [['Georgia', 'georgia']]],
  ['initialism keeps its final full stop', 'U.S. troops left.', [['U.S.', 'us']]],
  [
    'hyphenated adjective compound splits',
    'the Georgian-French talks',
    [
      ['Georgian', 'georgian'],
      ['French', 'french'],
    ],
  ],
  ['lower-case words are not names', 'the paris agreement on turkey prices', []],
  ['a compass word joins the name it qualifies', 'Storms in West Georgia', [['West Georgia', 'georgia']]],
  [
    '"City, State" gives two spans',
    'Paris, Texas, and Springfield, Ill.',
    [
      ['Paris', 'paris'],
      ['Texas', 'texas'],
      ['Springfield', 'springfield'],
      ['Ill', 'ill'],
    ],
  ],
  [
    'a sentence end does not join names',
    'He left Paris. Turkey was next.',
    [
      ['Paris', 'paris'],
      ['Turkey', 'turkey'],
    ],
  ],
];

test('findNameSpans: table of cases', () => {
  for (const [what, text, expected] of CASES) assert.deepEqual(spans(text), expected, what);
});

test('findNameSpans: a longer non-place name swallows the place words in it', () => {
  const nonPlaces = new Set(['paris saint germain']);
  const nonPlacePrefixes = new Set(['paris', 'paris saint']);
  assert.deepEqual(spans('Paris Saint-Germain beat Turkey.', { nonPlaces, nonPlacePrefixes }), [['Turkey', 'turkey']]);
  assert.deepEqual(spans('Paris is calm.', { nonPlaces, nonPlacePrefixes }), [['Paris', 'paris']]);
});

test('findNameSpans: spans carry every gazetteer reading', () => {
  const [georgia] = findNameSpans('Georgia', tokenize('Georgia'), gazetteer);
  assert.deepEqual(georgia.matches.map((m) => `${m.place.kind}:${m.place.country}`).sort(), [
    'admin1:US',
    'country:GE',
  ]);
});
