// Reference page for `npm run bench:explorer` (issue #4 budget "map painted within 1.15× of a bare Leaflet +
// Preact page that draws 20 features"): Preact renders the map element and, beside it, a heading and the list
// of names (the same 3fr / 2fr split as the explorer, so both maps have the same size); Leaflet draws the same
// offline basemap as the explorer (basemap.json, canvas) and 20 features from features.geojson (SVG polygons
// and circle markers). No model, no tooltips, no passages, nothing else.
import 'leaflet/dist/leaflet.css';
import { canvas, circleMarker, geoJSON, latLng, map as leafletMap, polygon, polyline } from 'leaflet';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
// The explorer's own antimeridian handling, so both pages draw Russia and Chukotka the same way.
import { unwrapAntimeridian, unwrapRing } from '../../../src/ui/map/unwrap-antimeridian.ts';

// basemap.json (see build.mjs): delta-encoded integer rings on a grid given by scale and translate.
function decode(ring, { scale: [sx, sy], translate: [tx, ty] }) {
  const out = [];
  for (let i = 0, x = 0, y = 0; i < ring.length; i += 2) {
    x += ring[i];
    y += ring[i + 1];
    out.push([x * sx + tx, y * sy + ty]);
  }
  return unwrapRing(out).map(([lon, lat]) => latLng(lat, lon));
}

function MapBox({ onFeatures }) {
  const el = useRef(null);
  useEffect(() => {
    const map = leafletMap(el.current, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
    map.setView([30, 20], 2);
    const base = map.createPane('base');
    base.style.zIndex = '250';
    const renderer = canvas({ pane: 'base' });
    fetch('basemap.json').then((r) => r.json()).then((b) => {
      polygon(b.land.map((poly) => poly.map((r) => decode(r, b))), { renderer, interactive: false, stroke: false, fillColor: '#ecebe6', fillOpacity: 1 }).addTo(map);
      polyline(b.borders.map((r) => decode(r, b)), { renderer, interactive: false, color: '#a9a9a4', weight: 0.75 }).addTo(map);
    });
    fetch('features.geojson').then((r) => r.json()).then((fc) => {
      const layer = geoJSON({ ...fc, features: fc.features.map((f) => ({ ...f, geometry: unwrapAntimeridian(f.geometry) })) }, {
        pointToLayer: (_f, ll) => circleMarker(ll, { radius: 6 }),
        style: (f) => ({ weight: 1.5, color: f.geometry.type === 'Point' ? '#b4432b' : '#2f6f8f', fillOpacity: 0.2 }),
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 7, animate: false });
      onFeatures(fc.features);
    });
    return () => map.remove();
  }, []);
  return <div class="map" ref={el} />;
}

function App() {
  const [features, setFeatures] = useState([]);
  return (
    <>
      <MapBox onFeatures={setFeatures} />
      <aside>
        <h1>Bare Leaflet + Preact: 20 features</h1>
        <ul>{features.map((f) => <li>{f.properties.name}</li>)}</ul>
      </aside>
    </>
  );
}

render(<App />, document.getElementById('app'));
