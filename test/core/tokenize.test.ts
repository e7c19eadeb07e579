import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/core/tokenize.ts';

test('tokenize splits possessives and hyphens but keeps name apostrophes', () => {
  assert.deepEqual(
    tokenize("Armenia's O'Hare Nagorno-Karabakh").map((t) => t.text),
    ['Armenia', "'", 's', "O'Hare", 'Nagorno', '-', 'Karabakh'],
  );
  assert.deepEqual(
    tokenize('Armenia’s').map((t) => t.text),
    ['Armenia', '’', 's'],
  );
});

test('tokenize offsets are UTF-16 indices, astral characters included', () => {
  const text = '😀 Baku 𝒜 Yerevan';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  const baku = tokenize(text).find((t) => t.text === 'Baku')!;
  assert.equal(baku.start, 3);
});

test('tokenize marks words and punctuation', () => {
  const toks = tokenize('U.S. troops, 2020.');
  assert.deepEqual(
    toks.map((t) => [t.text, t.word]),
    [
      ['U', true],
      ['.', false],
      ['S', true],
      ['.', false],
      ['troops', true],
      [',', false],
      ['2020', true],
      ['.', false],
    ],
  );
});

test('the hand scan of ASCII gives exactly the tokens of the defining regular expression', () => {
  // The definition (the regex alone, as tokenize was first written); tokenize scans ASCII by hand for speed.
  const RE = /([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]{2,}(?=[^\p{L}\p{M}]|$))*)|[^\s\p{L}\p{M}\p{N}]/gu;
  const reference = (text: string) => {
    const out = [];
    RE.lastIndex = 0;
    for (let m = RE.exec(text); m; m = RE.exec(text))
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        word: /[\p{L}\p{N}]/u.test(String.fromCodePoint(m[0].codePointAt(0)!)),
      });
    return out;
  };
  const pieces = [
    'a',
    'B',
    'z',
    '0',
    '9',
    "'",
    '’',
    ' ',
    '\n',
    '\t',
    'é',
    'e\u0301',
    '\u0301',
    '-',
    '.',
    '😀',
    '\u00a0',
    '\u2028',
    'ß',
    'Ω',
    '日',
    '_',
    '\u0000',
    '\u007f',
    "O'Hare",
    "ab'c",
    "ab'cd5",
    "Armenia's",
  ];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 5000; k++) {
    let text = '';
    for (let i = 1 + Math.floor(random() * 12); i > 0; i--) text += pieces[Math.floor(random() * pieces.length)];
    assert.deepEqual(tokenize(text), reference(text), JSON.stringify(text));
  }
});
