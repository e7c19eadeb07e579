// The local studio's server (issues #16, #17): `article-atlas studio -o DIR` writes a static studio; the
// fetch endpoint answers only the studio's own origin with this run's token, and reads a page served here.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildStudio } from '../../src/cli/build-studio.ts';
import { serveSite, type SiteServer } from '../../src/cli/serve-site.ts';
import { newToken, serveStudio } from '../../src/cli/serve-studio.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'aa-serve-studio-'));
let studio: SiteServer;
let pages: SiteServer;
let token: string;

before(async () => {
  token = newToken();
  const dir = join(tmp, 'studio');
  const files = await buildStudio(dir, { session: { token } });
  studio = await serveStudio(dir, { files, token });
  writeFileSync(join(tmp, 'news.html'), readFileSync(join(ROOT, 'test/fixtures/studio/news.html')));
  pages = await serveSite(tmp, { port: 0, files: ['news.html'] });
});

after(async () => {
  await studio?.close();
  await pages?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function post(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(studio.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/fetch', method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const origin = () => studio.url.replace(/\/$/, '');
const page = () => JSON.stringify({ url: pages.url + 'news.html' });

test('the fetch endpoint reads a page for the studio page (its origin and token)', async () => {
  const r = await post(
    { origin: origin(), 'x-article-atlas-token': token, 'content-type': 'application/json' },
    page(),
  );
  assert.equal(r.status, 200, r.body);
  const { read } = JSON.parse(r.body);
  assert.match(read.text, /^Heavy rain flooded streets in Valencia/);
  assert.equal(read.article.url, pages.url + 'news.html');
  assert.equal(read.article.siteName, 'The Example Post');
});

test('the fetch endpoint refuses another origin, no origin, a wrong or missing token', async () => {
  const cases: Array<Record<string, string>> = [
    { origin: 'http://evil.example', 'x-article-atlas-token': token },
    { 'x-article-atlas-token': token },
    { origin: origin(), 'x-article-atlas-token': token.slice(1) + 'x' },
    { origin: origin() },
  ];
  for (const headers of cases) {
    const r = await post(headers, page());
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.ok(!r.body.includes('Valencia'));
  }
});

test('the fetch endpoint says what is wrong with a bad request or a page it cannot read', async () => {
  const headers = { origin: origin(), 'x-article-atlas-token': token };
  assert.equal((await post(headers, 'not json')).status, 400);
  const missing = await post(headers, JSON.stringify({ url: pages.url + 'gone.html' }));
  assert.equal(missing.status, 422);
  assert.match(JSON.parse(missing.body).error, /gone\.html/);
  // The session is served to the page itself (other sites cannot read it: no CORS).
  const { port } = new URL(studio.url);
  const session = await fetch(`http://127.0.0.1:${port}/session.json`).then((r) => r.json());
  assert.equal(session.token, token);
});

test('studio -o DIR writes a static studio with the explorer in site/ and a session without a token', () => {
  const out = join(tmp, 'static');
  const r = spawnSync('node', [BIN, 'studio', '-o', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  for (const f of ['index.html', 'studio.js', 'studio-worker.js', 'gazetteer/manifest.json', 'site/index.html'])
    assert.ok(existsSync(join(out, f)), f);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'session.json'), 'utf8')), {});
  const manifest = JSON.parse(readFileSync(join(out, 'gazetteer/manifest.json'), 'utf8'));
  for (const name of ['places', 'names', 'shapes', 'model']) {
    const bytes = readFileSync(join(out, 'gazetteer', manifest.files[name].url));
    assert.equal(bytes.length, manifest.files[name].bytes);
    assert.deepEqual([bytes[0], bytes[1]], [0x1f, 0x8b], `${name} is gzipped`);
  }
  const wrong = spawnSync('node', [BIN, 'studio', join(ROOT, 'test/fixtures/seed/article.txt'), '-o', out], {
    encoding: 'utf8',
  });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /studio -o DIR writes the studio without an article/);
});

test('studio FILE prints its URL first and serves the article, mapped, as the start layer', async () => {
  const child = spawn('node', [BIN, 'studio', join(ROOT, 'test/fixtures/seed/article.txt')]);
  try {
    const first = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const url = first.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
    assert.ok(url, first);
    const session = await fetch(url + 'session.json').then((r) => r.json());
    assert.equal(session.start, 'start.geojson');
    assert.ok(session.token.length >= 40);
    const start = await fetch(url + 'start.geojson').then((r) => r.json());
    assert.ok(start.features.some((f: { properties: { name: string } }) => f.properties.name === 'Nagorno-Karabakh'));
  } finally {
    child.kill('SIGINT');
  }
});
