// The committed gazetteer read as UTF-8 bytes (utf8Bytes, how the CLI loads it) answers exactly as the
// decoded text does, names beyond ASCII included; and the key order that both binary searches rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareKeys } from '../../src/gazetteer/compare-keys.ts';
import { createGazetteer } from '../../src/gazetteer/create-gazetteer.ts';

const file = (name: string, encoding: BufferEncoding) =>
  readFileSync(new URL(`../../geo/data/${name}`, import.meta.url), encoding);
const namesText = file('names.tsv', 'utf8');
const keysOf = (names: string) =>
  names
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(0, line.indexOf('\t')));

test("compareKeys orders by code point: a character beyond U+FFFF after U+FFFD, unlike JavaScript's string order", () => {
  assert.ok(compareKeys('a', 'b') < 0 && compareKeys('b', 'a') > 0 && compareKeys('ab', 'ab') === 0);
  assert.ok(compareKeys('ab', 'abc') < 0, 'a prefix first');
  assert.ok(compareKeys('\u{1F30D}', '\uFFFD') > 0);
  assert.ok('\u{1F30D}' < '\uFFFD', 'JavaScript puts the surrogate pair first');
  assert.ok(compareKeys('\u00e7', '\uac00') < 0);
});

test("the committed index is in compareKeys order, which is also its UTF-8 bytes' order", () => {
  const keys = keysOf(namesText);
  const bytes = keysOf(file('names.tsv', 'latin1'));
  assert.equal(keys.length, bytes.length);
  for (let i = 1; i < keys.length; i++) {
    assert.ok(compareKeys(keys[i - 1], keys[i]) < 0, `${keys[i - 1]} / ${keys[i]}`);
    assert.ok(bytes[i - 1] < bytes[i], `bytes of ${keys[i - 1]} / ${keys[i]}`);
  }
});

test('read as UTF-8 bytes, the gazetteer gives the same readings, prefixes and places as read as text', () => {
  const text = createGazetteer({ places: file('places.tsv', 'utf8'), names: namesText });
  const bytes = createGazetteer({
    places: file('places.tsv', 'latin1'),
    names: file('names.tsv', 'latin1'),
    utf8Bytes: true,
  });
  const keys = keysOf(namesText);
  const beyondAscii = keys.filter((k) => /[^\x00-\x7f]/.test(k));
  assert.ok(beyondAscii.length > 100, `${beyondAscii.length} keys beyond ASCII`);
  // Every key beyond ASCII, a spread of the others, their first words (prefixes) and near misses.
  const odd = ['', ' ', 'a', 'z', '\u00ff', '\ud800', '\u{1F30D} x', 'sao paulo\u0000', 'ab\tcd', 'x\ny'];
  const sample = [...beyondAscii, ...keys.filter((_, i) => i % 211 === 0), ...odd];
  let placesBeyondAscii = 0;
  for (const key of sample) {
    for (const probe of [key, key.split(' ')[0], key.slice(0, -1), key + 'x']) {
      const a = text.lookup(probe);
      assert.deepEqual(bytes.lookup(probe), a, probe);
      assert.equal(bytes.hasPrefix(probe), text.hasPrefix(probe), probe);
      for (const m of a) if (/[^\x00-\x7f]/.test(m.place.name)) placesBeyondAscii++;
    }
  }
  assert.ok(placesBeyondAscii > 100, `${placesBeyondAscii} readings named beyond ASCII`);
  const lachin = text.lookup('lachin').map((m) => m.place.id);
  for (const id of lachin) assert.deepEqual(bytes.get(id), text.get(id), id);
  assert.deepEqual(bytes.country('az'), text.country('az'));
});
