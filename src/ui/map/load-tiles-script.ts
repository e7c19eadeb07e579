// The embed's loadTileLayer (build.mjs puts it in place of load-tile-layer.ts in article-atlas.js): Leaflet's
// tile layer is dist/site/article-atlas-tiles.js, a classic script beside the embed's, added to the page when a map
// is given tiles, so that an embed without tiles does not carry it (4 KB gzip of the 60 KB budget). GridLayer and
// TileLayer extend the embed's Leaflet: build.mjs maps their imports of Leaflet's core to `__articleAtlasLeaflet`,
// filled here (src/ui/embed/README.md).
import Browser from 'leaflet/src/core/Browser.js';
import * as Util from 'leaflet/src/core/Util.js';
import * as DomEvent from 'leaflet/src/dom/DomEvent.js';
import * as DomUtil from 'leaflet/src/dom/DomUtil.js';
import * as LatLngBounds from 'leaflet/src/geo/LatLngBounds.js';
import * as Bounds from 'leaflet/src/geometry/Bounds.js';
import * as Point from 'leaflet/src/geometry/Point.js';
import * as Layer from 'leaflet/src/layer/Layer.js';
import { loadClassicScript } from '../load-classic-script.ts';
import type { tileLayer } from './tile-layer.ts';

let loading: Promise<{ tileLayer: typeof tileLayer }> | undefined;

/** @example loadTileLayer().then(({ tileLayer }) => tileLayer(url).addTo(map)) */
export function loadTileLayer(): Promise<{ tileLayer: typeof tileLayer }> {
  const g = globalThis as { __articleAtlasLeaflet?: object };
  g.__articleAtlasLeaflet ??= {
    Browser: { default: Browser },
    Util,
    DomEvent,
    DomUtil,
    LatLngBounds,
    Bounds,
    Point,
    Layer,
  };
  return (loading ??= loadClassicScript('article-atlas-tiles.js', '__articleAtlasTiles'));
}
