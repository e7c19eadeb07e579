import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/tokenize.ts';

test('tokenize splits possessives and hyphens but keeps name apostrophes', () => {
  assert.deepEqual(tokenize("Armenia's O'Hare Nagorno-Karabakh").map((t) => t.text), ['Armenia', "'", 's', "O'Hare", 'Nagorno', '-', 'Karabakh']);
  assert.deepEqual(tokenize('Armenia’s').map((t) => t.text), ['Armenia', '’', 's']);
});

test('tokenize offsets are UTF-16 indices, astral characters included', () => {
  const text = '😀 Baku 𝒜 Yerevan';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  const baku = tokenize(text).find((t) => t.text === 'Baku')!;
  assert.equal(baku.start, 3);
});

test('tokenize marks words and punctuation', () => {
  const toks = tokenize('U.S. troops, 2020.');
  assert.deepEqual(toks.map((t) => [t.text, t.word]), [['U', true], ['.', false], ['S', true], ['.', false], ['troops', true], [',', false], ['2020', true], ['.', false]]);
});
