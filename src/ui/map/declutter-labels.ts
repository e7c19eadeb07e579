// Where the map puts each city's label, so that no two overlap: most important first, each label goes right
// of its dot, else left of it, else nowhere until a zoom makes room. A label never covers a label placed
// before it or a more important city's dot, and covers a lesser city's dot only when neither side is free of
// them. Pure boxes in, sides out: create-article-map.ts measures the labels and applies the answer.

/** A box in container pixels: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelledPoint {
  /** The label where the map draws it, right of the dot. */
  label: Box;
  dot: Box;
}

export type LabelSide = 'right' | 'left' | null;

/** Room kept around a label, so that its white halo does not touch another label either. */
const GAP_PX = 2;

const overlap = (a: Box, b: Box) => a.x < b.x + b.w + GAP_PX && b.x < a.x + a.w + GAP_PX && a.y < b.y + b.h + GAP_PX && b.y < a.y + a.h + GAP_PX;

/**
 * The side of its dot each label goes to (null: hidden); `points` most important first.
 * @example declutterLabels([{ label: ankara, dot: a }, { label: yerevan, dot: y }]) // ['left', null] when Yerevan's labels would cover Ankara's
 */
export function declutterLabels(points: LabelledPoint[]): LabelSide[] {
  const placed: Box[] = [];
  return points.map(({ label, dot }, i) => {
    const left = { ...label, x: 2 * dot.x + dot.w - label.x - label.w };
    // First a side clear of every other dot, then one clear of the more important dots only.
    for (const dots of [points.filter((_, j) => j !== i), points.slice(0, i)]) {
      for (const [side, box] of [['right', label], ['left', left]] as const) {
        if (placed.some((b) => overlap(box, b)) || dots.some((p) => overlap(box, p.dot))) continue;
        placed.push(box);
        return side;
      }
    }
    return null;
  });
}
