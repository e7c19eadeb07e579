// Unit tests of validate-layer.ts (issue #6): every bad file the explorer may be given is refused with a
// message, or shown with its bad parts dropped and counted; table-driven on the seed sample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ArticleLayer } from '../../src/core/types.ts';
import { createModel } from '../../src/ui/model/create-model.ts';
import {
  layerSizeProblem,
  LayerFileError,
  isPosition,
  isValidGeometry,
  jsonDepthOver,
  MAX_FIELD_CHARS,
  MAX_LAYER_BYTES,
  MAX_LAYER_PARTS,
  readerInSlices,
  readLayer,
} from '../../src/ui/model/validate-layer.ts';

const seedText = readFileSync(new URL('../fixtures/layers/seed-sample.geojson', import.meta.url), 'utf8');
const seed = (): ArticleLayer => JSON.parse(seedText);
const BAKU = 'geonames:587084';
const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

test('a good layer is read whole, with nothing dropped', () => {
  const { layer, dropped } = readLayer(seedText);
  assert.deepEqual(dropped, []);
  assert.deepEqual(
    layer.features.map((f) => f.id),
    seed().features.map((f) => f.id),
  );
  assert.deepEqual(layer.features, seed().features);
});

const refused: Array<[string, string, RegExp]> = [
  ['not JSON', 'PK\u0003\u0004 binary', /not JSON/],
  ['empty', '', /not JSON/],
  ['JSON but not GeoJSON', '[1, 2, 3]', /JSON but not GeoJSON/],
  ['a JSON string', '"FeatureCollection"', /JSON but not GeoJSON/],
  ['a lone Feature', '{"type":"Feature","geometry":null,"properties":{}}', /GeoJSON but not a FeatureCollection/],
  ['features not an array', '{"type":"FeatureCollection","features":{}}', /not a FeatureCollection|not GeoJSON/],
  ['100,000 nested arrays', nested(100_000), /nests more than 64 levels/],
  ['deep objects', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), /nests more than/],
  [
    'only bad features',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x',
          geometry: { type: 'Point', coordinates: [500, 0] },
          properties: { name: 'X', kind: 'city' },
        },
      ],
    }),
    /None of its 1 features/,
  ],
];
for (const [name, text, message] of refused) {
  test(`refused: ${name}`, () => {
    assert.throws(
      () => readLayer(text),
      (e: any) => e instanceof LayerFileError && message.test(e.message) && /article-atlas parse/.test(e.message),
    );
  });
}

test('brackets inside strings do not count as nesting', () => {
  assert.equal(jsonDepthOver(JSON.stringify({ s: '[[[[[[[[[[' + '\\"[[[['.repeat(40) }), 3), false);
  assert.equal(jsonDepthOver(nested(4), 3), true);
  assert.equal(jsonDepthOver(nested(3), 3), false);
  // A string that ends in an escaped backslash is closed by the quote after it: the brackets after it count.
  assert.equal(jsonDepthOver(JSON.stringify({ s: 'a\\', t: [[[1]]] }), 3), true);
  assert.equal(jsonDepthOver(JSON.stringify({ s: 'a\\"[[[[', t: [[1]] }), 3), false);
  // An unclosed string holds the rest of the text (JSON.parse then refuses it).
  assert.equal(jsonDepthOver('{"s":"[[[[[', 3), false);
  assert.equal(jsonDepthOver('[[[[{"s":"', 3), true);
});

test('size is refused over the limit, before reading', () => {
  assert.equal(layerSizeProblem(MAX_LAYER_BYTES), null);
  const e = layerSizeProblem(200 * 2 ** 20)!;
  assert.equal(e.title, 'This file is too large');
  assert.match(e.message, /200 MB; the explorer opens layers up to 50 MB/);
});

