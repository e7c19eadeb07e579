// The explorer opening a story map of 20,000 cities through its file input (issue #19 item 14), in Chromium and
// Firefox: the panel says how much of the file is read while it is read, then the map draws every city, names
// some of them without overlaps, frames the view chooseFocus gives (the layer has no `focus`), and the place list
// and the text show; a place then answers a click. Timings are the bench's (test/bench/import-bench.ts).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { manyCities } from '../helpers/many-cities.ts';
import {
  click,
  count,
  ENGINES,
  find,
  layerShown,
  type Opened,
  openLayerFile,
  seedSample,
  text,
  useBrowser,
  useSite,
} from './harness.ts';

const CITIES = 20_000;

const site = useSite(seedSample());
before(async () => {
  await site.started;
  writeFileSync(join(site.dir, 'cities.json'), JSON.stringify(manyCities(CITIES)));
});

for (const engine of ENGINES)
  describe(`the explorer with ${CITIES} places in ${engine}`, () => {
    const b = useBrowser(engine);
    let o: Opened;
    before(async () => {
      o = await b.open(site.server.url);
    });

    test('opening the file: its progress, then the map, the names, the list and the text', async () => {
      const { page } = o;
      // Every text the opening status shows, recorded as it changes (it may last only a few frames).
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { aaOpening: string[] }).aaOpening = seen;
        new MutationObserver(() => {
          const t = document.querySelector('.aa-opening')?.textContent;
          if (t && seen.at(-1) !== t) seen.push(t);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await openLayerFile(page, join(site.dir, 'cities.json'));
      await layerShown(page, `${CITIES} towns`, { timeout: 300_000, polling: 100 });
      const seen = await page.evaluate(() => (window as unknown as { aaOpening: string[] }).aaOpening);
      assert.ok(seen.length >= 2, `status texts seen: ${JSON.stringify(seen)}`);
      for (const t of seen) assert.match(t, /^Opening the file… \d{1,3}%$/);
      // Read a slice per task: the share grows (10 slices of 2,000 features).
      const shares = seen.map((t) => Number(/(\d+)%/.exec(t)![1]));
      assert.deepEqual(
        shares,
        [...shares].sort((a, b) => a - b),
        'the share only grows',
      );
      assert.ok(
        shares.some((s) => s > 0 && s < 100),
        `a share between: ${shares}`,
      );
      assert.equal(await count(page, '.aa-opening'), 0, 'the status is gone once the file is read');
      // Every city drawn, in slices.
      await page.waitForFunction(
        (n) => document.querySelectorAll('path.aa-k-city').length === n,
        { timeout: 120_000, polling: 500 },
        CITIES,
      );
      // Names on the map, none over another (a pixel of slack for the rounding).
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('.aa-lbl:not([hidden])')].map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.top, r.right, r.bottom];
        }),
      );
      assert.ok(boxes.length > 20, `${boxes.length} names shown`);
      const overlap = (a: number[], b: number[]) =>
        a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;
      assert.deepEqual(
        boxes.flatMap((a, i) => boxes.slice(i + 1).filter((x) => overlap(a, x))),
        [],
      );
      assert.deepEqual(o.errors, []);
    });

    test('zoomed in, the cities in view are named again, none over another nor cut by the edge', async () => {
      const { page } = o;
      const names = () =>
        page.evaluate(() => {
          const map = document.querySelector('.aa-map')!.getBoundingClientRect();
          return [...document.querySelectorAll('.aa-lbl:not([hidden])')]
            .map((e) => {
              const r = e.getBoundingClientRect();
              return [r.left, r.top, r.right, r.bottom];
            })
            .filter(([l, t, r, b]) => r > map.left && l < map.right && b > map.top && t < map.bottom)
            .map((b) => ({
              b,
              cut: b[0] < map.left - 1 || b[2] > map.right + 1 || b[1] < map.top - 1 || b[3] > map.bottom + 1,
            }));
        });
      const shownNames = () => [...document.querySelectorAll('.aa-lbl:not([hidden])')].map((e) => e.textContent).join();
      const before = await page.evaluate(shownNames);
      // Three steps in: most of the 20,000 cities now lie outside the view.
      for (let i = 0; i < 3; i++) {
        await click(page, '.leaflet-control-zoom-in');
        await new Promise((r) => setTimeout(r, 400));
      }
      await page.waitForFunction(
        (was) => {
          const now = [...document.querySelectorAll('.aa-lbl:not([hidden])')].map((e) => e.textContent).join();
          return now && now !== was;
        },
        {},
        before,
      );
      await new Promise((r) => setTimeout(r, 500));
      const shown = await names();
      assert.ok(shown.length > 20, `${shown.length} names in view`);
      assert.deepEqual(
        shown.filter((n) => n.cut),
        [],
        'no name cut by the edge',
      );
      const overlap = (a: number[], b: number[]) =>
        a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;
      assert.deepEqual(
        shown.flatMap(({ b: a }, i) => shown.slice(i + 1).filter(({ b }) => overlap(a, b))),
        [],
      );
      assert.deepEqual(o.errors, []);
    });

    test('a place in the list answers a click with its passage; "Show in text" reaches the last one', async () => {
      const { page } = o;
      await click(page, '.aa-row', { hasText: /^Town 7(?!\d)/ });
      await page.waitForFunction(() =>
        document.querySelector('section[aria-label="Passages"] mark')?.textContent?.startsWith('Town 7'),
      );
      assert.equal(await text(page, 'section[aria-label="Passages"] mark'), 'Town 7');
      // The last town, in the last of 400 paragraphs (laid out only when in sight): "Show in text" reaches it.
      await (await find(page, '.aa-filter')).type('Town 19999');
      await page.waitForFunction(() => document.querySelectorAll('.aa-row').length === 1);
      await click(page, '.aa-row', { hasText: /^Town 19999(?!\d)/ });
      await click(page, '.aa-passages button', { hasText: 'Show in text' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'Town 19999', { timeout: 60_000 });
      // On screen once the scroll has settled.
      await page.waitForFunction(
        () => {
          const r = document.activeElement!.getBoundingClientRect();
          return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
        },
        { timeout: 10_000 },
      );
      assert.deepEqual(o.errors, []);
    });
  });
