// The story map's pure views (issue #18): which articles are shown, the view the map draws, a place's
// passages grouped by article newest first, and the timeline's bins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packContexts, type CollectionLayer } from '../../src/core/merge-layers.ts';
import {
  articleGroups,
  collectionName,
  collectionView,
  filteredCollectionText,
  timelineBins,
  visibleArticles,
} from '../../src/ui/model/collection-view.ts';

const m = (article: string, start: number, text: string, context?: { start: number; text: string }) => ({
  article,
  start,
  end: start + text.length,
  text,
  passage: 0,
  type: 'toponym' as const,
  ...(context ? { context } : {}),
});
const place = (id: string, name: string, mentions: ReturnType<typeof m>[]) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [0, 0] },
  properties: { name, kind: 'city' as const, country: 'AZ', anchor: [0, 0] as [number, number], score: 1, mentions },
});
const c: CollectionLayer = {
  type: 'FeatureCollection',
  articles: [
    { id: 'a', title: 'Old', date: '2023-01-01' },
    { id: 'b', title: 'New', date: '2023-01-10T12:00:00Z' },
    { id: 'c', title: 'Undated' },
  ],
  features: [
    place('p:baku', 'Baku', [
      m('a', 4, 'Baku', { start: 0, text: 'Talk Baku, Baku.' }),
      m('a', 10, 'Baku', { start: 0, text: 'Talk Baku, Baku.' }),
      m('b', 0, 'Baku'),
      m('c', 3, 'Baku'),
    ]),
    place('p:yerevan', 'Yerevan', [m('a', 20, 'Yerevan')]),
  ],
};

test('visibleArticles: the chosen ones within the date range; undated ones drop out of a range', () => {
  assert.deepEqual([...visibleArticles(c.articles, null, null)], ['a', 'b', 'c']);
  assert.deepEqual([...visibleArticles(c.articles, new Set(['b', 'c']), null)], ['b', 'c']);
  assert.deepEqual([...visibleArticles(c.articles, null, [Date.parse('2023-01-05'), Date.parse('2023-02-01')])], ['b']);
});

test('collectionView keeps the visible articles’ mentions and drops places none of them names', () => {
  const v = collectionView(c, new Set(['b']));
  assert.deepEqual(
    v.features.map((f) => [f.id, f.properties.mentions.length]),
    [['p:baku', 1]],
  );
  assert.equal(collectionView(c, new Set(['a', 'b', 'c'])).features, c.features);
  const shown = JSON.parse(filteredCollectionText(c, new Set(['a'])));
  assert.deepEqual(
    shown.articles.map((a: { id: string }) => a.id),
    ['a'],
  );
  assert.deepEqual(
    shown.features.map((f: { id: string }) => f.id),
    ['p:baku', 'p:yerevan'],
  );
});

test('articleGroups: newest article first, undated last; one passage per context with both mentions marked', () => {
  const groups = articleGroups(c.features[0], new Map(c.articles.map((a) => [a.id, a])));
  assert.deepEqual(
    groups.map((g) => g.article.id),
    ['b', 'a', 'c'],
  );
  assert.deepEqual(groups[1].passages, [
    {
      start: 0,
      text: 'Talk Baku, Baku.',
      marks: [
        [4, 8],
        [10, 14],
      ],
    },
  ]);
  assert.deepEqual(groups[0].passages, [{ start: 0, text: 'Baku', marks: [[0, 4]] }], 'no context: the mention itself');
});

test('articleGroups reads a collection as written, its sentences listed once per article', () => {
  const packed = packContexts(c);
  assert.equal(typeof packed.features[0].properties.mentions[0].context, 'number');
  const byId = (x: CollectionLayer) => new Map(x.articles.map((a) => [a.id, a]));
  const strip = (gs: ReturnType<typeof articleGroups>) => gs.map((g) => [g.article.id, g.passages]);
  assert.deepEqual(
    strip(articleGroups(packed.features[0], byId(packed))),
    strip(articleGroups(c.features[0], byId(c))),
  );
});

test('collectionName: exports are named after the collection, a site’s by its folder', () => {
  assert.equal(collectionName('https://example.org/maps/storm-2024/collection.geojson'), 'storm-2024');
  assert.equal(collectionName('https://example.org/maps/election.geojson?v=2'), 'election');
  assert.equal(collectionName('http://127.0.0.1:8080/collection.geojson'), 'story-map', 'no folder to name it');
  assert.equal(collectionName(''), 'story-map');
  assert.equal(collectionView(c, new Set(['a']), 'storm-2024').title, 'storm-2024');
});

test('timelineBins: whole days from the first date to the last, at most maxBins bars', () => {
  const bins = timelineBins(c.articles);
  assert.equal(bins.length, 10, '1 to 10 January');
  assert.deepEqual(
    bins.map((b) => b.count),
    [1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  );
  const wide = timelineBins(c.articles, 4);
  assert.deepEqual(
    wide.map((b) => b.count),
    [1, 0, 0, 1],
  );
  assert.equal(wide[1].to - wide[1].from, 3 * 86_400_000);
  assert.deepEqual(timelineBins([{ id: 'x' }]), []);
});
