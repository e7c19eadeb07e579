import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readArticle, detectFormat } from '../../src/extract/read-article.ts';
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

const CP1252_FIXTURE = new URL('../fixtures/articles/cp1252.html', import.meta.url);

test('an HTML file in windows-1252 is decoded by its <meta charset>, as a fetched page is (issue #16)', async () => {
  const a = await readArticle(readFileSync(CP1252_FIXTURE), 'cp1252.html');
  assert.equal(a.title, 'Caf\u00e9 talks in Z\u00fcrich');
  assert.match(a.text, /a caf\u00e9 in Z\u00fcrich and called it a \u201cdeal\u201d worth \u20ac5 million/);
});

test('HTML without a declaration: UTF-8 when it is, else windows-1252; a UTF-8 file keeps UTF-8 under any <meta>', async () => {
  const cp1252 = new Uint8Array([...enc('<p>Z'), 0xfc, ...enc('rich, '), 0x93, 0x94, ...enc('</p>')]);
  assert.equal((await readArticle(cp1252)).text, 'Z\u00fcrich, \u201c\u201d');
  const utf8 = enc('<meta charset="windows-1252"><p>Z\u00fcrich \u2014 Baku</p>');
  assert.equal((await readArticle(utf8, 'a.html')).text, 'Z\u00fcrich \u2014 Baku');
  const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<p>Z\u00fcrich</p>'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.equal((await readArticle(utf16)).text, 'Z\u00fcrich');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await assert.rejects(
    () => readArticle(png, 'image.html'),
    (e: unknown) => e instanceof InputError && /binary/.test((e as Error).message),
  );
});

test('a plain text file in windows-1252 is still refused, not guessed', async () => {
  const bytes = new Uint8Array([...enc('Talks in Z'), 0xfc, ...enc('rich.')]);
  for (const name of ['a.txt', undefined])
    await assert.rejects(
      () => readArticle(bytes, name),
      (e: unknown) => e instanceof InputError && /not valid UTF-8/.test((e as Error).message),
    );
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

test('a text whose first line is longer than a title is titled by its words up to 160 characters, then "…"', async () => {
  const words = 'Clashes broke out near the border on Tuesday, officials in Baku and Yerevan said, as talks';
  const { title } = await readArticle(enc(`${words} ${words} ${words}.\n\nMore.`));
  // The 160th character is the Y of the second "Yerevan": the title stops at the space before that word.
  assert.equal(title, `${words} Clashes broke out near the border on Tuesday, officials in Baku and\u2026`);
  // A cut right after a comma drops the comma: "Tuesday," + "…" would read as a list left open.
  const padded = `${'x'.repeat(114)} ${words}`;
  assert.equal(
    (await readArticle(enc(padded))).title,
    `${'x'.repeat(114)} Clashes broke out near the border on Tuesday\u2026`,
  );
  assert.equal((await readArticle(enc('Short title\n\nBody.'))).title, 'Short title');
});
