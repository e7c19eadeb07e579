// Browser tests of the story-map explorer (issue #18), in Chromium and Firefox: two small articles that
// share Baku → one Baku with passages grouped by article, newest first; showing one article takes the
// other's places off the map; the timeline filters by date; a deep link opens the article and the place;
// texts load only when opened; the download of what is shown; the embed takes a collection as `src`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { buildCollection } from '../../src/cli/build-collection.ts';
import { serveSite, type SiteServer } from '../../src/cli/serve-site.ts';
import type { ArticleLayer, LayerFeature } from '../../src/core/types.ts';
import {
  BAKU,
  click,
  clickShape,
  count,
  download,
  ENGINES,
  find,
  gone,
  text,
  texts,
  useBrowser,
  YEREVAN,
  type Engine,
  type Opened,
} from './harness.ts';

const TBILISI = 'geonames:611717';
const PASSAGES = 'section[aria-label="Passages"]';
const COORDS: Record<string, [number, number]> = {
  [BAKU]: [49.89201, 40.37767],
  [YEREVAN]: [44.51361, 40.18111],
  [TBILISI]: [44.79307, 41.69411],
};
const NAMES: Record<string, string> = { [BAKU]: 'Baku', [YEREVAN]: 'Yerevan', [TBILISI]: 'Tbilisi' };

/** A one-paragraph article layer naming `ids` where their names first occur in `text`. */
function layer(id: string, title: string, text: string, ids: string[]): ArticleLayer & { article: object } {
  const features: LayerFeature[] = ids.map((pid) => {
    const name = NAMES[pid];
    const start = text.indexOf(name);
    return {
      type: 'Feature',
      id: pid,
      geometry: { type: 'Point', coordinates: COORDS[pid] },
      properties: {
        name,
        kind: 'city',
        country: pid === BAKU ? 'AZ' : pid === YEREVAN ? 'AM' : 'GE',
        anchor: COORDS[pid],
        score: 0.9,
        candidates: [],
        mentions: [{ start, end: start + name.length, text: name, passage: 0, type: 'toponym' }],
      },
    };
  });
  const dates: Record<string, string> = { a: '2023-09-19', b: '2023-09-25' };
  return {
    type: 'FeatureCollection',
    id,
    title,
    text,
    passages: [{ start: 0, end: text.length, sentences: [[0, text.length]] }],
    features,
    article: { published: dates[id], siteName: 'Wire' },
  };
}

let dir: string;
let server: SiteServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aa-story-site-'));
  const files = [
    [
      'a.geojson',
      layer('a', 'Talks in the Caucasus', 'Envoys held talks in Baku and later in Yerevan.', [BAKU, YEREVAN]),
    ],
    ['b.geojson', layer('b', 'Protests spread', 'Crowds gathered in Baku, and in Tbilisi too.', [BAKU, TBILISI])],
  ] as const;
  for (const [name, l] of files) writeFileSync(join(dir, name), JSON.stringify(l));
  const site = join(dir, 'site');
  const noGeoparse = () => {
    throw new Error('these inputs are layers');
  };
  const r = await buildCollection(
    files.map(([n]) => join(dir, n)),
    site,
    { resources: noGeoparse, readArticle: noGeoparse },
  );
  assert.deepEqual(r.problems, []);
  writeFileSync(
    join(site, 'host.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"><script src="article-atlas.js" defer></script></head>' +
      '<body><article-atlas id="story" src="collection.geojson" height="600"></article-atlas></body></html>',
  );
  server = await serveSite(site, { port: 0 });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const engine of ENGINES) describe(`story map in ${engine}`, () => storyTests(engine));

