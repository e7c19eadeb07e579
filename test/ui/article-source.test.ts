// The explorer's source line (issue #16): what it shows of a layer's `article` member, and what a layer
// file cannot make it do.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { articleSource, safeHref } from '../../src/ui/model/article-source.ts';
import { readLayer } from '../../src/ui/model/validate-layer.ts';

test('site, date as written, author and the canonical link', () => {
  assert.deepEqual(
    articleSource({
      siteName: 'The Daily Test',
      author: 'Ann Lee',
      published: '2026-11-27T23:30:00-05:00',
      url: 'https://t.example/a?utm=1',
      canonicalUrl: 'https://t.example/a',
    }),
    {
      source: 'The Daily Test',
      author: 'Ann Lee',
      date: { text: '27 Nov 2026', iso: '2026-11-27' },
      href: 'https://t.example/a',
    },
  );
});

test('without a site name the host names the source; nothing to show gives undefined', () => {
  assert.deepEqual(articleSource({ url: 'http://www.news.example/x' }), {
    source: 'news.example',
    href: 'http://www.news.example/x',
  });
  assert.equal(articleSource({}), undefined);
  assert.equal(articleSource(undefined), undefined);
  assert.equal(articleSource({ published: 'last week' }), undefined);
});

test('links only to http(s) addresses', () => {
  for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative', 'vbscript:x', 42])
    assert.equal(safeHref(bad), undefined, String(bad));
  assert.equal(articleSource({ url: 'javascript:alert(1)', siteName: 'X' })!.href, undefined);
});

test('a layer file keeps only the string fields of `article` that the schema names', () => {
  const layer = JSON.parse(readFileSync(new URL('../fixtures/layers/seed-sample.geojson', import.meta.url), 'utf8'));
  layer.article = { title: 'T', siteName: { toString: 1 }, url: 'https://t.example/a', extra: '<img onerror=x>' };
  assert.deepEqual(readLayer(JSON.stringify(layer)).layer.article, { title: 'T', url: 'https://t.example/a' });
  layer.article = 'not an object';
  assert.equal('article' in readLayer(JSON.stringify(layer)).layer, false);
});
