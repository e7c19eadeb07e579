// Layer masks: which vertices of a polygon the layer keeps (layerGeometry's simplification) written
// down once, so that a gazetteer can store them and decode only those vertices at run time.

import type { MultiPolygon, Polygon, Position } from 'geojson';
import { MAX_LAYER_VERTICES } from './layer-geometry.ts';
import { polygonsOf } from './normalize-geometry.ts';
import { simplifyToFit } from './simplify-to-fit.ts';
import type { LayerMask } from './types.ts';

/**
 * Which vertices layerGeometry keeps of a polygon: for each ring in order (polygon by polygon), the
 * kept vertex indices as gaps from the previous one (the first from 0), or 0 for a ring it drops.
 * Undefined when the polygon is kept whole.
 *
 * @example
 * layerMask(russia) // [[0, 3, 1, …], 0, [0, 12, …], …]
 */
export function layerMask(g: Polygon | MultiPolygon, maxVertices = MAX_LAYER_VERTICES): LayerMask | undefined {
  const simplified = simplifyToFit(g, maxVertices);
  if (!simplified) return undefined;
  const mask: LayerMask = new Array(polygonsOf(g).flat().length).fill(0);
  for (const rings of simplified) {
    for (const ring of rings) {
      const gaps: number[] = [];
      let last = 0;
      for (const p of ring) {
        gaps.push(p.i - last);
        last = p.i;
      }
      mask[ring[0].r] = gaps;
    }
  }
  return mask;
}

/**
 * The polygon with only the vertices and rings a layer mask keeps (not yet normalised).
 *
 * @example
 * applyLayerMask(russia, layerMask(russia)!) // what layerGeometry(russia) is before rounding and winding
 */
export function applyLayerMask(g: Polygon | MultiPolygon, mask: LayerMask): Polygon | MultiPolygon {
  return pickLayerMask(
    g.type,
    polygonsOf(g),
    mask,
    (ring) => ring,
    (ring, i) => ring[i],
  );
}

/**
 * applyLayerMask for rings held any way: `open` makes a kept ring readable (it is not called for the
 * rings the mask drops) and `vertex` reads one of its vertices. A gazetteer uses it to decode only kept
 * vertices.
 *
 * @example
 * pickLayerMask('Polygon', [[flatRing]], mask, (r) => r, (r, i) => [r[2 * i], r[2 * i + 1]])
 */
export function pickLayerMask<R, O>(
  type: 'Polygon' | 'MultiPolygon',
  polygons: R[][],
  mask: LayerMask,
  open: (ring: R) => O,
  vertex: (ring: O, index: number) => Position,
): Polygon | MultiPolygon {
  const rings = polygons.flat().length;
  if (mask.length !== rings) throw new Error(`layer mask: ${mask.length} rings for a shape of ${rings}`);
  const out: Position[][][] = [];
  let r = 0;
  for (const polygon of polygons) {
    const kept: Position[][] = [];
    for (let k = 0; k < polygon.length; k++, r++) {
      const gaps = mask[r];
      if (gaps === 0) continue;
      const ring = open(polygon[k]);
      const positions: Position[] = [];
      let at = 0;
      for (const gap of gaps) positions.push(vertex(ring, (at += gap)));
      kept.push(positions);
    }
    // A polygon whose outer ring went goes whole (its holes went with it).
    if (kept.length && mask[r - polygon.length] !== 0) out.push(kept);
  }
  return type === 'Polygon'
    ? { type: 'Polygon', coordinates: out[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: out };
}
