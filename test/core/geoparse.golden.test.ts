// Golden fixtures for the whole pipeline: test/fixtures/pipeline/in/*.txt → out/*.geojson with the
// committed gazetteer and model. `REGEN=1` rewrites the outputs; review them as diffs. The facts a
// person checked by hand are asserted separately below, so a regenerated golden cannot hide them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { geoparse } from '../../src/core/geoparse.ts';
import { realResources } from '../helpers/real-resources.ts';
import type { ArticleLayer } from '../../src/core/types.ts';

const dir = new URL('../fixtures/pipeline/', import.meta.url);
const inputs = readdirSync(new URL('in/', dir))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const layers = new Map<string, ArticleLayer>();
for (const f of inputs)
  layers.set(f.replace(/\.txt$/, ''), geoparse(readFileSync(new URL(`in/${f}`, dir), 'utf8'), realResources()));

/** Indented JSON for reviewable diffs, with each geometry on one line (countries have thousands of points). */
function goldenJson(layer: ArticleLayer): string {
  const geometries: string[] = [];
  const marked = {
    ...layer,
    features: layer.features.map((f) => ({ ...f, geometry: `@@${geometries.push(JSON.stringify(f.geometry)) - 1}@@` })),
  };
  return JSON.stringify(marked, null, 2).replace(/"@@(\d+)@@"/g, (_, i) => geometries[Number(i)]) + '\n';
}

test('golden: every fixture matches its reviewed output', () => {
  assert.ok(inputs.length >= 3);
  for (const [name, layer] of layers) {
    const out = new URL(`out/${name}.geojson`, dir);
    const json = goldenJson(layer);
    if (process.env.REGEN || !existsSync(out)) writeFileSync(out, json);
    assert.equal(json, readFileSync(out, 'utf8'), `${name}: output changed (REGEN=1 to accept, then review the diff)`);
  }
});

const places = (name: string) =>
  layers.get(name)!.features.map((f) => ({
    ...f.properties,
    id: f.id,
    geometry: f.geometry.type,
    mentions: f.properties.mentions.map((m) => m.text),
  }));
const find = (name: string, text: string) => places(name).find((p) => p.mentions.includes(text));

test('hand-checked: "City, State" puts Springfield in Illinois and Paris in Texas', () => {
  const springfield = find('city-state', 'Springfield')!;
  assert.equal(springfield.country, 'US');
  assert.ok(
    Math.abs(springfield.anchor[1] - 39.8) < 0.3 && Math.abs(springfield.anchor[0] + 89.65) < 0.3,
    `Springfield at ${springfield.anchor}`,
  );
  const paris = find('city-state', 'Paris')!;
  assert.equal(paris.country, 'US');
  assert.ok(
    Math.abs(paris.anchor[1] - 33.66) < 0.3 && Math.abs(paris.anchor[0] + 95.55) < 0.3,
    `Paris at ${paris.anchor}`,
  );
  assert.equal(find('city-state', 'Illinois')?.kind, 'admin1');
  assert.equal(find('city-state', 'Texas')?.kind, 'admin1');
  assert.equal(find('city-state', 'Georgia')?.country, 'US', 'Georgia next to the Carolinas is the US state');
});

test('hand-checked: people and publications named after places are not places', () => {
  const texts = places('people-and-orgs').flatMap((p) => p.mentions);
  for (const notPlace of ['Paris', 'Washington', 'Michel', 'Charles', 'Henderson', 'Hilton'])
    assert.ok(!texts.includes(notPlace), `${notPlace} taken as a place: ${texts}`);
  assert.equal(find('people-and-orgs', 'Berlin')?.country, 'DE');
  assert.equal(find('people-and-orgs', 'Brussels')?.country, 'BE');
  const jordan = places('people-and-orgs').find((p) => p.mentions.includes('Jordan'));
  assert.equal(jordan?.kind, 'country', 'the second Jordan is the country');
});

test('hand-checked: the Caucasus fixture resolves the country Georgia and the disputed region', () => {
  const georgia = find('caucasus', 'Georgia')!;
  assert.equal(georgia.kind, 'country');
  assert.equal(georgia.country, 'GE');
  assert.equal(find('caucasus', 'Tbilisi')?.country, 'GE');
  assert.equal(find('caucasus', 'Nagorno-Karabakh')?.kind, 'disputed');
  assert.match(find('caucasus', 'South Caucasus')!.geometry, /Polygon/);
  assert.equal(find('caucasus', 'Turkish')?.country, 'TR');
  assert.equal(find('caucasus', 'Iranian')?.country, 'IR');
});
