// The places of a layer (or of a story map's shown articles) as a KML or CSV download (issues #17, #18): the
// writers of src/export load as lazy chunks on the click, shared by the explorer's toolbar and the story filters.
import type { ArticleLayer } from '../../core/types.ts';
import type { PlaceRowsOptions } from '../../export/place-rows.ts';
import { downloadText } from './download.ts';

/** Media types of the downloads (KML: OGC 07-147r2; CSV: RFC 4180). */
const TYPES = { kml: 'application/vnd.google-earth.kml+xml', csv: 'text/csv;charset=utf-8' };

/**
 * Writes the layer's places as KML or CSV and saves the file; rejects when the writer's chunk does not load.
 * @example await downloadPlaces(layer, 'csv', 'storm.csv', { ids: ['geonames:587084'] })
 */
export async function downloadPlaces(
  layer: ArticleLayer,
  format: 'kml' | 'csv',
  fileName: string,
  options: PlaceRowsOptions = {},
): Promise<void> {
  const text =
    format === 'kml'
      ? (await import('../../export/layer-to-kml.ts')).layerToKml(layer, options)
      : (await import('../../export/layer-to-csv.ts')).layerToCsv(layer, options);
  downloadText(text, fileName, TYPES[format]);
}
