// Unit tests of declutterLabels (src/ui/map/declutter-labels.ts): which side of its dot each city label goes
// to, most important first, and whether an area's name is shown. Cities here are 7 px dots with a 40×14 px
// label 8 px right of the centre; areas are 60×14 px names centred on their point. The R-tree version is
// checked against the plain quadratic search it replaced (issue #19), written out here as the reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declutterLabels, slideIn, toEdges, type Box, type LabelledPoint } from '../../src/ui/map/declutter-labels.ts';

const city = (x: number, y: number, w = 40): LabelledPoint => ({
  dot: { x: x - 7, y: y - 7, w: 14, h: 14 },
  label: { x: x + 8, y: y - 7, w, h: 14 },
});
const area = (x: number, y: number, w = 60): LabelledPoint => ({ label: { x: x - w / 2, y: y - 7, w, h: 14 } });

const CASES: Array<[string, LabelledPoint[], ReturnType<typeof declutterLabels>]> = [
  ['nothing to place', [], []],
  [
    'cities far apart keep their labels on the right',
    [city(0, 0), city(200, 0), city(0, 100)],
    ['right', 'right', 'right'],
  ],
  ['a label over a lesser dot moves left of its own', [city(100, 0), city(130, 0)], ['left', 'right']],
  ['a lesser label over a more important dot moves left', [city(130, 0), city(100, 0)], ['right', 'left']],
  [
    'a label goes above its dot when both its sides cover a dot; the lesser ones then keep theirs',
    [city(100, 0), city(130, 0), city(70, 0)],
    ['above', 'right', 'left'],
  ],
  [
    '…below when a dot is above it too',
    [city(100, 0), city(130, 0), city(70, 0), city(100, -22)],
    ['below', 'right', 'left', 'right'],
  ],
  ['labels on different rows do not touch', [city(100, 0), city(110, 20)], ['right', 'right']],
  [
    'two names 1 px apart overlap (the halo), 2 px apart they do not',
    [area(0, 0), area(61, 0), area(0, 30), area(62, 30)],
    ['centre', null, 'centre', 'centre'],
  ],
  ['an area name gives way to a more important city label', [city(100, 0), area(150, 0)], ['right', null]],
  ['a city label moves left of a more important area name', [area(150, 0), city(100, 0)], ['centre', 'left']],
  ["an area name never covers a dot, even a lesser city's", [area(100, 0), city(100, 0)], [null, 'right']],
  [
    "an area with room moves its name a line up, then down, out of a more important name's way",
    [city(60, 0), city(60, 30), { ...area(100, 0), shift: true }],
    ['right', 'right', 'above'],
  ],
  [
    '…and down when up is taken too',
    [city(60, 0), city(60, -20), { ...area(100, 0), shift: true }],
    ['right', 'right', 'below'],
  ],
];

for (const [name, points, sides] of CASES) {
  test(`declutterLabels: ${name}`, () => {
    assert.deepEqual(declutterLabels(points), sides);
  });
}

test('declutterLabels never shows two overlapping labels, on random cities', () => {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let run = 0; run < 50; run++) {
    const points = Array.from({ length: 30 }, () => city(random() * 400, random() * 300, 20 + random() * 60));
    const sides = declutterLabels(points);
    const boxes = points.flatMap((p, i) => {
      const centred = p.dot!.x + (p.dot!.w - p.label.w) / 2;
      if (sides[i] === 'right') return [p.label];
      if (sides[i] === 'left') return [{ ...p.label, x: 2 * p.dot!.x + p.dot!.w - p.label.x - p.label.w }];
      if (sides[i] === 'above') return [{ ...p.label, x: centred, y: p.dot!.y - p.label.h }];
      if (sides[i] === 'below') return [{ ...p.label, x: centred, y: p.dot!.y + p.dot!.h }];
      return [];
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        assert.ok(
          !(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
          `run ${run}: ${JSON.stringify([a, b])}`,
        );
      }
    }
    assert.notEqual(sides[0], null, 'the most important label is always shown');
  }
});

/**
 * The quadratic search of the first version, for cities: every label against every placed label and dot (with
 * the sides above and below a dot that issue #14 added after right and left).
 */
function reference(points: LabelledPoint[]) {
  const GAP = 2;
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
  const placed: Box[] = [];
  return points.map(({ label, dot }, i) => {
    const left = { ...label, x: 2 * dot!.x + dot!.w - label.x - label.w };
    const centred = dot!.x + (dot!.w - label.w) / 2;
    const above = { ...label, x: centred, y: dot!.y - label.h };
    const below = { ...label, x: centred, y: dot!.y + dot!.h };
    for (const dots of [points.filter((_, j) => j !== i), points.slice(0, i)]) {
      for (const [side, box] of [
        ['right', label],
        ['left', left],
        ['above', above],
        ['below', below],
      ] as const) {
        if (placed.some((b) => overlap(box, b)) || dots.some((p) => overlap(box, p.dot!))) continue;
        placed.push(box);
        return side;
      }
    }
    return null;
  });
}

