// The basemap's cells (geo/lib/clip-to-cells.mjs): rings and lines cut to a grid, so the explorer draws only the
// cells near its view (issue #14). Small synthetic shapes, expected outputs worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error a plain .mjs module of the geo build, without types
import { clipLine, clipRing, cutToCells } from '../../geo/lib/clip-to-cells.mjs';

type Pt = [number, number];

/** Twice the signed area of a ring (shoelace). */
const area2 = (ring: Pt[]) =>
  ring.reduce((sum, [x, y], i) => {
    const [nx, ny] = ring[(i + 1) % ring.length];
    return sum + x * ny - nx * y;
  }, 0);

test('clipRing keeps the part of a square inside the box, along the box edge', () => {
  assert.deepEqual(
    clipRing(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
      [5, -1, 20, 20],
    ),
    [
      [5, 0],
      [10, 0],
      [10, 10],
      [5, 10],
    ],
  );
});

test('clipRing: a ring wholly outside the box gives nothing, one wholly inside is kept as it is', () => {
  const square: Pt[] = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
  ];
  assert.deepEqual(clipRing(square, [10, 10, 20, 20]), []);
  assert.deepEqual(clipRing(square, [-1, -1, 5, 5]), square);
});

test('clipRing: a diagonal edge is cut at the rounded crossing', () => {
  // The triangle (0,0) (10,0) (0,10) cut at x ≤ 3: the hypotenuse crosses x = 3 at y = 7.
  assert.deepEqual(
    clipRing(
      [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
      [-5, -5, 3, 20],
    ),
    [
      [0, 0],
      [3, 0],
      [3, 7],
      [0, 10],
    ],
  );
});

test('clipLine splits a line that leaves and re-enters the box into two parts', () => {
  // Along y = 5: in from x = 0 to 10, out to (20, 5) … back through (20, 0) to (0, 0).
  const line: Pt[] = [
    [0, 5],
    [20, 5],
    [20, 0],
    [0, 0],
  ];
  assert.deepEqual(clipLine(line, [-1, -1, 10, 10]), [
    [
      [0, 5],
      [10, 5],
    ],
    [
      [10, 0],
      [0, 0],
    ],
  ]);
  assert.deepEqual(clipLine(line, [30, 30, 40, 40]), []);
});

test('cutToCells: a square across four cells is cut into four overlapping quarters, a line cut where the columns meet', () => {
  const square: Pt[] = [
    [2, 2],
    [14, 2],
    [14, 14],
    [2, 14],
  ];
  const border: Pt[] = [
    [2, 8],
    [14, 8],
  ];
  const cells = cutToCells([square], [border], 8, 8, 1);
  assert.deepEqual(
    cells.map((c: { box: number[] }) => c.box),
    [
      [0, 0, 8, 8],
      [0, 8, 8, 16],
      [8, 0, 16, 8],
      [8, 8, 16, 16],
    ],
  );
  // Each quarter reaches 1 unit past the cell's edge (the margin), so neighbours' fills overlap.
  assert.deepEqual(cells[0].rings, [
    [
      [2, 2],
      [9, 2],
      [9, 9],
      [2, 9],
    ],
  ]);
  const total = cells.reduce((sum: number, c: { rings: Pt[][] }) => sum + Math.abs(area2(c.rings[0])) / 2, 0);
  // Each quarter is 7 × 7: 6 units of the square's side in its cell and 1 of margin beyond the cell's edge.
  assert.equal(total, 4 * 7 * 7);
  // The border along y = 8 lies on the edge between rows: it is drawn once, in the row its box falls in (y 8–16),
  // cut at x = 8 where the columns meet.
  assert.deepEqual(
    cells.map((c: { lines: Pt[][] }) => c.lines),
    [
      [],
      [
        [
          [2, 8],
          [8, 8],
        ],
      ],
      [],
      [
        [
          [8, 8],
          [14, 8],
        ],
      ],
    ],
  );
});
