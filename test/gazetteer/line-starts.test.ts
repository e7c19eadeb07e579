// lineStarts: offsets of lines, with and without a final newline, skipping a header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineStarts } from '../../src/gazetteer/line-starts.ts';

test('lineStarts: one offset per line plus one past the last newline', () => {
  assert.deepEqual([...lineStarts('a\nbc\n')], [0, 2, 5]);
  assert.deepEqual([...lineStarts('a\nbc')], [0, 2, 5], 'a missing final newline is supplied');
  assert.deepEqual([...lineStarts('')], [0]);
  assert.deepEqual([...lineStarts('head\nx\ny\n', 1)], [5, 7, 9], 'the header skipped');
});

test('lineStarts: past the first array it grows, every offset kept', () => {
  const text = 'ab\n'.repeat(5000);
  const starts = lineStarts(text);
  assert.equal(starts.length, 5001);
  assert.deepEqual([...starts.slice(1020, 1030)], [3060, 3063, 3066, 3069, 3072, 3075, 3078, 3081, 3084, 3087]);
  assert.equal(starts[5000], 15000);
  assert.ok(starts.every((s, k) => s === 3 * k));
});
