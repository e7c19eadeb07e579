// Which features of an article layer the flat formats (KML, CSV) list, and the plain values they give for
// each place: one place per feature, at its anchor, with how often the article names it.
import type { ArticleLayer, LayerFeature } from '../core/types.ts';

/** The plain facts of one place, as a row of a table or a placemark. */
export interface PlaceRow {
  id: string;
  name: string;
  kind: string;
  /** ISO 3166-1 alpha-2, empty for places outside any country. */
  country: string;
  lon: number;
  lat: number;
  /** How many times the article names the place (toponyms and adjectives). */
  mentions: number;
  /** `corrected` or `added` after review, empty for the machine's own reading. */
  status: string;
}

export interface PlaceRowsOptions {
  /** Only these feature ids (the selection); every place by default. */
  ids?: readonly string[];
}

/**
 * The features a flat export lists: those with a geometry, in layer order. A feature the reviewer marked
 * "not a place" keeps a null geometry in the GeoJSON (the decision is recorded there) but is no place to
 * list in a table or show in Google Earth.
 * @example placeFeatures(layer, { ids: ['geonames:587084'] }).length // 1
 */
export function placeFeatures(layer: ArticleLayer, options: PlaceRowsOptions = {}): LayerFeature[] {
  const ids = options.ids && new Set(options.ids);
  return layer.features.filter((f) => f.geometry && (!ids || ids.has(f.id)));
}

/**
 * One row per place: the anchor is the point a marker goes (the GeoNames point of a city or country, a
 * label point inside other areas), so a polygon's row still has one position.
 * @example placeRows(layer)[0] // { id: 'geonames:587116', name: 'Azerbaijan', kind: 'country', … }
 */
export function placeRows(layer: ArticleLayer, options: PlaceRowsOptions = {}): PlaceRow[] {
  return placeFeatures(layer, options).map((f) => {
    const p = f.properties;
    return {
      id: f.id,
      name: p.name,
      kind: p.kind,
      country: p.country ?? '',
      lon: p.anchor[0],
      lat: p.anchor[1],
      mentions: p.mentions.length,
      status: p.status ?? '',
    };
  });
}