test('positions: finite numbers on the globe', () => {
  for (const p of [
    [0, 0],
    [180, 90],
    [-180, -90],
    [1, 2, 3],
  ])
    assert.ok(isPosition(p), JSON.stringify(p));
  for (const p of [[181, 0], [0, 90.5], [NaN, 0], ['1', 2], [1], [1, 2, 3, 4], null, {}, [Infinity, 0]])
    assert.ok(!isPosition(p), JSON.stringify(p));
});

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];
const geometries: Array<[string, unknown, boolean]> = [
  ['point', { type: 'Point', coordinates: [1, 2] }, true],
  ['polygon', { type: 'Polygon', coordinates: [square] }, true],
  ['multipolygon', { type: 'MultiPolygon', coordinates: [[square], [square]] }, true],
  [
    'line',
    {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 1],
      ],
    },
    true,
  ],
  ['multipoint', { type: 'MultiPoint', coordinates: [[0, 0]] }, true],
  [
    'multiline',
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
      ],
    },
    true,
  ],
  ['unknown type', { type: 'Circle', coordinates: [1, 2] }, false],
  ['GeometryCollection', { type: 'GeometryCollection', geometries: [] }, false],
  ['type not a string', { type: ['Point'], coordinates: [1, 2] }, false],
  ['point with polygon coordinates', { type: 'Point', coordinates: [square] }, false],
  ['polygon with point coordinates', { type: 'Polygon', coordinates: [1, 2] }, false],
  [
    'ring of 3 positions',
    {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    },
    false,
  ],
  [
    'unclosed ring',
    {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    },
    false,
  ],
  ['empty polygon', { type: 'Polygon', coordinates: [] }, false],
  [
    'longitude 200',
    {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [200, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    },
    false,
  ],
  ['latitude 95', { type: 'Point', coordinates: [0, 95] }, false],
  ['string coordinates', { type: 'Point', coordinates: ['49.8', '40.4'] }, false],
  ['null coordinates', { type: 'Point', coordinates: null }, false],
  [
    'one bad part of a multipolygon',
    {
      type: 'MultiPolygon',
      coordinates: [
        [square],
        [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      ],
    },
    false,
  ],
  ['line of one position', { type: 'LineString', coordinates: [[0, 0]] }, false],
];
for (const [name, g, ok] of geometries)
  test(`geometry: ${name} is ${ok ? 'valid' : 'invalid'}`, () => assert.equal(isValidGeometry(g), ok));

test('bad features are dropped and counted; the rest is shown', () => {
  const l = seed() as unknown as { features: Array<Record<string, any>> };
  const n = l.features.length;
  l.features[1].geometry = { type: 'Point', coordinates: [NaN, 0] };
  l.features[2].geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
    ],
  };
  delete l.features[3].properties;
  l.features[4].id = 42;
  l.features.push('not a feature' as any, null as any, { ...l.features[0] });
  const { layer, dropped } = readLayer(JSON.stringify(l));
  assert.equal(layer.features.length, n - 4);
  // The copy of the first feature is a place with an id already taken, not a feature without one (issue #19).
  assert.deepEqual(dropped, [
    `4 of ${n + 3} features that are not places (no id, name or kind)`,
    `1 of ${n + 3} features that repeat the id of an earlier one`,
    `2 of ${n + 3} places with invalid geometry or coordinates`,
  ]);
});

test('a name or other text of a place over the limit drops the place, counted (issue #19: a 10 MB name)', () => {
  const l = seed() as unknown as { features: Array<Record<string, any>>; title: string };
  const n = l.features.length;
  const long = 'x'.repeat(MAX_FIELD_CHARS + 1);
  l.features[0].properties.name = 'N'.repeat(10 * 2 ** 20);
  l.features[1].properties.country = long;
  l.features[2].id = long;
  // At the limit a name is still a name.
  l.features[3].properties.name = 'y'.repeat(MAX_FIELD_CHARS);
  const { layer, dropped } = readLayer(JSON.stringify(l));
  assert.equal(layer.features.length, n - 3);
  assert.equal(layer.features[0].properties.name.length, MAX_FIELD_CHARS);
  assert.deepEqual(dropped, [`3 of ${n} places with a name or other text over ${MAX_FIELD_CHARS} characters`]);
});

test('a file whose only place has a 10 MB name is refused, saying why', () => {
  const l = seed() as unknown as { features: Array<Record<string, any>> };
  l.features = [{ ...l.features[0], properties: { ...l.features[0].properties, name: 'N'.repeat(10 * 2 ** 20) } }];
  assert.throws(
    () => readLayer(JSON.stringify(l)),
    (e: LayerFileError) => e instanceof LayerFileError && e.title === 'This file has no usable places',
  );
});

test('mentions that do not quote the text, or fall outside it, are dropped and counted', () => {
  const l = seed();
  const baku = l.features.find((f) => f.id === BAKU)!;
  const ms = baku.properties.mentions;
  const n = ms.length;
  ms.push(
    { ...ms[0], start: l.text!.length + 5, end: l.text!.length + 9 },
    { ...ms[0], text: 'Moscow' },
    { ...ms[0], start: -1 },
    { ...ms[0], start: 2.5 },
    { ...ms[0], end: ms[0].start },
    { ...ms[0], passage: 999 },
    'Baku' as any,
  );
  const { layer, dropped } = readLayer(JSON.stringify(l));
  assert.equal(layer.features.find((f) => f.id === BAKU)!.properties.mentions.length, n);
  assert.deepEqual(dropped, ['7 mentions whose offsets do not quote the article text']);
});

