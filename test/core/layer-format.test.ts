// The article layer as RFC 7946 and our schema require: valid GeoJSON, right-hand winding, 6 decimals,
// no crs, stable ids, offsets that quote the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import { booleanClockwise } from '@turf/turf';
import { geoparse, prepareModel } from '../../src/core/geoparse.ts';
import { encodeLayer, stringifyLayer } from '../../src/core/stringify-layer.ts';
import type { ArticleLayer } from '../../src/core/types.ts';
import { realResources } from '../helpers/real-resources.ts';
import { validateLayer } from '../helpers/validate-layer.ts';

const text = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8');
const layer = geoparse(text, realResources());

test('the seed layer validates against the JSON Schema and check-geojson', () => {
  assert.deepEqual(validateLayer(layer), []);
  assert.doesNotThrow(() => check(JSON.stringify(layer)));
  assert.equal('crs' in layer, false);
});

test('polygons follow the right-hand rule: exterior rings counterclockwise, holes clockwise', () => {
  let rings = 0;
  for (const f of layer.features) {
    const polys =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : [];
    for (const poly of polys)
      poly.forEach((ring, i) => {
        rings++;
        assert.equal(booleanClockwise(ring), i > 0, `${f.properties.name} ring ${i}`);
      });
  }
  assert.ok(rings > 5);
});

test('coordinates have at most 6 decimals and lie in range', () => {
  const walk = (c: any): void => {
    if (typeof c[0] === 'number') {
      for (const x of c) assert.ok(Math.round(x * 1e6) / 1e6 === x, `${x}`);
      assert.ok(c[0] >= -180 && c[0] <= 180 && c[1] >= -90 && c[1] <= 90);
    } else c.forEach(walk);
  };
  for (const f of layer.features) {
    walk((f.geometry as any).coordinates);
    walk(f.properties.anchor);
  }
});

test('ids are stable gazetteer ids, one feature per place, mentions sorted and quoting the text', () => {
  const ids = layer.features.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.includes('geonames:587084'), 'Baku');
  for (const f of layer.features) {
    for (const m of f.properties.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text);
      const p = layer.passages[m.passage];
      assert.ok(p.start <= m.start && m.end <= p.end, `${m.text} inside its passage`);
    }
  }
});

test('the focus is the last member, names features of the layer, and the schema checks its shape', () => {
  assert.equal(Object.keys(layer).at(-1), 'focus');
  const ids = new Set(layer.features.map((f) => f.id));
  assert.ok(layer.focus!.ids.length > 0 && layer.focus!.ids.every((id) => ids.has(id)));
  assert.ok(stringifyLayer(layer).endsWith(`"focus":${JSON.stringify(layer.focus)}}`));
  assert.notDeepEqual(
    validateLayer({ ...layer, focus: { bbox: [40, 38, 50], ids: [] } } as unknown as ArticleLayer),
    [],
  );
  assert.notDeepEqual(
    validateLayer({ ...layer, focus: { bbox: [40, 38, 250, 42], ids: ['geonames:1'] } } as unknown as ArticleLayer),
    [],
  );
  assert.equal(
    'focus' in geoparse('nothing to see here, just words.', realResources()),
    false,
    'no placed feature, no focus',
  );
});

test('the same text gives the same layer (deterministic)', () => {
  assert.equal(JSON.stringify(geoparse(text, realResources())), JSON.stringify(layer));
});

test('empty and placeless texts give an empty layer, not an error', () => {
  assert.deepEqual(geoparse('', realResources()).features, []);
  assert.deepEqual(geoparse('nothing to see here, just words.', realResources()).features, []);
});

test('stringifyLayer writes exactly what JSON.stringify does, also for a geometry written before', () => {
  assert.equal(stringifyLayer(layer), JSON.stringify(layer));
  // Twice: the second time every polygon's text comes from the cache.
  const again = geoparse(text, { ...realResources(), id: 'x', title: 'T' });
  assert.equal(stringifyLayer(again), JSON.stringify(again));
  // Members JSON.stringify leaves out, a null geometry, and keys that need escaping.
  const odd = {
    ...layer,
    extra: undefined,
    'quote"key': 1,
    features: [{ ...layer.features[0], geometry: null, bbox: undefined }],
  } as unknown as ArticleLayer;
  assert.equal(stringifyLayer(odd), JSON.stringify(odd));
});

test('encodeLayer gives the UTF-8 bytes of JSON.stringify, for text outside ASCII and geometries met before', () => {
  const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
  const accented = geoparse('Talks in Yerevan — and “Baku”, Zürich’s guests say; \u0000 here.', {
    ...realResources(),
    id: 'é',
  });
  for (const l of [layer, accented, geoparse(text, { ...realResources(), id: 'y' }), accented]) {
    assert.equal(decode(encodeLayer(l)), JSON.stringify(l));
    assert.equal(decode(encodeLayer(l, '\n')), JSON.stringify(l) + '\n');
  }
  const odd = {
    ...layer,
    features: [{ ...layer.features[0], geometry: null }, layer.features[1]],
  } as unknown as ArticleLayer;
  assert.equal(decode(encodeLayer(odd)), JSON.stringify(odd));
});

test('prepareModel returns the model it is given, and a prepared model geoparses as a fresh copy does', () => {
  const { gazetteer, model } = realResources();
  const fresh = structuredClone(model);
  assert.equal(prepareModel(fresh), fresh);
  const other = structuredClone(model); // never prepared: its tables are built inside geoparse
  assert.equal(
    JSON.stringify(geoparse(text, { gazetteer, model: other })),
    JSON.stringify(geoparse(text, { gazetteer, model: fresh })),
  );
});

test('readings kept across articles change nothing: the seed after other articles equals the seed with a fresh model', () => {
  const { gazetteer, model } = realResources();
  for (const other of [
    'Georgia and Texas sent aid to Paris, Texas.',
    'Talks in Paris and Georgia (the country).',
    'Lachin, Kalbajar and Paris.',
  ])
    geoparse(other, { gazetteer, model });
  const after = JSON.stringify(geoparse(text, { gazetteer, model }));
  assert.equal(after, JSON.stringify(geoparse(text, { gazetteer, model: structuredClone(model) })));
  assert.equal(after, JSON.stringify(layer));
});

test('the article member: after the title, written by stringifyLayer and encodeLayer as JSON.stringify does, valid by the schema', () => {
  const article = {
    title: 'Talks “resume”',
    siteName: 'The Daily Test',
    author: 'Ann Lee',
    published: '2026-11-27T08:00:00Z',
    url: 'https://news.example/a',
    canonicalUrl: 'https://news.example/a',
    language: 'en',
  };
  const withArticle = geoparse('Talks in Baku.', { ...realResources(), title: 'Talks', article });
  assert.deepEqual(Object.keys(withArticle).slice(0, 4), ['type', 'title', 'article', 'features']);
  assert.equal(stringifyLayer(withArticle), JSON.stringify(withArticle));
  assert.equal(new TextDecoder().decode(encodeLayer(withArticle)), JSON.stringify(withArticle));
  assert.deepEqual(validateLayer(withArticle), []);
  assert.equal(
    'article' in geoparse('Talks in Baku.', { ...realResources(), article: {} }),
    false,
    'an empty one is left out',
  );
  assert.notDeepEqual(validateLayer({ ...withArticle, article: { ...article, published: 'last Tuesday' } }), []);
  assert.notDeepEqual(validateLayer({ ...withArticle, article: { ...article, url: 'javascript:alert(1)' } }), []);
});
