// recordEdit/undoEdit (issue #17): undo goes back through every edit, newest first, and is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_UNDO, recordEdit, undoEdit, type EditHistory } from '../../src/ui/model/edit-history.ts';

test('undo returns the layers before each edit, newest first, until none is left', () => {
  let h: EditHistory<string> = [];
  assert.equal(undoEdit(h), null);
  for (const before of ['a', 'b', 'c']) h = recordEdit(h, before);
  const seen: string[] = [];
  for (let step = undoEdit(h); step; step = undoEdit(h)) {
    seen.push(step.layer);
    h = step.history;
  }
  assert.deepEqual(seen, ['c', 'b', 'a']);
  assert.deepEqual(h, []);
});

test('the history keeps the newest MAX_UNDO edits and never changes the one it is given', () => {
  const first: EditHistory<number> = [1];
  const second = recordEdit(first, 2);
  assert.deepEqual(first, [1]);
  assert.deepEqual(second, [1, 2]);
  let h: EditHistory<number> = [];
  for (let i = 0; i < MAX_UNDO + 5; i++) h = recordEdit(h, i);
  assert.equal(h.length, MAX_UNDO);
  assert.equal(h[0], 5);
  assert.deepEqual(recordEdit([1, 2, 3], 4, 2), [3, 4]);
});
