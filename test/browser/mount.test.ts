// mount()/unmount() in Chromium and Firefox (issues #4, #7): two widgets on one page share no state,
// unmount leaves no listener on window or document and an empty container, and XSS payloads in the
// article text and place names stay text. The test page has no Content-Security-Policy on purpose, so the
// trap would fire if anything were ever injected as HTML. Listeners are counted by wrapping
// add/removeEventListener before the page runs, which works the same in both engines.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import type { ArticleLayer } from '../../src/core/types.ts';
import {
  attr,
  buildTestPage,
  click,
  clickShape,
  count,
  ENGINES,
  find,
  seedSample,
  text,
  useBrowser,
  useSite,
} from './harness.ts';

const site = useSite(seedSample());

before(async () => {
  await site.started;
  await buildTestPage(
    site,
    'mount-test',
    "import { mount } from './src/ui/mount.tsx'; import './src/ui/styles.css'; (window as any).aa = { mount };",
    '<div id="a" style="height:500px"></div><div id="b" style="height:500px"></div>',
  );
});

/**
 * Runs before the page: keeps the live listeners on window and document (identity, type, capture). A
 * string, not a function: tsx's name helpers in a function's source would not exist in the page.
 */
const TRACK_LISTENERS = `(() => {
  const live = [];
  window.__listeners = () => live.map((l) => l.key).sort();
  const capture = (o) => (typeof o === 'boolean' ? o : !!(o && o.capture));
  for (const [name, target] of [['window', window], ['document', document]]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (type, fn, o) => {
      const key = name + ':' + type;
      if (fn && !live.some((l) => l.key === key && l.fn === fn && l.capture === capture(o))) live.push({ key, fn, capture: capture(o) });
      return add(type, fn, o);
    };
    target.removeEventListener = (type, fn, o) => {
      const i = live.findIndex((l) => l.key === name + ':' + type && l.fn === fn && l.capture === capture(o));
      if (i >= 0) live.splice(i, 1);
      return remove(type, fn, o);
    };
  }
})();`;

