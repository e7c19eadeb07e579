// The model trainer's parts that need no corpora: the seeded generators, logistic training and the
// reading of NER records into labelled documents (geo/train/). Training itself is checked by retraining
// and comparing bytes (geo/train/README.md), which needs ../shared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nerDocs, type NerRecord } from '../../geo/train/read-training-data.ts';
import { linearCongruential, parkMiller, trainLogistic, type Example } from '../../geo/train/train-logistic.ts';

test('the generators give the numbers their formulas give, the same on every run', () => {
  // 42 × 16807 = 705894; (7 × 1103515245 + 12345) mod 2^31 = 1282168116 (worked by hand).
  assert.equal(parkMiller(42)(), 705894 / 2147483647);
  assert.equal(linearCongruential(7)(), 1282168116 / 2147483648);
  const a = parkMiller(42);
  const b = parkMiller(42);
  for (let i = 0; i < 100; i++) assert.equal(a(), b());
  const values = Array.from({ length: 1000 }, linearCongruential(7));
  assert.ok(values.every((v) => v >= 0 && v < 1));
});

test('trainLogistic learns the sign of each feature, drops tiny weights but the bias, and repeats itself', () => {
  const examples: Example[] = [];
  for (let i = 0; i < 50; i++) {
    examples.push({
      features: new Map([
        ['bias', 1],
        ['good', 1],
      ]),
      label: 1,
    });
    examples.push({
      features: new Map([
        ['bias', 1],
        ['bad', 1],
      ]),
      label: 0,
    });
  }
  const log = console.error;
  console.error = () => {};
  try {
    const model = trainLogistic(examples, 5, linearCongruential(7));
    assert.ok(model.weights.good > 1, `good: ${model.weights.good}`);
    assert.ok(model.weights.bad < -1, `bad: ${model.weights.bad}`);
    // Half the examples say yes, half no: the bias stays near 0, under MIN_WEIGHT (0.02), but is kept, because
    // the geoparser reads a ranker without a bias as no trained ranker at all (candidate-scores.ts).
    assert.ok(Math.abs(model.weights.bias) < 0.02, `bias: ${model.weights.bias}`);
    assert.deepEqual(Object.keys(model.weights), ['bad', 'bias', 'good']);
    assert.deepEqual(trainLogistic(examples, 5, linearCongruential(7)), model);
  } finally {
    console.error = log;
  }
});

test('nerDocs joins sentences per document and labels places, other names and the rest', () => {
  const records = new Map<string, NerRecord[]>([
    [
      'toy',
      [
        {
          id: '1',
          doc: 'd',
          tokens: ['Anna', 'left', 'New', 'York', '.'],
          tags: ['B-PER', 'O', 'B-LOC', 'I-LOC', 'O'],
        },
        { id: '2', doc: 'd', tokens: ['Acme', 'Cup'], tags: ['B-ORG', 'B-MISC'] },
        { id: '3', doc: 'd', split: 'test', tokens: ['Paris'], tags: ['B-LOC'] },
        { id: '4', tokens: ['Oslo'], tag_layers: [['B-GPE'], ['O']] },
      ],
    ],
  ]);
  const [first, second, ...rest] = nerDocs(records);
  assert.equal(rest.length, 0);
  assert.equal(first.id, 'toy:d');
  assert.equal(first.text, 'Anna left New York . \n\nAcme Cup \n\n');
  const spans = first.gold.map((g) => [first.text.slice(g.start, g.end), g.label]);
  assert.deepEqual(spans, [
    ['Anna', 0],
    ['New York', 1],
    ['Acme', 0],
    ['Cup', -1],
  ]);
  assert.equal(first.dev, false);
  assert.equal(first.skipAdjectives, true);
  // A record without `doc` is its own document; LitBank-style records use their innermost layer.
  assert.equal(second.id, 'toy:4');
  assert.deepEqual(second.gold, [{ start: 0, end: 4, label: 1 }]);
});
