// Entry of the static explorer page (dist/site/app.js, issue #4): shows `layer.geojson` from the page's
// own folder on the bundled offline basemap. `data-tiles` on #app opts into a raster tile URL.
import './styles.css';
import { mount } from './mount.tsx';

const root = document.getElementById('app');
if (root) {
  const tiles = root.dataset.tiles;
  mount(root, {
    src: 'layer.geojson',
    basemap: 'basemap.json',
    hash: true,
    tiles: tiles ? { url: tiles, attribution: root.dataset.tilesAttribution ?? '© OpenStreetMap contributors' } : undefined,
  });
}