for (const engine of ENGINES)
  describe(`mount() in ${engine}`, () => {
    const b = useBrowser(engine);
    async function page(): Promise<Page> {
      const o = await b.open(site.server.url + 'mount-test.html', { waitFor: '', init: TRACK_LISTENERS });
      await o.page.waitForFunction(() => (window as any).aa);
      return o.page;
    }

    const listeners = (p: Page): Promise<string[]> => p.evaluate(() => (window as any).__listeners());

    test('two widgets share no state, and unmount leaves no listeners behind', async () => {
      const p = await page();
      const baseline = await listeners(p);
      await p.evaluate(async () => {
        const layer = await (await fetch('layer.geojson')).text();
        const w = window as any;
        w.ua = w.aa.mount(document.getElementById('a'), { layer, basemap: 'basemap.json', hash: true });
        w.ub = w.aa.mount(document.getElementById('b'), { layer, basemap: 'basemap.json' });
      });
      await find(p, '#a .aa-f');
      await find(p, '#b .aa-f');
      assert.notDeepEqual(await listeners(p), baseline, 'the widgets do listen while mounted');
      await click(p, '#a .aa-row', { hasText: 'Baku' });
      assert.equal(await text(p, '#a .aa-passages h3'), 'Baku');
      assert.equal(await count(p, '#b .aa-passages h3'), 0);
      await click(p, '#b .aa-row', { hasText: 'Yerevan' });
      assert.equal(await text(p, '#a .aa-passages h3'), 'Baku');
      assert.equal(await text(p, '#b .aa-passages h3'), 'Yerevan');
      await p.evaluate(() => {
        (window as any).ua();
        (window as any).ub();
      });
      // Leaflet adds four capture listeners on document once per page where it emulates touch with pointer
      // events (Firefox here) and keeps them for the page's life; they are Leaflet's, shared, and bounded.
      const LEAFLET_ONCE = [
        'document:pointercancel',
        'document:pointerdown',
        'document:pointermove',
        'document:pointerup',
      ];
      const own = (ls: string[]) =>
        ls.filter((l, i) => !(LEAFLET_ONCE.includes(l) && ls.indexOf(l) === i && !baseline.includes(l)));
      const afterFirst = await listeners(p);
      assert.deepEqual(own(afterFirst), baseline);
      assert.equal(
        await p.evaluate(() => document.getElementById('a')!.innerHTML + document.getElementById('b')!.innerHTML),
        '',
      );
      // A second mount and unmount leaves exactly the same set: nothing accumulates.
      await p.evaluate(async () => {
        const w = window as any;
        w.ua = w.aa.mount(document.getElementById('a'), {
          layer: await (await fetch('layer.geojson')).text(),
          hash: true,
        });
      });
      await click(p, '#a .aa-row', { hasText: 'Baku' });
      await p.evaluate(() => (window as any).ua());
      assert.deepEqual(await listeners(p), afterFirst);
    });

    test('unmount right after a click on the map leaves no listener behind (Leaflet waits for a key press to show the focus ring again)', async () => {
      const p = await page();
      const baseline = await listeners(p);
      await p.evaluate(async () => {
        const w = window as any;
        w.ua = w.aa.mount(document.getElementById('a'), {
          layer: await (await fetch('layer.geojson')).text(),
          basemap: 'basemap.json',
        });
      });
      // Baku's dot: areas now lie under smaller shapes and names, so the first path may have no free point.
      await clickShape(p, '#a path.aa-f[data-id="geonames:587084"]');
      await find(p, '#a .aa-passages h3');
      assert.ok((await listeners(p)).includes('window:keydown'), 'the click left Leaflet waiting for a key press');
      await p.evaluate(() => (window as any).ua());
      const LEAFLET_ONCE = [
        'document:pointercancel',
        'document:pointerdown',
        'document:pointermove',
        'document:pointerup',
      ];
      const left = (await listeners(p)).filter((l) => !baseline.includes(l) && !LEAFLET_ONCE.includes(l));
      assert.deepEqual(left, []);
    });

    test('XSS payloads in the text and names stay text', async () => {
      const p = await page();
      const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
      const layer: ArticleLayer = seedSample();
      const body = `${payload} in Baku.`;
      const start = body.indexOf('Baku');
      layer.title = payload;
      layer.text = body;
      layer.passages = [{ start: 0, end: body.length, sentences: [[0, body.length]] }];
      layer.features = layer.features.filter((f) => f.id === 'geonames:587084');
      const f = layer.features[0];
      f.properties.name = payload;
      f.properties.disputed = payload;
      f.properties.mentions = [{ start, end: start + 4, text: 'Baku', passage: 0, type: 'toponym' }];
      f.properties.candidates = [
        { id: 'geonames:1', name: payload, kind: 'city', country: 'AZ', anchor: [49.9, 40.4], score: 0.1 },
      ];
      await p.evaluate(
        (l) =>
          ((window as any).u = (window as any).aa.mount(document.getElementById('a'), {
            layer: l,
            place: 'geonames:587084',
          })),
        layer,
      );
      await click(p, '#a .aa-fix summary');
      await (await find(p, '#a .aa-f[data-id="geonames:587084"]')).evaluate((e) => (e as SVGElement).focus()); // its tip
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await p.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(await count(p, '#a img, #a script'), 0);
      assert.equal(await text(p, '#a .aa-title'), payload);
      assert.equal(await text(p, '#a .aa-passages h3'), payload);
      // The city's name on the map (create-label-layer.ts), as text.
      assert.equal(await text(p, '#a .aa-lbl'), payload);
      assert.match(await text(p, '#a .aa-article'), /<img src=x onerror=/);
    });

    test('an approximately placed site says so in the place list, the passages and on the map, as text', async () => {
      const p = await page();
      const within = `<img src=x onerror="window.__pwned=9">Ankara`;
      const layer: ArticleLayer = seedSample();
      const start = layer.text!.indexOf('the ministry');
      // A site as the pipeline places one (resolve-sites.ts): at the point of the place around it, and saying so.
      layer.features.push({
        type: 'Feature',
        id: 'site:ministry',
        geometry: { type: 'Point', coordinates: [32.854, 39.92] },
        properties: {
          name: 'Ministry of Defence',
          kind: 'site',
          country: 'TR',
          anchor: [32.854, 39.92],
          score: 0.5,
          within: { id: 'geonames:323786', name: within },
          approximate: true,
          candidates: [],
          mentions: [{ start, end: start + 12, text: 'the ministry', passage: 2, type: 'toponym' }],
        },
      });
      await p.evaluate(
        (l) =>
          ((window as any).u = (window as any).aa.mount(document.getElementById('a'), {
            layer: l,
            place: 'site:ministry',
          })),
        layer,
      );
      const note = `approximately placed, within ${within}`;
      assert.ok((await text(p, '#a .aa-selhead .aa-meta')).endsWith(` · ${note}`));
      assert.ok((await text(p, '#a .aa-row[aria-pressed="true"] .aa-meta')).endsWith(` · ${note}`));
      assert.equal(
        await attr(p, '#a path[data-id="site:ministry"]', 'aria-label'),
        'Ministry of Defence, site, approximately placed',
      );
      // Only the site: the city it stands in for is placed exactly.
      assert.doesNotMatch(await text(p, '#a .aa-row', { hasText: /^Ankara/ }), /approximately/);
      assert.equal(await p.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(await count(p, '#a img'), 0);
      await p.evaluate(() => (window as any).u());
    });

    test('a hostile imported file runs nothing either', async () => {
      const p = await page();
      const payloads = [
        `<img src=x onerror="window.__pwned=3">`,
        `<svg onload="window.__pwned=4"><script>window.__pwned=5</script></svg>`,
        `javascript:window.__pwned=6`,
        `</script><script>window.__pwned=7</script>`,
        `"><iframe srcdoc="<script>parent.__pwned=8</script>">`,
      ];
      const x = payloads.join(' ');
      // Every string field gets a payload, foreign members included; the offsets still quote the text.
      const layer = seedSample() as any;
      const body = `${x} in Baku.`;
      const start = body.indexOf('Baku');
      Object.assign(layer, {
        title: x,
        text: body,
        [x]: x,
        id: x,
        passages: [{ start: 0, end: body.length, sentences: [[0, body.length]], note: x }],
      });
      const f = layer.features.find((g: any) => g.id === 'geonames:587084');
      layer.features = [f, { ...layer.features[0], id: x, geometry: { type: 'Point', coordinates: [400, 0] } }];
      Object.assign(f, { [x]: x });
      Object.assign(f.properties, {
        name: x,
        kind: x,
        country: x,
        wikidata: x,
        disputed: x,
        original: x,
        status: x,
        [x]: x,
        within: { id: x, name: x },
        approximate: true,
      });
      f.properties.mentions = [{ start, end: start + 4, text: 'Baku', passage: 0, type: x, [x]: x }];
      f.properties.candidates = [{ id: x, name: x, kind: x, country: x, anchor: [49.9, 40.4], score: 0.1, [x]: x }];
      const file = join(site.dir, `hostile-${engine}.geojson`);
      writeFileSync(file, JSON.stringify(layer));
      await p.evaluate(async () => {
        const w = window as any;
        w.u = w.aa.mount(document.getElementById('a'), { layer: await (await fetch('layer.geojson')).text() });
      });
      await find(p, '#a .aa-f');
      const input = (await find(p, '#a input[type=file]')) as unknown as { uploadFile(f: string): Promise<void> };
      await input.uploadFile(file);
      await p.waitForFunction((t) => document.querySelector('#a .aa-title')?.textContent === t, {}, x);
      assert.match(await text(p, '#a .aa-notice'), /1 of 2 places with invalid geometry/);
      await click(p, '#a .aa-row');
      await click(p, '#a .aa-fix summary');
      await click(p, '#a .aa-article .aa-m');
      await (await find(p, '#a path.aa-f, #a .aa-f')).evaluate((e) => (e as SVGElement).focus());
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await p.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(
        await count(
          p,
          '#a img, #a script, #a iframe, #a svg script, #a [onload], #a [onerror], #a [href^="javascript"]',
        ),
        0,
      );
      assert.equal(await text(p, '#a .aa-passages h3'), x);
      assert.match(await text(p, '#a .aa-article'), /<img src=x onerror=/);
      await p.evaluate(() => (window as any).u());
    });
  });
