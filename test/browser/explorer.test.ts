// Browser tests of the explorer (issue #4) in Debian's headless Chromium: map ↔ passages in both
// directions, deep links and history, export/import byte for byte, hand correction, and no request
// leaving 127.0.0.1. The site is built with buildSite and served with serveSite, like `article-atlas build`.
import { check, getIssues } from '@placemarkio/check-geojson';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ArticleLayer } from '../../src/core/types.ts';
import { launch, open, seedSample, seedSampleText, startSite, type Opened, type Site } from './harness.ts';

const KALBAJAR = 'geonames:148535';
const BAKU = 'geonames:587084';
const LACHIN = 'geonames:147622';

let site: Site;
let browser: Browser;
const opened: Opened[] = [];

async function openSite(hash = '', opts = {}) {
  const o = await open(browser, site.server.url + hash, opts);
  opened.push(o);
  return o;
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const selectedName = (page: Page) => page.locator('.aa-passages h3').textContent();

before(async () => {
  // The fixture's own bytes as layer.geojson, so "export equals the layer" means byte for byte.
  site = await startSite(seedSample(), seedSampleText());
  browser = await launch();
});

after(async () => {
  for (const o of opened) await o.context.close();
  await browser?.close();
  await site?.close();
});

describe('explorer on the seed sample', () => {
  test('clicking the Kalbajar polygon lists the passage with "Kalbajar and Lachin"', async () => {
    const { page, errors } = await openSite();
    await page.locator(`path.aa-f[data-id="${KALBAJAR}"]`).click();
    const panel = page.getByRole('region', { name: 'Passages' });
    await panel.locator('li').first().waitFor();
    assert.equal(await selectedName(page), 'Kalbajar');
    const passages = await panel.locator('li p').allTextContents();
    assert.equal(passages.length, 1);
    assert.match(passages[0], /Kalbajar and Lachin/);
    assert.deepEqual(await panel.locator('li mark').allTextContents(), ['Kalbajar']);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Selected Kalbajar, district in Azerbaijan/);
    assert.equal(await page.locator(`path[data-id="${KALBAJAR}"]`).getAttribute('class').then((c) => c?.includes('aa-sel')), true);
    assert.deepEqual(errors, []);
  });

  test('Enter on "Baku" in the text selects Baku and moves the map', async () => {
    const { page } = await openSite();
    const map = page.locator('.aa-map');
    const before = await map.getAttribute('data-center');
    const baku = page.locator('.aa-article .aa-m', { hasText: /^Baku$/ }).first();
    await baku.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => document.querySelector('.aa-map')?.getAttribute('data-center') !== c, before);
    assert.equal(await selectedName(page), 'Baku');
    assert.equal(await baku.getAttribute('aria-pressed'), 'true');
    const [lat, lon] = (await map.getAttribute('data-center'))!.split(',').map(Number);
    assert.ok(Math.abs(lat - 40.37767) < 0.5 && Math.abs(lon - 49.89201) < 0.5, `map centred on Baku, got ${lat},${lon}`);
    assert.equal(new URL(page.url()).hash, '#place=' + encodeURIComponent(BAKU));
  });

  test('map features are focusable, named, and Enter selects them', async () => {
    const { page } = await openSite();
    const path = page.locator(`path.aa-f[data-id="${LACHIN}"]`);
    assert.equal(await path.getAttribute('tabindex'), '0');
    assert.equal(await path.getAttribute('aria-label'), 'Lachin, district');
    await path.focus();
    await page.keyboard.press('Enter');
    assert.equal(await selectedName(page), 'Lachin');
    assert.equal(await page.locator('.leaflet-tooltip.aa-tip').textContent(), 'Lachin');
  });

  test('#place= deep link selects the place; back and forward restore selections', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent(BAKU));
    await page.locator('.aa-passages h3').waitFor();
    assert.equal(await selectedName(page), 'Baku');
    await page.locator('.aa-row', { hasText: 'Kalbajar' }).click();
    assert.equal(await selectedName(page), 'Kalbajar');
    assert.equal(new URL(page.url()).hash, '#place=' + encodeURIComponent(KALBAJAR));
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('.aa-passages h3')?.textContent === 'Baku');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('.aa-passages h3')?.textContent === 'Kalbajar');
  });

  test('previous/next step through the passages and "show in text" focuses the mention', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent('geonames:587116'));
    const panel = page.getByRole('region', { name: 'Passages' });
    assert.equal(await panel.locator('li').count(), 4);
    assert.match((await panel.locator('li[aria-current="true"] p').textContent()) ?? '', /^Turkey still stands/);
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByRole('button', { name: 'Next' }).click();
    assert.match((await panel.locator('li[aria-current="true"] p').textContent()) ?? '', /^Earlier, the ministry/);
    await panel.getByRole('button', { name: 'Previous' }).click();
    assert.match((await panel.locator('li[aria-current="true"] p').textContent()) ?? '', /^Turkey, as always/);
    await panel.locator('li[aria-current="true"]').getByRole('button', { name: 'Show in text' }).click();
    await page.waitForFunction(() => document.activeElement?.closest('.aa-article'));
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, inArticle: !!el.closest('.aa-article'), start: el.dataset.start };
    });
    assert.deepEqual(focused, { text: 'Azerbaijan', inArticle: true, start: String(seedSample().features[0].properties.mentions[1].start) });
  });

  test('the disputed area shows its note', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent('wikidata:Q44302'));
    assert.match((await page.locator('.aa-note').textContent()) ?? '', /before November 2020/);
  });

  test('export equals the layer byte for byte and is valid GeoJSON; the selection export holds the feature as is', async () => {
    const { page } = await openSite();
    const all = await download(page, 'Download GeoJSON');
    assert.equal(all.text, seedSampleText());
    assert.equal(all.name, 'turkey-still-stands-with-azerbaijan-says-ankara-amid-fresh.geojson');
    assert.deepEqual(getIssues(all.text), []);
    await page.locator(`path.aa-f[data-id="${KALBAJAR}"]`).click();
    const sel = await download(page, 'Download selection');
    assert.deepEqual(getIssues(sel.text), []);
    const fc = check(sel.text) as unknown as ArticleLayer;
    assert.deepEqual(fc.features, seedSample().features.filter((f) => f.id === KALBAJAR));
    assert.match(sel.name, /-kalbajar\.geojson$/);
  });

  test('import then export gives back the same bytes', async () => {
    const { page } = await openSite();
    // Same layer, different formatting and title: a re-serialisation would not reproduce these bytes.
    const layer = seedSample();
    layer.title = 'Imported – “quoted” title';
    const text = JSON.stringify(layer, null, '\t') + '\n\n';
    const file = join(site.dir, 'imported.geojson');
    writeFileSync(file, text);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.waitForFunction(() => document.querySelector('.aa-title')?.textContent?.startsWith('Imported'));
    const out = await download(page, 'Download GeoJSON');
    assert.equal(out.text, text);
  });

  test('importing something that is not a layer shows a designed error', async () => {
    const { page } = await openSite();
    const file = join(site.dir, 'not-a-layer.json');
    writeFileSync(file, '{"type":"Feature"}');
    await page.locator('input[type=file]').setInputFiles(file);
    assert.match((await page.getByRole('alert').textContent()) ?? '', /This file is not a layer/);
  });

  test('a correction shows on the map, in the list and in the export', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent(LACHIN));
    await page.locator('.aa-fix summary').click();
    await page.locator('.aa-fix select').selectOption('geonames:147624');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('path.aa-f[data-id="geonames:147624"]').waitFor();
    assert.equal(await page.locator(`path.aa-f[data-id="${LACHIN}"]`).count(), 0);
    assert.equal(await selectedName(page), 'Lachin');
    const out = await download(page, 'Download GeoJSON');
    assert.deepEqual(getIssues(out.text), []);
    const layer = JSON.parse(out.text) as ArticleLayer;
    const f = layer.features.find((x) => x.id === 'geonames:147624')!;
    assert.equal(f.properties.status, 'corrected');
    assert.equal(f.properties.original, LACHIN);
    assert.equal(f.properties.kind, 'city');
    assert.deepEqual(f.geometry, { type: 'Point', coordinates: [46.55083, 39.6383] });
    assert.deepEqual(f.properties.mentions, seedSample().features.find((x) => x.id === LACHIN)!.properties.mentions);
    assert.equal(layer.features.length, seedSample().features.length);
  });

  test('"not a place" removes the place from map and lists and is recorded in the export', async () => {
    const { page } = await openSite('#place=' + encodeURIComponent(BAKU));
    await page.locator('.aa-fix summary').click();
    await page.locator('.aa-fix select').selectOption('none');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator(`path.aa-f[data-id="${BAKU}"]`).waitFor({ state: 'detached' });
    assert.equal(await page.locator('.aa-row', { hasText: 'Baku' }).count(), 0);
    assert.equal(await page.locator('.aa-article .aa-m', { hasText: 'Baku' }).count(), 0);
    const out = await download(page, 'Download GeoJSON');
    assert.deepEqual(getIssues(out.text), []);
    const layer = JSON.parse(out.text) as ArticleLayer;
    const f = layer.features.find((x) => x.properties.original === BAKU)!;
    assert.equal(f.geometry, null);
    assert.equal(f.properties.status, 'corrected');
  });

  test('adjectival mentions are distinct and can be hidden', async () => {
    const { page } = await openSite();
    const adj = page.locator('.aa-article .aa-m.aa-adj');
    assert.ok((await adj.count()) > 0);
    await page.getByLabel(/Highlight adjectives/).uncheck();
    assert.equal(await adj.count(), 0);
    assert.match((await page.locator('.aa-article').textContent()) ?? '', /Armenian forces/);
  });

  test('the filter box narrows the place list; main places are set apart', async () => {
    const { page } = await openSite();
    const headings = await page.locator('.aa-places h4').allTextContents();
    assert.deepEqual(headings, ['What the article is about', 'Also mentioned']);
    await page.getByLabel('Filter places').fill('lach');
    assert.deepEqual(await page.locator('.aa-row .aa-name').allTextContents(), ['Lachin']);
  });

  test('narrow screens stack the map above the panel without horizontal scrolling', async () => {
    const { page } = await openSite('', { width: 390, height: 844 });
    const map = await page.locator('.aa-mapbox').boundingBox();
    const panel = await page.locator('.aa-panel').boundingBox();
    assert.ok(map && panel && panel.y >= map.y + map.height - 1);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  });

  test('no request leaves 127.0.0.1', async () => {
    const { page, requests } = await openSite();
    await page.locator('.aa-row', { hasText: 'Moscow' }).click();
    await page.waitForTimeout(200);
    const all = opened.flatMap((o) => o.requests);
    assert.ok(requests.some((u) => u.endsWith('/basemap.json')));
    const outside = all.filter((u) => !u.startsWith(site.server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(outside, []);
  });
});
