// Reading, writing and hand-correcting article layers in the browser (issue #4): parse an imported file
// (keeping its exact text so an untouched export gives the same bytes), name and serialise exports, and
// apply a "this is another place" / "not a place" correction as a pure layer → layer function.
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';

/** The media type of every export (RFC 7946 §12). */
export const GEOJSON_TYPE = 'application/geo+json';

const CHOOSE = 'Choose a file made with `article-atlas parse ARTICLE`.';

/** A file the reader gave us is not an article layer; the message says what to do next. */
export class LayerFormatError extends Error {}

/**
 * Parses layer text and checks the shape the explorer relies on.
 * @example const layer = parseLayer(await file.text())
 */
export function parseLayer(text: string): ArticleLayer {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LayerFormatError('It is not JSON. ' + CHOOSE);
  }
  const layer = data as ArticleLayer;
  const ok =
    layer?.type === 'FeatureCollection' &&
    Array.isArray(layer.features) &&
    layer.features.every((f) => f?.type === 'Feature' && typeof f.id === 'string' && Array.isArray(f.properties?.mentions));
  if (!ok) throw new LayerFormatError('It is not an article layer. ' + CHOOSE);
  if (!Array.isArray(layer.passages)) layer.passages = [];
  return layer;
}

/** Keeps file names readable in a downloads folder and far below file-system limits. */
const MAX_SLUG = 60;

/** A safe file name from the article title. @example exportFileName('Baku: talks', 'Lachin') // 'baku-talks-lachin.geojson' */
export function exportFileName(title: string | undefined, suffix?: string): string {
  const slug = (s: string) => {
    const full = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    // Long titles are cut at a word boundary so the name still reads as words.
    return full.length <= MAX_SLUG ? full : full.slice(0, MAX_SLUG + 1).replace(/-[^-]*$/, '');
  };
  return [slug(title || 'article-layer') || 'article-layer', suffix && slug(suffix)].filter(Boolean).join('-') + '.geojson';
}

/** The selection as its own FeatureCollection: the feature exactly as in the layer, plus the title. */
export function selectionText(layer: ArticleLayer, id: string): string {
  const features = layer.features.filter((f) => f.id === id);
  return JSON.stringify({ type: 'FeatureCollection', ...(layer.title ? { title: layer.title } : {}), features }, null, 2) + '\n';
}

/** Where a corrected place is, when the layer's candidate list does not say (e.g. a gazetteer lookup). */
export type PlaceResolver = (id: string) => { anchor: [number, number]; geometry?: LayerFeature['geometry'] } | undefined;

/**
 * Replaces a feature's referent by one of its candidates, or by nothing (`candidateId` null: "not a place",
 * kept with a null geometry so the export records the decision). The result carries `status: 'corrected'`
 * and `original` (the first machine choice); mentions move to an existing feature of the new referent.
 * @example correctFeature(layer, 'geonames:147622', 'geonames:147624')
 */
export function correctFeature(layer: ArticleLayer, featureId: string, candidateId: string | null, resolve?: PlaceResolver): ArticleLayer {
  const f = layer.features.find((x) => x.id === featureId);
  if (!f || f.id === candidateId) return layer;
  const p = f.properties;
  const original = p.original ?? f.id;
  let next: LayerFeature;
  if (candidateId === null) {
    next = { ...f, id: `none:${original}`, geometry: null as unknown as LayerFeature['geometry'], properties: { ...p, status: 'corrected', original } };
  } else {
    const c = p.candidates.find((x) => x.id === candidateId);
    if (!c) return layer;
    const where = resolve?.(c.id);
    const anchor = where?.anchor ?? (c as { anchor?: [number, number] }).anchor;
    const geometry = where?.geometry ?? (anchor ? { type: 'Point' as const, coordinates: anchor } : null);
    const { geonameid: _g, wikidata: _w, disputed: _d, ...rest } = p;
    const gn = /^geonames:(\d+)$/.exec(c.id);
    next = {
      type: 'Feature',
      id: c.id,
      geometry: geometry as LayerFeature['geometry'],
      properties: { ...rest, name: c.name, kind: c.kind, country: c.country, ...(gn ? { geonameid: Number(gn[1]) } : {}), anchor: anchor ?? p.anchor, score: c.score, status: 'corrected', original },
    };
    const existing = layer.features.find((x) => x.id === c.id);
    if (existing) {
      const mentions = [...existing.properties.mentions, ...p.mentions].sort((a, b) => a.start - b.start);
      next = { ...existing, properties: { ...existing.properties, mentions, status: 'corrected', original } };
    }
  }
  const features = layer.features.filter((x) => x.id !== next.id || x === f).map((x) => (x === f ? next : x));
  return { ...layer, features };
}
