// The bundled seed article against its hand annotation (test/fixtures/seed/gold.json), through the
// whole pipeline with the committed gazetteer and model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { geoparse } from '../../src/core/geoparse.ts';
import { realResources } from '../helpers/real-resources.ts';
import { scoreLayer, type GoldMention } from '../helpers/score-mentions.ts';

const dir = new URL('../fixtures/seed/', import.meta.url);
const text = readFileSync(new URL('article.txt', dir), 'utf8');
const gold = JSON.parse(readFileSync(new URL('gold.json', dir), 'utf8'));
const mentions: GoldMention[] = gold.mentions.map((m: any) => ({
  ...m,
  lat: gold.referents[m.ref]?.lat,
  lon: gold.referents[m.ref]?.lon,
}));
const layer = geoparse(text, realResources());
const score = scoreLayer(layer, mentions);
const byName = (name: string) => layer.features.find((f) => f.properties.mentions.some((m) => m.text === name));

test('seed: toponym recognition F1 ≥ 0.98 and every found toponym within 161 km', () => {
  assert.ok(
    score.toponym.f1 >= 0.98,
    `F1 ${score.toponym.f1.toFixed(3)}; missed ${score.toponym.misses.map((m) => text.slice(m.start, m.end))}; extra ${score.toponym.extra.map((m) => m.text)}`,
  );
  assert.equal(score.toponym.acc161, 1);
});

test('seed: adjectival F1 ≥ 0.95', () => {
  assert.ok(
    score.adjectival.f1 >= 0.95,
    `F1 ${score.adjectival.f1.toFixed(3)}; missed ${score.adjectival.misses.map((m) => text.slice(m.start, m.end))}; extra ${score.adjectival.extra.map((m) => m.text)}`,
  );
});

test('seed: nothing on the gold not_places list is a place', () => {
  const all = layer.features.flatMap((f) => f.properties.mentions);
  for (const np of gold.not_places) {
    const hit = all.find((m) => m.start < np.end && np.start < m.end);
    assert.equal(hit, undefined, `${np.surface} at ${np.start} was taken as a place`);
  }
});

test('seed: districts and the disputed region are polygons, cities are points', () => {
  for (const name of ['Kalbajar', 'Lachin']) {
    const f = byName(name);
    assert.ok(f, `${name} found`);
    assert.match(f.geometry.type, /Polygon/, name);
    assert.equal(f.properties.country, 'AZ');
    assert.equal(f.properties.kind, 'admin1');
  }
  const nk = byName('Nagorno-Karabakh')!;
  assert.equal(nk.properties.kind, 'disputed');
  assert.match(nk.geometry.type, /Polygon/);
  assert.match(nk.properties.disputed ?? '', /2020/);
  for (const [name, gid] of [
    ['Baku', 587084],
    ['Yerevan', 616052],
    ['Ankara', 323786],
    ['Moscow', 524901],
  ] as const) {
    const f = byName(name);
    assert.ok(f, `${name} found`);
    assert.equal(f.geometry.type, 'Point', name);
    assert.equal(f.properties.geonameid, gid, name);
  }
});

test('seed: adjectives resolve to their countries, Soviet to the Soviet Union', () => {
  const adj = (t: string) =>
    layer.features.find((f) => f.properties.mentions.some((m) => m.text === t && m.type === 'adjectival'));
  assert.equal(adj('Armenian')?.properties.country, 'AM');
  assert.equal(adj('Azerbaijani')?.properties.country, 'AZ');
  assert.equal(adj('Russian')?.properties.country, 'RU');
  assert.equal(adj('Soviet')?.properties.kind, 'historical-country');
});

test('seed: every mention quotes the text at its offsets', () => {
  for (const f of layer.features)
    for (const m of f.properties.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});
