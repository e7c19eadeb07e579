// The parts of Leaflet the widget uses, from its ES module sources: build.mjs points `leaflet` here, so the
// bundles leave out markers, popups, image and video overlays and the layer and scale controls (issue #4
// budget). TypeScript still reads @types/leaflet for the `leaflet` imports of src/ui/map.
export * from 'leaflet/src/map/index.js';
export { stamp } from 'leaflet/src/core/Util.js';
export { toLatLng as latLng } from 'leaflet/src/geo/LatLng.js';
export { toLatLngBounds as latLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
export { geoJSON } from 'leaflet/src/layer/GeoJSON.js';
export { tileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
export { svg } from 'leaflet/src/layer/vector/SVG.js';
export { circleMarker } from 'leaflet/src/layer/vector/CircleMarker.js';
export { polygon } from 'leaflet/src/layer/vector/Polygon.js';
export { polyline } from 'leaflet/src/layer/vector/Polyline.js';
// The DomUtil functions the map calls, under Leaflet's names for them (a namespace export kept all of DomUtil).
import { preventOutline, restoreOutline } from 'leaflet/src/dom/DomUtil.js';
export const DomUtil = { preventOutline, restoreOutline };
// Side effects the map needs: a renderer for paths, tooltips (city labels) and the zoom buttons.
import 'leaflet/src/layer/vector/Renderer.getRenderer.js';
import 'leaflet/src/layer/Tooltip.js';
import 'leaflet/src/control/Control.Zoom.js';
