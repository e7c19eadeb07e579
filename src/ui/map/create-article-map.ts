// The Leaflet map of the explorer (issue #4): offline Natural Earth basemap on canvas, the article's places
// as SVG paths (circle markers for cities, no icon images) styled by kind through CSS classes, tooltips
// built from DOM text nodes, every feature focusable with its name as aria-label. The only module that
// imports Leaflet besides decode-basemap.ts; it knows nothing of Preact or the model.
import { canvas, circleMarker, geoJSON, latLngBounds, map as leafletMap, polygon, polyline, tileLayer, type LatLng, type LatLngBounds, type Layer, type Map as LeafletMap, type Path } from 'leaflet';
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';
import { GROUP_ORDER, kindGroup, kindLabel } from '../model/kind-group.ts';
import { decodeBasemap, type BasemapData } from './decode-basemap.ts';

export interface ArticleMapOptions {
  onSelect(id: string): void;
  /** Raster tiles instead of the bundled basemap, e.g. OSM; off by default so no other host is asked. */
  tiles?: { url: string; attribution?: string };
}

export interface ArticleMap {
  setBasemap(data: BasemapData): void;
  setLayer(layer: ArticleLayer): void;
  /** Marks the selection; `fly` moves the view to it (instantly under prefers-reduced-motion). */
  setSelected(id: string | null, fly: boolean): void;
  destroy(): void;
}

/** Nothing in a news article needs closer than a town; keeps fit and fly from zooming into blankness. */
const MAX_FIT_ZOOM = 7;
const FLY_SECONDS = 0.6;

/** @example const m = createArticleMap(el, { onSelect: (id) => model.select(id, 'map') }) */
export function createArticleMap(el: HTMLElement, options: ArticleMapOptions): ArticleMap {
  const map: LeafletMap = leafletMap(el, { attributionControl: false, scrollWheelZoom: false, minZoom: 1, maxZoom: 10, worldCopyJump: true, zoomSnap: 0.25 });
  map.setView([30, 20], 2);
  // Wheel zoom only once the reader has focused the map, so the page scrolls past an embed (DESIGN §5).
  map.on('focus', () => map.scrollWheelZoom.enable());
  map.on('blur', () => map.scrollWheelZoom.disable());
  const report = () => {
    const c = map.getCenter();
    el.dataset.center = `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`;
    el.dataset.zoom = String(map.getZoom());
  };
  map.on('moveend', report);
  const base = map.createPane('aa-base');
  base.style.zIndex = '250';
  const baseRenderer = canvas({ pane: 'aa-base' });
  if (options.tiles) tileLayer(options.tiles.url, { attribution: options.tiles.attribution }).addTo(map);

  const paths = new Map<string, Path>();
  let features: Layer | null = null;
  let selected: string | null = null;
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(el);
  const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

  function boundsOf(fs: LayerFeature[]) {
    const b = latLngBounds([]);
    for (const f of fs) {
      const path = paths.get(f.id) as Path & { getBounds?(): LatLngBounds; getLatLng?(): LatLng };
      if (path?.getBounds) b.extend(path.getBounds());
      else if (path?.getLatLng) b.extend(path.getLatLng());
    }
    return b;
  }

  function decorate(f: LayerFeature, path: Path) {
    const name = f.properties.name;
    const tip = document.createElement('span');
    tip.textContent = name;
    // Cities carry a permanent label, as on a printed news map; areas name themselves on hover and focus.
    const isPoint = f.geometry.type === 'Point';
    path.bindTooltip(tip, isPoint ? { permanent: true, direction: 'right', offset: [6, 0], className: 'aa-label' } : { sticky: true, direction: 'top', className: 'aa-tip' });
    path.on('click', () => options.onSelect(f.id));
    path.on('add', () => {
      const node = path.getElement() as SVGElement | undefined;
      if (!node) return;
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', `${name}, ${kindLabel(f.properties.kind)}`);
      node.dataset.id = f.id;
      node.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          options.onSelect(f.id);
        }
      });
      if (!isPoint) {
        node.addEventListener('focus', () => path.openTooltip());
        node.addEventListener('blur', () => path.closeTooltip());
      }
    });
    paths.set(f.id, path);
  }

  return {
    setBasemap(data) {
      const { land, borders } = decodeBasemap(data);
      polygon(land, { renderer: baseRenderer, interactive: false, className: 'aa-land', stroke: false, fillColor: '#ecebe6', fillOpacity: 1 }).addTo(map);
      polyline(borders, { renderer: baseRenderer, interactive: false, color: '#a9a9a4', weight: 0.75 }).addTo(map);
    },

    setLayer(layer) {
      features?.remove();
      paths.clear();
      const order = (f: LayerFeature) => GROUP_ORDER.indexOf(kindGroup(f.properties.kind));
      const visible = layer.features.filter((f) => f.geometry).sort((a, b) => order(a) - order(b));
      features = geoJSON(visible, {
        pointToLayer: (_f, ll) => circleMarker(ll, { radius: 6 }),
        style: (f) => ({
          className: `aa-f aa-k-${kindGroup(f!.properties.kind)}${f!.properties.disputed ? ' aa-disputed' : ''}`,
          weight: 1.5,
        }),
        onEachFeature: (f, path) => decorate(f as LayerFeature, path as Path),
      }).addTo(map);
      // Fit to what the article names, not to countries only present as adjectives ("Russian-brokered").
      const named = visible.filter((f) => f.properties.mentions.some((m) => m.type !== 'adjectival'));
      const b = boundsOf(named.length ? named : visible);
      if (b.isValid()) map.fitBounds(b, { padding: [24, 24], maxZoom: MAX_FIT_ZOOM, animate: false });
      report();
      if (selected) this.setSelected(selected, false);
    },

    setSelected(id, fly) {
      if (selected) paths.get(selected)?.getElement()?.classList.remove('aa-sel');
      selected = id;
      const path = id ? paths.get(id) : undefined;
      if (!path) return;
      path.getElement()?.classList.add('aa-sel');
      path.bringToFront();
      // Keep cities above a selected country so they stay clickable.
      for (const p of paths.values()) if ((p as { getLatLng?: unknown }).getLatLng && p !== path) p.bringToFront();
      if (!fly) return;
      const b = boundsOf([{ id } as LayerFeature]);
      if (!b.isValid()) return;
      const animate = !reduceMotion();
      const isPoint = b.getNorthEast().equals(b.getSouthWest());
      if (isPoint) map.flyTo(b.getCenter(), Math.max(map.getZoom(), 6), { animate, duration: FLY_SECONDS });
      else map.flyToBounds(b, { padding: [32, 32], maxZoom: MAX_FIT_ZOOM, animate, duration: FLY_SECONDS });
    },

    destroy() {
      resize.disconnect();
      map.remove();
      paths.clear();
    },
  };
}
