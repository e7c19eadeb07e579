// The site zip (issue #17): zipSite's output read by an independent reader (yauzl) holds the site's files
// byte for byte and the article's layer and text as `article-atlas build` writes them; the manifest reader
// refuses paths that would leave the folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSite } from '../../src/cli/build-site.ts';
import { InputError } from '../../src/core/errors.ts';
import { readSiteManifest, siteDataFiles } from '../../src/export/site-files.ts';
import { zipSite } from '../../src/export/zip-site.ts';
import { exportLayer } from '../helpers/export-layer.ts';
import { unzip } from '../helpers/unzip.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

test('the zip holds the site files as given, and the layer and text as buildSite writes them', async () => {
  const layer = exportLayer();
  const site = {
    'index.html': bytes('<!doctype html><title>x</title>'),
    'app.js': new Uint8Array([0, 1, 2, 255, 254]),
    'sub/deep.json': bytes('{"a":1}'),
    'layer.geojson': bytes('replaced by the current layer'),
  };
  const files = await unzip(await zipSite(site, layer));
  assert.deepEqual([...files.keys()].sort(), ['app.js', 'article.txt', 'index.html', 'layer.geojson', 'sub/deep.json']);
  assert.deepEqual([...files.get('app.js')!], [0, 1, 2, 255, 254]);
  assert.equal(files.get('sub/deep.json')!.toString(), '{"a":1}');
  assert.equal(files.get('article.txt')!.toString(), layer.text);
  assert.deepEqual(JSON.parse(files.get('layer.geojson')!.toString()), layer);

  // The same two files as the CLI's build (over a one-file explorer, so this needs no npm run build).
  const dir = mkdtempSync(join(tmpdir(), 'aa-zip-site-'));
  try {
    mkdirSync(join(dir, 'explorer'));
    writeFileSync(join(dir, 'explorer', 'index.html'), '<!doctype html>');
    await buildSite(layer, join(dir, 'built'), { siteDir: join(dir, 'explorer') });
    assert.deepEqual(readdirSync(join(dir, 'built')).sort(), ['article.txt', 'index.html', 'layer.geojson']);
    assert.deepEqual(readFileSync(join(dir, 'built', 'layer.geojson')), files.get('layer.geojson'));
    assert.deepEqual(readFileSync(join(dir, 'built', 'article.txt')), files.get('article.txt'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a layer without text gives no article.txt; a text given apart goes into the layer', () => {
  const layer = { ...exportLayer(), text: undefined };
  assert.deepEqual(
    siteDataFiles(layer).map(([n]) => n),
    ['layer.geojson'],
  );
  const [[, json], [, text]] = siteDataFiles(layer, 'the text');
  assert.equal(JSON.parse(json).text, 'the text');
  assert.equal(text, 'the text');
  assert.ok(json.endsWith('}\n'));
});

test('the manifest reader takes plain relative paths and refuses the rest with a clear error', () => {
  assert.deepEqual(readSiteManifest('{"files":["index.html","chunk-AB12.js","img/a.png"]}'), [
    'index.html',
    'chunk-AB12.js',
    'img/a.png',
  ]);
  for (const bad of ['../x.js', 'a/../../x', '/etc/passwd', 'C:\\\\x', 'https://evil.example/x.js', '.', 'a//b', ''])
    assert.throws(
      () => readSiteManifest(JSON.stringify({ files: [bad] })),
      (e) => e instanceof InputError && /names a file outside the site/.test(e.message),
      bad,
    );
  for (const notList of ['', 'null', '[]', '{"files":"app.js"}', '{"files":[1]}'])
    assert.throws(
      () => readSiteManifest(notList),
      (e) => e instanceof InputError && /is not a site's file list/.test(e.message),
      notList,
    );
});

test('zipSite refuses a file name that would leave the folder', async () => {
  await assert.rejects(zipSite({ '../evil.js': bytes('x') }, exportLayer()), InputError);
});

test('a file larger than a slice, and an empty one, come back whole', async () => {
  const big = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
  const files = await unzip(await zipSite({ 'big.bin': big, 'empty.txt': new Uint8Array(0) }, exportLayer()));
  assert.ok(files.get('big.bin')!.equals(big));
  assert.equal(files.get('empty.txt')!.length, 0);
});
