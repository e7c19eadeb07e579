// Leaflet's raster tile layer (its GridLayer and TileLayer, 4 KB gzip), for a page that asks for tiles instead of
// the bundled basemap (`data-tiles`): a lazy chunk of the explorer, out of its first load (issue #14). build.mjs
// resolves this file's `leaflet` to Leaflet's TileLayer.js, beside the parts of leaflet-parts.js.
export { tileLayer } from 'leaflet';
