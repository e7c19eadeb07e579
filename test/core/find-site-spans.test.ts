import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSiteSpans } from '../../src/core/find-site-spans.ts';
import { tokenize } from '../../src/core/tokenize.ts';

const CASES: Array<[string, string[]]> = [
  ['A fire on Royal Street near the river.', ['Royal Street']],
  ['Students at Florida Atlantic University marched.', ['Florida Atlantic University']],
  ['They met at the Barclays Center and Trump Tower.', ['Barclays Center', 'Trump Tower']],
  ['President Park said the talks would go on.', []],
  ['Park Geun-hye was sentenced.', []],
  ['The University said nothing.', []],
  ['Mr Hall spoke.', []],
  ['the Church of the Holy Redeemer', []],
  ['Holy Redeemer Church burned.', ['Holy Redeemer Church']],
  [
    'She studied at the University of California, then the College of the Holy Cross.',
    ['University of California', 'College of the Holy Cross'],
  ],
  ['The University of the city said no.', []],
];

test('findSiteSpans: capitalised names ending in a place head noun', () => {
  for (const [text, expected] of CASES)
    assert.deepEqual(
      findSiteSpans(text, tokenize(text)).map((s) => s.text),
      expected,
      text,
    );
});

test('findSiteSpans: offsets quote the text', () => {
  const text = '😀 Crash on Desire Street.';
  for (const s of findSiteSpans(text, tokenize(text))) assert.equal(text.slice(s.start, s.end), s.text);
});
