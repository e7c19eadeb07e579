// Names and the map's controls (issue #14), in Chromium and Firefox, on a desktop and a phone, on a story written for
// this test: told from Toronto, naming Canada once. Its first view frames the city, so Canada's label point lies far
// north of it; Canada is in the focus and fills most of the view, and is named inside the part of it that shows.
// No name lies under a control of the map (the legend, open or folded, the zoom buttons, the attribution, "Show all
// places"): before, the basemap's "UNITED STATES OF AMERICA", slid in from the bottom-left edge, lay under the open
// legend.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { geoparse } from '../../src/core/geoparse.ts';
import type { ArticleLayer, LayerFeature } from '../../src/core/types.ts';
import { realResources } from '../helpers/real-resources.ts';
import { ENGINES, find, settle, startSite, useBrowser, type Site } from './harness.ts';

const STORY = [
  'Toronto transit riders wait for new streetcars',
  'TORONTO — Riders in Toronto waited again on Monday for the new streetcars the city ordered four years ago, the ' +
    'transit authority said.',
  'Toronto officials said the first cars would run in the spring. The maker, one of the largest in Canada, blamed ' +
    'a shortage of parts.',
  'Toronto council will meet on Thursday to discuss the delay.',
].join('\n\n');

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

let site: Site;
let county: Site;
let islands: Site;

/** A layer made by hand: two islands 60° apart, each far narrower than its name, both what the story is about. */
function islandLayer(): ArticleLayer {
  const names = ['Westernmost Test Island', 'Easternmost Test Island'];
  const text = `${names[0]} and ${names[1]} sign a treaty\n\nThe two islands signed it on Monday.`;
  const island = (i: number): LayerFeature =>
    ({
      type: 'Feature',
      id: `test:island${i}`,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [60 * i, 0],
            [60 * i + 0.3, 0],
            [60 * i + 0.3, 0.3],
            [60 * i, 0.3],
            [60 * i, 0],
          ],
        ],
      },
      properties: {
        name: names[i],
        kind: 'country',
        country: '',
        anchor: [60 * i + 0.15, 0.15],
        score: 1,
        candidates: [],
        mentions: [
          {
            start: text.indexOf(names[i]),
            end: text.indexOf(names[i]) + names[i].length,
            text: names[i],
            passage: 0,
            type: 'toponym',
          },
        ],
      },
    }) as LayerFeature;
  const title = text.indexOf('\n');
  return {
    type: 'FeatureCollection',
    features: [island(0), island(1)],
    text,
    passages: [
      { start: 0, end: title, sentences: [[0, title]] },
      { start: title + 2, end: text.length, sentences: [[title + 2, text.length]] },
    ],
    focus: { bbox: [0, 0, 60.3, 0.3], ids: ['test:island0', 'test:island1'] },
  } as unknown as ArticleLayer;
}

/** A layer made by hand: a town and the county around it, which the gazetteer gives only as a point. */
function countyLayer(): ArticleLayer {
  const text =
    'Glasgow police close a road\n\nA road in Glasgow, Barren County, was closed on Monday in North America.';
  const feature = (
    id: string,
    name: string,
    kind: 'city' | 'admin2' | 'continent',
    at: [number, number],
    start: number,
  ) =>
    ({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: at },
      properties: {
        name,
        kind,
        country: 'US',
        anchor: at,
        score: 1,
        candidates: [],
        mentions: [{ start, end: start + name.length, text: name, passage: 1, type: 'toponym' }],
      },
    }) as LayerFeature;
  const glasgow = text.indexOf('Glasgow,');
  return {
    type: 'FeatureCollection',
    features: [
      feature('test:glasgow', 'Glasgow', 'city', [-85.91, 36.996], glasgow),
      feature('test:barren', 'Barren County', 'admin2', [-85.93, 36.96], text.indexOf('Barren County')),
      // A continent given as a point is listed, not drawn: nor named at its point.
      feature('test:na', 'North America', 'continent', [-85.92, 36.93], text.indexOf('North America')),
    ],
    text,
    passages: [
      { start: 0, end: 27, sentences: [[0, 27]] },
      { start: 29, end: text.length, sentences: [[29, text.length]] },
    ],
    focus: { bbox: [-85.93, 36.96, -85.91, 36.996], ids: ['test:glasgow', 'test:barren'] },
  } as unknown as ArticleLayer;
}

before(async () => {
  const layer = geoparse(STORY, realResources());
  assert.deepEqual(
    layer.focus?.ids.map((id) => layer.features.find((f) => f.id === id)?.properties.name).sort(),
    ['Canada', 'Toronto'],
    'the story is about Toronto, in Canada',
  );
  site = await startSite(layer);
  county = await startSite(countyLayer());
  islands = await startSite(islandLayer());
});

after(async () => {
  await site?.close();
  await county?.close();
  await islands?.close();
});

type Box = { x: number; y: number; w: number; h: number; name: string };

