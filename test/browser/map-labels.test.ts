// Names on the map (declutter-labels.ts, create-label-layer.ts), in Chromium and Firefox, on the explorer
// `article-atlas build` makes for the bundled seed article: with all places in view ("Show all places"; the first
// view frames the South Caucasus) Yerevan lies within 60 px of Ankara and Baku, so names give way by importance,
// never overlap, come back on zoom and follow the selection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { geoparse } from '../../src/core/geoparse.ts';
import { readArticle } from '../../src/extract/read-article.ts';
import { seedArticlePath } from '../../src/cli/seed-article.ts';
import { realResources } from '../helpers/real-resources.ts';
import { click, clickShape, ENGINES, find, settle, startSite, useBrowser, YEREVAN, type Site } from './harness.ts';

let site: Site;

before(async () => {
  // What `article-atlas build -o DIR` writes when given no article.
  const article = await readArticle(readFileSync(seedArticlePath()), seedArticlePath());
  site = await startSite(geoparse(article.text, { ...realResources(), title: article.title }));
});

after(async () => {
  await site?.close();
});

interface Label {
  name: string;
  shown: boolean;
  box: { x: number; y: number; w: number; h: number };
}

/** Every name on the map (cities', areas', the basemap's) with its box on screen, and the city dots' boxes by name. */
async function readLabels(page: Page): Promise<{ labels: Label[]; dots: Record<string, Label['box']> }> {
  // No named functions in the page's code: tsx's name helpers would not exist there.
  const all = await page.evaluate(() =>
    [...document.querySelectorAll('.aa-lbl, path.aa-k-city')].map((e) => {
      const r = e.getBoundingClientRect();
      const name = e.localName === 'div' ? e.textContent! : e.getAttribute('aria-label')!.split(',')[0];
      const city = e.classList.contains('aa-lbl-city');
      return {
        dot: e.localName === 'path',
        city,
        name,
        shown: !(e as HTMLElement).hidden,
        box: { x: r.x, y: r.y, w: r.width, h: r.height },
      };
    }),
  );
  return {
    labels: all.filter((e) => !e.dot),
    dots: Object.fromEntries(all.filter((e) => e.dot).map((e) => [e.name, e.box])),
  };
}

/** The cities named on the map. */
async function namedCities(page: Page): Promise<string[]> {
  return page.$$eval('.aa-lbl-city:not([hidden])', (ls) => ls.map((l) => l.textContent!).sort());
}

const overlap = (a: Label['box'], b: Label['box']) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The names of the labels shown, after checking that no two of them overlap. */
async function shownLabels(page: Page): Promise<string[]> {
  const { labels } = await readLabels(page);
  const shown = labels.filter((l) => l.shown);
  for (const a of shown)
    for (const b of shown)
      if (a !== b) assert.ok(!overlap(a.box, b.box), `${a.name} overlaps ${b.name}: ${JSON.stringify([a.box, b.box])}`);
  return shown.map((l) => l.name).sort();
}

for (const engine of ENGINES)
  describe(`map labels on the seed article in ${engine}`, () => {
    const b = useBrowser(engine);
    async function openSite() {
      const o = await b.open(site.server.url);
      await click(o.page, '.aa-showall', { hasText: 'Show all places' });
      // The button turns once the move has ended and every place is in view (its names are placed again then).
      await find(o.page, '.aa-showall', { hasText: 'Back to the main places' });
      await settle(o.page);
      return o.page;
    }
    test('with all places in view no two names overlap and none covers a city dot; Yerevan gives way and names itself on hover', async () => {
      const page = await openSite();
      const shown = await shownLabels(page);
      assert.ok(shown.includes('Baku') && !shown.includes('Yerevan'), shown.join(', '));
      const { labels, dots } = await readLabels(page);
      for (const l of labels.filter((x) => x.shown)) {
        for (const [name, dot] of Object.entries(dots))
          if (name !== l.name) assert.ok(!overlap(l.box, dot), `${l.name} covers the dot of ${name}`);
      }
      await (await find(page, `path.aa-f[data-id="${YEREVAN}"]`)).hover();
      await find(page, '.leaflet-tooltip.aa-tip:not([hidden])', { hasText: /^Yerevan$/ });
    });

    test('zooming in on the Caucasus gives room back to the hidden names', async () => {
      const page = await openSite();
      assert.ok(!(await namedCities(page)).includes('Yerevan'));
      // The wheel zooms around the pointer once the map has focus (a click on it gives it that).
      const dot = (await readLabels(page)).dots.Yerevan;
      const map = await page.$eval('.aa-map', (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y };
      });
      await page.mouse.click(map.x + 40, map.y + 120);
      const zoom = () => page.$eval('.aa-map', (e) => Number((e as HTMLElement).dataset.zoom));
      const start = await zoom();
      await page.mouse.move(dot.x + dot.w / 2, dot.y + dot.h / 2);
      // Engines turn a wheel step into different zoom steps: roll until two levels are gained.
      for (let i = 0; i < 8 && (await zoom()) < start + 2; i++) {
        await page.mouse.wheel({ deltaY: -120 });
        await new Promise((r) => setTimeout(r, 400));
      }
      await page.waitForFunction(
        (z) => Number((document.querySelector('.aa-map') as HTMLElement).dataset.zoom) >= z + 2,
        {},
        start,
      );
      await settle(page);
      const shown = await shownLabels(page);
      for (const city of ['Baku', 'Yerevan']) assert.ok(shown.includes(city), shown.join(', '));
    });

    test("the basemap's names far from the view are measured only once the map comes near them", async () => {
      // Every text measured on a canvas, as the label layer sizes names (a string: it runs in the page).
      const init = `(() => {
        const measured = (window.__measured = []);
        const real = CanvasRenderingContext2D.prototype.measureText;
        CanvasRenderingContext2D.prototype.measureText = function (text) {
          measured.push(text);
          return real.call(this, text);
        };
      })()`;
      const { page } = await b.open(site.server.url, { init });
      await page.waitForSelector('.aa-map[data-complete]');
      const measured = (): Promise<string[]> => page.evaluate(() => (window as any).__measured);
      const first = await measured();
      // Georgia's name (small capitals: measured as written) is on the first view of the Caucasus; Australia's is not.
      assert.ok(first.includes('Georgia'), first.join());
      assert.ok(!first.includes('Australia'), first.join());
      const zoom = () => page.$eval('.aa-map', (e) => Number((e as HTMLElement).dataset.zoom));
      for (let i = 0; i < 8 && (await zoom()) > 2; i++) {
        await click(page, '.leaflet-control-zoom-out');
        await new Promise((r) => setTimeout(r, 400));
      }
      await settle(page);
      assert.ok((await measured()).includes('Australia'), `zoom ${await zoom()}`);
      const shown = await shownLabels(page);
      assert.ok(shown.includes('Australia'), `zoom ${await zoom()}: ${shown.join()}`);
    });

    test('the selected city is labelled first', async () => {
      const page = await openSite();
      await clickShape(page, `path.aa-f[data-id="${YEREVAN}"]`);
      await page.waitForFunction(() => document.querySelector('.aa-passages h3')?.textContent === 'Yerevan');
      await find(page, `path.aa-sel[data-id="${YEREVAN}"]`);
      const shown = await shownLabels(page);
      assert.ok(shown.includes('Yerevan'), shown.join());
    });
  });
