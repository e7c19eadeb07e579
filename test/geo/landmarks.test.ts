// The curated landmarks (geo/curated/landmarks.tsv) in the committed artifacts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';

const gazetteer = loadGazetteer();
const site = (key: string) => gazetteer.lookup(key).find((m) => m.place.kind === 'site')?.place;

test('landmarks news uses as metonyms are sites at their own point', () => {
  const white = site('white house')!;
  assert.equal(white.id, 'wikidata:Q35525');
  assert.ok(Math.abs(white.anchor[0] + 77.0365) < 0.01 && Math.abs(white.anchor[1] - 38.8977) < 0.01);
  assert.equal(site('kremlin')?.country, 'RU');
  assert.equal(site('pentagon')?.wikidata, 'Q11208');
  assert.equal(site('downing street')?.country, 'GB');
});

test('landmarks without a checked Wikidata id get an ne:landmark id and no wikidata', () => {
  const z = site('zhongnanhai')!;
  assert.equal(z.id, 'ne:landmark-zhongnanhai');
  assert.equal(z.wikidata, undefined);
});
