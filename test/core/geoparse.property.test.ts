// Property-based tests (fast-check): for any Unicode text geoparse returns, and every mention's
// offsets quote the text exactly — astral characters, combining marks and RTL text included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { geoparse } from '../../src/core/geoparse.ts';
import { realResources } from '../helpers/real-resources.ts';

const PLACES = [
  'Baku',
  'Yerevan',
  'Nagorno-Karabakh',
  'Armenia’s',
  'U.S.',
  'New York',
  'Paris, Texas',
  'Azerbaijani-Armenian',
  'Şuşa',
  'Kalbajar',
];
const word = fc.oneof(
  fc.constantFrom(...PLACES),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('😀', '𝒜', 'e\u0301', 'مرحبا', 'שלום', '\u200f', '\n\n', '. ', ', ', '\ud800'),
);
const texts = fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' '));

test('geoparse never throws and every mention quotes the text at its UTF-16 offsets', () => {
  const r = realResources();
  fc.assert(
    fc.property(texts, (text) => {
      const layer = geoparse(text, r);
      for (const f of layer.features) {
        for (const m of f.properties.mentions) {
          assert.equal(text.slice(m.start, m.end), m.text);
          assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
        }
      }
    }),
    { numRuns: 300, seed: 20261127 },
  );
});
