// The collection layer (issue #18): one feature per place across articles, mentions with their article,
// corrections per mention, the JSON Schema, and merge as a semilattice join on generated inputs (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { check } from '@placemarkio/check-geojson';
import {
  articleFileStem,
  checkMergeInput,
  mergeLayers,
  packContexts,
  stringifyCollection,
  unpackContexts,
  type CollectionLayer,
  type MentionContext,
} from '../../src/core/merge-layers.ts';
import type { ArticleLayer, LayerFeature, LayerMention } from '../../src/core/types.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../src/core/collection-layer.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const errors = (c: unknown) =>
  validate(c) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const BAKU = {
  id: 'geonames:587084',
  name: 'Baku',
  kind: 'city',
  country: 'AZ',
  anchor: [49.89201, 40.37767] as [number, number],
};
const YEREVAN = {
  id: 'geonames:616052',
  name: 'Yerevan',
  kind: 'city',
  country: 'AM',
  anchor: [44.51361, 40.18111] as [number, number],
};

function place(p: typeof BAKU, mentions: LayerMention[], extra: Record<string, unknown> = {}): LayerFeature {
  return {
    type: 'Feature',
    id: p.id,
    geometry: { type: 'Point', coordinates: p.anchor },
    properties: {
      name: p.name,
      kind: p.kind as 'city',
      country: p.country,
      anchor: p.anchor,
      score: 0.9,
      candidates: [],
      mentions,
      ...extra,
    },
  };
}

/** A one-passage article whose text names each place where `text.indexOf` finds it. */
function article(
  id: string,
  text: string,
  places: Array<typeof BAKU>,
  extra: Partial<ArticleLayer> = {},
): ArticleLayer {
  const features = places.map((p) => {
    const start = text.indexOf(p.name);
    return place(p, [{ start, end: start + p.name.length, text: p.name, passage: 0, type: 'toponym' }]);
  });
  return {
    type: 'FeatureCollection',
    id,
    title: `Title ${id}`,
    text,
    passages: [{ start: 0, end: text.length, sentences: [[0, text.length]] }],
    features,
    ...extra,
  };
}

const a = article('a', 'Talks in Baku and Yerevan.', [BAKU, YEREVAN]);
const b = article('b', 'Protests in Baku.', [BAKU]);

test('two articles naming Baku give one Baku feature with a mention in each, offsets into its own article', () => {
  const c = mergeLayers([a, b]);
  assert.deepEqual(
    c.features.map((f) => f.id),
    [BAKU.id, YEREVAN.id],
  );
  const baku = c.features[0].properties.mentions;
  assert.deepEqual(
    baku.map((m) => [m.article, m.start, m.end, m.text]),
    [
      ['a', 9, 13, 'Baku'],
      ['b', 12, 16, 'Baku'],
    ],
  );
  assert.deepEqual(
    baku.map((m) => (m.context as MentionContext).text),
    ['Talks in Baku and Yerevan.', 'Protests in Baku.'],
  );
  assert.deepEqual(
    c.articles.map((x) => [x.id, x.title, x.text]),
    [
      ['a', 'Title a', a.text],
      ['b', 'Title b', b.text],
    ],
  );
  assert.equal('candidates' in c.features[0].properties, false);
  assert.deepEqual(errors(c), []);
  assert.doesNotThrow(() => check(stringifyCollection(c)));
});

test('texts as files: no text in the collection, a textFile per article; metadata given beside the layer is kept', () => {
  const c = mergeLayers([a, b], { texts: 'files' });
  assert.deepEqual(
    c.articles.map((x) => [x.id, x.text, x.textFile]),
    [
      ['a', undefined, 'articles/a.txt'],
      ['b', undefined, 'articles/b.txt'],
    ],
  );
  assert.equal(stringifyCollection(c).includes('Protests'), true, 'the context sentence stays');
  assert.deepEqual(errors(c), []);
});

test('a correction in one article moves that mention only; the other article keeps its reading', () => {
  // Article b's reader said its "Baku" is Yerevan (a made-up correction: only the shape matters).
  const corrected = article('b', 'Protests in Baku.', []);
  corrected.features = [
    place(YEREVAN, [{ start: 12, end: 16, text: 'Baku', passage: 0, type: 'toponym' }], {
      status: 'corrected',
      original: BAKU.id,
    }),
  ];
  const c = mergeLayers([a, corrected]);
  const byId = Object.fromEntries(c.features.map((f) => [f.id, f.properties.mentions]));
  assert.deepEqual(
    byId[BAKU.id].map((m) => [m.article, m.status]),
    [['a', undefined]],
  );
  assert.deepEqual(
    byId[YEREVAN.id].map((m) => [m.article, m.status, m.original]),
    [
      ['a', undefined, undefined],
      ['b', 'corrected', BAKU.id],
    ],
  );
  assert.equal('status' in c.features[1].properties, false, 'no feature-level status in a collection');
  assert.deepEqual(errors(c), []);
});

test('a long sentence is cut to a window around the mention', () => {
  const text = 'x'.repeat(1000) + ' Baku ' + 'y'.repeat(1000);
  const c = mergeLayers([article('long', text, [BAKU])]);
  const ctx = c.features[0].properties.mentions[0].context as MentionContext;
  assert.ok(ctx.text.length <= 280 && ctx.text.includes('Baku'));
  assert.equal(text.slice(ctx.start, ctx.start + ctx.text.length), ctx.text);
});

