// buildSite and serveSite (issue #4): a self-contained folder, atomic writes, loopback only, media
// types, and nothing outside the folder reachable.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../../src/cli/build-site.ts';
import { serveSite, type SiteServer } from '../../src/cli/serve-site.ts';
import { seedSample } from './harness.ts';

let dir: string;
let server: SiteServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aa-site-test-'));
  const layer = seedSample();
  delete layer.text;
  await buildSite(layer, join(dir, 'site'), { text: 'the text' });
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'site', 'link.txt'));
  server = await serveSite(join(dir, 'site'));
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw GET so paths like /../ reach the server unnormalised. */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('buildSite writes the page, the layer with its text and article.txt, and no temp files', () => {
  const files = readdirSync(join(dir, 'site')).sort();
  for (const f of ['app.css', 'app.js', 'article.txt', 'basemap.json', 'index.html', 'layer.geojson'])
    assert.ok(files.includes(f), f);
  assert.equal(files.filter((f) => f.endsWith('.tmp')).length, 0);
  assert.equal(readFileSync(join(dir, 'site', 'article.txt'), 'utf8'), 'the text');
  assert.equal(JSON.parse(readFileSync(join(dir, 'site', 'layer.geojson'), 'utf8')).text, 'the text');
});

test('serveSite listens on 127.0.0.1 and sends the right media types', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.match((await get('/')).type, /^text\/html/);
  assert.equal((await get('/layer.geojson')).type, 'application/geo+json');
  assert.match((await get('/app.js')).type, /^text\/javascript/);
  assert.match((await get('/app.css')).type, /^text\/css/);
  assert.equal((await get('/basemap.json')).type, 'application/json');
  assert.equal((await get('/article.txt?x=1')).body, 'the text');
});

test('serveSite serves nothing outside its folder', async () => {
  for (const p of [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/link.txt',
    '/nope.js',
    '/%00',
    '/%E0%A4%A',
  ]) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.ok(!r.body.includes('secret'), p);
  }
  assert.ok(existsSync(join(dir, 'secret.txt')));
});
