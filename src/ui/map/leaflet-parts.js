// The parts of Leaflet the widget uses, from its ES module sources: build.mjs points `leaflet` here, so the
// bundles leave out markers, popups, image and video overlays and the layer and scale controls (issue #4
// budget). TypeScript still reads @types/leaflet for the `leaflet` imports of src/ui/map.
// Leaflet's map/index.js less two handlers (1.4 KB gzip of the 60 KB embed budget, issue #18): TapHold only turns
// an iOS long press into a `contextmenu` event, and the widget listens to none; BoxZoom is Shift+drag to zoom to a
// box (buttons, wheel, double click, pinch and the keyboard zoom as before).
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.Keyboard.js';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import 'leaflet/src/map/handler/Map.TouchZoom.js';
export { Map, createMap as map } from 'leaflet/src/map/Map.js';
export { stamp } from 'leaflet/src/core/Util.js';
export { toLatLng as latLng } from 'leaflet/src/geo/LatLng.js';
export { toLatLngBounds as latLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
export { geoJSON } from 'leaflet/src/layer/GeoJSON.js';
export { svg } from 'leaflet/src/layer/vector/SVG.js';
export { circleMarker } from 'leaflet/src/layer/vector/CircleMarker.js';
export { polygon } from 'leaflet/src/layer/vector/Polygon.js';
export { polyline } from 'leaflet/src/layer/vector/Polyline.js';
// The DomUtil functions the map calls, under Leaflet's names for them (a namespace export kept all of DomUtil).
import { preventOutline, restoreOutline } from 'leaflet/src/dom/DomUtil.js';
export const DomUtil = { preventOutline, restoreOutline };
// Side effects the map needs: the zoom buttons, and a renderer for paths. No tooltips: the names on the map are
// elements of create-label-layer.ts and the hover name is create-area-tip.ts (issue #14).
import 'leaflet/src/control/Control.Zoom.js';
// Leaflet's Renderer.getRenderer.js, less the choice of a canvas (the map never sets `preferCanvas`): importing it
// bundled the whole Canvas renderer, 1.6 KB gzip of the first-load budget (issue #14). One SVG per pane, as there.
import { Map } from 'leaflet/src/map/Map.js';
import { svg as svgRenderer } from 'leaflet/src/layer/vector/SVG.js';
Map.include({
  getRenderer(layer) {
    const { renderer, pane = 'overlayPane' } = layer.options;
    const r =
      renderer ||
      (pane === 'overlayPane'
        ? (this._renderer ??= this.options.renderer || svgRenderer())
        : (this._paneRenderers[pane] ??= svgRenderer({ pane })));
    if (!this.hasLayer(r)) this.addLayer(r);
    return r;
  },
});
