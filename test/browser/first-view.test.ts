// The first view of the seed (issue #14), in Chromium and Firefox, on a desktop and a phone: it frames what
// the article is about (the districts, the disputed area and both capitals, spread over the map, not
// crowded into a corner of a map of Russia), "Show all places" frames everything, and a layer without
// `focus` (an older file) opens on the same view, chosen in the browser by the same function. And a story told
// from a city (a dateline) frames its country, while a country it names as an actor stays off screen, drawn
// faintly, and a continent is listed but not drawn as a dot in the middle of nowhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { geoparse } from '../../src/core/geoparse.ts';
import type { ArticleLayer } from '../../src/core/types.ts';
import { realResources } from '../helpers/real-resources.ts';
import { click, ENGINES, find, settle, startSite, text, useBrowser, type Engine, type Site } from './harness.ts';

const STORY = ['Kalbajar', 'Lachin', 'Nagorno-Karabakh', 'Baku', 'Yerevan'];
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** A short story written for this test: datelined Hanoi, about Vietnam, naming Russia as an actor and Asia. */
const DATELINE_STORY = [
  'Vietnam and Russia agree on closer ties',
  'Hanoi (VNA) – Vietnam wants Russia to play a greater role in Asia, the party chief of Vietnam said in Hanoi ' +
    'on Tuesday.',
  'Vietnam values its friendship with Russia, he told the visiting minister. The two governments will meet again ' +
    'in Hanoi next spring.',
  'The people of Vietnam and the army of Vietnam welcome the plan, he said.',
].join('\n\n');

let seed: ArticleLayer;
let site: Site;
let unfocused: Site;
let dateline: ArticleLayer;
let datelined: Site;
let local: Site;
let town: Site;
let acrossDateline: Site;
let europe: Site;
let valley: Site;

/** Stories written for these tests: four towns of the Rhine-Neckar, 10 to 25 km apart; one town alone. */
const LOCAL_STORY = [
  'Floods close roads around Heidelberg',
  'Heidelberg – Heavy rain closed roads in Heidelberg and Schwetzingen on Sunday, and the fire service in Speyer ' +
    'said it had pumped out forty cellars.',
  'In Weinheim the schools opened late. Heidelberg officials said more rain could fall on Monday.',
].join('\n\n');
const LOCAL_TOWNS = ['Heidelberg', 'Schwetzingen', 'Speyer', 'Weinheim'];
const TOWN_STORY =
  'Heidelberg opens its new library\n\nHeidelberg – The city library reopened on Monday after two years.';
const EUROPE_STORY = [
  'Europe’s airlines ask for calmer skies',
  'Brussels – The heads of Europe’s largest airlines met in Brussels on Tuesday and asked Europe’s governments to ' +
    'keep air traffic control running during strikes.',
  'Strikes in Spain and Italy cancelled hundreds of flights across Europe this summer, they said. Belgium will host ' +
    'the next meeting.',
].join('\n\n');
/** A story written for this test: two towns 60 km apart, north and south, and a country far away. */
const VALLEY_STORY = [
  'Valley towns brace for the river',
  'Yuba City – The Feather River rose again on Tuesday, and officials in Yuba City told families near the ' +
    'levees to be ready to leave.',
  'In Sacramento the state opened two shelters, and Sacramento expects more rain by Friday. A relief team flew ' +
    'in from Japan.',
].join('\n\n');
const VALLEY_TOWNS = ['Yuba City', 'Sacramento'];
const US_STORY = [
  'The United States waits for rain',
  'WASHINGTON – Farmers across the United States are waiting for rain, officials said on Friday in Washington.',
  'In Houston and Boston, water use is limited. The United States has not seen such a dry summer since 1988.',
].join('\n\n');

