// City labels on the map (declutter-labels.ts), in Chromium and Firefox, on the explorer `article-atlas build`
// makes for the bundled seed article: with all places in view ("Show all places"; the first view frames the
// South Caucasus, issue #14) Ankara, Yerevan and Baku lie within 60 px of each other, so labels give way by
// importance, move left of their dot, come back on zoom and follow the selection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { geoparse } from '../../src/core/geoparse.ts';
import { readArticle } from '../../src/cli/read-article.ts';
import { seedArticlePath } from '../../src/cli/seed-article.ts';
import { realResources } from '../helpers/real-resources.ts';
import { click, clickShape, close, ENGINES, find, launch, open, settle, type Opened, type Site, startSite } from './harness.ts';

const YEREVAN = 'geonames:616052';

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

/** Every city label with its box on screen, and the boxes of the city dots by name. */
async function readLabels(page: Page): Promise<{ labels: Label[]; dots: Record<string, Label['box']> }> {
  // No named functions in the page's code: tsx's name helpers would not exist there.
  const all = await page.evaluate(() =>
    [...document.querySelectorAll('.aa-label span, path.aa-k-city')].map((e) => {
      const r = e.getBoundingClientRect();
      const name = e.localName === 'span' ? e.textContent! : e.getAttribute('aria-label')!.split(',')[0];
      return { dot: e.localName === 'path', name, shown: getComputedStyle(e).visibility === 'visible', box: { x: r.x, y: r.y, w: r.width, h: r.height } };
    }),
  );
  return { labels: all.filter((e) => !e.dot), dots: Object.fromEntries(all.filter((e) => e.dot).map((e) => [e.name, e.box])) };
}

const overlap = (a: Label['box'], b: Label['box']) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The names of the labels shown, after checking that no two of them overlap. */
async function shownLabels(page: Page): Promise<string[]> {
  const { labels } = await readLabels(page);
  const shown = labels.filter((l) => l.shown);
  for (const a of shown) for (const b of shown) if (a !== b) assert.ok(!overlap(a.box, b.box), `${a.name} overlaps ${b.name}: ${JSON.stringify([a.box, b.box])}`);
  return shown.map((l) => l.name).sort();
}

for (const engine of ENGINES) describe(`map labels on the seed article in ${engine}`, () => {
  let browser: Browser;
  const opened: Opened[] = [];
  async function openSite() {
    const o = await open(browser, site.server.url);
    opened.push(o);
    await click(o.page, '.aa-showall', { hasText: 'Show all places' });
    await settle(o.page);
    return o.page;
  }
  before(async () => {
    browser = await launch(engine);
  });
  after(async () => {
    for (const o of opened) await close(o);
    await browser?.close();
  });

  test('with all places in view no two city labels overlap and none covers a city dot; Yerevan gives way to Ankara and Baku', async () => {
    const page = await openSite();
    assert.deepEqual(await shownLabels(page), ['Ankara', 'Baku', 'Moscow']);
    const { labels, dots } = await readLabels(page);
    for (const l of labels.filter((x) => x.shown)) {
      for (const [name, dot] of Object.entries(dots)) if (name !== l.name) assert.ok(!overlap(l.box, dot), `${l.name} covers the dot of ${name}`);
    }
    // Ankara's label went left of its dot, clear of Yerevan's; Yerevan's name shows on hover instead.
    const ankara = labels.find((l) => l.name === 'Ankara')!;
    assert.ok(ankara.box.x + ankara.box.w < dots.Ankara.x, JSON.stringify({ ankara, dot: dots.Ankara }));
    await (await find(page, `path.aa-f[data-id="${YEREVAN}"]`)).hover();
    await find(page, '.leaflet-tooltip.aa-tip:not([hidden])', { hasText: /^Yerevan$/ });
  });

  test('zooming in gives room back to the hidden labels', async () => {
    const page = await openSite();
    const zoom = () => page.$eval('.aa-map', (e) => Number((e as HTMLElement).dataset.zoom));
    const start = await zoom();
    for (let i = 1; i <= 2; i++) {
      await (await find(page, '.leaflet-control-zoom-in')).click();
      await page.waitForFunction((z) => Number((document.querySelector('.aa-map') as HTMLElement).dataset.zoom) === z, {}, start + i);
    }
    await settle(page);
    assert.deepEqual(await shownLabels(page), ['Ankara', 'Baku', 'Moscow', 'Yerevan']);
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
