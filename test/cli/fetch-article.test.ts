// URLs through the built command (issue #16), against a local server (test/helpers/article-server.ts):
// each page gives its layer, or exit 1 with a message naming the URL, within the timeout; nothing is
// half-written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateLayer } from '../helpers/validate-layer.ts';
import { ARTICLE_PLACES, CP1252_PAGE_TEXT, OTHER_PLACES, startArticleServer } from '../helpers/article-server.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const tmp = mkdtempSync(join(tmpdir(), 'aa-fetch-'));
let server: Awaited<ReturnType<typeof startArticleServer>>;
before(async () => (server = await startArticleServer()));
after(() => server.close());

/** Runs the command without blocking this process, which also serves the pages. */
function run(
  args: string[],
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
    child.stdin.end(input ?? '');
  });
}

const names = (layer: any): string[] => layer.features.map((f: any) => f.properties.name);

test("a news page: its article's places only (not the navigation, ads or related links) and its metadata", async () => {
  const url = `${server.base}/news`;
  const r = await run(['parse', url, '--timeout', '10']);
  assert.equal(r.code, 0, r.stderr);
  const layer = JSON.parse(r.stdout);
  assert.deepEqual(validateLayer(layer), []);
  for (const p of ARTICLE_PLACES) assert.ok(names(layer).includes(p), `${p} in ${names(layer)}`);
  for (const p of OTHER_PLACES)
    assert.ok(!names(layer).includes(p) && !layer.text.includes(p), `${p} is not in the article`);
  assert.equal(layer.title, 'Talks resume in Baku');
  assert.deepEqual(layer.article, {
    title: 'Talks resume in Baku',
    siteName: 'The Daily Test',
    author: 'Ann Lee',
    published: '2026-11-27T08:00:00Z',
    canonicalUrl: `${server.base}/world/talks-resume`,
    language: 'en',
    url,
  });
  for (const f of layer.features)
    for (const m of f.properties.mentions) assert.equal(layer.text.slice(m.start, m.end), m.text);
});

test('gzip, deflate and brotli bodies and two redirects give the same text; article.url is where it ended', async () => {
  const plain = JSON.parse((await run(['parse', `${server.base}/news`])).stdout);
  for (const path of ['/news-gzip', '/news-br', '/news-deflate', '/redirect']) {
    const r = await run(['parse', `${server.base}${path}`]);
    assert.equal(r.code, 0, `${path}: ${r.stderr}`);
    const layer = JSON.parse(r.stdout);
    assert.equal(layer.text, plain.text, path);
    assert.equal(layer.article.url, `${server.base}${path === '/redirect' ? '/news' : path}`);
  }
});

test('a windows-1252 page is decoded, from the header or from its <meta>', async () => {
  for (const path of ['/cp1252', '/cp1252-meta']) {
    const r = await run(['parse', `${server.base}${path}`]);
    assert.equal(r.code, 0, r.stderr);
    const layer = JSON.parse(r.stdout);
    assert.equal(layer.text, CP1252_PAGE_TEXT, path);
    assert.ok(names(layer).includes('Zürich'), `${path}: ${names(layer)}`);
  }
});

test('plain text from the web: its first line is the title', async () => {
  const layer = JSON.parse((await run(['parse', `${server.base}/text`])).stdout);
  assert.equal(layer.title, 'Talks resume');
  assert.deepEqual(layer.article, { url: `${server.base}/text` });
  assert.ok(names(layer).includes('Baku'));
});

const FAILURES: Array<[string, string[], RegExp]> = [
  ['/missing', [], /answered 404.*Check the address/],
  ['/loop', [], /more than 5 redirects/],
  ['/to-file', [], /only http and https.*redirects to a file: address/],
  ['/image', [], /an image \(image\/png\), not a web page/],
  ['/pdf', [], /a PDF document, not a web page/],
  ['/endless', ['--max-size', '1'], /larger than the limit of 1 MB \(reading stopped there\)/],
  ['/never-finishes', ['--timeout', '1'], /no complete answer within 1 s.*--timeout/],
  ['/home', [], /has no article: most of its text is links/],
];

/** A hang fails the test instead of holding the suite: far above the 5 s fetch deadline plus a loaded start-up. */
const HANG_MS = 90_000;

for (const [path, extra, message] of FAILURES) {
  test(`${path}: exit 1 with a message naming the URL, nothing written`, { timeout: HANG_MS }, async () => {
    const url = `${server.base}${path}`;
    const out = join(tmp, `${path.slice(1)}.geojson`);
    const r = await run(['parse', url, '-o', out, '--timeout', '5', ...extra]);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stderr.includes(url), r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(r.stdout, '');
    assert.ok(!existsSync(out), 'no output file');
  });
}

test('other bad addresses: a scheme that is not fetched, a refused connection, a bad --timeout', async () => {
  assert.match((await run(['parse', 'ftp://127.0.0.1/a.txt'])).stderr, /only http and https/);
  // A port that was free a moment ago: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const refused = await run(['parse', `http://127.0.0.1:${port}/`, '--timeout', '5']);
  assert.equal(refused.code, 1);
  assert.match(
    refused.stderr,
    new RegExp(`Could not read http://127\\.0\\.0\\.1:${port}/: the server refused the connection`),
  );
  assert.match((await run(['parse', 'http://127.0.0.1:25/'])).stderr, /port belongs to another protocol/);
  const bad = await run(['parse', `${server.base}/news`, '--timeout', 'abc']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--timeout abc is not a number of seconds/);
});

test('build URL -o DIR writes the site with the metadata; a failed fetch writes no folder', async () => {
  const dir = join(tmp, 'site');
  const r = await run(['build', `${server.base}/news`, '-o', dir]);
  assert.equal(r.code, 0, r.stderr);
  const layer = JSON.parse(readFileSync(join(dir, 'layer.geojson'), 'utf8'));
  assert.equal(layer.article.siteName, 'The Daily Test');
  const none = join(tmp, 'no-site');
  const bad = await run(['build', `${server.base}/missing`, '-o', none]);
  assert.equal(bad.code, 1);
  assert.ok(!existsSync(none));
});

test("--jsonl lines may give a url; a text line gets no article member; a bad url is that line's error", async () => {
  const input = [
    JSON.stringify({ id: 'web', url: `${server.base}/news` }),
    JSON.stringify({ id: 'gone', url: `${server.base}/missing` }),
    JSON.stringify({ id: 'txt', text: 'Talks in Baku.' }),
  ].join('\n');
  const r = await run(['parse', '--jsonl', '--timeout', '5'], input);
  assert.equal(r.code, 1, 'a bad line makes the exit code 1');
  const [web, gone, txt] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(web.id, 'web');
  assert.equal(web.article.url, `${server.base}/news`);
  assert.ok(names(web).includes('Baku'));
  assert.equal(gone.id, 'gone');
  assert.match(gone.error, /^line 2: Could not read .*\/missing: the server answered 404/);
  assert.equal(txt.id, 'txt');
  assert.ok(!('article' in txt) && !('title' in txt), 'text lines are as before');
});
