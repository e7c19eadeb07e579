// Pure read-only views of an article layer for the widgets: the place rows (importance order, main vs
// passing), the mentions in text order and the passages of one place. The signals model wraps these in
// `computed` (issue #4); they never touch the DOM.
import type { ArticleLayer, LayerFeature, LayerMention, LayerProperties, PlaceKind } from '../../core/types.ts';
import { countryName, kindLabel } from './kind-group.ts';

export interface PlaceRow {
  feature: LayerFeature;
  mentions: number;
  /**
   * "What the article is about": one of the layer's `focus` ids, the places the first view frames (issue #14); in a
   * layer without `focus` (an older file), named in the headline or mentioned more than once by name.
   */
  main: boolean;
  weight: number;
}

/** Features the reader can see: a "not a place" correction leaves a feature without geometry. */
export function visibleFeatures(layer: ArticleLayer): LayerFeature[] {
  return layer.features.filter((f) => f.geometry != null);
}

/**
 * Place rows sorted by importance: toponym mentions count 1, adjectival ½, a headline mention adds 2;
 * ties go to the resolver's score. The main places are the layer's `focus` ids, so that the list's "What the
 * article is about" names what the map frames, not Ankara off screen (issue #14).
 * @example placeRows(layer).filter((r) => r.main).map((r) => r.feature.properties.name)
 */
export function placeRows(layer: ArticleLayer): PlaceRow[] {
  const ids = layer.focus?.ids;
  const about = Array.isArray(ids) ? new Set(ids) : null;
  return visibleFeatures(layer)
    .map((feature) => {
      const ms = feature.properties.mentions;
      const names = ms.filter((m) => m.type !== 'adjectival').length;
      const inHeadline = ms.some((m) => m.passage === 0);
      const weight = names + (ms.length - names) / 2 + (inHeadline ? 2 : 0);
      const main = about ? about.has(feature.id) : inHeadline || names > 1;
      return { feature, mentions: ms.length, main, weight };
    })
    .sort((a, b) => b.weight - a.weight || b.feature.properties.score - a.feature.properties.score);
}

/**
 * The line under a place's name in the list and the passages: its kind, its country (unless it is one) and,
 * for a site the pipeline placed at the place around it, that it is approximate. Plain text: components
 * render it as a text node, so a name from an imported file never becomes markup.
 * @example placeMeta(f.properties) // 'site · United States · approximately placed, within Boulder'
 */
export function placeMeta(p: LayerProperties): string {
  return [kindLabel(p.kind), p.kind === 'country' ? '' : countryName(p.country), approximateNote(p)]
    .filter(Boolean)
    .join(' · ');
}

/**
 * "approximately placed, within <name>" for a site placed at the place around it, else ''. `within` as
 * read from a file: only a string name is shown.
 * @example approximateNote({ …, approximate: true, within: { id, name: 'Boulder' } }) // 'approximately placed, within Boulder'
 */
export function approximateNote(p: LayerProperties): string {
  if (!p.approximate) return '';
  return typeof p.within?.name === 'string' ? `approximately placed, within ${p.within.name}` : 'approximately placed';
}

/** Case- and accent-insensitive filter on name, kind and country. */
export function filterRows(rows: PlaceRow[], query: string): PlaceRow[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return rows;
  return rows.filter(({ feature: { properties: p } }) => fold(`${p.name} ${p.kind} ${p.country}`).includes(q));
}

export interface TextMention extends LayerMention {
  id: string;
  kind: PlaceKind;
}

/** Every mention of a visible place in text order; overlapping spans keep the earlier, longer one. */
export function textMentions(layer: ArticleLayer): TextMention[] {
  const all = visibleFeatures(layer)
    .flatMap((f) => f.properties.mentions.map((m) => ({ ...m, id: f.id, kind: f.properties.kind })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TextMention[] = [];
  for (const m of all) if (!out.length || m.start >= out[out.length - 1].end) out.push(m);
  return out;
}

/** The passage indices that mention a feature, in article order, without repeats. */
export function passagesOf(feature: LayerFeature): number[] {
  return [...new Set(feature.properties.mentions.map((m) => m.passage))].sort((a, b) => a - b);
}

export type Segment = string | TextMention;

/** Splits `text[start, end)` into plain strings and the mentions inside it (which must be sorted). */
export function segmentText(text: string, start: number, end: number, mentions: TextMention[]): Segment[] {
  const out: Segment[] = [];
  let at = start;
  for (const m of mentions) {
    if (m.start < at || m.end > end) continue;
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(m);
    at = m.end;
  }
  if (at < end) out.push(text.slice(at, end));
  return out;
}
