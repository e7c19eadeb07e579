// Loads the tile layer's chunk (tile-layer.ts) when the map is given tiles. The embed's classic script cannot load
// chunks: build.mjs gives it this module with tile-layer.ts imported up front (a dynamic import bundled into an
// IIFE wraps every module it reaches in a lazy initialiser, 1.3 KB gzip of the embed's 60 KB budget).
/** @example loadTileLayer().then(({ tileLayer }) => tileLayer(url).addTo(map)) */
export const loadTileLayer = () => import('./tile-layer.ts');
