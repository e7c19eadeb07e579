// The explorer's page with its layer inline (issue #14, places first): siteIndexHtml puts a small layer's text into
// index.html exactly, leaves it out when the text could end the script element or is large, and `build` and the
// site zip write the same page, with the basemap of its first view.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSite } from '../../src/cli/build-site.ts';
import { areaLabelPoints, MAX_INLINE_LAYER_CHARS, siteDataFiles, siteIndexHtml } from '../../src/export/site-files.ts';
import { labelPoint } from '../../src/core/label-point.ts';
import type { Polygon } from 'geojson';
import { zipSite } from '../../src/export/zip-site.ts';
import { exportLayer } from '../helpers/export-layer.ts';
import { unzip } from '../helpers/unzip.ts';

const PRELOAD = '<link rel="preload" href="layer.geojson" as="fetch" crossorigin>\n';
const TEMPLATE = [
  '<!doctype html>\n<head>\n',
  PRELOAD,
  '<script type="module" src="app.js"></script>\n',
  '<link rel="modulepreload" href="chunk-A.js">\n</head>\n<body>\n',
  '<div id="app"><noscript>No JavaScript.</noscript></div>\n</body>\n',
].join('');

/** The inline block's text, as the page reads it (textContent of a script element: no entity decoding). */
function inlineText(html: string): string | null {
  const m = /<script type="application\/json" id="aa-layer">([^]*?)<\/script>/.exec(html);
  return m && m[1];
}

test('a small layer goes into the page after #app byte for byte, and the page no longer preloads the file', () => {
  const text = '{"type":"FeatureCollection","features":[],"text":"Ä & <b> \\"quoted\\""}\n';
  const page = siteIndexHtml(TEMPLATE, text);
  assert.equal(inlineText(page), text);
  assert.ok(!page.includes(PRELOAD));
  assert.ok(page.indexOf('id="aa-layer"') > page.indexOf('<div id="app">'));
  // The rest of the page as it was.
  assert.equal(page.replace(/<script type="application\/json"[^]*?<\/script>\n/, ''), TEMPLATE.replace(PRELOAD, ''));
});

test('a layer that could end the script element, or a large one, is fetched: no copy, the preload where it was', () => {
  for (const text of [
    '{"text":"a </script> b"}',
    '{"text":"a </SCRIPT b"}',
    '{"text":"<!-- <script>"}',
    `{"text":"${'x'.repeat(MAX_INLINE_LAYER_CHARS)}"}`,
  ]) {
    assert.equal(siteIndexHtml(TEMPLATE, text), TEMPLATE, text.slice(0, 30));
    // From a page that had another layer's copy: the copy goes and the preload comes back in its place.
    assert.equal(siteIndexHtml(siteIndexHtml(TEMPLATE, '{"a":1}'), text), TEMPLATE, text.slice(0, 30));
  }
});

test("a page's copy is replaced by the next layer's, and a page that is not the explorer's is left alone", () => {
  const page = siteIndexHtml(siteIndexHtml(TEMPLATE, '{"a":1}\n'), '{"b":2}\n');
  assert.equal(inlineText(page), '{"b":2}\n');
  assert.equal(page.match(/id="aa-layer"/g)?.length, 1);
  assert.equal(siteIndexHtml('<!doctype html><title>x</title>', '{"a":1}'), '<!doctype html><title>x</title>');
});

