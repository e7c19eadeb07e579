// Leaflet's ES module sources, which load-tiles-script.ts shares with article-atlas-tiles.js (untyped: @types/leaflet
// describes the package's entry, not these files).
declare module 'leaflet/src/*';