test('a sentence that names two places is written once, in its article; reading it back restores each mention', () => {
  const c = mergeLayers([a, b]);
  const written = JSON.parse(stringifyCollection(c)) as CollectionLayer;
  assert.deepEqual(
    written.articles.map((x) => x.contexts),
    [[{ start: 0, text: 'Talks in Baku and Yerevan.' }], [{ start: 0, text: 'Protests in Baku.' }]],
  );
  // Baku in a, Baku in b, Yerevan in a: indices into their own article's list.
  assert.deepEqual(
    written.features.flatMap((f) => f.properties.mentions.map((m) => [f.properties.name, m.article, m.context])),
    [
      ['Baku', 'a', 0],
      ['Baku', 'b', 0],
      ['Yerevan', 'a', 0],
    ],
  );
  const site = stringifyCollection(mergeLayers([a, b], { texts: 'files' }));
  assert.equal(site.split('Talks in Baku').length, 2, 'the sentence appears once (the text is in a file)');
  assert.deepEqual(unpackContexts(written), c);
  assert.equal(packContexts(written), written, 'packed input comes back as it is');
  assert.deepEqual(errors(written), []);
});

test('checkMergeInput names what is wrong; articleFileStem keeps ids out of paths', () => {
  assert.throws(
    () => checkMergeInput([1], 'x.json'),
    /x\.json is not an article layer or collection: it is not a JSON object/,
  );
  assert.throws(() => checkMergeInput({ type: 'Feature' }, 'f'), /not a GeoJSON FeatureCollection/);
  assert.throws(() => checkMergeInput({ ...a, id: undefined }, 'noid'), /without an "id"/);
  assert.throws(
    () => checkMergeInput({ ...a, features: [{ type: 'Feature', id: 'x', properties: {} }] }, 'g'),
    /feature 0 is not a place/,
  );
  assert.doesNotThrow(() => checkMergeInput(JSON.parse(JSON.stringify(mergeLayers([a]))), 'c'));
  assert.equal(articleFileStem('dev-001'), 'dev-001');
  const odd = articleFileStem('../etc/passwd');
  assert.match(odd, /^[A-Za-z0-9_-]+$/);
  assert.notEqual(articleFileStem('a/b'), articleFileStem('a_b'));
});

// Generated inputs: articles from a small pool of ids (so the same id meets itself, and conflicting
// readings of one article meet), places from a small pool with either geometry, mentions anywhere.
const PLACE_POOL = [
  BAKU,
  YEREVAN,
  { id: 'geonames:1', name: 'Shusha', kind: 'city', country: 'AZ', anchor: [46.75, 39.76] as [number, number] },
];
const mentionArb = fc.record({ start: fc.nat(40), len: fc.integer({ min: 1, max: 5 }), adj: fc.boolean() });
const featureArb = fc.record({
  place: fc.constantFrom(...PLACE_POOL),
  score: fc.constantFrom(0.5, 0.9),
  corrected: fc.boolean(),
  mentions: fc.array(mentionArb, { minLength: 1, maxLength: 3 }),
});
const layerArb = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    title: fc.option(fc.constantFrom('One', 'Two'), { nil: undefined }),
    features: fc.uniqueArray(featureArb, { selector: (f) => f.place.id, maxLength: 3 }),
    withText: fc.boolean(),
  })
  .map(({ id, title, features, withText }): ArticleLayer => {
    const text = 'Baku and Yerevan and Shusha are places. '.repeat(2);
    return {
      type: 'FeatureCollection',
      id,
      ...(title ? { title } : {}),
      ...(withText ? { text } : {}),
      passages: [
        {
          start: 0,
          end: text.length,
          sentences: [
            [0, 40],
            [40, 80],
          ],
        },
      ],
      features: features.map((f) =>
        place(
          f.place,
          f.mentions.map((m) => ({
            start: m.start,
            end: m.start + m.len,
            text: text.slice(m.start, m.start + m.len),
            passage: 0,
            type: m.adj ? 'adjectival' : 'toponym',
          })),
          { score: f.score, ...(f.corrected ? { status: 'corrected', original: 'geonames:9' } : {}) },
        ),
      ),
    };
  });
/** An input is a layer or, half the time, a collection of one or two layers, round-tripped through JSON. */
const inputArb = fc.oneof(
  layerArb,
  fc
    .array(layerArb, { minLength: 1, maxLength: 2 })
    .map((ls) => JSON.parse(stringifyCollection(mergeLayers(ls))) as CollectionLayer),
);
const s = (...xs: Array<ArticleLayer | CollectionLayer>) => stringifyCollection(mergeLayers(xs));
const m = (...xs: Array<ArticleLayer | CollectionLayer>) => JSON.parse(s(...xs)) as CollectionLayer;

test('merge is associative, byte for byte', () => {
  fc.assert(
    fc.property(inputArb, inputArb, inputArb, (x, y, z) => {
      assert.equal(s(x, m(y, z)), s(m(x, y), z));
    }),
    { numRuns: 300, seed: 18 },
  );
});

test('merge is order-independent, byte for byte', () => {
  fc.assert(
    fc.property(fc.array(inputArb, { minLength: 1, maxLength: 4 }), fc.nat(), (xs, k) => {
      const shuffled = [...xs.slice(k % xs.length), ...xs.slice(0, k % xs.length)].reverse();
      assert.equal(s(...xs), s(...shuffled));
    }),
    { numRuns: 300, seed: 19 },
  );
});

test('merge is idempotent: the same layer twice, and a collection merged again, change nothing', () => {
  fc.assert(
    fc.property(inputArb, inputArb, (x, y) => {
      assert.equal(s(x, x), s(x));
      assert.equal(s(m(x, y)), s(x, y));
      assert.equal(s(m(x, y), y), s(x, y));
    }),
    { numRuns: 300, seed: 20 },
  );
});

test('generated collections validate against the schema', () => {
  fc.assert(
    fc.property(fc.array(inputArb, { maxLength: 3 }), (xs) => {
      assert.deepEqual(errors(m(...xs)), []);
    }),
    { numRuns: 100, seed: 21 },
  );
});