test('build and the site zip write the same page, with the current layer in it when it can be', async () => {
  // The helper's layer names a place `… <b>&amp;</b> …`: its `</` keeps it out of the page; without it, in.
  const withTag = exportLayer();
  const plain = {
    ...withTag,
    features: withTag.features.map((f) => ({
      ...f,
      properties: { ...f.properties, name: f.properties.name.replaceAll('</', '') },
    })),
    // Framed on Yerevan to Baku: 4 cells of the basemap's grid (test/export/site-basemap.test.ts).
    focus: { bbox: [44.5, 39.8, 49.9, 40.4] as [number, number, number, number], ids: [] },
  };
  const dir = mkdtempSync(join(tmpdir(), 'aa-site-index-'));
  try {
    // The explorer with a basemap's index and the cells of the layer's first view (paths made up).
    const cells = [
      [9, 5],
      [9, 6],
      [10, 5],
      [10, 6],
    ];
    const files = cells.map(([col, row]) => `basemap/${col}_${row}.json`);
    const site: Record<string, string> = {
      'index.html': TEMPLATE,
      'basemap.json': '{"grid":{"cellPx":16}}',
      ...Object.fromEntries(files.map((f, i) => [f, `[[${cells[i].join(',')},"M${i} 0z",""]]`])),
    };
    mkdirSync(join(dir, 'explorer', 'basemap'), { recursive: true });
    for (const [f, text] of Object.entries(site)) writeFileSync(join(dir, 'explorer', f), text);
    const siteFiles = Object.fromEntries(Object.entries(site).map(([f, t]) => [f, new TextEncoder().encode(t)]));
    for (const [i, layer] of [withTag, plain].entries()) {
      const [[, layerText]] = siteDataFiles(layer);
      await buildSite(layer, join(dir, `built-${i}`), { siteDir: join(dir, 'explorer') });
      const built = readFileSync(join(dir, `built-${i}`, 'index.html'), 'utf8');
      assert.equal(inlineText(built), layer === plain ? layerText : null);
      // With the layer, the page carries the basemap's index and the cells the site has.
      const basemap = /<script type="application\/json" id="aa-basemap">([^]*?)<\/script>\n/.exec(built)?.[1];
      if (layer === plain)
        assert.deepEqual(
          (JSON.parse(basemap!).cells as number[][]).map(([col, row]) => [col, row]).sort(),
          cells.sort(),
          "the first view's cells",
        );
      else assert.equal(basemap, undefined);
      // The zip is made from the page as served, which holds the layer the site was built with.
      const older = siteIndexHtml(TEMPLATE, '{"type":"FeatureCollection","features":[]}\n');
      const files = await unzip(await zipSite({ ...siteFiles, 'index.html': new TextEncoder().encode(older) }, layer));
      assert.equal(files.get('index.html')!.toString(), built);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The label points block's text, or null. */
function labelsText(html: string): string | null {
  const m = /<script type="application\/json" id="aa-labels">([^]*?)<\/script>\n/.exec(html);
  return m && m[1];
}

test("the page carries its areas' label points, as the map computes them (unwrapped across ±180°)", () => {
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [10, 10],
        [14, 10],
        [14, 14],
        [10, 14],
        [10, 10],
      ],
    ],
  };
  // Across ±180°: its label point is on the unwrapped ring (lon past 180), not in the band round the world.
  const across: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [178, 60],
        [-178, 60],
        [-178, 64],
        [178, 64],
        [178, 60],
      ],
    ],
  };
  const feature = (id: unknown, geometry: unknown) => ({ type: 'Feature', id, geometry, properties: {} });
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature('a', square),
      feature('b', across),
      feature('city', { type: 'Point', coordinates: [1, 2] }),
      feature(7, square),
      feature('none', null),
    ],
  });
  const page = siteIndexHtml(TEMPLATE, text);
  const points = JSON.parse(labelsText(page)!);
  assert.deepEqual(Object.keys(points), ['a', 'b']);
  const { at, radius, across: wide } = labelPoint(square);
  assert.deepEqual(points.a, [...at, radius, wide]);
  assert.ok(points.b[0] > 179 && points.b[0] < 181, String(points.b));
  assert.ok(page.indexOf('id="aa-labels"') > page.indexOf('id="aa-layer"'));
  // Replaced with the layer, and none for a layer without areas or one that is fetched.
  assert.equal(labelsText(siteIndexHtml(page, '{"type":"FeatureCollection","features":[]}')), null);
  assert.equal(siteIndexHtml(page, `{"text":"a </script>","features":[]}`), TEMPLATE);
  assert.equal(siteIndexHtml(page, text).match(/id="aa-labels"/g)?.length, 1);
  assert.equal(areaLabelPoints('not json'), null);
});
