// Public surface of the export formats (issue #17): KML, CSV and the site zip, pure functions of a layer.
export { layerToKml } from './layer-to-kml.ts';
export { CSV_COLUMNS, layerToCsv } from './layer-to-csv.ts';
export { zipSite } from './zip-site.ts';
export { LAYER_FILE, readSiteManifest, SITE_MANIFEST, siteDataFiles, TEXT_FILE } from './site-files.ts';
export { placeFeatures, placeRows, type PlaceRow, type PlaceRowsOptions } from './place-rows.ts';
