// LinearScores and CandidateScores (scores as features arrive, no map) against scoreLinear and
// scoreCandidate over the Features map of the same extractor: equal to the last bit, on the seed article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildSpanContext, extractMentions } from '../../src/core/extract-mentions.ts';
import { containsByShape } from '../../src/core/namesake-features.ts';
import { candidateFeatures, commaPlaces } from '../../src/core/candidate-features.ts';
import { CandidateScores, scoreCandidate } from '../../src/core/candidate-scores.ts';
import { findCandidates, rankCandidates } from '../../src/core/rank-candidates.ts';
import { buildRankContext } from '../../src/core/rank-context.ts';
import { findNameSpans } from '../../src/core/find-name-spans.ts';
import { LinearScores, scoreLinear } from '../../src/core/model.ts';
import { lexiconOf, spanFeatures } from '../../src/core/span-features.ts';
import { splitPassages } from '../../src/core/split-passages.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import { realResources } from '../helpers/real-resources.ts';

test('LinearScores: a small hand-checked case', () => {
  const s = new LinearScores({ weights: { bias: -1, a: 2, b: 0.5 } }, { weights: { a: 3 } }, 'b');
  s.set('bias', 1).set('a', 1).set('b', 4).set('unknown', 7);
  assert.equal(s.score, -1 + 2 + 2); // bias + a + 0.5 × 4
  assert.equal(s.secondScore, 3);
  assert.equal(s.watchedValue, 4);
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
    assert.equal(scores.score, scoreLinear(model.span, map), span.text);
    assert.equal(scores.secondScore, scoreLinear(model.spanDoc, map), span.text);
    assert.equal(scores.watchedValue, map.get('nextSurname') ?? 0);
  }
});

test('CandidateScores equals scoreCandidate over the feature map, for every reading of every seed mention, in both ranking passes', () => {
  const { gazetteer, model } = realResources();
  const text = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8');
  const mentions = extractMentions(text, tokenize(text), splitPassages(text), gazetteer, model);
  const contains = containsByShape(gazetteer);
  const ctx = buildRankContext(rankCandidates(mentions, text, gazetteer, model));
  let twins = 0;
  let readings = 0;
  for (const [i, mention] of mentions.entries()) {
    const matches = findCandidates(mention, gazetteer);
    const comma = commaPlaces(mentions, i, text, gazetteer);
    for (const m of matches) {
      for (const c of [null, ctx]) {
        const map = candidateFeatures(m, matches, mention, c, comma, contains);
        const sink = candidateFeatures(m, matches, mention, c, comma, contains, new CandidateScores(model));
        assert.equal(sink.total, scoreCandidate(model, map), `${mention.text} → ${m.place.id}`);
        if (map.has('twinArea') || map.has('twinSeat') || map.has('twinCity') || map.has('twinBigArea')) twins++;
        readings++;
      }
    }
  }
  // The seed's districts and their namesake towns (Lachin, Kalbajar) exercise the twin bonuses.
  assert.ok(twins > 0 && readings > 200, `${twins} twin readings of ${readings}`);
});
