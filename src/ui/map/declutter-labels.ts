// Where the map puts each name, so that no two overlap (issues #14, #19): most important first, a city's label
// goes right of its dot, else left of it, else above or below it, an area's or the basemap's on its label point (or a line above or
// below it), else nowhere until a zoom makes room. A label never covers a label placed before it or a more
// important city's dot; a city's covers a lesser city's dot only when neither side is free of them, and an
// area's name never covers a dot: the places are the data, their names give way. Pure boxes in, sides out; the boxes placed
// so far and the dots live in grids, so each label costs a few look-ups, not a scan of every other label: 20,000
// cities are placed in a few tens of ms (test/bench/label-bench.ts).

/** A box by its edges, as the grids search for it. */
interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A box in container pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelledPoint {
  /** The label where the map draws it first: right of a city's dot, centred on an area's label point. */
  label: Box;
  /** A city's dot. A label without one (an area's, the basemap's) is centred on its point. */
  dot?: Box;
  /** A label without a dot may also go a line above or below its point (its area has the room). */
  shift?: boolean;
}

export type LabelSide = 'right' | 'left' | 'centre' | 'above' | 'below' | null;

/** Room kept around a label, so that its white halo does not touch another label either. */
const GAP_PX = 2;
/** Boxes that only touch at the gap's edge do not overlap (the grids' test counts touching as overlap). */
const EPSILON_PX = 1e-6;

/**
 * Where a label lies when it goes to `side`: its own box, mirrored to the left of its dot, or a line (and the
 * gap) above or below its point.
 * @example sideBox({ label: { x: 18, y: 3, w: 40, h: 14 }, dot: { x: 3, y: 3, w: 14, h: 14 } }, 'left') // { x: -38, y: 3, w: 40, h: 14 }
 */
export function sideBox(point: LabelledPoint, side: LabelSide): Box {
  return sideInto(point, side, { x: 0, y: 0, w: 0, h: 0 });
}

/** sideBox written into `out` (and returned): the placement tries up to eight boxes a label, 20,000 labels a move. */
function sideInto({ label, dot }: LabelledPoint, side: LabelSide, out: Box): Box {
  out.x = label.x;
  out.y = label.y;
  out.w = label.w;
  out.h = label.h;
  if (side === 'left' && dot) out.x = 2 * dot.x + dot.w - label.x - label.w;
  else if ((side === 'above' || side === 'below') && dot) {
    // Above or below a dot, centred on it: where the map's edge or a neighbour leaves neither side free.
    out.x = dot.x + (dot.w - label.w) / 2;
    out.y = side === 'above' ? dot.y - label.h : dot.y + dot.h;
  } else if (side === 'above') out.y = label.y - label.h - GAP_PX;
  else if (side === 'below') out.y = label.y + label.h + GAP_PX;
  return out;
}

/** Part inside the view and part outside it: a name the map's edge would cut. */
const cut = (b: Box, view: Box) => {
  const inside = b.x >= view.x && b.y >= view.y && b.x + b.w <= view.x + view.w && b.y + b.h <= view.y + view.h;
  const outside = b.x >= view.x + view.w || b.y >= view.y + view.h || b.x + b.w <= view.x || b.y + b.h <= view.y;
  return !inside && !outside;
};

/** A control this close to the map's edge blocks the strip between it and the edge too. */
const EDGE_STRIP_PX = 24;

/**
 * A control's box grown to the map's edges it lies within EDGE_STRIP_PX of: the strip between the legend and the
 * map's foot held a country's name squeezed under it, touching the edge (issue #14). A control nowhere near an edge
 * is left as it is.
 * @example toEdges({ x: 8, y: 670, w: 120, h: 108 }, { x: 0, y: 0, w: 768, h: 800 }) // { x: 0, y: 670, w: 128, h: 130 }
 */
