// `build` of web pages (issues #16 and #18) through the built command, against the local article server:
// `build URL1 URL2 … -o DIR` and `build --jsonl` lines with a `url` instead of `text`; a page that fails
// is reported by its address (or line number), and the rest is built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollectionLayer } from '../../src/core/merge-layers.ts';
import { startArticleServer } from '../helpers/article-server.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'aa-build-urls-'));
let server: Awaited<ReturnType<typeof startArticleServer>>;
before(async () => (server = await startArticleServer()));
after(() => server.close());

/** Runs the command without blocking this process, which also serves the pages. */
function run(args: string[], input = ''): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end(input);
  });
}
const read = (dir: string): CollectionLayer => JSON.parse(readFileSync(join(dir, 'collection.geojson'), 'utf8'));
const articlesOf = (c: CollectionLayer, name: string) =>
  [...new Set(c.features.find((f) => f.properties.name === name)?.properties.mentions.map((m) => m.article))].sort();

test('build URL URL URL -o DIR: each page is an article with its metadata; a page that fails is named', async () => {
  const out = join(tmp, 'site-urls');
  const missing = `${server.base}/no-such-page`;
  const r = await run(['build', `${server.base}/news`, missing, `${server.base}/text`, '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`${missing.replace(/[/.]/g, '\\$&')}: .*404`));
  assert.match(r.stderr, /story map of 2 article\(s\).*1 input\(s\) left out/);
  const c = read(out);
  assert.deepEqual(
    c.articles.map(({ contexts: _, ...a }) => a),
    [
      {
        id: 'news',
        title: 'Talks resume in Baku',
        date: '2026-11-27T08:00:00Z',
        source: 'The Daily Test',
        url: `${server.base}/news`,
        textFile: 'articles/news.txt',
      },
      { id: 'text', title: 'Talks resume', url: `${server.base}/text`, textFile: 'articles/text.txt' },
    ],
  );
  assert.deepEqual(articlesOf(c, 'Baku'), ['news', 'text']);
  assert.deepEqual(articlesOf(c, 'Paris'), [], 'the navigation and ads are not the article');
  assert.match(readFileSync(join(out, 'articles/news.txt'), 'utf8'), /Officials in Baku said on Tuesday/);
});

test('build --jsonl: a line with a url is fetched, its own fields win; a failed fetch is reported by line', async () => {
  const out = join(tmp, 'site-jsonl-urls');
  const lines = [
    { id: 'a', url: `${server.base}/news`, date: '2026-12-01' },
    { id: 'b', url: `${server.base}/loop` },
    { id: 'c', text: 'Crowds gathered in Yerevan.' },
    { id: 'd', url: 'ftp://example.org/x' },
    { id: 'e', url: 'example.org/x' },
  ];
  const r = await run(['build', '--jsonl', '-o', out], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /line 2: .*\/loop/);
  assert.match(r.stderr, /line 4: Could not read ftp:\/\/example\.org\/x: only http and https addresses/);
  assert.match(r.stderr, /line 5: article e: "url" must be an http or https address/);
  assert.doesNotMatch(r.stderr, /line [13]:/);
  const c = read(out);
  assert.deepEqual(
    c.articles.map((a) => [a.id, a.date, a.source, a.url]),
    [
      ['a', '2026-12-01', 'The Daily Test', `${server.base}/news`],
      ['c', undefined, undefined, undefined],
    ],
  );
  assert.deepEqual(articlesOf(c, 'Yerevan'), ['a', 'c']);
});
