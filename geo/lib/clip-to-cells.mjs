// Cuts the explorer basemap's rings and lines into the cells of a grid (lib/make-basemap.mjs), so that the browser
// draws only the cells in and around the view instead of laying out all of the world's 80,000 points (issue #14).
// Points are integers in the basemap's units; a point made on a cell's edge is rounded.

/**
 * The part of a closed ring inside a box `[x0, y0, x1, y1]` (Sutherland–Hodgman): a ring again, with stretches
 * along the box's edges where the ring left it; empty when nothing of it is inside.
 * @example clipRing([[0, 0], [10, 0], [10, 10], [0, 10]], [5, -1, 20, 20]) // [[5, 0], [10, 0], [10, 10], [5, 10]]
 */
export function clipRing(ring, [x0, y0, x1, y1]) {
  let out = ring;
  for (const [axis, edge, keepAbove] of [
    [0, x0, true],
    [0, x1, false],
    [1, y0, true],
    [1, y1, false],
  ]) {
    const inside = (p) => (keepAbove ? p[axis] >= edge : p[axis] <= edge);
    const next = [];
    out.forEach((a, i) => {
      const b = out[(i + 1) % out.length];
      if (inside(a)) next.push(a);
      if (inside(a) !== inside(b)) next.push(crossing(a, b, axis, edge));
    });
    out = next;
  }
  return out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
}

/** Where the segment a–b crosses `axis = edge`, rounded to the grid along the edge. */
function crossing(a, b, axis, edge) {
  const t = (edge - a[axis]) / (b[axis] - a[axis]);
  const p = [Math.round(a[0] + t * (b[0] - a[0])), Math.round(a[1] + t * (b[1] - a[1]))];
  p[axis] = edge;
  return p;
}

/**
 * The parts of an open line inside a box `[x0, y0, x1, y1]`, each a line of its own (Liang–Barsky per segment).
 * A line cut at a box's edge ends there in both boxes, at the same rounded point, so it stays unbroken on the map.
 * @example clipLine([[0, 5], [20, 5]], [10, 0, 30, 10]) // [[[10, 5], [20, 5]]]
 */
export function clipLine(line, [x0, y0, x1, y1]) {
  const parts = [];
  let current = null;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1];
    const dx = line[i][0] - ax,
      dy = line[i][1] - ay;
    let t0 = 0,
      t1 = 1;
    for (const [p, q] of [
      [-dx, ax - x0],
      [dx, x1 - ax],
      [-dy, ay - y0],
      [dy, y1 - ay],
    ]) {
      if (p === 0) {
        if (q < 0) t0 = 2;
      } else if (p < 0) t0 = Math.max(t0, q / p);
      else t1 = Math.min(t1, q / p);
    }
    if (t0 > t1) {
      current = null;
      continue;
    }
    const at = (t) => [Math.round(ax + t * dx), Math.round(ay + t * dy)];
    if (!current || t0 > 0) parts.push((current = [at(t0)]));
    current.push(at(t1));
    if (t1 < 1) current = null;
  }
  return parts;
}

/**
 * Rings and lines by cell of a grid of `cellW` × `cellH` units (cell `[i, j]` spans `i·cellW` to `(i+1)·cellW`
 * across and `j·cellH` to `(j+1)·cellH` down), each cell with its box: a ring is cut to each cell its box reaches,
 * widened by `margin` units on every side so that the fills of neighbouring cells overlap rather than leave an
 * anti-aliased seam; lines are cut at the cells' edges. Cells with nothing in them are left out.
 * @example cutToCells([[[0, 0], [10, 0], [10, 10]]], [], 8, 8, 1) // [{ box: [0, 0, 8, 8], rings: [[[0, 0], [8, 0], [8, 8]]], lines: [] }, …]
 */
export function cutToCells(rings, lines, cellW, cellH, margin) {
  const cells = new Map();
  const eachCell = (points, take) => {
    const xs = points.map((p) => p[0]),
      ys = points.map((p) => p[1]);
    for (let i = Math.floor(Math.min(...xs) / cellW); i <= Math.floor(Math.max(...xs) / cellW); i++)
      for (let j = Math.floor(Math.min(...ys) / cellH); j <= Math.floor(Math.max(...ys) / cellH); j++) {
        const key = `${i},${j}`;
        if (!cells.has(key))
          cells.set(key, { box: [i * cellW, j * cellH, (i + 1) * cellW, (j + 1) * cellH], rings: [], lines: [] });
        take(cells.get(key));
      }
  };
  for (const ring of rings)
    eachCell(ring, (cell) => {
      const [x0, y0, x1, y1] = cell.box;
      const part = clipRing(ring, [x0 - margin, y0 - margin, x1 + margin, y1 + margin]);
      if (part.length >= 3) cell.rings.push(part);
    });
  for (const line of lines)
    eachCell(line, (cell) => {
      for (const part of clipLine(line, cell.box)) if (part.length >= 2) cell.lines.push(part);
    });
  return [...cells.values()].filter((c) => c.rings.length || c.lines.length);
}
