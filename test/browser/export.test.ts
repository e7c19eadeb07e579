// The explorer's Publish buttons (issue #17), in Chromium and Firefox: KML and CSV downloads read back by
// independent readers, and "Download site (.zip)" — with a correction made in the page — unzipped by yauzl,
// equal to `article-atlas build`'s folder byte for byte, served, and clicked: a region opens its passages.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { buildSite } from '../../src/cli/build-site.ts';
import { serveSite } from '../../src/cli/serve-site.ts';
import { correctFeature } from '../../src/ui/model/correct-place.ts';
import { readKml } from '../helpers/read-kml.ts';
import { unzip } from '../helpers/unzip.ts';
import {
  click,
  clickShape,
  count,
  download,
  ENGINES,
  find,
  KALBAJAR,
  LACHIN,
  LACHIN_TOWN,
  seedSample,
  text,
  texts,
  useBrowser,
  useSite,
  type Engine,
} from './harness.ts';

const PASSAGES = 'section[aria-label="Passages"]';
const FILE_STEM = 'turkey-still-stands-with-azerbaijan-says-ankara-amid-fresh';
const BUILT_SITE = fileURLToPath(new URL('../../dist/site/', import.meta.url));
const EXPORT_CHUNKS = /layer-to-|fetch-site-zip|papaparse|tokml|fflate/;

const site = useSite(seedSample());

before(async () => {
  await site.started;
  // As the studio will do: the built explorer in `site/`, a page beside it mounting with siteBase 'site/'.
  cpSync(BUILT_SITE, join(site.dir, 'site'), { recursive: true });
  const index = readFileSync(join(site.dir, 'index.html'), 'utf8');
  const withBase = (base: string) => index.replace('<div id="app"', `<div id="app" data-site-base="${base}"`);
  writeFileSync(join(site.dir, 'publish.html'), withBase('site/'));
  writeFileSync(join(site.dir, 'broken.html'), withBase('nowhere/'));
});

for (const engine of ENGINES) describe(`publish buttons in ${engine}`, () => publishTests(engine));

