// Which `build` inputs are layers or collections to merge (issue #18) rather than articles to geoparse: a
// tiny module of its own, so main.ts can route without loading the collection code.

/**
 * True for `.geojson` and `.json` file names.
 * @example isLayerFile('shard-00.site/collection.geojson') // true
 */
export const isLayerFile = (file: string): boolean => /\.(geo)?json$/i.test(file);
