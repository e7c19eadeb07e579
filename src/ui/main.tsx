// Entry of the static explorer page (dist/site/app.js, issue #4): shows `layer.geojson` from the page's
// own folder on the bundled offline basemap. `data-tiles` on #app opts into a raster tile URL, `data-site-base`
// into "Download site (.zip)" from that folder (issue #17; `./` for the page's own built site).
import './styles.css';
import './explorer.css';
import { readLabelPoints } from './map/arrange-areas.ts';
import type { BasemapData } from './map/basemap-transform.ts';
import { mount } from './mount.tsx';

/**
 * The basemap's index and its first view's cells as the build writes them into the page (`aa-basemap`,
 * src/export/site-basemap.ts inlineBasemap): the map is complete without a request after its places (issue #14).
 * Its other cells are fetched from beside basemap.json as before. Undefined without the element (or when it cannot
 * be read): the page then fetches basemap.json.
 */
function readBasemap(): BasemapData | undefined {
  const text = document.getElementById('aa-basemap')?.textContent;
  try {
    const { index, cells } = text ? (JSON.parse(text) as { index?: BasemapData; cells?: BasemapData['cells'] }) : {};
    if (!index?.grid || !Array.isArray(cells)) return undefined;
    return { ...index, url: new URL('basemap.json', document.baseURI).href, cells };
  } catch {
    return undefined;
  }
}

/** Mounts the explorer on the page's #app, once the page (and the layer written into it) has been parsed. */
function start() {
  const root = document.getElementById('app');
  if (!root) return;
  const tiles = root.dataset.tiles;
  // `article-atlas build` writes a small layer into the page as well (src/export/site-files.ts, siteIndexHtml):
  // drawn without waiting for a second request. layer.geojson holds the same bytes.
  const inline = root.dataset.src ? null : document.getElementById('aa-layer');
  mount(root, {
    layer: inline?.textContent ?? undefined,
    // With its areas' label points, computed by the build (issue #14: the first view's largest script cost).
    labelPoints: inline ? readLabelPoints(document.getElementById('aa-labels')?.textContent ?? undefined) : undefined,
    // A story-map site (issue #18) names its collection.geojson here.
    src: root.dataset.src ?? 'layer.geojson',
    basemap: (inline && readBasemap()) || 'basemap.json',
    hash: true,
    // The folder this page is served from: the Embed dialog's snippets point at it (issue #5).
    embedBase: new URL('.', location.href).href,
    siteBase: root.dataset.siteBase,
    tiles: tiles
      ? { url: tiles, attribution: root.dataset.tilesAttribution ?? '© OpenStreetMap contributors' }
      : undefined,
  });
}

// index.html loads this script `async`: it runs as soon as it has arrived, in a task of its own, rather than in the
// task that ends the page's parsing (DOMContentLoaded and its layout). The page is parsed long before app.js is in,
// but a cached script can come first: it then waits for the page.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