export function toEdges(box: Box, view: Box): Box {
  const left = box.x - view.x <= EDGE_STRIP_PX ? view.x : box.x;
  const top = box.y - view.y <= EDGE_STRIP_PX ? view.y : box.y;
  const right = view.x + view.w - (box.x + box.w) <= EDGE_STRIP_PX ? view.x + view.w : box.x + box.w;
  const bottom = view.y + view.h - (box.y + box.h) <= EDGE_STRIP_PX ? view.y + view.h : box.y + box.h;
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** Whether two boxes overlap, the gap between them counted as overlap. */
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w + GAP_PX && b.x < a.x + a.w + GAP_PX && a.y < b.y + b.h + GAP_PX && b.y < a.y + a.h + GAP_PX;

/**
 * A label moved inside the view when the map's edge would cut it, by at most `slack` across and up or down (as
 * far as its area reaches: a country half in view is named on the half that shows), then out from under the
 * map's controls (`obstacles`: the legend, the zoom buttons, the attribution…) by the shortest move that the
 * slack allows and that leaves it in the view and clear of them all (back towards the edge it slid in from only
 * when no other will do); when none does, it stays where it was, and the placement leaves it out.
 * @example slideIn({ x: -20, y: 100, w: 60, h: 14 }, { x: 50, y: 50 }, view, []) // { x: 0, y: 100, w: 60, h: 14 }
 */
export function slideIn(box: Box, slack: { x: number; y: number }, view: Box, obstacles: Box[] = []): Box {
  const by = (start: number, size: number, from: number, span: number, room: number) =>
    Math.min(Math.max(from - start, 0), room) - Math.min(Math.max(start + size - from - span, 0), room);
  const dx = by(box.x, box.w, view.x, view.w, slack.x);
  const dy = by(box.y, box.h, view.y, view.h, slack.y);
  const moved = { x: box.x + dx, y: box.y + dy, w: box.w, h: box.h };
  const hit = obstacles.filter((o) => overlaps(moved, o));
  if (!hit.length) return moved;
  // Each way out of each obstacle hit: above, below, left or right of it, with the gap.
  let best: Box | null = null;
  let cost = Infinity;
  for (const o of hit)
    for (const [mx, my] of [
      [0, o.y - GAP_PX - box.h - moved.y],
      [0, o.y + o.h + GAP_PX - moved.y],
      [o.x - GAP_PX - box.w - moved.x, 0],
      [o.x + o.w + GAP_PX - moved.x, 0],
    ]) {
      const c = { x: moved.x + mx, y: moved.y + my, w: box.w, h: box.h };
      if (Math.abs(c.x - box.x) > Math.max(slack.x, Math.abs(dx)) + 0.5) continue;
      if (Math.abs(c.y - box.y) > Math.max(slack.y, Math.abs(dy)) + 0.5) continue;
      if (c.x < view.x || c.y < view.y || c.x + c.w > view.x + view.w || c.y + c.h > view.y + view.h) continue;
      if (obstacles.some((q) => overlaps(c, q))) continue;
      // Back towards the edge it slid in from only when nothing else will do: a name slid up from the map's foot
      // goes above the legend, not into the strip between it and the edge.
      const back = (dx * mx < 0 ? 1e4 : 0) + (dy * my < 0 ? 1e4 : 0);
      if (Math.abs(mx) + Math.abs(my) + back < cost) {
        cost = Math.abs(mx) + Math.abs(my) + back;
        best = c;
      }
    }
  return best ?? moved;
}

/**
 * The side each label goes to (null: hidden); `points` most important first. With `view`, no label is placed
 * where the map's edge would cut it: a city's name goes to the other side of its dot, another waits for a move.
 * No label is placed over an obstacle either (`obstacles`: the map's controls, from their boxes on the page).
 * @example declutterLabels([{ label: ankara, dot: a }, { label: yerevan, dot: y }]) // ['left', null] when Yerevan's labels would cover Ankara's
 */
export function declutterLabels(points: LabelledPoint[], view?: Box, obstacles: Box[] = []): LabelSide[] {
  // Every dot in one grid, built at once, each with its label's rank: a label keeps clear of every dot but its
  // own, then, when it cannot, of the more important ones only (rank below its own). Before, a tree of the dots
  // still to come and one of those passed, each updated after every label, and their bulk load (a sort): most of
  // the placement's time and garbage with 20,000 cities (issue #19 item 14). The labels placed go in a grid too:
  // a search of an R-tree made an array each time, 160,000 times for 20,000 cities.
  const dots = dotGrid(points);
  const placed = boxGrid();
  for (const o of obstacles) placed.insert(o);
  /** The box searched for each try, reused: the label's, grown by the gap. */
  const q: BBox = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  /** The label's box on the side tried, reused likewise. */
  const box: Box = { x: 0, y: 0, w: 0, h: 0 };
  const g = GAP_PX - EPSILON_PX;
  return points.map((p, i) => {
    const sides = p.dot ? DOT_SIDES : p.shift ? SHIFT_SIDES : CENTRE;
    for (const strict of p.dot ? STRICT_THEN_NOT : STRICT) {
      for (const s of sides) {
        sideInto(p, s, box);
        q.minX = box.x - g;
        q.minY = box.y - g;
        q.maxX = box.x + box.w + g;
        q.maxY = box.y + box.h + g;
        if ((view && cut(box, view)) || placed.collides(q) || dots.covers(q, i, strict)) continue;
        placed.insert(box);
        return s;
      }
    }
    return null;
  });
}

const DOT_SIDES: LabelSide[] = ['right', 'left', 'above', 'below'];
const SHIFT_SIDES: LabelSide[] = ['centre', 'above', 'below'];
const CENTRE: LabelSide[] = ['centre'];
const STRICT_THEN_NOT = [true, false];
const STRICT = [true];

/** The placed labels' grid: cells of this many pixels (a label is 14–20 px high, most 40–150 px wide). */
const BOX_CELL_PX = 64;

/**
 * The boxes placed so far, each in every cell of BOX_CELL_PX it overlaps (a map of cells: labels may lie far
 * outside the view). `collides(q)`: whether one overlaps `q` (touching counts).
 */
function boxGrid() {
  const cells = new Map<number, number[]>();
  /** minX, minY, maxX, maxY of each box in turn. */
  const edges: number[] = [];
  // A small integer (V8 hashes it without making a number object, 160,000 searches for 20,000 cities): 15 bits of
  // column and of row. Cells 2 million px apart share a key, which only adds boxes to test (the edges decide).
  const key = (col: number, row: number) => ((col & 0x7fff) << 15) | (row & 0x7fff);
  return {
    insert(b: Box) {
      const k = edges.length / 4;
      edges.push(b.x, b.y, b.x + b.w, b.y + b.h);
      for (let col = Math.floor(b.x / BOX_CELL_PX); col <= Math.floor((b.x + b.w) / BOX_CELL_PX); col++)
        for (let row = Math.floor(b.y / BOX_CELL_PX); row <= Math.floor((b.y + b.h) / BOX_CELL_PX); row++) {
          const list = cells.get(key(col, row));
          if (list) list.push(k);
          else cells.set(key(col, row), [k]);
        }
    },
    collides(q: BBox): boolean {
      for (let col = Math.floor(q.minX / BOX_CELL_PX); col <= Math.floor(q.maxX / BOX_CELL_PX); col++)
        for (let row = Math.floor(q.minY / BOX_CELL_PX); row <= Math.floor(q.maxY / BOX_CELL_PX); row++) {
          const list = cells.get(key(col, row));
          if (list)
            for (const k of list)
              if (
                edges[4 * k] <= q.maxX &&
                edges[4 * k + 1] <= q.maxY &&
                edges[4 * k + 2] >= q.minX &&
                edges[4 * k + 3] >= q.minY
              )
                return true;
        }
      return false;
    },
  };
}

/** A dot grid's cells hold about this many dots at most on average (fewer where the dots are spread out). */
const DOTS_PER_CELL = 2;

/**
 * The dots in a grid of equal cells (counting-sorted, no comparator), each in the cell of its top-left corner,
 * in rank order within a cell. `covers(q, rank, strict)`: whether a dot other than the one of that rank overlaps
 * `q` (touching counts), or with `strict` false one of a lower rank only.
 */
function dotGrid(points: LabelledPoint[]) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let dw = 0;
  let dh = 0;
  let n = 0;
  for (const { dot } of points) {
    if (!dot) continue;
    n++;
    x0 = Math.min(x0, dot.x);
    y0 = Math.min(y0, dot.y);
    x1 = Math.max(x1, dot.x);
    y1 = Math.max(y1, dot.y);
    dw = Math.max(dw, dot.w);
    dh = Math.max(dh, dot.h);
  }
  // Cells at least a dot wide, and no more of them than DOTS_PER_CELL allows.
  const size = Math.max(dw, dh, Math.sqrt(((x1 - x0 + 1) * (y1 - y0 + 1) * DOTS_PER_CELL) / Math.max(n, 1)), 1);
  const cols = n ? Math.floor((x1 - x0) / size) + 1 : 0;
  const rows = n ? Math.floor((y1 - y0) / size) + 1 : 0;
  const cellOf = (d: Box) => Math.floor((d.y - y0) / size) * cols + Math.floor((d.x - x0) / size);
  const start = new Uint32Array(cols * rows + 1);
  for (const { dot } of points) if (dot) start[cellOf(dot) + 1]++;
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const ranks = new Uint32Array(n);
  const fill = start.slice(0, cols * rows);
  points.forEach(({ dot }, i) => {
    if (dot) ranks[fill[cellOf(dot)]++] = i;
  });
  return {
    covers(q: BBox, rank: number, strict: boolean): boolean {
      if (!n) return false;
      // A dot overlapping q has its top-left corner within a dot's size up and left of q.
      const c0 = Math.max(0, Math.floor((q.minX - dw - x0) / size));
      const c1 = Math.min(cols - 1, Math.floor((q.maxX - x0) / size));
      const r0 = Math.max(0, Math.floor((q.minY - dh - y0) / size));
      const r1 = Math.min(rows - 1, Math.floor((q.maxY - y0) / size));
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++)
          for (let k = start[r * cols + c]; k < start[r * cols + c + 1]; k++) {
            const j = ranks[k];
            if (!strict && j >= rank) break;
            if (j === rank) continue;
            const d = points[j].dot!;
            if (d.x <= q.maxX && d.y <= q.maxY && d.x + d.w >= q.minX && d.y + d.h >= q.minY) return true;
          }
      return false;
    },
  };
}