test('missing or mistyped properties get safe defaults; strings shown as text stay strings', () => {
  const l = seed() as any;
  const f = l.features.find((x: any) => x.id === BAKU);
  f.properties = {
    name: 'Baku',
    kind: '__proto__',
    disputed: { html: '<b>' },
    original: 7,
    mentions: 'many',
    candidates: [{ id: 'x' }, null],
    country: ['AZ'],
    score: 'high',
  };
  l.title = { a: 1 };
  l.text = 12;
  l.passages = [{ start: 'a' }];
  const { layer, dropped } = readLayer(JSON.stringify(l));
  const p = layer.features.find((x) => x.id === BAKU)!.properties;
  assert.deepEqual(
    [p.mentions, p.candidates, p.country, p.score, p.disputed, p.original],
    [[], [], '', 0, undefined, undefined],
  );
  assert.deepEqual(p.anchor, f.geometry.coordinates);
  assert.equal(layer.title, undefined);
  assert.equal(layer.text, undefined);
  assert.deepEqual(layer.passages, []);
  assert.deepEqual(dropped, [
    '2 alternative places without a name, kind or location',
    'the paragraph list, which does not fit the text',
  ]);
});

test('hostile strings are kept as data, never interpreted', () => {
  const x = '<img src=x onerror=alert(1)>';
  const l = seed() as any;
  l.title = x;
  l[x] = x;
  l.features[0][x] = x;
  l.features[0].properties.name = x;
  l.features[0].properties[x] = x;
  const { layer, dropped } = readLayer(JSON.stringify(l));
  assert.deepEqual(dropped, []);
  assert.equal(layer.title, x);
  assert.equal(layer.features[0].properties.name, x);
});

test('the explorer model: a refused file keeps the layer; a partly bad one is shown with a notice and exported as shown', () => {
  const m = createModel();
  const load = (t: string) => m.load(t, readLayer);
  assert.equal(load(seedText), true);
  assert.equal(m.notice.value, null);
  assert.equal(m.exportText(), seedText);
  assert.equal(load(nested(100_000)), false);
  assert.equal(m.error.value!.title, 'This file is not a layer');
  assert.equal(m.layer.value!.features.length, seed().features.length);
  const l = seed();
  l.title = 'Partly bad';
  (l.features[1] as any).geometry.coordinates = 'x';
  assert.equal(load(JSON.stringify(l)), true);
  assert.equal(m.error.value, null);
  assert.match(m.notice.value!, /^Left out: 1 of \d+ places with invalid geometry/);
  assert.equal(JSON.parse(m.exportText()).features.length, l.features.length - 1);
});

test('a kind named like an Object.prototype member is an unknown kind', async () => {
  const { kindGroup, kindLabel } = await import('../../src/ui/model/kind-group.ts');
  for (const k of ['__proto__', 'constructor', 'toString'] as any[]) {
    assert.equal(kindGroup(k), 'other');
    assert.equal(kindLabel(k), k);
  }
});

// Issue #19 item 14: big layers are read a slice per task, and those too big for a page are refused by name.
const points = (n: number, passages = 0) =>
  JSON.stringify({
    type: 'FeatureCollection',
    passages: Array.from({ length: passages }, () => ({ start: 0, end: 0 })),
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      id: `p${i}`,
      geometry: { type: 'Point', coordinates: [i % 180, i % 90] },
      properties: { name: `P${i}`, kind: 'city', mentions: [] },
    })),
  });

test('a layer of more features or paragraphs than MAX_LAYER_PARTS is refused, naming the limit', () => {
  for (const text of [points(MAX_LAYER_PARTS + 1), points(1, MAX_LAYER_PARTS + 1)])
    assert.throws(
      () => readLayer(text),
      (e: unknown) =>
        e instanceof LayerFileError &&
        e.title === 'This file is too large' &&
        e.message.includes(`up to ${MAX_LAYER_PARTS} of each`),
    );
  assert.equal(readLayer(points(MAX_LAYER_PARTS, MAX_LAYER_PARTS)).layer.features.length, MAX_LAYER_PARTS);
});

test('readerInSlices reads a big layer over several tasks, to the same result as readLayer', async () => {
  const text = points(5000);
  let timers = 0;
  const tick = setInterval(() => timers++, 0);
  const read = await readerInSlices(text);
  clearInterval(tick);
  assert.ok(timers > 0, 'other timers ran while the layer was read');
  assert.deepEqual(read(text), readLayer(text));
});

test('readerInSlices reads a small layer within the task, and gives a refusal to whoever reads it', async () => {
  let timer = false;
  setTimeout(() => (timer = true));
  const read = await readerInSlices(seedText);
  assert.equal(timer, false, 'no timer ran first');
  assert.deepEqual(read(seedText), readLayer(seedText));
  const refuse = await readerInSlices('[1]');
  assert.throws(() => refuse('[1]'), /JSON but not GeoJSON/);
});