before(async () => {
  seed = geoparse(readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8'), realResources());
  site = await startSite(seed);
  const { focus: _focus, ...older } = seed;
  unfocused = await startSite(older as ArticleLayer);
  dateline = geoparse(DATELINE_STORY, realResources());
  datelined = await startSite(dateline);
  local = await startSite(geoparse(LOCAL_STORY, realResources()));
  town = await startSite(geoparse(TOWN_STORY, realResources()));
  // A focus as a layer may carry it: the United States whole, from the Aleutians (172.6°E) to Maine, across ±180°.
  const us = geoparse(US_STORY, realResources());
  acrossDateline = await startSite({ ...us, focus: { bbox: [172.6, 18.9, -66.9, 71.4], ids: us.focus!.ids } });
  // A focus on Brussels, Belgium, Spain and Italy, as a story about Europe gets (choose-focus.test.ts): Belgium is
  // small on that view, and Brussels' dot sits where its name would go.
  const eu = geoparse(EUROPE_STORY, realResources());
  const ids = eu.features.filter((f) => f.properties.kind !== 'continent').map((f) => f.id);
  europe = await startSite({ ...eu, focus: { bbox: [-9.3, 36, 18.5, 51.5], ids } });
  valley = await startSite(geoparse(VALLEY_STORY, realResources()));
});

after(async () => {
  await site?.close();
  await unfocused?.close();
  await datelined?.close();
  await local?.close();
  await town?.close();
  await acrossDateline?.close();
  await europe?.close();
  await valley?.close();
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The map's box and the drawn box of each named place (found by its accessible name), in page pixels. */
async function boxes(page: Page, names: string[]): Promise<{ map: Box; places: Record<string, Box | null> }> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const [map, ...rest] = await page.evaluate(
    (names) =>
      [
        document.querySelector('.aa-map'),
        ...names.map((n) => document.querySelector(`.aa-map [aria-label^="${n},"]`)),
      ].map((e) => (e ? (e.getBoundingClientRect().toJSON() as Box) : null)),
    names,
  );
  return { map: map!, places: Object.fromEntries(names.map((n, i) => [n, rest[i]])) };
}

/** The share of the map's width and height that points span. */
function spreadOver(points: Array<{ x: number; y: number }>, map: Box): [number, number] {
  const xs = points.map((c) => c.x);
  const ys = points.map((c) => c.y);
  return [
    (Math.max(...xs) - Math.min(...xs)) / (map.right - map.left),
    (Math.max(...ys) - Math.min(...ys)) / (map.bottom - map.top),
  ];
}

const centre = (b: Box) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
const inside = (b: Box, m: Box, slackPx = 0) =>
  b.left >= m.left - slackPx &&
  b.right <= m.right + slackPx &&
  b.top >= m.top - slackPx &&
  b.bottom <= m.bottom + slackPx;

for (const engine of ENGINES) describe(`first view of the seed in ${engine}`, () => firstViewTests(engine));

function firstViewTests(engine: Engine) {
  const b = useBrowser(engine);
  for (const size of SIZES) {
    test(`${size.width}×${size.height}: the story's five places are on screen and spread over the map`, async () => {
      const o = await b.open(site.server.url, size);
      const { map, places } = await boxes(o.page, STORY);
      const centres = STORY.map((name) => {
        assert.ok(places[name], `${name} is drawn`);
        const c = centre(places[name]!);
        assert.ok(
          c.x > map.left && c.x < map.right && c.y > map.top && c.y < map.bottom,
          `${name} at ${JSON.stringify(c)} is on the map ${JSON.stringify(map)}`,
        );
        return c;
      });
      const [spreadX, spreadY] = spreadOver(centres, map);
      assert.ok(
        Math.max(spreadX, spreadY) >= 0.25,
        `spread over ${(spreadX * 100).toFixed(0)}% of the width, ${(spreadY * 100).toFixed(0)}% of the height`,
      );
      // Moscow, the Soviet Union drawn at Moscow, Ankara and France are off screen, and the list says so.
      assert.equal(await text(o.page, '.aa-outside'), "4 places are outside the map's view.");
    });

    test(`${size.width}×${size.height}: "Show all places" brings Russia into view, and the button takes the view back`, async () => {
      const o = await b.open(site.server.url, size);
      const russia = async () => {
        const { map, places } = await boxes(o.page, ['Russia']);
        return inside(places.Russia!, map, 2);
      };
      assert.equal(await russia(), false, 'Russia is not whole on the first view');
      const start = await o.page.$eval('.aa-map', (e) => (e as HTMLElement).dataset.center);
      await click(o.page, '.aa-showall', { hasText: 'Show all places' });
      await settle(o.page);
      assert.equal(await russia(), true, 'Russia is whole in the view');
      assert.equal(await o.page.$('.aa-outside'), null, 'no place is outside the view');
      await click(o.page, '.aa-showall', { hasText: 'Back to the main places' });
      await settle(o.page);
      assert.equal(await o.page.$eval('.aa-map', (e) => (e as HTMLElement).dataset.center), start);
      await find(o.page, '.aa-showall', { hasText: 'Show all places' });
    });
  }

  for (const size of SIZES) {
    const title = 'a story datelined Hanoi frames Vietnam; Russia stays off screen, faint; Asia is listed, not drawn';
    test(`${size.width}×${size.height}: ${title}`, async () => {
      const o = await b.open(datelined.server.url, size);
      const { map, places } = await boxes(o.page, ['Vietnam', 'Hanoi', 'Russia', 'Asia']);
      for (const name of ['Vietnam', 'Hanoi']) {
        const c = centre(places[name]!);
        assert.ok(c.x > map.left && c.x < map.right && c.y > map.top && c.y < map.bottom, `${name} is on screen`);
      }
      // Vietnam, long and narrow, fills most of the map's height (it was a sliver beside Russia: 0.06 of it).
      const v = places.Vietnam!;
      const share = Math.max((v.right - v.left) / (map.right - map.left), (v.bottom - v.top) / (map.bottom - map.top));
      assert.ok(share >= 0.6, `Vietnam spans ${(share * 100).toFixed(0)}% of the map`);
      assert.equal(places.Asia, null, 'Asia, a continent given as a point, is not drawn');
      assert.match(await text(o.page, '.aa-places'), /Asia/, 'Asia is in the place list');
      const russia = dateline.features.find((f) => f.properties.name === 'Russia')!.id;
      assert.ok(await o.page.$(`path.aa-aside[data-id="${russia}"]`), 'Russia is drawn faintly');
      assert.equal(await text(o.page, '.aa-outside'), "1 place is outside the map's view.");
    });
  }

  for (const size of SIZES) {
    test(`${size.width}×${size.height}: a local story's towns fill the map; a story of one town is not zoomed to a dot`, async () => {
      const o = await b.open(local.server.url, size);
      const { map, places } = await boxes(o.page, LOCAL_TOWNS);
      const centres = LOCAL_TOWNS.map((name) => centre(places[name]!));
      const [spreadX, spreadY] = spreadOver(centres, map);
      // At the zoom a single spot gets (7) the towns sat within a tenth of the map.
      assert.ok(
        Math.max(spreadX, spreadY) >= 0.3,
        `spread over ${spreadX.toFixed(2)} × ${spreadY.toFixed(2)} of the map`,
      );
      for (const c of centres) assert.ok(c.x > map.left && c.x < map.right && c.y > map.top && c.y < map.bottom);
      const one = await b.open(town.server.url, size);
      const zoom = await one.page.$eval('.aa-map', (e) => Number((e as HTMLElement).dataset.zoom));
      assert.ok(zoom <= 7, `one town is framed at zoom ${zoom}, with its region around it`);
    });

    test(`${size.width}×${size.height}: a focus box across the antimeridian frames the places where they are drawn`, async () => {
      const o = await b.open(acrossDateline.server.url, size);
      const { map, places } = await boxes(o.page, ['Houston', 'Boston', 'Washington']);
      for (const [name, p] of Object.entries(places)) {
        assert.ok(p, `${name} is drawn`);
        const c = centre(p);
        assert.ok(c.x > map.left && c.x < map.right && c.y > map.top && c.y < map.bottom, `${name} is on screen`);
      }
    });
  }

  for (const size of SIZES)
    test(`${size.width}×${size.height}: a country the article is about is named even where its name overflows it`, async () => {
      const o = await b.open(europe.server.url, size);
      await o.page.waitForSelector('.aa-map[data-complete]');
      const named = await o.page.$$eval('.aa-lbl-area:not([hidden])', (ls) => ls.map((l) => l.textContent));
      for (const name of ['Belgium', 'Spain', 'Italy'])
        assert.ok(named.includes(name), `${name} in ${named.join(', ')}`);
      // Not twice: the basemap's grey name of a country the article draws stays hidden.
      const grey = await o.page.$$eval('.aa-lbl-base:not([hidden])', (ls) => ls.map((l) => l.textContent));
      assert.ok(!grey.includes('Belgium'), grey.join(', '));
    });

  for (const size of SIZES)
    test(`${size.width}×${size.height}: no place of the first view or its name lies under the map's controls`, async () => {
      const o = await b.open(valley.server.url, size);
      await o.page.waitForSelector('.aa-map[data-complete]');
      // Two towns north and south fill the height: the fit kept 24 px from the edges, and on a phone Yuba City's
      // name ran under "Show all places" and Sacramento's under the attribution.
      const [controls, shown] = await o.page.evaluate(
        (towns) => [
          [...document.querySelectorAll('.aa-showall, .leaflet-control-zoom, .aa-attrib, .aa-legend')]
            .filter((e) => !(e as HTMLElement).hidden)
            .map((e) => ({ what: String(e.className), box: e.getBoundingClientRect().toJSON() as Box })),
          [
            ...towns.map((t) => document.querySelector(`.aa-map [aria-label^="${t},"]`)),
            ...[...document.querySelectorAll('.aa-lbl:not([hidden])')].filter((l) => towns.includes(l.textContent!)),
          ]
            .filter((e) => e !== null)
            .map((e) => ({
              what: String(e!.getAttribute('aria-label') ?? e!.textContent),
              box: e!.getBoundingClientRect().toJSON() as Box,
            })),
        ],
        VALLEY_TOWNS,
      );
      assert.ok(
        controls.some((c) => c.what.includes('aa-showall')),
        'Japan is outside the view: "Show all places"',
      );
      assert.equal(shown.length, 4, 'both towns are drawn and named');
      const overlap = (a: Box, c: Box) => a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom;
      for (const p of shown)
        for (const c of controls) assert.ok(!overlap(p.box, c.box), `${p.what} lies under ${c.what}`);
    });

  test('a layer without `focus` opens on the view its focus would give', async () => {
    const view = async (url: string) => {
      const o = await b.open(url);
      // The focus of a layer without one comes from a chunk loaded after the first draw.
      await o.page.waitForFunction(() => document.querySelector('.aa-outside'));
      await settle(o.page);
      return o.page.$eval(
        '.aa-map',
        (e) => `${(e as HTMLElement).dataset.center} @ ${(e as HTMLElement).dataset.zoom}`,
      );
    };
    assert.equal(await view(unfocused.server.url), await view(site.server.url));
  });
}
