// The whole explorer opening a layer of 5,000 cities through its file input (issue #19 item 14), in Chromium and
// Firefox: the page keeps answering; the place list renders a window of its rows (with their position in the
// list for screen readers), Tab walks on past the window, a place clicked on the map has its row scrolled into
// view; the article text makes every mention a button, a chunk per task; a name in the text selects its place,
// and "Show in text" reaches a mention far down; every city is drawn, the names on the map do not overlap, and a
// file over the explorer's limit is refused by name. test/bench/import-bench.ts times 1,000 to 20,000.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { MAX_LAYER_PARTS } from '../../src/ui/model/validate-layer.ts';
import { manyCities } from '../helpers/many-cities.ts';
import {
  attr,
  click,
  count,
  ENGINES,
  find,
  type Opened,
  openLayerFile,
  seedSample,
  startGapTimer,
  stopGapTimer,
  text,
  useBrowser,
  useSite,
} from './harness.ts';

const CITIES = 5000;
/** manyCities names Town 0 to Town 49 in the first paragraph, the headline: they are the main places. */
const REST = CITIES - 50;
/**
 * The page may not stop answering for longer than this. A task of the import takes ~0.3 s of CPU (the map's
 * first view; test/bench/README.md); the bound leaves room for a loaded machine and fails on the freeze this
 * replaced (9–10 s at 5,000 places, 6 s on this machine's load).
 */
const MAX_GAP_MS = 5000;

const site = useSite(seedSample());
before(async () => {
  await site.started;
  writeFileSync(join(site.dir, 'cities.json'), JSON.stringify(manyCities(CITIES)));
  const point = (i: number) =>
    `{"type":"Feature","id":"p${i}","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"name":"P","kind":"city"}}`;
  const features = Array.from({ length: MAX_LAYER_PARTS + 1 }, (_, i) => point(i)).join(',');
  writeFileSync(join(site.dir, 'too-many.json'), `{"type":"FeatureCollection","features":[${features}]}`);
});

for (const engine of ENGINES)
  describe(`the explorer with ${CITIES} places in ${engine}`, () => {
    const b = useBrowser(engine);
    let o: Opened;
    before(async () => {
      o = await b.open(site.server.url);
    });
    test('opening the file: the page answers, the list is windowed, every mention becomes a button', async () => {
      const { page } = o;
      await startGapTimer(page);
      await openLayerFile(page, join(site.dir, 'cities.json'));
      await page.waitForFunction(
        (n) => document.querySelectorAll('.aa-article .aa-m').length === n && document.querySelector('.aa-row'),
        { timeout: 120_000 },
        CITIES,
      );
      await new Promise((r) => setTimeout(r, 500));
      const gap = await stopGapTimer(page);
      console.log(
        `# ${engine}: the longest the page did not answer while opening ${CITIES} places: ${gap.toFixed(0)} ms`,
      );
      assert.ok(gap < MAX_GAP_MS, `the page did not answer for ${gap.toFixed(0)} ms`);
      await page.waitForFunction((n) => document.querySelectorAll('path.aa-k-city').length === n, {}, CITIES);
      assert.equal(await text(page, '.aa-title'), `${CITIES} towns`);
      const rows = await count(page, '.aa-row');
      assert.ok(rows > 10 && rows < 120, `${rows} rows rendered`);
      assert.equal(await attr(page, `li[aria-setsize="${REST}"]`, 'aria-posinset'), '1');
      assert.equal(await count(page, `li[aria-setsize="${REST}"]`, { hasText: /^Town 50(?!\d)/ }), 1);
      assert.deepEqual(o.errors, []);
    });

    test('the names on the map do not overlap one another', async () => {
      const boxes = await o.page.evaluate(() =>
        [...document.querySelectorAll('.aa-lbl:not([hidden])')].map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.top, r.right, r.bottom];
        }),
      );
      assert.ok(boxes.length > 20, `${boxes.length} names shown`);
      // A pixel of slack: the boxes are rounded to whole pixels when placed.
      const overlap = (a: number[], b: number[]) =>
        a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;
      const pairs = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => overlap(a, b))
          .map((b) => [a, b]),
      );
      assert.deepEqual(pairs, []);
    });

    test('Tab walks the list on past the rows first rendered', async () => {
      const { page } = o;
      await click(page, '.aa-row', { hasText: /^Town 50(?!\d)/ });
      for (let i = 0; i < 60; i++) await page.keyboard.press('Tab');
      const at = await page.evaluate(() => ({
        row: document.activeElement?.classList.contains('aa-row'),
        pos: Number(document.activeElement?.closest('li')?.getAttribute('aria-posinset')),
      }));
      assert.deepEqual(at, { row: true, pos: 61 });
    });

    test('a place clicked on the map: its row is scrolled into view and pressed', async () => {
      const { page } = o;
      // A dot far down the list that nothing covers on the map.
      const hit = await page.evaluate(() => {
        for (const path of document.querySelectorAll<SVGPathElement>('path.aa-k-city[data-id]')) {
          const n = Number(path.dataset.id!.split(':')[1]);
          if (n < 3000) continue;
          const r = path.getBoundingClientRect();
          const x = r.x + r.width / 2;
          const y = r.y + r.height / 2;
          if (r.width && document.elementFromPoint(x, y) === path) return { x, y, name: `Town ${n}` };
        }
        return null;
      });
      assert.ok(hit, 'a free dot');
      await page.mouse.click(hit.x, hit.y);
      await page.waitForFunction(
        (name) => {
          const row = document.querySelector('.aa-row[aria-pressed="true"]');
          const box = row?.closest('.aa-window')?.getBoundingClientRect();
          const r = row?.getBoundingClientRect();
          return row?.querySelector('.aa-name')?.textContent === name && r!.top >= box!.top && r!.bottom <= box!.bottom;
        },
        {},
        hit.name,
      );
    });

    test('a name in the text selects its place; "Show in text" reaches a mention far down', async () => {
      const { page } = o;
      await click(page, '.aa-article .aa-m', { hasText: /^Town 4321$/ });
      await page
        .waitForFunction(() =>
          document.querySelector('[role="status"]')?.textContent?.startsWith('Selected Town 4321,'),
        )
        .catch(async (e) => {
          throw new Error(`${e.message}; status: ${await text(page, '[role="status"]')}`);
        });
      await page.waitForFunction(() => document.querySelector('.aa-article .aa-m.aa-on')?.textContent === 'Town 4321');
      await (await find(page, '.aa-filter')).type('Town 4999');
      await page.waitForFunction(() => document.querySelectorAll('.aa-row').length === 1);
      await click(page, '.aa-row', { hasText: /^Town 4999(?!\d)/ });
      await click(page, '.aa-passages button', { hasText: 'Show in text' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'Town 4999');
      assert.deepEqual(o.errors, []);
    });

    test(`a file of over ${MAX_LAYER_PARTS} places is refused with the limit named; the layer shown stays`, async () => {
      const { page } = o;
      const input = (await find(page, 'input[type=file]')) as unknown as { uploadFile(p: string): Promise<void> };
      await input.uploadFile(join(site.dir, 'too-many.json'));
      await page.waitForFunction(() => document.querySelector('[role="alert"]'), { timeout: 120_000 });
      assert.match(await text(page, '[role="alert"]'), new RegExp(`too large.*up to ${MAX_LAYER_PARTS} of each`, 's'));
      assert.equal(await text(page, '.aa-title'), `${CITIES} towns`);
      assert.deepEqual(o.errors, []);
    });
  });