function publishTests(engine: Engine) {
  const b = useBrowser(engine);
  const openPage = (path: string, hash = '') => b.open(site.server.url + path + hash);

  test('KML and CSV downloads hold every place, or the selection; their code loads only on the click', async () => {
    const o = await openPage('index.html');
    assert.equal(await count(o.page, '.aa-tools button', { hasText: 'Download site' }), 0, 'no siteBase, no zip');
    assert.deepEqual(
      o.requests.filter((u) => EXPORT_CHUNKS.test(u)),
      [],
    );
    const places = seedSample().features;
    assert.equal(await count(o.page, '.aa-more button', { hasText: 'Download KML' }), 1);
    await click(o.page, '.aa-more summary', { hasText: 'More formats' });

    const k = await download(o, '.aa-tools button', { hasText: 'Download KML' });
    assert.equal(k.name, `${FILE_STEM}.kml`);
    const back = readKml(k.text).geojson;
    assert.deepEqual(
      back.features.map((f) => f.properties!.id),
      places.map((f) => f.id),
    );
    const baku = back.features.find((f) => f.properties!.name === 'Baku')!;
    assert.deepEqual(baku.geometry, { type: 'Point', coordinates: [49.89201, 40.37767] });

    const c = await download(o, '.aa-tools button', { hasText: 'Download CSV' });
    assert.equal(c.name, `${FILE_STEM}.csv`);
    const rows: string[][] = parse(c.bytes, { bom: true });
    assert.equal(rows.length, 1 + places.length);
    assert.deepEqual(
      rows.find((r) => r[0] === KALBAJAR),
      [KALBAJAR, 'Kalbajar', 'admin2', 'AZ', '46.03', '40.1', '1', ''],
    );
    assert.ok(o.requests.some((u) => /layer-to-kml/.test(u)) && o.requests.some((u) => /layer-to-csv/.test(u)));

    await click(o.page, '.aa-row', { hasText: 'Kalbajar' });
    await find(o.page, '.aa-more button:not([disabled])', { hasText: 'Selection as CSV' });
    const sel = await download(o, '.aa-more button', { hasText: 'Selection as CSV' });
    assert.equal(sel.name, `${FILE_STEM}-kalbajar.csv`);
    assert.deepEqual(parse(sel.bytes, { bom: true }), [
      rows[0],
      [KALBAJAR, 'Kalbajar', 'admin2', 'AZ', '46.03', '40.1', '1', ''],
    ]);
    const selKml = await download(o, '.aa-more button', { hasText: 'Selection as KML' });
    assert.equal(selKml.name, `${FILE_STEM}-kalbajar.kml`);
    const one = readKml(selKml.text).geojson;
    assert.deepEqual(
      one.features.map((f) => [f.properties!.id, f.geometry]),
      [[KALBAJAR, places.find((f) => f.id === KALBAJAR)!.geometry]],
    );
  });

  test('the site zip, with a correction made in the page, is the folder `build` writes; served, it works', async () => {
    const o = await openPage('publish.html', '#place=' + encodeURIComponent(LACHIN));
    await click(o.page, '.aa-fix summary');
    await (await find(o.page, '.aa-fix select')).select(LACHIN_TOWN);
    await click(o.page, '.aa-fix button', { hasText: 'Apply' });
    await find(o.page, `path.aa-f[data-id="${LACHIN_TOWN}"]`);
    const z = await download(o, '.aa-tools button', { hasText: 'Download site (.zip)' });
    assert.equal(z.name, `${FILE_STEM}-site.zip`);
    const files = await unzip(z.bytes);

    const dir = mkdtempSync(join(tmpdir(), 'aa-zip-check-'));
    try {
      // What the CLI writes for the same corrected layer.
      const corrected = correctFeature(seedSample(), LACHIN, LACHIN_TOWN);
      const built = join(dir, 'built');
      const names = (await buildSite(corrected, built)).sort();
      assert.deepEqual([...files.keys()].sort(), names);
      for (const f of names) assert.ok(files.get(f)!.equals(readFileSync(join(built, f))), `${f} differs`);
      assert.ok(names.includes('site-files.json') && names.includes('article.txt'));

      // Unzipped into a folder of its own and served as any static host would.
      const unzipped = join(dir, 'unzipped');
      for (const [f, bytes] of files) {
        mkdirSync(dirname(join(unzipped, f)), { recursive: true });
        writeFileSync(join(unzipped, f), bytes);
      }
      assert.equal(readdirSync(unzipped).length, new Set(names.map((f) => f.split('/')[0])).size);
      const server = await serveSite(unzipped, { port: 0 });
      try {
        const s = await b.open(server.url);
        await clickShape(s.page, `path.aa-f[data-id="${KALBAJAR}"]`);
        await find(s.page, `${PASSAGES} li`);
        assert.equal(await text(s.page, '.aa-passages h3'), 'Kalbajar');
        assert.match((await texts(s.page, `${PASSAGES} li p`))[0], /Kalbajar and Lachin/);
        assert.equal(await count(s.page, `path.aa-f[data-id="${LACHIN}"]`), 0, 'the correction is in the site');
        await find(s.page, `path.aa-f[data-id="${LACHIN_TOWN}"]`);
        assert.deepEqual(
          s.requests.filter((u) => !u.startsWith(server.url) && !/^(blob|data):/.test(u)),
          [],
        );
        assert.deepEqual(s.errors, []);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a site folder without its manifest gives a message in the page, and the layer stays', async () => {
    const o = await openPage('broken.html');
    await click(o.page, '.aa-tools button', { hasText: 'Download site (.zip)' });
    const alert = await text(o.page, '[role="alert"]');
    assert.match(alert, /The site \(\.zip\) could not be made/);
    assert.match(alert, /nowhere\/site-files\.json could not be loaded \(HTTP 404\)/);
    assert.ok((await count(o.page, 'path.aa-f')) > 0);
    await click(o.page, '[role="alert"] button', { hasText: 'Keep the current layer' });
    await find(o.page, '.aa-tools button:not([disabled])', { hasText: 'Download site (.zip)' });
  });
}
