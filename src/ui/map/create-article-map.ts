// The Leaflet map of the explorer (issue #4): offline Natural Earth basemap in its own SVG, the article's places
// as SVG paths (circle markers for cities, no icon images) styled by kind through CSS classes, areas stacked by
// size with the smallest on top (issue #14), names on the map (create-label-layer.ts), every feature focusable
// with its name as aria-label. Imports Leaflet, as the other files of ui/map do; it knows nothing of Preact or
// the model.
import {
  circleMarker,
  DomUtil,
  geoJSON,
  latLng,
  latLngBounds,
  map as leafletMap,
  svg,
  type CircleMarker,
  type LatLng,
  type LatLngBounds,
  type Layer,
  type Handler,
  type Map as LeafletMap,
  type Path,
  type Point,
} from 'leaflet';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { isPlottable } from '../../core/is-plottable.ts';
import type { LabelPoint } from '../../core/label-point.ts';
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';
import { GROUP_ORDER, kindGroup, kindLabel } from '../model/kind-group.ts';
import { placeRows } from '../model/layer-view.ts';
import { arrangeAreas } from './arrange-areas.ts';
import { createAreaTip } from './create-area-tip.ts';
import { createLabelLayer, type MapLabel } from './create-label-layer.ts';
import { focusView, LOCAL_MAX_ZOOM, SPOT_MAX_ZOOM, type FocusView } from '../../core/focus-view.ts';
import { basemapTransform, isCell, readCells, type BasemapData, type CellPaths } from './basemap-transform.ts';
import { BASEMAP_GRID, cellMeets, gridFiles } from '../../export/basemap-files.ts';
import { loadTileLayer } from './load-tile-layer.ts';
import { unwrapAntimeridian } from '../../core/unwrap-antimeridian.ts';

export interface ArticleMapOptions {
  onSelect(id: string): void;
  /** Raster tiles instead of the bundled basemap, e.g. OSM; off by default so no other host is asked. */
  tiles?: { url: string; attribution?: string };
  /** After every move: how many places lie wholly outside the view. */
  onView?(outside: number): void;
  /** The map is complete for its layer (data-complete): places, basemap (or none) and names are drawn. */
  onComplete?(): void;
}

/** What fit() frames: the places the article is about (the layer's `focus`) or every place. */
export type FitScope = 'focus' | 'all';

export interface ArticleMap {
  /**
   * Draws the basemap's cells in the view, then those around it; data-complete once those in the view are drawn, or
   * at once for none (null: no basemap given, or it did not load).
   */
  setBasemap(data: BasemapData | null): void;
  /**
   * The files of the basemap's cells in the view (BASEMAP_GRID) but those `held` (keys `col_row`), to ask for with its
   * index.
   */
  basemapFiles(held?: Set<string>): string[];
  /** Draws a layer; `labels`: its areas' label points, computed before (readLabelPoints). */
  setLayer(layer: ArticleLayer, labels?: Map<string, LabelPoint>): void;
  /** Marks the selection; `fly` moves the view to it (instantly under prefers-reduced-motion). */
  setSelected(id: string | null, fly: boolean): void;
  /**
   * Frames the places the article is about (the layer's `focus`, or chooseFocus's for a layer without one),
   * or with 'all' every place.
   */
  fit(animate?: boolean, scope?: FitScope): void;
  destroy(): void;
}

/** The looks of the basemap's names (styles.css): countries, and seas in italics. */
const BASE_LOOK = 'aa-lbl-base';
const SEA_LOOK = 'aa-lbl-base aa-lbl-sea';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Flying to a selected place comes no closer than the first view frames a single spot (focus-view.ts). */
const MAX_FIT_ZOOM = SPOT_MAX_ZOOM;
const FLY_SECONDS = 0.6;
/** Long enough to read the wheel hint, short enough not to cover the map while the page scrolls on. */
const HINT_MS = 1600;
/** A city's dot: the circle markers' radius in pixels. */
const DOT_RADIUS_PX = 6;
/** Shapes added to the map per task: 500 circle markers take ~50 ms on the development machine. */
const SLICE_FEATURES = 500;

