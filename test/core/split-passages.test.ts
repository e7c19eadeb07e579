import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitPassages } from '../../src/core/split-passages.ts';

test('paragraphs split on blank lines, offsets trimmed and absolute', () => {
  const text = 'One. Two.\n\n  Three.\n\n\nFour.';
  const ps = splitPassages(text);
  assert.deepEqual(
    ps.map((p) => text.slice(p.start, p.end)),
    ['One. Two.', 'Three.', 'Four.'],
  );
  assert.deepEqual(
    ps.map((p) => p.index),
    [0, 1, 2],
  );
});

test('single line breaks split paragraphs when the text has no blank lines', () => {
  const text = 'Headline\nFirst paragraph.\nSecond.';
  assert.deepEqual(
    splitPassages(text).map((p) => text.slice(p.start, p.end)),
    ['Headline', 'First paragraph.', 'Second.'],
  );
});

test('sentences do not end at abbreviations or initials', () => {
  const text = 'Mr. Smith flew to the U.S. Army base in St. Louis. J. R. Doe stayed! Did he?';
  const [p] = splitPassages(text);
  assert.deepEqual(
    p.sentences.map(([s, e]) => text.slice(s, e)),
    ['Mr. Smith flew to the U.S. Army base in St. Louis.', 'J. R. Doe stayed!', 'Did he?'],
  );
});

test('empty and whitespace-only text has no passages', () => {
  assert.deepEqual(splitPassages(''), []);
  assert.deepEqual(splitPassages(' \n\n \t'), []);
});
