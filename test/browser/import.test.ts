// Bad layer files opened through the explorer's real file input (issue #6), in Chromium and Firefox: each
// gets its designed message and the layer on screen stays as it was; a file with some bad features is
// shown without them and says how many were left out. The cases mirror test/ui/validate-layer.test.ts.
import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  click,
  count,
  ENGINES,
  find,
  gone,
  type Opened,
  openLayerFile,
  seedSample,
  seedSampleText,
  text,
  useBrowser,
  useSite,
} from './harness.ts';

const site = useSite(seedSample(), seedSampleText());

const SEED_TITLE = seedSample().title!;
const PLACES = seedSample().features.filter((f) => f.geometry).length;
const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];
const withFeature = (geometry: unknown) => {
  const l = seedSample() as any;
  l.title = 'Should not show';
  l.features = [{ ...l.features[0], geometry }];
  return JSON.stringify(l);
};

/** name, file body (or a size for a sparse file), the heading and message expected. */
const REFUSED: Array<[string, string | { bytes: number }, string, RegExp]> = [
  [
    'not JSON',
    'Kalbajar, Lachin <b>not json',
    'This file is not a layer',
    /It is not JSON\. Choose a file made with `article-atlas parse ARTICLE`/,
  ],
  ['JSON but not GeoJSON', '{"places": ["Baku"]}', 'This file is not a layer', /JSON but not GeoJSON/],
  [
    'a GeoJSON Feature, not a collection',
    '{"type":"Feature","geometry":null,"properties":{}}',
    'This file is not a layer',
    /GeoJSON but not a FeatureCollection/,
  ],
  ['200 MB', { bytes: 200 * 2 ** 20 }, 'This file is too large', /200 MB; the explorer opens layers up to 50 MB/],
  [
    '100,000 nested arrays',
    '['.repeat(100_000) + ']'.repeat(100_000),
    'This file is not a layer',
    /nests more than 64 levels deep/,
  ],
  [
    'a ring of 3 positions',
    withFeature({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    }),
    'This file has no usable places',
    /None of its 1 features/,
  ],
  [
    'an unclosed ring',
    withFeature({ type: 'Polygon', coordinates: [square.slice(0, 3).concat([[0, 1]])] }),
    'This file has no usable places',
    /valid geometry/,
  ],
  [
    'a wrong geometry type',
    withFeature({ type: 'Circle', coordinates: [0, 0], radius: 5 }),
    'This file has no usable places',
    /None of its 1 features/,
  ],
  [
    'longitude 200',
    withFeature({ type: 'Point', coordinates: [200, 40] }),
    'This file has no usable places',
    /None of its 1 features/,
  ],
  [
    'latitude 95',
    withFeature({ type: 'Point', coordinates: [40, 95] }),
    'This file has no usable places',
    /None of its 1 features/,
  ],
  [
    'string coordinates',
    withFeature({ type: 'Point', coordinates: ['49.8', '40.4'] }),
    'This file has no usable places',
    /None of its 1 features/,
  ],
  [
    'no properties',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'x', geometry: { type: 'Point', coordinates: [1, 2] } }],
    }),
    'This file has no usable places',
    /needs an id, a name, a kind/,
  ],
];

for (const engine of ENGINES)
  describe(`importing bad layer files in ${engine}`, () => {
    const b = useBrowser(engine);
    let o: Opened;
    before(async () => {
      o = await b.open(site.server.url);
    });
    /** Sets a file on the layer input, as a reader choosing it would. */
    async function openFile(page: Page, name: string, body: string | { bytes: number }) {
      const file = join(site.dir, `${engine}-${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, typeof body === 'string' ? body : '');
      if (typeof body !== 'string') truncateSync(file, body.bytes); // sparse: 200 MB on paper, nothing on disk
      await openLayerFile(page, file);
    }

    for (const [name, body, heading, message] of REFUSED) {
      test(`${name}: "${heading}", and the seed layer stays on the map`, async () => {
        const { page, errors } = o;
        await openFile(page, name, body);
        const alert = await text(page, '[role="alert"]');
        assert.ok(alert.includes(heading + '.'), alert);
        assert.match(alert, message);
        assert.equal(await text(page, '.aa-title'), SEED_TITLE);
        assert.equal(await count(page, 'path.aa-f'), PLACES);
        assert.ok((await count(page, '.aa-row')) > 0);
        await click(page, '[role="alert"] button', { hasText: 'Keep the current layer' });
        await gone(page, '[role="alert"]');
        assert.deepEqual(errors, []);
      });
    }

    test('bad features, mentions and candidates are left out and counted; the rest is shown', async () => {
      const { page, errors } = o;
      const l = seedSample() as any;
      l.title = 'Partly bad';
      l.features[1].geometry = { type: 'Point', coordinates: [NaN, 0] }; // JSON writes null
      l.features[2].geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        ],
      };
      delete l.features[3].properties;
      const baku = l.features.find((f: any) => f.id === 'geonames:587084');
      baku.properties.mentions.push(
        { ...baku.properties.mentions[0], start: 999_999, end: 1_000_003 },
        { ...baku.properties.mentions[0], text: 'Moscow' },
      );
      await openFile(page, 'partly-bad', JSON.stringify(l));
      await page.waitForFunction(() => document.querySelector('.aa-title')?.textContent === 'Partly bad');
      const notice = await text(page, '.aa-notice');
      assert.match(notice, /Some of this file could not be shown/);
      assert.match(
        notice,
        /1 of \d+ features that are not places.*2 of \d+ places with invalid geometry or coordinates.*2 mentions whose offsets do not quote the article text/,
      );
      assert.equal(await count(page, 'path.aa-f'), PLACES - 3);
      assert.equal(await count(page, '[role="alert"]'), 0);
      await click(page, '.aa-notice button', { hasText: 'OK' });
      await gone(page, '.aa-notice');
      assert.deepEqual(errors, []);
    });
  });
