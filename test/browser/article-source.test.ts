// The explorer's source line (issue #16) in Chromium and Firefox: the title, site, date, author and a link
// to the original from the layer's `article` member; hostile values stay text and make no link.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { attr, count, ENGINES, seedSample, startSite, text, texts, useBrowser, type Site } from './harness.ts';

let site: Site;
let hostile: Site;

before(async () => {
  const layer = seedSample();
  layer.title = 'Talks resume in Baku';
  layer.article = {
    title: 'Talks resume in Baku',
    siteName: 'The Daily Test',
    author: 'Ann Lee',
    published: '2026-11-27T08:00:00Z',
    url: 'https://news.example/a?utm=1',
    canonicalUrl: 'https://news.example/a',
  };
  site = await startSite(layer);
  const bad = seedSample();
  bad.article = { siteName: '<img src=x onerror="window.__pwned=1">', url: 'javascript:window.__pwned=2' };
  hostile = await startSite(bad);
});

after(async () => {
  await site?.close();
  await hostile?.close();
});

for (const engine of ENGINES) {
  describe(`source line in ${engine}`, () => {
    const b = useBrowser(engine);

    test('title, site · date · author, and a link to the canonical address in a new tab', async () => {
      const o = await b.open(site.server.url);
      assert.equal(await text(o.page, '.aa-title'), 'Talks resume in Baku');
      assert.deepEqual(await texts(o.page, '.aa-source > *'), [
        'The Daily Test',
        '27 Nov 2026',
        'Ann Lee',
        'Original article',
      ]);
      // The separators are drawn by CSS, so that the text of each part stays that part alone.
      const between = await o.page.$eval('.aa-source time', (el) => getComputedStyle(el, '::before').content);
      assert.equal(between, '" · "');
      assert.equal(await attr(o.page, '.aa-source a', 'href'), 'https://news.example/a');
      assert.equal(await attr(o.page, '.aa-source a', 'rel'), 'noopener noreferrer');
      assert.equal(await attr(o.page, '.aa-source time', 'datetime'), '2026-11-27');
    });

    test('hostile metadata is shown as text, never as markup or a javascript: link', async () => {
      const o = await b.open(hostile.server.url);
      assert.equal(await text(o.page, '.aa-source'), '<img src=x onerror="window.__pwned=1">');
      assert.equal(await count(o.page, '.aa-source a, .aa-source img'), 0);
      assert.equal(await o.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    });
  });
}
