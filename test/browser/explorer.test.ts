// Browser tests of the explorer (issue #4), in Chromium and Firefox (issue #7): map ↔ passages in both
// directions, deep links and history, export/import byte for byte, hand correction, and no request
// leaving 127.0.0.1. The site is built with buildSite and served with serveSite, like `article-atlas build`.
import { check, getIssues } from '@placemarkio/check-geojson';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { ArticleLayer } from '../../src/core/types.ts';
import {
  attr,
  BAKU,
  click,
  clickShape,
  count,
  download,
  type Engine,
  ENGINES,
  find,
  gone,
  KALBAJAR,
  LACHIN,
  LACHIN_TOWN,
  openLayerFile,
  seedSample,
  seedSampleText,
  text,
  texts,
  useBrowser,
  useSite,
} from './harness.ts';

const PASSAGES = 'section[aria-label="Passages"]';

// The fixture's own bytes as layer.geojson, so "export equals the layer" means byte for byte.
const site = useSite(seedSample(), seedSampleText());

const selectedName = (page: Page) => text(page, '.aa-passages h3');
for (const engine of ENGINES) describe(`explorer on the seed sample in ${engine}`, () => explorerTests(engine));

function explorerTests(engine: Engine) {
  const b = useBrowser(engine);
  const openSite = (hash = '', opts = {}) => b.open(site.server.url + hash, opts);
  /** Opens the site on `place`, opens "Wrong place?" and chooses `choice` in its list. */
  async function openCorrection(place: string, choice: string) {
    const o = await openSite('#place=' + encodeURIComponent(place));
    await click(o.page, '.aa-fix summary');
    await (await find(o.page, '.aa-fix select')).select(choice);
    return o;
  }

  test('clicking the Kalbajar polygon lists the passage with "Kalbajar and Lachin"', async () => {
    const { page, errors } = await openSite();
    await clickShape(page, `path.aa-f[data-id="${KALBAJAR}"]`);
    await find(page, `${PASSAGES} li`);
    assert.equal(await selectedName(page), 'Kalbajar');
    const passages = await texts(page, `${PASSAGES} li p`);
    assert.equal(passages.length, 1);
    assert.match(passages[0], /Kalbajar and Lachin/);
    assert.deepEqual(await texts(page, `${PASSAGES} li mark`), ['Kalbajar']);
    assert.match(await text(page, '[role="status"]'), /Selected Kalbajar, district in Azerbaijan/);
    // The outline follows a frame after the passages (issue #4), so wait for it rather than read it at once.
    await find(page, `path.aa-sel[data-id="${KALBAJAR}"]`);
    assert.deepEqual(errors, []);
  });

  test('Enter on "Baku" in the text selects Baku and moves the map', async () => {
    const { page } = await openSite();
    const before = await attr(page, '.aa-map', 'data-center');
    const baku = await find(page, '.aa-article .aa-m', { hasText: /^Baku$/ });
    await baku.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => document.querySelector('.aa-map')?.getAttribute('data-center') !== c, {}, before);
    assert.equal(await selectedName(page), 'Baku');
    assert.equal(await baku.evaluate((e) => e.getAttribute('aria-pressed')), 'true');
    const [lat, lon] = (await attr(page, '.aa-map', 'data-center'))!.split(',').map(Number);
    assert.ok(
      Math.abs(lat - 40.37767) < 0.5 && Math.abs(lon - 49.89201) < 0.5,
      `map centred on Baku, got ${lat},${lon}`,
    );
    assert.equal(new URL(page.url()).hash, '#place=' + encodeURIComponent(BAKU));
  });

  test('map features are focusable, named, and Enter selects them', async () => {
    const { page } = await openSite();
    const sel = `path.aa-f[data-id="${LACHIN}"]`;
    assert.equal(await attr(page, sel, 'tabindex'), '0');
    assert.equal(await attr(page, sel, 'aria-label'), 'Lachin, district');
    await (await find(page, sel)).evaluate((e) => (e as SVGElement).focus());
    await page.keyboard.press('Enter');
    assert.equal(await selectedName(page), 'Lachin');
    // The name is drawn in the next animation frame (create-area-tip.ts).
    await find(page, '.leaflet-tooltip.aa-tip:not([hidden])', { hasText: /^Lachin$/ });
  });

  test('Tab reaches the map features from the page', async () => {
    const { page } = await openSite();
    // Tab from the map container onwards must land on a drawn feature (not skip the SVG in any engine).
    await (await find(page, '.aa-map')).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () =>
        (document.activeElement as HTMLElement | null)?.getAttribute('data-id') ?? document.activeElement?.className,
    );
    assert.match(String(focused), /^(geonames|wikidata):/);
  });

  test('a click on a region or a point leaves no focus ring on the map; Tab and Shift+Tab show one', async () => {
    const { page } = await openSite();
    /**
     * What has focus and the ring it shows: the map's is drawn by its ::after over Leaflet's panes (styles.css),
     * a shape's is its accent stroke.
     */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el.classList.contains('aa-map')) {
          const after = getComputedStyle(el, '::after');
          const s = after.content === 'none' || after.content === 'normal' ? getComputedStyle(el) : after;
          return `map ${s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`}`;
        }
        return `${el.getAttribute('data-id') ? 'shape' : el.localName} ${el.matches(':focus-visible') ? getComputedStyle(el).stroke : 'none'}`;
      });
    const RING = 'solid 2px rgb(213, 94, 0)';
    await clickShape(page, `path.aa-f[data-id="${KALBAJAR}"]`);
    await find(page, `${PASSAGES} li`);
    assert.equal(await focused(), 'map none');
    // Tab from there lands on a shape, drawn with the accent; Shift+Tab goes back to the map and its ring.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'shape rgb(213, 94, 0)');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    assert.equal(await focused(), `map ${RING}`);
    await clickShape(page, `path.aa-f[data-id="${BAKU}"]`);
    await page.waitForFunction(() => document.querySelector('.aa-passages h3')?.textContent === 'Baku');
    assert.equal(await focused(), 'map none');
  });

  test('#place= deep link selects the place; back and forward restore selections', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent(BAKU));
    assert.equal(await selectedName(page), 'Baku');
    await click(page, '.aa-row', { hasText: 'Kalbajar' });
    assert.equal(await selectedName(page), 'Kalbajar');
    // The history entry is pushed after the frame that shows the passages (issue #4), so wait for it.
    await page.waitForFunction((h) => location.hash === h, {}, '#place=' + encodeURIComponent(KALBAJAR));
    assert.equal(new URL(page.url()).hash, '#place=' + encodeURIComponent(KALBAJAR));
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('.aa-passages h3')?.textContent === 'Baku');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('.aa-passages h3')?.textContent === 'Kalbajar');
  });

  test('previous/next step through the passages and "show in text" focuses the mention', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent('geonames:587116'));
    // The first passages come in the frame of the selection, the rest one frame later (issue #4).
    await find(page, `${PASSAGES} li`, { nth: 3 });
    assert.equal(await count(page, `${PASSAGES} li`), 4);
    const current = () => text(page, `${PASSAGES} li[aria-current="true"] p`);
    assert.match(await current(), /^Turkey still stands/);
    await click(page, `${PASSAGES} button`, { hasText: 'Next' });
    await click(page, `${PASSAGES} button`, { hasText: 'Next' });
    assert.match(await current(), /^Earlier, the ministry/);
    await click(page, `${PASSAGES} button`, { hasText: 'Previous' });
    assert.match(await current(), /^Turkey, as always/);
    await click(page, `${PASSAGES} li[aria-current="true"] button`, { hasText: 'Show in text' });
    await page.waitForFunction(() => document.activeElement?.closest('.aa-article'));
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, inArticle: !!el.closest('.aa-article'), start: el.dataset.start };
    });
    assert.deepEqual(focused, {
      text: 'Azerbaijan',
      inArticle: true,
      start: String(seedSample().features[0].properties.mentions[1].start),
    });
  });

  test('the disputed area shows its note', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent('wikidata:Q44302'));
    assert.match(await text(page, '.aa-note'), /before November 2020/);
  });

  test('export equals the layer byte for byte and is valid GeoJSON; the selection export holds the feature as is', async () => {
    const o = await openSite();
    const all = await download(o, '.aa-tools button', { hasText: 'Download GeoJSON' });
    assert.equal(all.text, seedSampleText());
    assert.equal(all.name, 'turkey-still-stands-with-azerbaijan-says-ankara-amid-fresh.geojson');
    assert.deepEqual(getIssues(all.text), []);
    await clickShape(o.page, `path.aa-f[data-id="${KALBAJAR}"]`);
    await find(o.page, '.aa-tools button:not([disabled])', { hasText: 'Download selection' });
    const sel = await download(o, '.aa-tools button', { hasText: 'Download selection' });
    assert.deepEqual(getIssues(sel.text), []);
    const fc = check(sel.text) as unknown as ArticleLayer;
    assert.deepEqual(
      fc.features,
      seedSample().features.filter((f) => f.id === KALBAJAR),
    );
    assert.match(sel.name, /-kalbajar\.geojson$/);
  });

  test('import then export gives back the same bytes', async () => {
    const o = await openSite();
    // Same layer, different formatting and title: a re-serialisation would not reproduce these bytes.
    const layer = seedSample();
    layer.title = 'Imported – “quoted” title';
    const body = JSON.stringify(layer, null, '\t') + '\n\n';
    const file = join(site.dir, `imported-${engine}.geojson`);
    writeFileSync(file, body);
    await openLayerFile(o.page, file);
    await o.page.waitForFunction(() => document.querySelector('.aa-title')?.textContent?.startsWith('Imported'));
    const out = await download(o, '.aa-tools button', { hasText: 'Download GeoJSON' });
    assert.equal(out.text, body);
  });

  test('importing something that is not a layer shows a designed error', async () => {
    const { page } = await openSite();
    const file = join(site.dir, `not-a-layer-${engine}.json`);
    writeFileSync(file, '{"type":"Feature"}');
    await openLayerFile(page, file);
    assert.match(await text(page, '[role="alert"]'), /This file is not a layer/);
  });

  test('a correction shows on the map, in the list and in the export', async () => {
    const o = await openCorrection(LACHIN, LACHIN_TOWN);
    const { page } = o;
    await click(page, '.aa-fix button', { hasText: 'Apply' });
    await find(page, 'path.aa-f[data-id="geonames:147624"]');
    assert.equal(await count(page, `path.aa-f[data-id="${LACHIN}"]`), 0);
    assert.equal(await selectedName(page), 'Lachin');
    const out = await download(o, '.aa-tools button', { hasText: 'Download GeoJSON' });
    assert.deepEqual(getIssues(out.text), []);
    const layer = JSON.parse(out.text) as ArticleLayer;
    const f = layer.features.find((x) => x.id === LACHIN_TOWN)!;
    assert.equal(f.properties.status, 'corrected');
    assert.equal(f.properties.original, LACHIN);
    assert.equal(f.properties.kind, 'city');
    assert.deepEqual(f.geometry, { type: 'Point', coordinates: [46.55083, 39.6383] });
    assert.deepEqual(f.properties.mentions, seedSample().features.find((x) => x.id === LACHIN)!.properties.mentions);
    assert.equal(layer.features.length, seedSample().features.length);
  });

  test('a choice made for one place does not carry over to the next selected place', async () => {
    const { page } = await openCorrection(BAKU, 'none');
    await click(page, '.aa-row', { hasText: 'Lachin' });
    assert.equal(await selectedName(page), 'Lachin');
    // The form starts closed for the new place, and opens on Lachin's first alternative, not Baku's "none".
    assert.equal(await count(page, '.aa-fix select'), 0);
    await click(page, '.aa-fix summary');
    const first = seedSample()
      .features.find((x) => x.id === LACHIN)!
      .properties.candidates.find((c) => c.id !== LACHIN)!.id;
    assert.equal(await (await find(page, '.aa-fix select')).evaluate((e) => (e as HTMLSelectElement).value), first);
  });

  test('"not a place" removes the place from map and lists and is recorded in the export', async () => {
    const o = await openCorrection(BAKU, 'none');
    const { page } = o;
    await click(page, '.aa-fix button', { hasText: 'Apply' });
    await gone(page, `path.aa-f[data-id="${BAKU}"]`);
    assert.equal(await count(page, '.aa-row', { hasText: 'Baku' }), 0);
    assert.equal(await count(page, '.aa-article .aa-m', { hasText: 'Baku' }), 0);
    const out = await download(o, '.aa-tools button', { hasText: 'Download GeoJSON' });
    assert.deepEqual(getIssues(out.text), []);
    const layer = JSON.parse(out.text) as ArticleLayer;
    const f = layer.features.find((x) => x.properties.original === BAKU)!;
    assert.equal(f.geometry, null);
    assert.equal(f.properties.status, 'corrected');
  });

  test('adjectival mentions are distinct and can be hidden', async () => {
    const { page } = await openSite();
    await find(page, '.aa-article .aa-m.aa-adj');
    await click(page, '.aa-check input[type=checkbox]');
    await gone(page, '.aa-article .aa-m.aa-adj');
    assert.match(await text(page, '.aa-article'), /Armenian forces/);
  });

  test('the filter box narrows the place list; main places are set apart', async () => {
    const { page } = await openSite();
    assert.deepEqual(await texts(page, '.aa-places h4'), ['What the article is about', 'Also mentioned']);
    await (await find(page, 'input[aria-label="Filter places"]')).type('lach');
    await page.waitForFunction(() => document.querySelectorAll('.aa-row').length === 1);
    assert.deepEqual(await texts(page, '.aa-row .aa-name'), ['Lachin']);
  });

  test('narrow screens stack the map above the panel without horizontal scrolling', async () => {
    const { page } = await openSite('', { width: 390, height: 844 });
    const map = await (await find(page, '.aa-mapbox')).boundingBox();
    const panel = await (await find(page, '.aa-panel')).boundingBox();
    assert.ok(map && panel && panel.y >= map.y + map.height - 1, JSON.stringify({ map, panel }));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  });

  test('no request leaves 127.0.0.1', async () => {
    const { page, requests } = await openSite();
    await click(page, '.aa-row', { hasText: 'Moscow' });
    await new Promise((r) => setTimeout(r, 200));
    const all = b.opened.flatMap((o) => o.requests);
    assert.ok(requests.some((u) => u.endsWith('/basemap.json')));
    const outside = all.filter(
      (u) => !u.startsWith(site.server.url) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    assert.deepEqual(outside, []);
  });
}
