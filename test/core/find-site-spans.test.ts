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
  // A word glued to the name's first word is part of the site, never left out of it (issue #15: one site or
  // nothing, not a place plus a word).
  ['He will speak at Texas A&M University next month.', ['Texas A&M University']],
  ["A gynecologist at Pikeville Medical Women's Care Center.", ["Pikeville Medical Women's Care Center"]],
  ['A train to Baden-Baden Station.', ['Baden-Baden Station']],
  [
    "Doctors at St. Barnabas Hospital and St. John's University School agreed.",
    ['St. Barnabas Hospital', "St. John's University School"],
  ],
  // A title's abbreviation is no part of a name.
  ['Patients of Dr. Ward Hospital were told.', ['Ward Hospital']],
  // A possessive opening the run is a place's or an owner's, not part of the name.
  ["A new centre opened at Derry's Altnagelvin Hospital.", ['Altnagelvin Hospital']],
  // A lower-case glued word is no part of the name.
  ["The company's Care Center opened.", ['Care Center']],
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
