// The Leaflet map of the explorer (issue #4): offline Natural Earth basemap in its own SVG, the article's places
// as SVG paths (circle markers for cities, no icon images) styled by kind through CSS classes, labels and
// names built from DOM text nodes, every feature focusable with its name as aria-label. Imports Leaflet, as
// the other files of ui/map do; it knows nothing of Preact or the model.
import { circleMarker, DomUtil, geoJSON, latLngBounds, map as leafletMap, polygon, polyline, svg, tileLayer, type CircleMarker, type LatLng, type LatLngBounds, type Layer, type Handler, type Map as LeafletMap, type Path, type Point } from 'leaflet';
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';
import { GROUP_ORDER, kindGroup, kindLabel } from '../model/kind-group.ts';
import { placeRows } from '../model/layer-view.ts';
import { createAreaTip } from './create-area-tip.ts';
import { declutterLabels, type Box } from './declutter-labels.ts';
import { decodeBasemap, type BasemapData } from './decode-basemap.ts';
import { unwrapAntimeridian } from './unwrap-antimeridian.ts';

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
  /** Frames the places the article names (all places when it names none but adjectives). */
  fit(animate?: boolean): void;
  destroy(): void;
}

/** Nothing in a news article needs closer than a town; keeps fit and fly from zooming into blankness. */
const MAX_FIT_ZOOM = 7;
const FLY_SECONDS = 0.6;
/** Long enough to read the wheel hint, short enough not to cover the map while the page scrolls on. */
const HINT_MS = 1600;
/**
 * Most cities with a permanent label: the most important ones (placeRows). A story map of hundreds of
 * articles names hundreds of cities, and each label is a tooltip Leaflet measures on every move (issue #18:
 * 700 labels took seconds to draw); the others name themselves on hover and focus, as areas do.
 */
const MAX_CITY_LABELS = 60;
/** Half the box a city's dot covers: the circle markers' 6 px radius and half their 1.5 px outline. */
const DOT_PX = 7;

/** A city's permanent label; `box` is where the label lies from its point, measured once it is laid out. */
interface CityLabel {
  id: string;
  at: LatLng;
  node: HTMLElement;
  box?: Box;
}

