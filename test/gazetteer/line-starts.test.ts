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
