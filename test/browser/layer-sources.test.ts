// Every way a layer enters the widget meets the same validator and error states (issue #19), in Chromium
// and Firefox: the site's own layer.geojson and embed.html?src= are no more trusted than an opened file;
// a malformed `#place=` escape leaves the page working; duplicate ids get their own notice.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { siteIndexHtml } from '../../src/export/site-files.ts';
import { BAKU, close, count, ENGINES, find, seedSample, text, useBrowser, useSite } from './harness.ts';

const site = useSite(seedSample());

/** The seed layer with features broken in the ways a hand-edited or truncated file breaks them. */
function damagedLayer(): string {
  const l = seedSample() as any;
  const baku = l.features.find((f: any) => f.id === BAKU);
  const others = l.features.filter((f: any) => f.id !== BAKU && f.geometry).slice(0, 4);
  others[0].geometry = { type: 'Point', coordinates: ['49.8', '40.4'] };
  others[1].geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [0, 0],
      ],
    ],
  };
  others[2].geometry = { type: 'Point', coordinates: [400, 95] };
  others[3].properties.anchor = [null, 'x'];
  l.features = [baku, ...others, { ...baku, properties: { ...baku.properties, name: 'Baku again' } }];
  return JSON.stringify(l);
}

for (const engine of ENGINES)
  describe(`layer sources in ${engine}`, () => {
    const b = useBrowser(engine);

    /** Opens a page of the site with `layer.geojson` replaced by `body`, and the page's copy of it (issue #14). */
    async function openWith(body: string, path = '', waitFor = '') {
      writeFileSync(join(site.dir, 'layer.geojson'), body);
      const page = join(site.dir, 'index.html');
      writeFileSync(page, siteIndexHtml(readFileSync(page, 'utf8'), body));
      return b.open(site.server.url + path, { waitFor });
    }

    test('a layer that cannot go into the page (a `</` in a name) is fetched, checked and drawn', async () => {
      const l = seedSample();
      const baku = l.features.find((f) => f.id === BAKU)!;
      baku.properties.name = 'Baku </script><b>';
      const o = await openWith(JSON.stringify(l), '', '.aa-f');
      try {
        assert.ok(!readFileSync(join(site.dir, 'index.html'), 'utf8').includes('id="aa-layer"'));
        assert.deepEqual(o.errors, []);
        assert.equal(await count(o.page, `.aa-f[data-id="${BAKU}"]`), 1, 'Baku is drawn');
        assert.ok((await text(o.page, '.aa-places')).includes('Baku </script><b>'), 'its name is text, not markup');
      } finally {
        await close(o);
      }
    });

    test('a malformed #place= escape selects nothing and leaves the page working', async () => {
      for (const hash of ['#place=%', '#place=%E0%A4%A', '#place=%ZZ']) {
        const o = await openWith(JSON.stringify(seedSample()), hash, '.aa-f');
        try {
          assert.deepEqual(o.errors, [], hash);
          assert.ok((await count(o.page, '.aa-row')) > 3, `${hash}: the place list is there`);
          assert.equal(await count(o.page, '.aa-passages h3'), 0, `${hash}: nothing selected`);
          // A good hash afterwards still selects.
          await o.page.evaluate((id) => (location.hash = '#place=' + encodeURIComponent(id)), BAKU);
          assert.equal(await text(o.page, '.aa-passages h3'), 'Baku');
        } finally {
          await close(o);
        }
      }
    });

    test("the site's own layer.geojson, when it is not JSON, gets the designed error state and no 'Keep the current layer'", async () => {
      const o = await openWith('{"type": "FeatureCollection", "features": [ truncated', '', '.aa-problem');
      try {
        assert.equal(await text(o.page, '.aa-problem strong'), 'This file is not a layer.');
        assert.match(await text(o.page, '.aa-problem'), /It is not JSON\./);
        assert.equal(await count(o.page, '.aa-problem button'), 0, 'no layer is shown, so none to keep');
        assert.equal(await text(o.page, '.aa-title'), 'No layer to show');
        assert.deepEqual(o.errors, []);
      } finally {
        await close(o);
      }
    });

    test("the site's own layer.geojson with broken features: the rest is drawn, the notice counts them, no engine errors", async () => {
      const o = await openWith(damagedLayer(), '', '.aa-notice');
      try {
        const notice = await text(o.page, '.aa-notice');
        assert.match(notice, /3 of 6 places with invalid geometry or coordinates/);
        // The copy of Baku has an id, a name and a kind: it is a duplicate, not a feature without them (issue #19, item 17).
        assert.match(notice, /1 of 6 features that repeat the id of an earlier one/);
        assert.doesNotMatch(notice, /no id, name or kind/);
        assert.equal(await count(o.page, '.aa-row'), 2);
        await find(o.page, `[data-id="${BAKU}"]`);
        assert.deepEqual(o.errors, []);
      } finally {
        await close(o);
      }
    });

    test('embed.html?src= goes through the validator too: a bad layer gets the designed error state', async () => {
      writeFileSync(join(site.dir, `bad-${engine}.geojson`), '{"type":"Feature","geometry":null,"properties":{}}');
      writeFileSync(join(site.dir, `damaged-${engine}.geojson`), damagedLayer());
      const bad = await b.open(site.server.url + `embed.html?src=bad-${engine}.geojson`, { waitFor: '' });
      try {
        const shadow = 'article-atlas';
        assert.equal(await text(bad.page, '.aa-problem strong', { shadow }), 'This file is not a layer.');
        assert.match(await text(bad.page, '.aa-problem', { shadow }), /GeoJSON but not a FeatureCollection/);
        assert.equal(await count(bad.page, '.aa-problem button', { shadow }), 0);
        assert.deepEqual(bad.errors, []);
      } finally {
        await close(bad);
      }
      const damaged = await b.open(site.server.url + `embed.html?src=damaged-${engine}.geojson`, {
        waitFor: '',
      });
      try {
        await find(damaged.page, `[data-id="${BAKU}"]`, { shadow: 'article-atlas' });
        assert.equal(await count(damaged.page, '.aa-f', { shadow: 'article-atlas' }), 2);
        assert.deepEqual(damaged.errors, []);
      } finally {
        await close(damaged);
      }
    });
  });
