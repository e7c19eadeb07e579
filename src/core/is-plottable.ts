// Which places a map draws and frames (issue #14): not a continent or broad region given only as a point. Shared
// by the focus choice (choose-focus.ts), the map and its legend, so that what is framed is what is drawn.
import type { LayerFeature, PlaceKind } from './types.ts';

/** Kinds of area so broad that a point for them (the gazetteer has no outline) marks no place a reader could see. */
const BROAD_KINDS: ReadonlySet<PlaceKind> = new Set<PlaceKind>(['continent', 'region']);

/**
 * Has the place a position worth drawing and framing? Not when it has no geometry, nor when it is a continent or
 * broad region given only as a point: that point is a centroid (Asia's lies in Tibet), and a dot there would tell
 * a reader the story happens in the middle of nowhere. Such places are listed, not drawn (issue #14).
 *
 * @example
 * isPlottable(asiaAsPoint) // false
 * isPlottable(southCaucasusPolygon) // true
 */
export function isPlottable(f: LayerFeature): boolean {
  return f.geometry != null && !(BROAD_KINDS.has(f.properties.kind) && f.geometry.type === 'Point');
}
