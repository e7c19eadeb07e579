import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeName } from '../../src/core/normalize-name.ts';

const CASES: Array<[string, string]> = [
  ['Nagorno-Karabakh', 'nagorno karabakh'],
  ['Nagorno–Karabakh', 'nagorno karabakh'],
  ['  Nagorno   Karabakh ', 'nagorno karabakh'],
  ['U.S.', 'us'],
  ['Şuşa', 'susa'],
  ['Laçın', 'lacin'],
  ['Côte d’Ivoire', 'cote divoire'],
  ["Côte d'Ivoire", 'cote divoire'],
  ['Türkiye', 'turkiye'],
  ['Xankəndi', 'xankandi'],
  ['São Paulo', 'sao paulo'],
  ['Łódź', 'lodz'],
];

test('normalizeName folds case, marks, punctuation and dashes', () => {
  for (const [input, expected] of CASES) assert.equal(normalizeName(input), expected, input);
});
