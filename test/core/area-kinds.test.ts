// AREA_KINDS and its narrower sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AREA_KINDS, areaKindsExcept } from '../../src/core/area-kinds.ts';

test('AREA_KINDS holds the areas, not points or physical features', () => {
  for (const kind of ['country', 'admin1', 'admin2', 'region', 'disputed', 'continent', 'historical-country'] as const)
    assert.ok(AREA_KINDS.has(kind), kind);
  for (const kind of ['city', 'site', 'water', 'island', 'mountain'] as const) assert.ok(!AREA_KINDS.has(kind), kind);
});

test('areaKindsExcept leaves out exactly the kinds named', () => {
  assert.deepEqual([...areaKindsExcept('continent', 'country', 'historical-country', 'region')].sort(), [
    'admin1',
    'admin2',
    'disputed',
  ]);
  assert.equal(areaKindsExcept().size, AREA_KINDS.size);
});
