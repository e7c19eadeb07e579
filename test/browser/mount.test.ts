// mount()/unmount() in a real browser (issue #4): two widgets on one page share no state, unmount leaves
// no listener on window or document and an empty container, and XSS payloads in the article text and
// place names stay text. The test page has no Content-Security-Policy on purpose, so the trap would fire
// if anything were ever injected as HTML.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { ArticleLayer } from '../../src/core/types.ts';
import { launch, seedSample, startSite, type Site } from './harness.ts';

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite(seedSample());
  const root = new URL('../../', import.meta.url).pathname;
  await build({
    stdin: { contents: "import { mount } from './src/ui/mount.tsx'; import './src/ui/styles.css'; (window as any).aa = { mount };", resolveDir: root, loader: 'tsx' },
    outfile: join(site.dir, 'mount-test.js'),
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { leaflet: './node_modules/leaflet/dist/leaflet-src.esm.js' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(site.dir, 'mount-test.html'),
    '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="mount-test.css"><script type="module" src="mount-test.js"></script>' +
      '<div id="a" style="height:500px"></div><div id="b" style="height:500px"></div>',
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function page(): Promise<Page> {
  const p = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
  await p.goto(site.server.url + 'mount-test.html');
  await p.waitForFunction(() => (window as any).aa);
  return p;
}

/** Listeners on window and document as Chromium's DevTools sees them, by type. */
async function listeners(p: Page): Promise<string[]> {
  const cdp = await p.context().newCDPSession(p);
  const out: string[] = [];
  for (const expr of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners: ls } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    out.push(...ls.map((l) => `${expr}:${l.type}`));
  }
  await cdp.detach();
  return out.sort();
}

test('two widgets share no state, and unmount leaves no listeners behind', async () => {
  const p = await page();
  const baseline = await listeners(p);
  await p.evaluate(async () => {
    const layer = await (await fetch('layer.geojson')).text();
    const w = window as any;
    w.ua = w.aa.mount(document.getElementById('a'), { layer, basemap: 'basemap.json', hash: true });
    w.ub = w.aa.mount(document.getElementById('b'), { layer, basemap: 'basemap.json' });
  });
  await p.locator('#a .aa-f').first().waitFor();
  await p.locator('#b .aa-f').first().waitFor();
  assert.notDeepEqual(await listeners(p), baseline, 'the widgets do listen while mounted');
  await p.locator('#a .aa-row', { hasText: 'Baku' }).click();
  assert.equal(await p.locator('#a .aa-passages h3').textContent(), 'Baku');
  assert.equal(await p.locator('#b .aa-passages h3').count(), 0);
  await p.locator('#b .aa-row', { hasText: 'Yerevan' }).click();
  assert.equal(await p.locator('#a .aa-passages h3').textContent(), 'Baku');
  assert.equal(await p.locator('#b .aa-passages h3').textContent(), 'Yerevan');
  await p.evaluate(() => {
    (window as any).ua();
    (window as any).ub();
  });
  assert.deepEqual(await listeners(p), baseline);
  assert.equal(await p.evaluate(() => document.getElementById('a')!.innerHTML + document.getElementById('b')!.innerHTML), '');
});

test('XSS payloads in the text and names stay text', async () => {
  const p = await page();
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
  const layer: ArticleLayer = seedSample();
  const text = `${payload} in Baku.`;
  const start = text.indexOf('Baku');
  layer.title = payload;
  layer.text = text;
  layer.passages = [{ start: 0, end: text.length, sentences: [[0, text.length]] }];
  layer.features = layer.features.filter((f) => f.id === 'geonames:587084');
  const f = layer.features[0];
  f.properties.name = payload;
  f.properties.disputed = payload;
  f.properties.mentions = [{ start, end: start + 4, text: 'Baku', passage: 0, type: 'toponym' }];
  f.properties.candidates = [{ id: 'geonames:1', name: payload, kind: 'city', country: 'AZ', anchor: [49.9, 40.4], score: 0.1 }];
  await p.evaluate((l) => ((window as any).u = (window as any).aa.mount(document.getElementById('a'), { layer: l, place: 'geonames:587084' })), layer);
  await p.locator('#a .aa-fix summary').click();
  await p.locator('#a .aa-f').first().focus(); // opens the tooltip
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => (window as any).__pwned), undefined);
  assert.equal(await p.locator('#a img, #a script').count(), 0);
  assert.equal(await p.locator('#a .aa-title').textContent(), payload);
  assert.equal(await p.locator('#a .aa-passages h3').textContent(), payload);
  assert.equal(await p.locator('#a .leaflet-tooltip').textContent(), payload);
  assert.match((await p.locator('#a .aa-article').textContent()) ?? '', /<img src=x onerror=/);
});
