// Loads the tile layer's chunk (tile-layer.ts) when the map is given tiles. The embed's classic script cannot load
// chunks: build.mjs gives it ./load-tiles-script.ts instead, which adds article-atlas-tiles.js to the page.
/** @example loadTileLayer().then(({ tileLayer }) => tileLayer(url).addTo(map)) */
export const loadTileLayer = () => import('./tile-layer.ts');