function storyTests(engine: Engine) {
  const b = useBrowser(engine);
  const openSite = (hash = '', path = '') => b.open(server.url + path + hash, path ? { waitFor: '' } : {});
  const onMap = (page: Opened['page'], id: string) => count(page, `.aa-f[data-id="${id}"]`);

  test('one Baku for both articles; its passages grouped by article, newest first; no text loaded yet', async () => {
    const { page, requests, errors } = await openSite();
    assert.equal(await onMap(page, BAKU), 1);
    assert.equal(await onMap(page, YEREVAN), 1);
    assert.equal(await onMap(page, TBILISI), 1);
    await clickShape(page, `.aa-f[data-id="${BAKU}"]`);
    await find(page, `${PASSAGES} .aa-group`);
    assert.equal(await text(page, `${PASSAGES} h3`), 'Baku');
    assert.deepEqual(await texts(page, `${PASSAGES} .aa-group h4`), ['Protests spread', 'Talks in the Caucasus']);
    assert.deepEqual(await texts(page, `${PASSAGES} .aa-group p`), [
      'Crowds gathered in Baku, and in Tbilisi too.',
      'Envoys held talks in Baku and later in Yerevan.',
    ]);
    assert.deepEqual(await texts(page, `${PASSAGES} mark`), ['Baku', 'Baku']);
    assert.equal(
      requests.some((u) => u.includes('/articles/')),
      false,
      'texts are not part of the first load',
    );
    // The article's title opens its text, fetched now, with its places highlighted.
    await click(page, `${PASSAGES} .aa-group h4 button`, { hasText: 'Talks in the Caucasus' });
    await find(page, '.aa-story-text .aa-m', { hasText: 'Yerevan' });
    assert.match(await text(page, '.aa-story-text .aa-text'), /^Envoys held talks in Baku and later in Yerevan\.$/);
    assert.equal(
      requests.some((u) => u.endsWith('/articles/a.txt')),
      true,
    );
    // `all`: every article is still shown beside the open one (a link with an article alone shows just it).
    assert.match(page.url(), /#all&article=a&place=geonames%3A587084$/);
    assert.deepEqual(errors, []);
  });

  test('showing one article takes the other article’s places off the map', async () => {
    const { page } = await openSite();
    await click(page, '.aa-art[data-article="a"] button', { hasText: 'Only this' });
    await gone(page, `.aa-f[data-id="${TBILISI}"]`);
    assert.equal(await onMap(page, YEREVAN), 1);
    assert.equal(await onMap(page, BAKU), 1);
    assert.match(await text(page, '.aa-story [role="status"]'), /1 of 2 shown/);
    await clickShape(page, `.aa-f[data-id="${BAKU}"]`);
    await find(page, `${PASSAGES} .aa-group`);
    assert.deepEqual(await texts(page, `${PASSAGES} .aa-group h4`), ['Talks in the Caucasus']);
    const file = await download(b.opened.at(-1)!, '.aa-story .aa-btn', { hasText: 'Download shown' });
    assert.equal(file.name, 'story-map-shown.geojson', 'named after the collection (served from the root)');
    const shown = JSON.parse(file.text);
    assert.deepEqual(
      shown.articles.map((x: { id: string }) => x.id),
      ['a'],
    );
    assert.deepEqual(shown.features.map((f: { id: string }) => f.id).sort(), [BAKU, YEREVAN].sort());
    // The same places as CSV (read back by csv-parse) and KML, the studio's other formats.
    const csv = await download(b.opened.at(-1)!, '.aa-story .aa-btn', { hasText: 'Shown as CSV' });
    assert.equal(csv.name, 'story-map-shown.csv');
    const rows = parse(csv.text, { bom: true, columns: true }) as Array<{ id: string; mentions: string }>;
    assert.deepEqual(rows.map((r) => r.id).sort(), [BAKU, YEREVAN].sort());
    const kml = await download(b.opened.at(-1)!, '.aa-story .aa-btn', { hasText: 'Shown as KML' });
    assert.equal(kml.name, 'story-map-shown.kml');
    assert.equal([...kml.text.matchAll(/<Placemark>/g)].length, 2);
    assert.ok(!kml.text.includes('Tbilisi'), 'a place of the hidden article is left out');
    await click(page, '.aa-story .aa-btn', { hasText: 'Show all' });
    await find(page, `.aa-f[data-id="${TBILISI}"]`);
  });

  test('the timeline filters the map by date', async () => {
    const { page } = await openSite();
    assert.equal(await count(page, '.aa-bin'), 7, 'one bar per day from 19 to 25 September');
    await click(page, '.aa-bin[data-from="2023-09-25"]');
    await gone(page, `.aa-f[data-id="${YEREVAN}"]`);
    assert.equal(await onMap(page, TBILISI), 1);
    assert.equal(await find(page, '.aa-bin[data-from="2023-09-25"][aria-pressed="true"]').then(Boolean), true);
    await click(page, '.aa-bin[data-from="2023-09-25"]');
    await find(page, `.aa-f[data-id="${YEREVAN}"]`);
  });

  test('the articles and dates shown are kept in the URL: the link reproduces the view', async () => {
    const { page } = await openSite();
    await click(page, '.aa-art[data-article="b"] button', { hasText: 'Only this' });
    await click(page, '.aa-bin[data-from="2023-09-25"]');
    await page.waitForFunction(() => location.hash.includes('from='));
    const hash = await page.evaluate(() => location.hash);
    assert.equal(hash, '#shown=b&from=2023-09-25&to=2023-09-26');
    const again = (await openSite(hash)).page;
    await gone(again, `.aa-f[data-id="${YEREVAN}"]`);
    assert.equal(await onMap(again, TBILISI), 1);
    assert.match(await text(again, '.aa-story [role="status"]'), /1 of 2 shown/);
    await find(again, '.aa-bin[data-from="2023-09-25"][aria-pressed="true"]');
    // Back steps to the view before the date was chosen: article b alone, every date.
    await page.goBack();
    await gone(page, '.aa-bin[aria-pressed="true"]');
    assert.equal(await page.evaluate(() => location.hash), '#shown=b');
  });

  test('a deep link opens the article and the place', async () => {
    const { page, errors } = await openSite(`#article=b&place=${encodeURIComponent(TBILISI)}`);
    await find(page, '.aa-story-text .aa-m', { hasText: 'Tbilisi' });
    assert.equal(await text(page, '.aa-story-text h3'), 'Protests spread');
    assert.equal(await text(page, `${PASSAGES} h3`), 'Tbilisi');
    await gone(page, `.aa-f[data-id="${YEREVAN}"]`);
    await find(page, `.aa-sel[data-id="${TBILISI}"]`);
    assert.deepEqual(errors, []);
  });

  test('the iframe embed page takes a collection as src (its CSP lets the story script in)', async () => {
    const { page, errors } = await openSite('', 'embed.html?src=collection.geojson');
    await find(page, `.aa-f[data-id="${TBILISI}"]`, { shadow: 'article-atlas' });
    assert.equal(await count(page, '.aa-art', { shadow: 'article-atlas' }), 2);
    assert.deepEqual(errors, []);
  });

  test('the embed takes a collection as src', async () => {
    const { page, errors } = await openSite('', 'host.html');
    await find(page, `.aa-f[data-id="${TBILISI}"]`, { shadow: '#story' });
    assert.equal(await count(page, '.aa-art', { shadow: '#story' }), 2);
    // The embed's story script leaves the KML and CSV writers out (build.mjs): their buttons are not shown.
    const flat = await page.evaluate(() =>
      [...document.querySelector('#story')!.shadowRoot!.querySelectorAll('.aa-flat')].map(
        (e) => getComputedStyle(e).display,
      ),
    );
    assert.deepEqual(flat, ['none', 'none']);
    assert.deepEqual(errors, []);
  });
}
