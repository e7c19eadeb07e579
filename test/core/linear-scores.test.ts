// LinearScores (scores as features arrive, no map) against scoreLinear over the Features map of the
// same extractor: equal to the last bit, for every name span of the seed article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSpanContext } from '../../src/core/extract-mentions.ts';
import { findNameSpans } from '../../src/core/find-name-spans.ts';
import { LinearScores, scoreLinear } from '../../src/core/model.ts';
import { lexiconOf, spanFeatures } from '../../src/core/span-features.ts';
import { splitPassages } from '../../src/core/split-passages.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import { realResources } from '../helpers/real-resources.ts';

test('LinearScores: a small hand-checked case', () => {
  const s = new LinearScores({ weights: { bias: -1, a: 2, b: 0.5 } }, { weights: { a: 3 } }, 'b');
  s.set('bias', 1).set('a', 1).set('b', 4).set('unknown', 7);
  assert.equal(s.a, -1 + 2 + 2); // bias + a + 0.5 × 4
  assert.equal(s.b, 3);
  assert.equal(s.watched, 4);
});

test('LinearScores over spanFeatures equals scoreLinear over the feature map, for every span of the seed', () => {
  const { gazetteer, model } = realResources();
  const text = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8');
  const tokens = tokenize(text);
  const passages = splitPassages(text);
  const spans = findNameSpans(text, tokens, gazetteer, lexiconOf(model));
  const ctx = buildSpanContext(text, tokens, passages, spans, model);
  assert.ok(spans.length > 50);
  for (const span of spans) {
    const map = spanFeatures(span, ctx);
    const scores = spanFeatures(span, ctx, undefined, new LinearScores(model.span, model.spanDoc, 'nextSurname'));
    assert.equal(scores.a, scoreLinear(model.span, map), span.text);
    assert.equal(scores.b, scoreLinear(model.spanDoc, map), span.text);
    assert.equal(scores.watched, map.get('nextSurname') ?? 0);
  }
});
