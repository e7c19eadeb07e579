import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArticle, detectFormat } from '../../src/cli/read-article.ts';
import { InputError } from '../../src/core/errors.ts';

const enc = (s: string) => new TextEncoder().encode(s);

test('plain text passes through unchanged, BOM removed', async () => {
  assert.equal((await readArticle(enc('Clashes near Baku.\n\nMore.'))).text, 'Clashes near Baku.\n\nMore.');
  assert.equal((await readArticle(enc('\ufeffBaku'))).text, 'Baku');
});

test('HTML: scripts, styles and comments are dropped, paragraphs kept', async () => {
  const html =
    '<!doctype html><html><head><title>Border clashes</title><style>p{color:red}</style></head><body><script>alert(1)</script><!-- hidden Paris --><p>Clashes near Baku.</p><p>Talks in Yerevan.</p><![CDATA[ x ]]></body></html>';
  const a = await readArticle(enc(html), 'a.html');
  assert.equal(a.format, 'html');
  assert.equal(a.title, 'Border clashes');
  assert.match(a.text, /Clashes near Baku\.\n+Talks in Yerevan\./);
  assert.doesNotMatch(a.text, /alert|color|hidden Paris/);
});

test('Markdown is converted to text', async () => {
  const a = await readArticle(enc('# Clashes\n\nFighting near **Baku** and [Yerevan](http://x).'), 'a.md');
  assert.equal(a.format, 'markdown');
  assert.match(a.text, /Fighting near Baku and Yerevan\./);
  assert.doesNotMatch(a.text, /\*\*|http/);
});

test('format detection from name and content', () => {
  assert.equal(detectFormat('<p>x</p>'), 'html');
  assert.equal(detectFormat('plain words'), 'text');
  assert.equal(detectFormat('<p>x</p>', 'a.txt'), 'text');
});

const BAD: Array<[string, Uint8Array, RegExp]> = [
  ['empty', new Uint8Array(), /empty/],
  ['whitespace', enc('  \n\t '), /only whitespace/],
  [
    'PNG',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    /UTF-8|binary/,
  ],
  ['invalid UTF-8', new Uint8Array([0x41, 0xc3, 0x28, 0x42]), /not valid UTF-8/],
  ['NUL bytes', enc('abc\u0000def'), /binary/],
  ['empty HTML', enc('<html><body><script>x()</script></body></html>'), /no readable text/],
];

test('bad input gets an InputError naming the problem', async () => {
  for (const [name, bytes, re] of BAD) {
    await assert.rejects(
      () => readArticle(bytes, name === 'empty HTML' ? 'x.html' : undefined),
      (e: unknown) => e instanceof InputError && re.test((e as Error).message),
      name,
    );
  }
});