test('declutterLabels places cities as the quadratic search did, on 200 random maps', () => {
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let run = 0; run < 200; run++) {
    const n = 5 + Math.floor(random() * 60);
    const points = Array.from({ length: n }, () =>
      city(Math.round(random() * 300), Math.round(random() * 200), 20 + Math.round(random() * 60)),
    );
    assert.deepEqual(declutterLabels(points), reference(points), `run ${run}`);
  }
});

test("declutterLabels: no name is cut by the map's edge; a city's goes to the other side of its dot", () => {
  const view = { x: 0, y: 0, w: 200, h: 100 };
  // A city 20 px from the right edge (its 40 px label would run past it), a name across the top edge, a name
  // wholly outside (kept for a pan, as before), and one well inside.
  const points = [city(180, 50), area(100, 2), area(100, -50), area(60, 60)];
  assert.deepEqual(declutterLabels(points), ['right', 'centre', 'centre', 'centre']);
  assert.deepEqual(declutterLabels(points, view), ['left', null, 'centre', 'centre']);
});

test('declutterLabels places cities as the quadratic search did, from packed to spread out (grids of many cells)', () => {
  let seed = 17;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (const [n, w, h] of [
    [800, 200, 120],
    [800, 1280, 800],
    [600, 20_000, 300],
    [300, 100_000, 100_000],
  ]) {
    const points = Array.from({ length: n }, () =>
      city(random() * w - w / 3, random() * h - h / 3, 20 + Math.round(random() * 60)),
    );
    // A few at the same spot: their dots cover each other.
    points.push(city(points[0].dot!.x + 7, points[0].dot!.y + 7), city(points[1].dot!.x + 7, points[1].dot!.y + 7));
    assert.deepEqual(declutterLabels(points), reference(points), `${n} on ${w}×${h}`);
  }
});

test("declutterLabels: no label is placed over an obstacle (the map's controls); a city's goes to another side", () => {
  const legend: Box = { x: 0, y: 300, w: 110, h: 70 };
  // An area's name on the legend is left out; a city whose right side is under the legend is named on its left.
  const sides = declutterLabels([area(30, 320), city(200, 330)], { x: 0, y: 0, w: 400, h: 400 }, [
    legend,
    { x: 240, y: 320, w: 30, h: 30 },
  ]);
  assert.deepEqual(sides, [null, 'left']);
});

test('slideIn: a name cut by the edge slides in, then out from under a control, away from that edge', () => {
  const view = { x: 0, y: 0, w: 800, h: 800 };
  const legend = { x: 8, y: 720, w: 110, h: 75 };
  // "UNITED STATES OF AMERICA" with its point below the map's foot: slid up into the view, it lay under the legend;
  // now it goes on above the legend.
  const name = { x: 0, y: 805, w: 166, h: 15 };
  const moved = slideIn(name, { x: 200, y: 200 }, view, [legend]);
  assert.equal(moved.x, 0);
  assert.ok(moved.y + moved.h <= legend.y, `above the legend: ${JSON.stringify(moved)}`);
  // Without room to go round the control (an area too small to move its name that far), the name stays, and the
  // placement leaves it out (above).
  assert.deepEqual(slideIn({ x: 20, y: 720, w: 60, h: 15 }, { x: 5, y: 5 }, view, [legend]), {
    x: 20,
    y: 720,
    w: 60,
    h: 15,
  });
  // No obstacle: only the slide into the view, as before.
  assert.deepEqual(slideIn({ x: -20, y: 100, w: 60, h: 14 }, { x: 50, y: 50 }, view), { x: 0, y: 100, w: 60, h: 14 });
});

test("toEdges: a control near the map's edges blocks the strip between it and them; one far from them does not", () => {
  const view: Box = { x: 100, y: 50, w: 768, h: 800 };
  // The legend: 8 px from the left, 22 px above the foot (checked by hand: right 228, bottom 828).
  assert.deepEqual(toEdges({ x: 108, y: 720, w: 120, h: 108 }, view), { x: 100, y: 720, w: 128, h: 130 });
  // "Show all places", 10 px from the top and the right edge.
  assert.deepEqual(toEdges({ x: 736, y: 60, w: 122, h: 29 }, view), { x: 736, y: 50, w: 132, h: 39 });
  // 25 px from the left edge: outside the strip, unchanged; a box in the middle, unchanged.
  assert.deepEqual(toEdges({ x: 125, y: 300, w: 50, h: 20 }, view), { x: 125, y: 300, w: 50, h: 20 });
  assert.deepEqual(toEdges({ x: 400, y: 400, w: 50, h: 20 }, view), { x: 400, y: 400, w: 50, h: 20 });
  // A name slid up from the map's foot no longer fits under the snapped legend: it goes above it.
  const legend = toEdges({ x: 108, y: 720, w: 120, h: 108 }, view);
  const name = slideIn({ x: 110, y: 845, w: 40, h: 15 }, { x: 100, y: 200 }, view, [legend]);
  assert.ok(name.y + name.h <= legend.y, JSON.stringify(name));
});