/** @example const m = createArticleMap(el, { onSelect: (id) => model.select(id, 'map') }) */
export function createArticleMap(el: HTMLElement, options: ArticleMapOptions): ArticleMap {
  const map: LeafletMap = leafletMap(el, { attributionControl: false, scrollWheelZoom: false, minZoom: 1, maxZoom: 10, worldCopyJump: true, zoomSnap: 0.25 });
  map.setView([30, 20], 2);
  // Wheel zoom only once the reader has focused the map, so the page scrolls past an embed (DESIGN §5).
  // A click focuses the container (Leaflet's keyboard handler), so "focused or clicked" is one event.
  map.on('focus', () => {
    map.scrollWheelZoom.enable();
    hint.classList.remove('aa-show');
  });
  map.on('blur', () => map.scrollWheelZoom.disable());
  const hint = document.createElement('div');
  hint.className = 'aa-wheelhint';
  hint.setAttribute('aria-hidden', 'true');
  hint.textContent = 'Click the map to zoom with the scroll wheel';
  el.appendChild(hint);
  let hintTimer: ReturnType<typeof setTimeout> | undefined;
  // Passive and never preventDefault: an unfocused map lets the page scroll on (issue #5).
  const onWheel = () => {
    if (map.scrollWheelZoom.enabled()) return;
    hint.classList.add('aa-show');
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => hint.classList.remove('aa-show'), HINT_MS);
  };
  el.addEventListener('wheel', onWheel, { passive: true });
  const report = () => {
    const c = map.getCenter();
    el.dataset.center = `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`;
    el.dataset.zoom = String(map.getZoom());
  };
  map.on('moveend', report);
  map.on('zoomend resize', placeLabels);
  const base = map.createPane('aa-base');
  base.style.zIndex = '250';
  // SVG, not canvas: without a GPU, Chrome copies a canvas into a compositor buffer in every frame that
  // changes anything on the page, the frame that shows a click's passages included (src/ui/map/README.md).
  // The SVG is drawn once per move; styles.css keeps its raster scale during fly-to (will-change).
  const baseRenderer = svg({ pane: 'aa-base' });
  map.createPane('aa-points').style.zIndex = '410';
  if (options.tiles) tileLayer(options.tiles.url, { attribution: options.tiles.attribution }).addTo(map);

  const areaTip = createAreaTip(map, el);
  const paths = new Map<string, Path>();
  /** In the place list's order of importance (mentions, then score), so a label that must give way is the lesser one. */
  let labels: CityLabel[] = [];
  /** The cities that get a permanent label in the layer drawn (MAX_CITY_LABELS). */
  let labelled = new Set<string>();
  let features: Layer | null = null;
  let shown: LayerFeature[] = [];
  let selected: string | null = null;
  // Until the reader moves the map, a resize re-frames the places: an embed often gets its real size only
  // after the layer is drawn (a custom element laid out late, an iframe sized by its host; issue #5).
  let touched = false;
  for (const type of ['pointerdown', 'keydown', 'wheel']) el.addEventListener(type, () => (touched = true), { once: true, passive: true });
  const resize = new ResizeObserver(() => {
    map.invalidateSize();
    if (!touched && !selected && shown.length) api.fit(false);
  });
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
    // Cities carry a permanent label, as on a printed news map; areas name themselves on hover and focus
    // (create-area-tip.ts). So do points that are not cities: a historical country drawn at its capital
    // ("Soviet Union" at Moscow) would print its label over the city's.
    let label: HTMLElement | undefined;
    if (f.geometry.type === 'Point' && kindGroup(f.properties.kind) === 'city' && labelled.has(f.id)) {
      label = document.createElement('span');
      label.textContent = name;
      path.bindTooltip(label, { permanent: true, direction: 'right', offset: [6, 0], className: 'aa-label' });
      labels.push({ id: f.id, at: (path as CircleMarker).getLatLng(), node: label });
    }
    // A city whose label gave way to a more important one's (placeLabels) names itself as the areas do.
    const unnamed = () => !label || label.classList.contains('aa-hid');
    path.on('add', () => {
      const node = path.getElement() as SVGElement | undefined;
      if (!node) return;
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', `${name}, ${kindLabel(f.properties.kind)}${f.properties.approximate ? ', approximately placed' : ''}`);
      node.dataset.id = f.id;
      node.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          options.onSelect(f.id);
        }
      });
      // A pointer press leaves focus on the map container (Leaflet's keyboard handler gives it focus) instead
      // of moving it to the shape: the container's blur turned wheel zoom off right after a click on a place,
      // and the focus change cost a tooltip layout and a restyle before the passages showed (issue #4).
      // Keyboard focus (Tab) is unchanged. Both engines count that focus() from a mouse handler as keyboard focus
      // and drew the container's :focus-visible ring after every click on a place; Leaflet hides the ring until
      // the next key press after a press on the map itself, which the flag below keeps from seeing this one.
      node.addEventListener('mousedown', (e) => {
        e.preventDefault();
        DomUtil.preventOutline(el);
      });
      // The shape's own listeners, not Leaflet's path events: for each mouse event Leaflet's dispatch looked
      // for its targets, measured the map and built an event of its own (src/ui/map/README.md). A click that
      // ends a drag of the map selects nothing, as Leaflet's click did. The flag (Leaflet private API, guarded by
      // test/browser/leaflet-private-api.test.ts) makes Leaflet's map skip the shape's DOM events, as its canvas
      // renderer does for its canvas, instead of copying every click into a 'preclick' nothing listens to.
      node.addEventListener('click', () => (map.dragging as Handler & { moved(): boolean }).moved() || options.onSelect(f.id));
      (node as SVGElement & { _leaflet_disable_events?: boolean })._leaflet_disable_events = true;
      const show = (e: MouseEvent) => unnamed() && areaTip.show(name, map.mouseEventToContainerPoint(e), node);
      node.addEventListener('mouseover', show);
      node.addEventListener('mousemove', show);
      node.addEventListener('mouseout', areaTip.hide);
      node.addEventListener('focus', () => {
        const at = (path as Path & { getCenter?(): LatLng }).getCenter?.() ?? (path as Path & { getLatLng(): LatLng }).getLatLng();
        if (unnamed()) areaTip.show(name, map.latLngToContainerPoint(at), node);
      });
      node.addEventListener('blur', areaTip.hide);
    });
    paths.set(f.id, path);
  }

  /** Where a label lies from its point, or nothing while the map is not laid out (a hidden embed). */
  function measureLabel(l: CityLabel, p: Point): Box | undefined {
    const r = l.node.getBoundingClientRect();
    const c = el.getBoundingClientRect();
    return r.width ? { x: r.left - c.left - p.x, y: r.top - c.top - p.y, w: r.width, h: r.height } : undefined;
  }

  /**
   * Moves left or hides the labels that would overlap a more important one (the selection's comes first), on
   * every zoom. Labels are measured once: after that it is arithmetic and class changes, no layout read.
   */
  function placeLabels() {
    const first = labels.find((l) => l.id === selected);
    const order = first ? [first, ...labels.filter((l) => l !== first)] : labels;
    const points = [];
    for (const l of order) {
      const p = map.latLngToContainerPoint(l.at);
      l.box ??= measureLabel(l, p);
      if (!l.box) return;
      const dot = { x: p.x - DOT_PX, y: p.y - DOT_PX, w: 2 * DOT_PX, h: 2 * DOT_PX };
      points.push({ label: { ...l.box, x: p.x + l.box.x, y: p.y + l.box.y }, dot });
    }
    declutterLabels(points).forEach((side, i) => {
      order[i].node.classList.toggle('aa-hid', !side);
      order[i].node.classList.toggle('aa-left', side === 'left');
    });
  }

  const api: ArticleMap = {
    setBasemap(data) {
      const { land, borders } = decodeBasemap(data);
      polygon(land, { renderer: baseRenderer, interactive: false, className: 'aa-land', stroke: false, fillColor: '#ecebe6', fillOpacity: 1 }).addTo(map);
      polyline(borders, { renderer: baseRenderer, interactive: false, color: '#a9a9a4', weight: 0.75 }).addTo(map);
    },

    setLayer(layer) {
      features?.remove();
      paths.clear();
      labels = [];
      const order = (f: LayerFeature) => GROUP_ORDER.indexOf(kindGroup(f.properties.kind));
      const visible = layer.features.filter((f) => f.geometry).sort((a, b) => order(a) - order(b));
      const drawn = visible.map((f) => ({ ...f, geometry: unwrapAntimeridian(f.geometry!) }));
      const ranked = placeRows(layer);
      labelled = new Set(ranked.filter((r) => r.feature.geometry.type === 'Point' && kindGroup(r.feature.properties.kind) === 'city').slice(0, MAX_CITY_LABELS).map((r) => r.feature.id));
      features = geoJSON(drawn, {
        // Points in their own pane above the areas: they stay clickable without reordering on select.
        pointToLayer: (_f, ll) => circleMarker(ll, { radius: 6, pane: 'aa-points' }),
        style: (f) => ({
          className: `aa-f aa-k-${kindGroup(f!.properties.kind)}${f!.properties.disputed ? ' aa-disputed' : ''}`,
          weight: 1.5,
        }),
        onEachFeature: (f, path) => decorate(f as LayerFeature, path as Path),
      }).addTo(map);
      const rank = new Map(ranked.map((r, i) => [r.feature.id, i]));
      labels.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      shown = visible;
      this.fit(false);
      placeLabels();
      report();
      if (selected) this.setSelected(selected, false);
    },

    fit(animate = false) {
      // Fit to what the article names, not to countries only present as adjectives ("Russian-brokered").
      const named = shown.filter((f) => f.properties.mentions.some((m) => m.type !== 'adjectival'));
      const b = boundsOf(named.length ? named : shown);
      if (b.isValid()) map.fitBounds(b, { padding: [24, 24], maxZoom: MAX_FIT_ZOOM, animate: animate && !reduceMotion() });
    },

    setSelected(id, fly) {
      if (selected) paths.get(selected)?.getElement()?.classList.remove('aa-sel');
      selected = id;
      placeLabels();
      const path = id ? paths.get(id) : undefined;
      if (!path) return;
      path.getElement()?.classList.add('aa-sel');
      // The selected outline on top of its neighbours. The widget calls this after the frame that shows the
      // passages (mount-widget.tsx): moving a path under the pointer re-fires mouseover (issue #4).
      path.bringToFront();
      if (!fly) return;
      const b = boundsOf([{ id } as LayerFeature]);
      if (!b.isValid()) return;
      const animate = !reduceMotion();
      const isPoint = b.getNorthEast().equals(b.getSouthWest());
      if (isPoint) map.flyTo(b.getCenter(), Math.max(map.getZoom(), 6), { animate, duration: FLY_SECONDS });
      else map.flyToBounds(b, { padding: [32, 32], maxZoom: MAX_FIT_ZOOM, animate, duration: FLY_SECONDS });
    },

    destroy() {
      // After a click on the map, Leaflet hides the focus ring until the next key press, with a listener on
      // window that map.remove() leaves behind. (Leaflet keeps one such element per page: should it be another
      // widget's map, that one merely shows its ring again, as a key press would.)
      DomUtil.restoreOutline();
      clearTimeout(hintTimer);
      el.removeEventListener('wheel', onWheel);
      hint.remove();
      areaTip.remove();
      resize.disconnect();
      map.remove();
      paths.clear();
    },
  };
  return api;
}