/**
 * The box of nested `[lon, lat]` coordinates (invalid when there are none), counted in numbers and made a
 * LatLngBounds once: a LatLng per position made framing 20,000 places a task of its own (issue #19 item 14).
 */
function box(coordinates: unknown): LatLngBounds {
  let s = Infinity;
  let w = s;
  let n = -s;
  let e = n;
  const take = (c: unknown) => {
    if (Array.isArray(c))
      if (typeof c[0] === 'number') {
        s = Math.min(s, c[1]);
        w = Math.min(w, c[0]);
        n = Math.max(n, c[1]);
        e = Math.max(e, c[0]);
      } else c.forEach(take);
  };
  take(coordinates);
  return latLngBounds(
    s > n
      ? []
      : [
          [s, w],
          [n, e],
        ],
  );
}

/** @example const m = createArticleMap(el, { onSelect: (id) => model.select(id, 'map') }) */
export function createArticleMap(el: HTMLElement, options: ArticleMapOptions): ArticleMap {
  const map: LeafletMap = leafletMap(el, {
    attributionControl: false,
    scrollWheelZoom: false,
    minZoom: 1,
    maxZoom: LOCAL_MAX_ZOOM,
    worldCopyJump: true,
    zoomSnap: 0.25,
  });
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
    if (options.onView && shown.length) {
      const view = map.getBounds();
      options.onView(shown.filter((f) => !inView(f.id, view)).length);
    }
  };
  map.on('moveend', report);
  const base = map.createPane('aa-base');
  base.style.zIndex = '250';
  // SVG, not canvas: without a GPU, Chrome copies a canvas into a compositor buffer in every frame that
  // changes anything on the page, the frame that shows a click's passages included (src/ui/map/README.md).
  // The SVG is drawn once per move; styles.css keeps its raster scale during fly-to (will-change).
  const baseRenderer = svg({ pane: 'aa-base' });
  map.createPane('aa-points').style.zIndex = '410';
  // The selection's outline above every area and dot, in a pane of its own: moving the selected path itself to
  // the top would cover the smaller areas inside it and take their clicks (issue #14).
  const selPane = map.createPane('aa-selection');
  selPane.style.zIndex = '420';
  selPane.style.pointerEvents = 'none';
  /** A placement due in the next frame after a toggle of the legend (below). */
  let toggled = 0;
  // The map's controls are obstacles to its names: Leaflet's zoom buttons and what the page lays over the map
  // beside it (the legend, "Show all places", the attribution: MapView.tsx).
  const nameLayer = createLabelLayer(
    map,
    () => [
      ...el.querySelectorAll('.leaflet-control'),
      ...[...(el.parentElement?.children ?? [])].filter((c) => c !== el),
    ],
    // A name placed late (measured in slices, or named inside the view once its chunk is in) completes the map.
    // Any placement reads the controls' boxes as they are now: one due after a toggle of the legend is moot (the
    // legend opens as the map's controls come, and its placement fell in the frame after the basemap's, ~9 ms,
    // issue #14).
    () => {
      cancelAnimationFrame(toggled);
      markComplete();
    },
    [BASE_LOOK, SEA_LOOK],
  );
  // The legend opens and closes (a <details>: its toggle event does not bubble, so it is caught on the way down). The
  // names are placed again in the frame that lays the legend out: placed in the event's own task, the legend opening
  // forced a layout of what had just been rendered beside it there, ahead of the basemap's task (issue #14).
  const replace = () => {
    cancelAnimationFrame(toggled);
    toggled = requestAnimationFrame(placeLabels);
  };
  const overlays = el.parentElement;
  overlays?.addEventListener('toggle', replace, true);
  let removed = false;
  if (options.tiles) {
    const { url, attribution } = options.tiles;
    // A chunk of its own (tile-layer.ts): most pages draw the bundled basemap and never load it.
    void loadTileLayer().then(({ tileLayer }) => removed || tileLayer(url, { attribution }).addTo(map));
  }

  const areaTip = createAreaTip(map, el);
  const paths = new Map<string, Path>();
  /** The article's names in the place list's order of importance (mentions, then score): the lesser gives way. */
  let articleLabels: MapLabel[] = [];
  /** The basemap's names, a country's with its ISO code. */
  let baseLabels: Array<{ label: MapLabel; iso?: string }> = [];
  /** Each area's room around its label point (zoom-0 pixels): the size a click compares. */
  let rooms = new Map<string, number>();
  let outline: Layer | null = null;
  let features: Layer | null = null;
  let shown: LayerFeature[] = [];
  let focus: FocusView | null = null;
  let current: ArticleLayer | null = null;
  /** The features as drawn (unwrapped across ±180°), by id. */
  let drawnById = new Map<string, LayerFeature>();
  const coordinatesOf = (id: string) => (drawnById.get(id)?.geometry as { coordinates?: unknown } | null)?.coordinates;
  /** The current layer's names are on the map (they follow the frame that paints its shapes). */
  let labelled = false;
  /** The bundled basemap is drawn (or not wanted: tiles instead). */
  let basemapDrawn = !!options.tiles;
  /** The layer onComplete was last called for. */
  let completed: ArticleLayer | null = null;
  /**
   * `data-complete` on the map once places, basemap and names are all drawn: what the bench times as everything
   * painted. onComplete once per layer.
   */
  const markComplete = () => {
    if (!basemapDrawn || !labelled || !current || !nameLayer.settled()) return;
    el.dataset.complete = '';
    if (completed !== current) options.onComplete?.();
    completed = current;
  };
  let selected: string | null = null;
  // Until the reader moves the map, a resize re-frames the places: an embed often gets its real size only
  // after the layer is drawn (a custom element laid out late, an iframe sized by its host; issue #5).
  let touched = false;
  for (const type of ['pointerdown', 'keydown', 'wheel'])
    el.addEventListener(type, () => (touched = true), { once: true, passive: true });
  const resize = new ResizeObserver(() => {
    // The first call comes at once, with the size the map was made at when the layer was in the page (issue #14):
    // nothing to do, and a second fit at the same zoom would move the view by a fraction of a pixel.
    const size = map.getSize();
    if (size.x === el.clientWidth && size.y === el.clientHeight) return;
    map.invalidateSize();
    if (!touched && !selected && shown.length) api.fit(false);
  });
  resize.observe(el);
  const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

  /**
   * The box of the places as drawn (unwrapped across ±180°), from their coordinates rather than their Leaflet
   * paths: a layer of thousands is framed before its shapes are built, a slice per task (issue #19).
   */
  function boundsOf(fs: LayerFeature[]) {
    return box(fs.map((f) => coordinatesOf(f.id)));
  }

  /**
   * Is some part of the place in the view? Part by part: France's box reaches from Guiana to Réunion, and
   * would put it in the view of the Caucasus.
   */
  function inView(id: string, view: LatLngBounds): boolean {
    const g = drawnById.get(id)?.geometry;
    // A point in numbers, as its box would intersect the view: no bounds made for each of 20,000 towns after
    // every move (issue #19 item 14).
    if (g?.type === 'Point') {
      const [lon, lat] = g.coordinates;
      return lat >= view.getSouth() && lat <= view.getNorth() && lon >= view.getWest() && lon <= view.getEast();
    }
    // Every drawn feature has coordinates (the validator's), so each part's box is valid.
    return (
      !!g && (g.type === 'MultiPolygon' ? g.coordinates : [coordinatesOf(id)]).some((p) => box(p).intersects(view))
    );
  }

  /**
   * The place a click at this point means: of the article's shapes under the pointer, the smallest on screen (an
   * area's room against a dot's radius). A dot drawn over a district no wider than itself then gives way to the
   * district, and a district's dot, where the district is larger, keeps its clicks (issue #14).
   */
  function pick(e: MouseEvent, fallback: string): string {
    const root = el.getRootNode() as Document | ShadowRoot;
    const scale = 2 ** map.getZoom();
    let best = fallback;
    let bestSize = Infinity;
    for (const hit of root.elementsFromPoint(e.clientX, e.clientY)) {
      const id = (hit as HTMLElement).dataset?.id;
      if (!id || !paths.has(id)) continue;
      const room = rooms.get(id);
      const size = room === undefined ? DOT_RADIUS_PX : room * scale;
      if (size < bestSize) [best, bestSize] = [id, size];
    }
    return best;
  }

  function decorate(f: LayerFeature, path: Path) {
    const name = f.properties.name;
    // Named on the map (cities beside their dots, areas inside them) or, when its name gave way to a more
    // important one's or does not fit, on hover and focus (create-area-tip.ts). Points other than cities, rivers,
    // mountains and islands have no name on the map: a historical country drawn at its capital ("Soviet Union" at
    // Moscow) would cover the city's.
    const unnamed = () => !nameLayer.shown(f.id);
    path.on('add', () => {
      const node = path.getElement() as SVGElement | undefined;
      if (!node) return;
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      node.setAttribute(
        'aria-label',
        `${name}, ${kindLabel(f.properties.kind)}${f.properties.approximate ? ', approximately placed' : ''}`,
      );
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
      node.addEventListener(
        'click',
        (e) => (map.dragging as Handler & { moved(): boolean }).moved() || options.onSelect(pick(e, f.id)),
      );
      (node as SVGElement & { _leaflet_disable_events?: boolean })._leaflet_disable_events = true;
      const show = (e: MouseEvent) => unnamed() && areaTip.show(name, map.mouseEventToContainerPoint(e), node);
      node.addEventListener('mouseover', show);
      node.addEventListener('mousemove', show);
      node.addEventListener('mouseout', areaTip.hide);
      node.addEventListener('focus', () => {
        const at =
          (path as Path & { getCenter?(): LatLng }).getCenter?.() ??
          (path as Path & { getLatLng(): LatLng }).getLatLng();
        if (unnamed()) areaTip.show(name, map.latLngToContainerPoint(at), node);
      });
      node.addEventListener('blur', areaTip.hide);
    });
    paths.set(f.id, path);
  }

  /** Names the places, the selection's first, then the basemap's countries and seas where room is left. */
  function placeLabels() {
    nameLayer.place(selected);
  }
  /** Which setLayer is still adding its shapes (a layer of thousands goes on the map in slices). */
  let drawing = 0;

  /** The basemap's names, less the countries and seas the article names itself. */
  function showNames() {
    const names = new Set(shown.map((f) => f.properties.name.toLowerCase()));
    const countries = new Set(shown.filter((f) => f.properties.kind === 'country').map((f) => f.properties.country));
    const base = baseLabels.filter(
      ({ label, iso }) => !names.has(label.text.toLowerCase()) && !(iso && countries.has(iso)),
    );
    nameLayer.set([...articleLabels, ...base.map((b) => b.label)], selected);
  }

  /** The view padded by `pad` views on each side, in zoom-0 pixels. */
  const viewBox = (pad: number) => {
    const s = 2 ** map.getZoom();
    const { min, max } = map.getPixelBounds().pad(pad);
    return [min!.x / s, min!.y / s, max!.x / s, max!.y / s];
  };

  const api: ArticleMap = {
    setBasemap(data) {
      if (!data) {
        basemapDrawn = true;
        return markComplete();
      }
      // Paths projected at build time and scaled by one transform, instead of thousands of Leaflet polygons
      // projected, clipped and simplified in the browser: that took most of the first load (README.md). They live
      // in the base pane's Leaflet renderer, which moves and scales its SVG during pans, zooms and fly-to as for
      // any path; after each of its updates the transform follows the new zoom and pixel origin.
      if (basemapTransform(data, 0, { x: 0, y: 0 })) {
        // Land under the lakes under every border: a cell drawn later must not cover the borders of one drawn before.
        const group = document.createElementNS(SVG_NS, 'g');
        const { fine } = data;
        group.innerHTML = `<g class="aa-land"/><g class="aa-lakes"/><g class="aa-borders"/><g class="aa-fine" transform="scale(${
          1 / (fine?.scale ?? 1)
        })"/>`;
        /** The groups of a cell's paths, in its file's order (land, borders, lakes). */
        const slots = [0, 2, 1, 3].map((i) => group.children[i]);
        /** Cells in hand (data.cells: the page's first view's) not drawn yet, by key `col_row`. */
        const held = new Map(data.cells?.filter(isCell).map((cell) => [`${cell[0]}_${cell[1]}`, cell]));
        /**
         * Keys `col_row` of the cells asked for (or in hand) and of those drawn (a block's file holds some drawn
         * before).
         */
        const asked = new Set(held.keys());
        const drawn = new Set<string>();
        const fresh = (cells: Array<[number, number, ...CellPaths]>) =>
          cells
            .filter(([col, row]) => !drawn.has(`${col}_${row}`) && drawn.add(`${col}_${row}`))
            .map(([, , ...p]) => p);
        /** The paths of the cells meeting the view padded by `pad` views (0: the view itself) not drawn yet. */
        const ask = (pad: number): Array<Promise<CellPaths[]>> => {
          const box = viewBox(pad);
          const near = [...held.values()].filter(([col, row]) => cellMeets(data.grid, col, row, box));
          for (const [col, row] of near) held.delete(`${col}_${row}`);
          return [
            Promise.resolve(fresh(near)),
            ...gridFiles(data.grid, box, asked).map((file) => readCells(data, file).then(fresh)),
          ];
        };
        const draw = (cells: CellPaths[]) =>
          removed ||
          cells.forEach((paths) =>
            paths.forEach(
              (d, i) => d && slots[i].appendChild(document.createElementNS(SVG_NS, 'path')).setAttribute('d', d),
            ),
          );
        /** The finer borders' cells in and around the view, each asked for once, shown once those of a view are in. */
        const fineAsk = () =>
          void Promise.all(
            gridFiles(fine!, viewBox(0.5), asked).map((file) =>
              readCells(data, file).then((cells) => draw(cells.map(([, , d]) => ['', '', '', d]))),
            ),
          ).then(() => removed || group.classList.toggle('aa-zoomed', zoomed()));
        const zoomed = () => !!fine && map.getZoom() >= fine.minZoom;
        // The cells within a view's width and height of the view, each drawn once, when it first comes near: laying
        // out all of the world's 80,000 points took most of the basemap's time at the first load. Their files are
        // fetched as they come near (build.mjs writes one per cell).
        const follow = () => {
          if (basemapDrawn) for (const cells of ask(1)) void cells.then(draw);
          if (!zoomed()) group.classList.remove('aa-zoomed');
          else if (basemapDrawn) fineAsk();
          group.setAttribute('transform', basemapTransform(data, map.getZoom(), map.getPixelOrigin())!);
        };
        baseRenderer.addTo(map);
        baseRenderer.on('update', follow);
        follow();
        base.querySelector('svg')?.appendChild(group);
        // First the cells in the view, in one task, then data-complete; the cells around it follow (issue #14).
        void Promise.all(ask(0)).then((files) => {
          if (removed) return;
          files.forEach(draw);
          basemapDrawn = true;
          markComplete();
          follow();
        });
      } else {
        basemapDrawn = true;
        markComplete();
      }
      // Ids no feature has; grey, after every name of the article's (styles.css .aa-lbl-base).
      const { countries = [], seas = [] } = data.labels ?? {};
      baseLabels = [
        ...countries.map(([text, lon, lat, radius, across, iso], i) => ({
          iso,
          label: { id: `aa-base:${i}`, text, at: latLng(lat, lon), look: BASE_LOOK, room: { radius, across } },
        })),
        ...seas.map(([text, lon, lat, minZoom], i) => ({
          label: { id: `aa-sea:${i}`, text, at: latLng(lat, lon), look: SEA_LOOK, minZoom },
        })),
      ];
      showNames();
    },

    basemapFiles(held = new Set()) {
      // None before a view is set (a layer that failed to load).
      return map.getZoom() === undefined ? [] : gridFiles(BASEMAP_GRID, viewBox(0), new Set(held));
    },

    setLayer(layer, labels) {
      features?.remove();
      paths.clear();
      // A continent given as a point is listed, not drawn: its dot would mark the middle of nowhere (issue #14).
      const visible = layer.features.filter(isPlottable);
      const arranged = arrangeAreas(
        visible.map((f) => ({ ...f, geometry: unwrapAntimeridian(f.geometry!) })),
        labels,
      );
      rooms = new Map([...arranged.labels].map(([id, l]) => [id, l.radius]));
      drawnById = new Map(arranged.order.map((f) => [f.id, f]));
      // Areas the focus leaves out (a country named in passing) are drawn quietly: not read as the story's place.
      const inFocus = layer.focus && new Set(layer.focus.ids);
      const aside = (id: string) => !!inFocus && !inFocus.has(id) && arranged.labels.has(id);
      const style = (feature?: Feature) => {
        const f = feature as LayerFeature;
        const p = f.properties;
        return {
          className: `aa-f aa-k-${kindGroup(p.kind)}${p.disputed ? ' aa-disputed' : ''}${
            arranged.containers.has(f.id) ? ' aa-container' : ''
          }${aside(f.id) ? ' aa-aside' : ''}${arranged.labels.has(f.id) ? ' aa-area' : ''}${p.approximate ? ' aa-approx' : ''}`,
          weight: 1.5,
        };
      };
      shown = visible;
      current = layer;
      articleLabels = [];
      labelled = false;
      focus = focusView(layer.focus?.bbox);
      if (!focus && visible.length) {
        // A layer made without `focus` (an older file, a host's own) gets chooseFocus's, as geoparse would give
        // it, from a chunk of its own that a built site never loads; until then the map frames every place.
        import('../../core/choose-focus.ts').then(({ chooseFocus }) => {
          if (current !== layer) return;
          focus = focusView(chooseFocus(layer)?.bbox);
          if (!touched && !selected) api.fit(false);
        });
      }
      // Framed before the first shape is drawn (from the coordinates): moving the view afterwards would draw the
      // shapes on it again.
      this.fit(false);
      const drawn = geoJSON().addTo(map);
      features = drawn;
      const run = ++drawing;
      // Areas the focus leaves out that reach beyond the first view (a faint Russia around the Caucasus, France
      // seen from there) come a frame after the others (issue #14): Leaflet projects and clips every point of a
      // shape it adds, and the seed's Russia alone was 44% of its areas' points. Each is then put back where its
      // size puts it in the drawing order, so the order is as if all had been drawn at once.
      const firstView = map.getBounds();
      const late = new Set(
        arranged.order
          .filter((f) => arranged.labels.has(f.id) && !inFocus?.has(f.id) && !firstView.contains(boundsOf([f])))
          .map((f) => f.id),
      );
      const early = late.size ? arranged.order.filter((f) => !late.has(f.id)) : arranged.order;
      const build = (fs: LayerFeature[]) => {
        const slice = geoJSON(fs, {
          // Points in their own pane above the areas: they stay clickable without reordering on select.
          pointToLayer: (_f, ll) => circleMarker(ll, { radius: DOT_RADIUS_PX, pane: 'aa-points' }),
          style,
          onEachFeature: (f, path) => decorate(f as LayerFeature, path as Path),
        });
        for (const l of slice.getLayers()) drawn.addLayer(l);
      };
      const addLate = () => {
        if (run !== drawing) return;
        build(arranged.order.filter((f) => late.has(f.id)));
        // Last to first, each before the next shape in the order that shares its parent (already in place).
        for (let i = arranged.order.length - 1; i >= 0; i--) {
          const id = arranged.order[i].id;
          const node = late.has(id) && paths.get(id)?.getElement();
          if (!node) continue;
          if (id === selected) node.classList.add('aa-sel');
          for (let j = i + 1; j < arranged.order.length; j++) {
            const next = paths.get(arranged.order[j].id)?.getElement();
            if (next?.parentNode !== node.parentNode) continue;
            node.parentNode!.insertBefore(node, next);
            break;
          }
        }
      };
      // Built and put on the map in slices, a task each, areas first: building and drawing 5,000 cities at once
      // held the page for seconds (issue #19). A layer of up to SLICE_FEATURES places is drawn at once, as before.
      const addSlice = (from: number) => {
        if (run !== drawing) return;
        build(early.slice(from, from + SLICE_FEATURES));
        if (from + SLICE_FEATURES < early.length) setTimeout(() => addSlice(from + SLICE_FEATURES));
        else if (late.size) {
          // After the frame that paints the first slice (a frame callback runs before the paint, a timer after).
          if (from) setTimeout(addLate);
          else requestAnimationFrame(() => setTimeout(addLate));
        }
      };
      addSlice(0);
      report();
      // Places first (issue #14): the names are measured and placed after the frame that paints the shapes.
      // (A frame callback runs before the paint, a timer after it.)
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (run !== drawing) return;
          articleLabels = placeRows(layer).flatMap(({ feature: f }): MapLabel[] => {
            const group = kindGroup(f.properties.kind);
            const area = arranged.labels.get(f.id);
            if (area)
              return [
                {
                  id: f.id,
                  text: f.properties.name,
                  at: latLng(area.at[1], area.at[0]),
                  look: `aa-lbl-area aa-k-${group}`,
                  room: area,
                  always: !!inFocus?.has(f.id),
                  shape: inFocus?.has(f.id) ? (drawnById.get(f.id)?.geometry as Polygon | MultiPolygon) : undefined,
                },
              ];
            // A river or a mountain is named beside its dot, in italics, as a city is; not a site placed at its
            // city (its name would push the city's away) nor a historical country at its capital (the same).
            const feature = group === 'other' && !f.properties.approximate;
            // An area the gazetteer has only as a point (a county without an outline) and drawn as a dot is named
            // beside it too, in its kind's colour: in focus, it went unnamed (issue #14).
            const areaPoint =
              (group === 'district' || group === 'region' || group === 'country') &&
              f.properties.kind !== 'historical-country' &&
              !f.properties.approximate &&
              // Not a continent or broad region given as a point: not drawn, so not named there (isPlottable).
              drawnById.has(f.id);
            if (f.geometry?.type !== 'Point' || (group !== 'city' && !feature && !areaPoint)) return [];
            const [lon, lat] = f.geometry.coordinates;
            const look = feature
              ? 'aa-lbl-city aa-lbl-feature aa-k-other'
              : areaPoint
                ? `aa-lbl-city aa-lbl-area aa-k-${group}`
                : 'aa-lbl-city';
            return [{ id: f.id, text: f.properties.name, at: latLng(lat, lon), look, dot: true }];
          });
          showNames();
          labelled = true;
          markComplete();
        }),
      );
      if (selected) this.setSelected(selected, false);
    },

    fit(animate = false, scope = 'focus') {
      const all = boundsOf(shown);
      // Every place is framed by the same rule as the focus: as close as a local story needs, a spot less close.
      const view =
        scope === 'focus' && focus
          ? focus
          : all.isValid() && focusView([all.getWest(), all.getSouth(), all.getEast(), all.getNorth()]);
      if (view)
        map.fitBounds(view.bounds, {
          // Clear of "Show all places" (top, 10 + 29 px) and the attribution line (bottom, ~20 px) that sit over
          // the map: on a phone a town at the top or bottom of the view had its name under them.
          paddingTopLeft: [24, 48],
          paddingBottomRight: [24, 44],
          maxZoom: view.maxZoom,
          animate: animate && !reduceMotion(),
        });
    },

    setSelected(id, fly) {
      if (selected) paths.get(selected)?.getElement()?.classList.remove('aa-sel');
      outline?.remove();
      outline = null;
      selected = id;
      placeLabels();
      // A shape of a big layer may not be built yet: the outline and fly-to need only its coordinates.
      if (!id || !drawnById.has(id)) return;
      paths.get(id)?.getElement()?.classList.add('aa-sel');
      // The selected area's outline on top of everything, in its own pane; the area stays where its size puts it
      // (issue #14). The widget calls this after the frame that shows the passages (mount-widget.tsx).
      if (rooms.has(id)) {
        outline = geoJSON(drawnById.get(id)!.geometry, {
          pane: 'aa-selection',
          interactive: false,
          style: () => ({ className: 'aa-outline', weight: 2.5 }),
        }).addTo(map);
      }
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
      removed = true;
      clearTimeout(hintTimer);
      el.removeEventListener('wheel', onWheel);
      hint.remove();
      areaTip.remove();
      resize.disconnect();
      current = null;
      nameLayer.remove();
      overlays?.removeEventListener('toggle', replace, true);
      cancelAnimationFrame(toggled);
      map.remove();
      paths.clear();
    },
  };
  return api;
}
