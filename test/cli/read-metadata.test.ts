// A page's metadata (read-metadata.ts) and its text in its own encoding (decode-page.ts), issue #16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { readMetadata, isoDate } from '../../src/cli/read-metadata.ts';
import { decodePage } from '../../src/cli/decode-page.ts';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

test('JSON-LD (inside @graph) comes first, then Open Graph and article:* tags', () => {
  const html = `<html lang="en-GB"><head><title>Talks resume | The Daily Test</title>
    <link rel="canonical" href="/news/talks">
    <meta property="og:title" content="OG title"><meta property="og:site_name" content="The Daily Test">
    <meta property="article:published_time" content="2026-11-27T08:00:00+01:00"><meta name="author" content="Meta Author">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
      {"@type":"NewsArticle","headline":"Talks resume in Baku","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
       "publisher":{"@type":"Organization","name":"Daily Test Media"},"datePublished":"2026-11-27T07:30:00Z"}]}</script></head><body></body></html>`;
  assert.deepEqual(readMetadata(doc(html), 'https://news.example/a?b=1'), {
    title: 'Talks resume in Baku',
    siteName: 'Daily Test Media',
    author: 'Ann Lee, Bo Chen',
    published: '2026-11-27T07:30:00Z',
    canonicalUrl: 'https://news.example/news/talks',
    language: 'en-GB',
  });
});

test('meta tags alone; broken JSON-LD ignored; profile URLs are not author names; no javascript: URLs', () => {
  const html = `<html><head><script type="application/ld+json">{broken</script>
    <meta property="og:title" content="  Floods in   Ganja "><meta property="og:locale" content="az_AZ">
    <meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="Leyla Aliyeva">
    <meta property="og:url" content="javascript:alert(1)"><meta name="date" content="2026-03-05 14:00:00"></head><body></body></html>`;
  const m = readMetadata(doc(html));
  assert.equal(m.title, 'Floods in Ganja');
  assert.equal(m.author, 'Leyla Aliyeva');
  assert.equal(m.language, 'az-AZ');
  assert.equal(m.canonicalUrl, undefined);
  assert.match(m.published!, /^2026-03-05T\d{2}:00:00\.000Z$/);
});

test('a page without metadata gives an empty object', () => {
  assert.deepEqual(readMetadata(doc('<html><body><p>Talks in Baku.</p></body></html>')), {});
});

test('dates become ISO 8601 or nothing', () => {
  assert.equal(isoDate('2026-11-27'), '2026-11-27');
  assert.equal(isoDate('2026-11-27T08:00:00+01:00'), '2026-11-27T08:00:00+01:00');
  assert.equal(isoDate('Fri, 27 Nov 2026 08:00:00 GMT'), '2026-11-27T08:00:00.000Z');
  assert.equal(isoDate('2026-11-27T08:00:00+0100'), '2026-11-27T07:00:00.000Z');
  assert.equal(isoDate('yesterday'), undefined);
  assert.equal(isoDate('2026'), undefined);
});

test('decodePage: windows-1252 from the header, from <meta>, or when the bytes are not UTF-8', () => {
  // “Zürich” costs €5 — in windows-1252 bytes.
  const cp1252 = [0x93, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x94, 0x20, 0x80, 0x35];
  const expected = '“Zürich” €5';
  assert.equal(decodePage(new Uint8Array(cp1252), 'text/html; charset=windows-1252'), expected);
  assert.equal(
    decodePage(new Uint8Array(cp1252), 'text/plain; charset="ISO-8859-1"', false),
    expected,
    'latin1 labels mean windows-1252',
  );
  const meta = new TextEncoder().encode('<meta charset="windows-1252"><p>');
  assert.equal(decodePage(new Uint8Array([...meta, ...cp1252]), 'text/html').slice(meta.length), expected);
  assert.equal(decodePage(new Uint8Array(cp1252), ''), expected, 'undeclared and not UTF-8');
  assert.equal(decodePage(new TextEncoder().encode('“Zürich”'), 'text/html'), '“Zürich”', 'undeclared UTF-8');
});

test('decodePage: a byte order mark wins over the header', () => {
  const utf16 = new Uint8Array([0xff, 0xfe, 0x42, 0x00, 0x61, 0x00, 0x6b, 0x00, 0x75, 0x00]);
  assert.equal(decodePage(utf16, 'text/plain; charset=windows-1252', false), 'Baku');
  assert.equal(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xbc]), 'text/html; charset=windows-1252'), 'ü');
});
