// Reading and writing article layers in the browser (issue #4): parse an imported file (keeping its exact
// text so an untouched export gives the same bytes), name and serialise exports. Hand correction is in
// correct-place.ts, a lazy chunk.
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
    layer.features.every(
      (f) => f?.type === 'Feature' && typeof f.id === 'string' && Array.isArray(f.properties?.mentions),
    );
  if (!ok) throw new LayerFormatError('It is not an article layer. ' + CHOOSE);
  if (!Array.isArray(layer.passages)) layer.passages = [];
  return layer;
}

/** Keeps file names readable in a downloads folder and far below file-system limits. */
const MAX_SLUG = 60;

/** A safe file name from the article title. @example exportFileName('Baku: talks', 'Lachin') // 'baku-talks-lachin.geojson' */
export function exportFileName(title: string | undefined, suffix?: string): string {
  const slug = (s: string) => {
    const full = s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    // Long titles are cut at a word boundary so the name still reads as words.
    return full.length <= MAX_SLUG ? full : full.slice(0, MAX_SLUG + 1).replace(/-[^-]*$/, '');
  };
  return (
    [slug(title || 'article-layer') || 'article-layer', suffix && slug(suffix)].filter(Boolean).join('-') + '.geojson'
  );
}

/** The selection as its own FeatureCollection: the feature exactly as in the layer, plus the title. */
export function selectionText(layer: ArticleLayer, id: string): string {
  const features = layer.features.filter((f) => f.id === id);
  return (
    JSON.stringify({ type: 'FeatureCollection', ...(layer.title ? { title: layer.title } : {}), features }, null, 2) +
    '\n'
  );
}

/** Where a corrected place is, when the layer's candidate list does not say (e.g. a gazetteer lookup). */
export type PlaceResolver = (
  id: string,
) => { anchor: [number, number]; geometry?: LayerFeature['geometry'] } | undefined;
