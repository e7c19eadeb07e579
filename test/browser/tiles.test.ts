// Raster tiles instead of the bundled basemap (`data-tiles` on #app), in Chromium and Firefox: Leaflet's tile
// layer is a lazy chunk since issue #14 (out of the first load), so a page that asks for tiles loads it, draws
// its tiles and its places, and fetches no basemap; a page that does not ask never loads the chunk. The embed
// element's tile layer is a classic script of its own (article-atlas-tiles.js), loaded the same way.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { close, count, ENGINES, find, seedSample, useBrowser, useSite } from './harness.ts';

const site = useSite(seedSample());

for (const engine of ENGINES)
  describe(`tiles in ${engine}`, () => {
    const b = useBrowser(engine);

    test('without data-tiles the tile chunk is not loaded', async () => {
      await site.started;
      const o = await b.open(site.server.url);
      try {
        await find(o.page, '.aa-map[data-complete]');
        assert.equal(o.requests.filter((u) => /\/tile-layer-\w+\.js$/.test(u)).length, 0);
        assert.equal(await count(o.page, '.leaflet-tile'), 0);
      } finally {
        await close(o);
      }
    });

    test('with data-tiles the chunk loads and the tiles are drawn under the places, with no basemap', async () => {
      await site.started;
      const page = join(site.dir, 'tiles.html');
      // Tiles from the site itself (the page's policy allows images from 'self'); they 404, which is enough to
      // see the layer ask for them.
      writeFileSync(
        page,
        readFileSync(join(site.dir, 'index.html'), 'utf8').replace(
          '<div id="app"',
          '<div id="app" data-tiles="tiles/{z}/{x}/{y}.png"',
        ),
      );
      const o = await b.open(site.server.url + 'tiles.html');
      try {
        await find(o.page, '.leaflet-tile');
        assert.ok(
          o.requests.some((u) => /\/tile-layer-\w+\.js$/.test(u)),
          'the tile chunk was loaded',
        );
        assert.ok(
          o.requests.some((u) => /\/tiles\/\d+\/\d+\/\d+\.png$/.test(u)),
          'tiles were asked for',
        );
        assert.ok((await count(o.page, '.aa-f')) > 3, 'the places are drawn');
        assert.equal(await count(o.page, '.aa-land'), 0, 'no basemap');
        assert.deepEqual(
          o.errors.filter((e) => !/Failed to load resource|404|tiles\//.test(e)),
          [],
          'no errors but the missing tiles',
        );
      } finally {
        await close(o);
      }
    });

    test('an <article-atlas> with tiles loads article-atlas-tiles.js and draws tiles; one without does not', async () => {
      await site.started;
      writeFileSync(
        join(site.dir, 'tiles-embed.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script src="article-atlas.js" defer></script></head><body>
<article-atlas id="plain" src="layer.geojson" height="300" text="off"></article-atlas>
<article-atlas id="tiled" src="layer.geojson" height="300" text="off" tiles="tiles/{z}/{x}/{y}.png"></article-atlas>
</body></html>`,
      );
      const o = await b.open(site.server.url + 'tiles-embed.html', { waitFor: '' });
      try {
        await find(o.page, '.leaflet-tile', { shadow: '#tiled' });
        await find(o.page, '.aa-f', { shadow: '#plain' });
        assert.equal(o.requests.filter((u) => u.endsWith('/article-atlas-tiles.js')).length, 1);
        assert.ok(
          o.requests.some((u) => /\/tiles\/\d+\/\d+\/\d+\.png$/.test(u)),
          'tiles were asked for',
        );
        assert.equal(await count(o.page, '.leaflet-tile', { shadow: '#plain' }), 0, 'no tiles in the plain embed');
        assert.equal(await count(o.page, '.aa-land', { shadow: '#tiled' }), 0, 'no basemap under the tiles');
        assert.ok((await count(o.page, '.aa-f', { shadow: '#tiled' })) > 3, 'the places are drawn over the tiles');
        assert.deepEqual(
          o.errors.filter((e) => !/Failed to load resource|404|tiles\//.test(e)),
          [],
          'no errors but the missing tiles',
        );
      } finally {
        await close(o);
      }
    });
  });
