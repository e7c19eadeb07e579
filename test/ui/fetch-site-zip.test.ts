// fetchSiteZip (issue #17) over a fake fetch: it asks for the manifest and the files it names under siteBase
// (never the article's own files, which come from the layer), and a missing file is a clear InputError.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { fetchSiteZip } from '../../src/ui/model/fetch-site-zip.ts';
import { exportLayer } from '../helpers/export-layer.ts';
import { unzip } from '../helpers/unzip.ts';

const BASE = 'https://example.org/studio/site/';

/** A fetch that serves `files` under BASE and records what was asked for. */
function fakeFetch(files: Record<string, string>) {
  const asked: string[] = [];
  const fetchFile = (async (url: URL) => {
    asked.push(url.href);
    const name = url.href.startsWith(BASE) ? url.href.slice(BASE.length) : null;
    const body = name !== null ? files[name] : undefined;
    return body === undefined ? new Response('no', { status: 404 }) : new Response(body);
  }) as unknown as typeof fetch;
  return { asked, fetchFile };
}

test('fetches the manifest and its files from siteBase and zips them with the current layer', async () => {
  const manifest = JSON.stringify({ files: ['index.html', 'app.js', 'layer.geojson', 'article.txt'] });
  const { asked, fetchFile } = fakeFetch({ 'site-files.json': manifest, 'index.html': '<p>', 'app.js': 'x()' });
  const layer = exportLayer();
  const files = await unzip(await fetchSiteZip(BASE, layer, fetchFile));
  assert.deepEqual(asked.sort(), [BASE + 'app.js', BASE + 'index.html', BASE + 'site-files.json']);
  assert.deepEqual([...files.keys()].sort(), [
    'app.js',
    'article.txt',
    'index.html',
    'layer.geojson',
    'site-files.json',
  ]);
  assert.equal(files.get('site-files.json')!.toString(), manifest);
  assert.equal(files.get('app.js')!.toString(), 'x()');
  assert.deepEqual(JSON.parse(files.get('layer.geojson')!.toString()), layer);
});

test('a missing manifest or file names its address; a manifest pointing outside the site is refused', async () => {
  await assert.rejects(
    fetchSiteZip(BASE, exportLayer(), fakeFetch({}).fetchFile),
    (e) => e instanceof InputError && e.message === `${BASE}site-files.json could not be loaded (HTTP 404).`,
  );
  const gone = fakeFetch({ 'site-files.json': '{"files":["app.js"]}' });
  await assert.rejects(
    fetchSiteZip(BASE, exportLayer(), gone.fetchFile),
    /site\/app\.js could not be loaded \(HTTP 404\)/,
  );
  const evil = fakeFetch({ 'site-files.json': '{"files":["../../secret"]}' });
  await assert.rejects(fetchSiteZip(BASE, exportLayer(), evil.fetchFile), /names a file outside the site/);
  assert.deepEqual(evil.asked, [BASE + 'site-files.json']);
});
