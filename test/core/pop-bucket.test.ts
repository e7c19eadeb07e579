// popBucket: orders of magnitude, clamped, checked by hand at the edges of each decade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popBucket } from '../../src/core/pop-bucket.ts';

test('popBucket: the order of magnitude within its bounds', () => {
  assert.equal(popBucket(0, 0, 8), 0);
  assert.equal(popBucket(9, 0, 8), 0);
  assert.equal(popBucket(10, 0, 8), 1);
  assert.equal(popBucket(999_999, 0, 8), 5);
  assert.equal(popBucket(1_000_000, 0, 8), 6);
  assert.equal(popBucket(4e9, 0, 8), 8, 'clamped to the top bucket (Asia is 9)');
  assert.equal(popBucket(9_999, 3, 6), 3);
  assert.equal(popBucket(0, 3, 6), 3, 'no population is the lowest bucket');
  assert.equal(popBucket(10_000, 3, 6), 4);
  assert.equal(popBucket(25_000_000, 3, 6), 6);
});
