// Tests of the artifact writer: format rules, and that the committed fixture matches its source JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeGazetteer, PLACE_COLUMNS } from '../../src/gazetteer/index.ts';
import type { GazetteerEntry } from '../../src/gazetteer/index.ts';
import { buildFixture } from '../fixtures/gazetteer/build-fixture.ts';

const base: Omit<GazetteerEntry, 'id' | 'name' | 'names' | 'population'> = {
  kind: 'city',
  featureCode: 'PPL',
  country: 'AZ',
  admin1: '09',
  anchor: [49.8920123456, 40.377671],
};

test('committed fixture files are what the writer makes from gazetteer.json (REGEN: run build-fixture.ts)', () => {
  const { places, names } = buildFixture();
  assert.equal(readFileSync(new URL('../fixtures/gazetteer/places.tsv', import.meta.url), 'utf8'), places);
  assert.equal(readFileSync(new URL('../fixtures/gazetteer/names.tsv', import.meta.url), 'utf8'), names);
});

test('places.tsv has the header, 13 columns, rounded coordinates and geonameid implied by the id', () => {
  const { places } = writeGazetteer([
    { ...base, id: 'geonames:587084', geonameid: 587084, name: 'Baku', population: 1116513, names: [] },
    { ...base, id: 'wikidata:Q1', geonameid: 42, name: 'Tab\there', population: 0, names: [] },
  ]);
  const lines = places.split('\n');
  assert.equal(lines[0], PLACE_COLUMNS.join('\t'));
  assert.equal(lines[1], 'geonames:587084\tBaku\tcity\tPPL\tAZ\t09\t1116513\t49.892012\t40.377671\t\t\t\t');
  assert.equal(lines[2].split('\t').length, 13);
  assert.equal(lines[2].split('\t')[1], 'Tab here');
  assert.equal(lines[2].split('\t')[9], '42');
});

test('names.tsv keys are normalised, sorted in JS order, one reference per place with its strongest type', () => {
  const { names } = writeGazetteer([
    {
      ...base,
      id: 'a:1',
      name: 'Small',
      population: 10,
      names: [
        { name: 'Şuşa', type: 'a' },
        { name: 'Susa', type: 'n' },
      ],
    },
    {
      ...base,
      id: 'a:2',
      name: 'Big',
      population: 99,
      names: [
        { name: 'Susa', type: 'n' },
        { name: 'New York', type: 'n' },
        { name: 'Newark', type: 'n' },
        { name: 'New', type: 'j' },
      ],
    },
  ]);
  assert.equal(names, 'new\t1:j\nnew york\t1:n\nnewark\t1:n\nsusa\t1:n,0:n\n');
});

test('duplicate ids are a build error', () => {
  const entry = { ...base, id: 'x:1', name: 'X', population: 0, names: [] };
  assert.throws(() => writeGazetteer([entry, entry]), /duplicate/);
});
