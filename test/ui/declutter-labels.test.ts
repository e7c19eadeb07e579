// Unit tests of declutterLabels (src/ui/map/declutter-labels.ts): which side of its dot each city label goes
// to, most important first. Cities here are 7 px dots with a 40×14 px label 8 px right of the centre.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declutterLabels, type LabelledPoint } from '../../src/ui/map/declutter-labels.ts';

const city = (x: number, y: number, w = 40): LabelledPoint => ({ dot: { x: x - 7, y: y - 7, w: 14, h: 14 }, label: { x: x + 8, y: y - 7, w, h: 14 } });

const CASES: Array<[string, LabelledPoint[], ReturnType<typeof declutterLabels>]> = [
  ['nothing to place', [], []],
  ['cities far apart keep their labels on the right', [city(0, 0), city(200, 0), city(0, 100)], ['right', 'right', 'right']],
  ['a label over a lesser dot moves left of its own', [city(100, 0), city(130, 0)], ['left', 'right']],
  ['a lesser label over a more important dot moves left', [city(130, 0), city(100, 0)], ['right', 'left']],
  ['the most important label stays, over a lesser dot, when both its sides cover one; the lesser ones make way', [city(100, 0), city(130, 0), city(70, 0)], ['right', null, 'left']],
  ['labels on different rows do not touch', [city(100, 0), city(110, 20)], ['right', 'right']],
];

for (const [name, points, sides] of CASES) {
  test(`declutterLabels: ${name}`, () => {
    assert.deepEqual(declutterLabels(points), sides);
  });
}

test('declutterLabels never shows two overlapping labels, on random cities', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let run = 0; run < 50; run++) {
    const points = Array.from({ length: 30 }, () => city(random() * 400, random() * 300, 20 + random() * 60));
    const sides = declutterLabels(points);
    const boxes = points.flatMap((p, i) => (sides[i] === 'right' ? [p.label] : sides[i] === 'left' ? [{ ...p.label, x: 2 * p.dot.x + p.dot.w - p.label.x - p.label.w }] : []));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        assert.ok(!(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h), `run ${run}: ${JSON.stringify([a, b])}`);
      }
    }
    assert.notEqual(sides[0], null, 'the most important label is always shown');
  }
});