/** The names shown on the map, the controls over it and the map's own box, on screen. */
const read = async (page: Page) => {
  // No named functions in the page's code: tsx's name helpers would not exist there.
  const boxes = (selector: string, label: boolean) =>
    page.$$eval(
      selector,
      (es, label) =>
        es.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, w: r.width, h: r.height, name: label ? e.textContent! : e.className };
        }),
      label,
    );
  const [map] = await boxes('.aa-map', false);
  return {
    map,
    labels: await boxes('.aa-lbl:not([hidden])', true),
    controls: (await boxes('.leaflet-control, .aa-legend, .aa-attrib, .aa-showall', false)).filter(
      (b) => b.w > 0 && b.h > 0,
    ),
  };
};

/** Keeps the names shown at the moment the map says it is complete (a string: it runs in the page before its own). */
const NAMES_AT_COMPLETE = `new MutationObserver((records, observer) => {
  const map = records.find((r) => r.target.hasAttribute('data-complete'));
  if (!map) return;
  window.__namesAtComplete = [...map.target.querySelectorAll('.aa-lbl:not([hidden])')].map((l) => l.textContent);
  observer.disconnect();
}).observe(document, { subtree: true, attributeFilter: ['data-complete'] });`;

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every name shown lies inside the map and under no control. */
async function clearOfControls(page: Page, when: string) {
  const { map, labels, controls } = await read(page);
  assert.ok(
    controls.some((c) => c.name.includes('aa-legend')),
    'the legend is shown',
  );
  // Names kept just outside the view (for a short pan) are hidden by the map's edge.
  const inside = labels.filter((l) => overlap(l, map));
  for (const l of inside) {
    assert.ok(
      l.x >= map.x - 0.5 && l.y >= map.y - 0.5 && l.x + l.w <= map.x + map.w + 0.5 && l.y + l.h <= map.y + map.h + 0.5,
      `${when}: ${l.name} is cut by the map's edge: ${JSON.stringify([l, map])}`,
    );
    for (const c of controls)
      assert.ok(!overlap(l, c), `${when}: ${l.name} lies under ${c.name}: ${JSON.stringify([l, c])}`);
  }
  return inside;
}

for (const engine of ENGINES)
  describe(`names and the map's controls in ${engine}`, () => {
    const b = useBrowser(engine);
    for (const size of SIZES)
      test(`${size.width}×${size.height}: Canada is named inside the view, and no name lies under a control, the legend open or folded`, async () => {
        const { page } = await b.open(site.server.url, { ...size, init: NAMES_AT_COMPLETE });
        await page.waitForFunction(() => document.querySelector('.aa-map')?.hasAttribute('data-complete'));
        // data-complete is "everything painted": Canada's name, placed once a chunk is in, is there by then.
        const atComplete = (await page.evaluate('window.__namesAtComplete')) as string[];
        assert.ok(atComplete.includes('Canada'), `named at data-complete: ${atComplete}`);
        await settle(page);
        const labels = await clearOfControls(page, 'first view');
        assert.ok(
          labels.some((l) => l.name === 'Canada'),
          `Canada, the country the story is in, is named: ${labels.map((l) => l.name)}`,
        );
        // Opened or folded the other way, the legend covers another corner of the map: the names follow.
        await page.click('.aa-legend summary');
        await settle(page);
        await clearOfControls(page, 'legend toggled');
        await page.click('.aa-legend summary');
        await settle(page);
        await clearOfControls(page, 'legend toggled back');
      });

    test('an <article-atlas> names Canada inside its view too, with article-atlas-view-points.js beside its script', async () => {
      writeFileSync(
        join(site.dir, 'embed-canada.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script src="article-atlas.js" defer></script></head><body>
<article-atlas src="layer.geojson" height="520" text="off"></article-atlas>
</body></html>`,
      );
      const o = await b.open(site.server.url + 'embed-canada.html', { waitFor: '' });
      await find(o.page, '.aa-map[data-complete]', { shadow: 'article-atlas' });
      await find(o.page, '.aa-lbl:not([hidden])', { shadow: 'article-atlas', hasText: /^Canada$/ });
      assert.equal(o.requests.filter((u) => u.endsWith('/article-atlas-view-points.js')).length, 1);
      assert.deepEqual(o.errors, []);
    });

    test('a county the gazetteer has only as a point is named beside its dot, as a town is; a continent is not', async () => {
      const { page } = await b.open(county.server.url);
      await page.waitForFunction(() => document.querySelector('.aa-map')?.hasAttribute('data-complete'));
      const { labels } = await read(page);
      assert.deepEqual(
        labels
          .map((l) => l.name)
          .filter((n) => ['Glasgow', 'Barren County', 'North America'].includes(n))
          .sort(),
        ['Barren County', 'Glasgow'],
      );
    });

    test("an island the story is about, at the map's edge, is named along its row, inside the view", async () => {
      for (const size of SIZES) {
        const { page } = await b.open(islands.server.url, size);
        await page.waitForFunction(() => document.querySelector('.aa-map')?.hasAttribute('data-complete'));
        await settle(page);
        const labels = await clearOfControls(page, `${size.width}×${size.height}`);
        assert.deepEqual(
          labels
            .map((l) => l.name)
            .filter((n) => n.includes('Test Island'))
            .sort(),
          ['Easternmost Test Island', 'Westernmost Test Island'],
        );
      }
    });
  });
