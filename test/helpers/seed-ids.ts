// Gazetteer ids of places the tests click or look for in the bundled seed article's layer
// (test/fixtures/layers/seed-sample.geojson) and the small layers built from it: one definition for every suite.
export const KALBAJAR = 'geonames:148535';
export const LACHIN = 'geonames:147622';
/** Lachin the town, the district Lachin's other reading (the tests' correction). */
export const LACHIN_TOWN = 'geonames:147624';
export const BAKU = 'geonames:587084';
export const YEREVAN = 'geonames:616052';
