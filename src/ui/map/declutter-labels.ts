// Where the map puts each name, so that no two overlap (issues #14, #19): most important first, a city's label
// goes right of its dot, else left of it, an area's or the basemap's on its label point (or a line above or
// below it), else nowhere until a zoom makes room. A label never covers a label placed before it or a more
// important city's dot; a city's covers a lesser city's dot only when neither side is free of them, and an
// area's name never covers a dot: the places are the data, their names give way. Pure boxes in, sides out; the boxes placed
// so far and the dots live in R-trees (`rbush`), so each label costs a few logarithmic look-ups, not a scan of
// every other label: 20,000 cities are placed in a fraction of a second (test/bench/label-bench.ts).
import RBush, { type BBox } from 'rbush';

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
/** Boxes that only touch at the gap's edge do not overlap (the tree's test counts touching as overlap). */
const EPSILON_PX = 1e-6;

const grown = (b: Box): BBox => {
  const g = GAP_PX - EPSILON_PX;
  return { minX: b.x - g, minY: b.y - g, maxX: b.x + b.w + g, maxY: b.y + b.h + g };
};
const bbox = (b: Box): BBox => ({ minX: b.x, minY: b.y, maxX: b.x + b.w, maxY: b.y + b.h });

/**
 * Where a label lies when it goes to `side`: its own box, mirrored to the left of its dot, or a line (and the
 * gap) above or below its point.
 * @example sideBox({ label: { x: 18, y: 3, w: 40, h: 14 }, dot: { x: 3, y: 3, w: 14, h: 14 } }, 'left') // { x: -38, y: 3, w: 40, h: 14 }
 */
export function sideBox({ label, dot }: LabelledPoint, side: LabelSide): Box {
  if (side === 'left' && dot) return { ...label, x: 2 * dot.x + dot.w - label.x - label.w };
  if (side === 'above') return { ...label, y: label.y - label.h - GAP_PX };
  if (side === 'below') return { ...label, y: label.y + label.h + GAP_PX };
  return label;
}

/**
 * The side each label goes to (null: hidden); `points` most important first.
 * @example declutterLabels([{ label: ankara, dot: a }, { label: yerevan, dot: y }]) // ['left', null] when Yerevan's labels would cover Ankara's
 */
export function declutterLabels(points: LabelledPoint[]): LabelSide[] {
  const dots = points.map((p) => (p.dot ? bbox(p.dot) : null));
  // The dots of the labels still to come and of those already placed: a label must first keep clear of both,
  // then, when it cannot, of the more important ones only.
  const later = new RBush<BBox>().load(dots.filter((d): d is BBox => d !== null));
  const earlier = new RBush<BBox>();
  const placed = new RBush<BBox>();
  return points.map(({ label, dot, shift }, i) => {
    const own = dots[i];
    if (own) later.remove(own);
    const sides: LabelSide[] = dot ? ['right', 'left'] : shift ? ['centre', 'above', 'below'] : ['centre'];
    const places = sides.map((s): [LabelSide, Box] => [s, sideBox({ label, dot }, s)]);
    let side: LabelSide = null;
    for (const strict of dot ? [true, false] : [true]) {
      for (const [s, box] of places) {
        const q = grown(box);
        if (placed.collides(q) || earlier.collides(q) || (strict && later.collides(q))) continue;
        placed.insert(bbox(box));
        side = s;
        break;
      }
      if (side) break;
    }
    if (own) earlier.insert(own);
    return side;
  });
}
