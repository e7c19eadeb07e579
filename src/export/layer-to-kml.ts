// An article layer as KML (issue #17, Publish), written by @placemarkio/tokml: one placemark per place with
// its polygon or point, for Google Earth and GIS tools.
import { foldersToKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import type { ArticleLayer, LayerFeature } from '../core/types.ts';
import { placeFeatures, type PlaceRowsOptions } from './place-rows.ts';

/** Properties that become KML ExtendedData when a feature has them (the rest — candidates, offsets — stay in the GeoJSON). */
const DATA_KEYS = [
  'kind',
  'country',
  'geonameid',
  'wikidata',
  'disputed',
  'approximate',
  'status',
  'original',
] as const;

/** A placemark's properties: the name, the feature id, the plain facts and how often the article names it. */
function placemark(f: LayerFeature): Feature<Geometry> {
  const p = f.properties;
  const data: Record<string, unknown> = { name: p.name, id: f.id };
  for (const k of DATA_KEYS) if (p[k] !== undefined && p[k] !== '') data[k] = p[k];
  data.mentions = p.mentions.length;
  // No Feature id: tokml would write it as the Placemark's `id` attribute, an XML ID that may not hold the
  // colon of `geonames:587084`; the id goes in ExtendedData instead.
  return { type: 'Feature', geometry: f.geometry, properties: data };
}

/**
 * The layer's places as a KML document: a folder named after the article, a placemark per place (name,
 * ExtendedData `id`, `kind`, `country`, `mentions`, … and the geometry as drawn), text escaped by the
 * library. Features without a geometry ("not a place") are left out.
 * @example layerToKml(layer).startsWith('<?xml') // true
 */
export function layerToKml(layer: ArticleLayer, options: PlaceRowsOptions = {}): string {
  const features = placeFeatures(layer, options).map(placemark);
  const kml = foldersToKML({
    type: 'root',
    children: [{ type: 'folder', meta: { name: layer.title || 'Places in the article' }, children: features }],
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + kml + '\n';
}
