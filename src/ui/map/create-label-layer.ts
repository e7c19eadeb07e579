// The names on the map (issues #14, #19): cities beside their dots, areas at their label points, the basemap's
// countries and seas in grey, all decluttered together by importance (declutter-labels.ts) after every move,
// none cut by the map's edge.
// Labels are measured once on a canvas, not in the page, and only those placed inside the view get an element,
// so a layer of 20,000 cities costs arithmetic and a few hundred nodes, not 20,000 tooltips laid out.
import type { MultiPolygon, Polygon } from 'geojson';
import type { LatLng, Map as LeafletMap } from 'leaflet';
import {
  declutterLabels,
  sideBox,
  slideIn,
  toEdges,
  type Box,
  type LabelledPoint,
  type LabelSide,
} from './declutter-labels.ts';
import { loadViewLabelPoint } from './load-view-label-point.ts';
import type { ProjectedArea } from './view-label-point.ts';

/** view-label-point.ts once loaded (load-view-label-point.ts); one that could not load names nothing in the view. */
let viewPoints: typeof import('./view-label-point.ts') | null = null;
let loadingViewPoints: Promise<unknown> | null = null;

export interface MapLabel {
  /** The feature id (basemap names: any id no feature has). */
  id: string;
  text: string;
  at: LatLng;
  /** CSS classes of its look (styles.css): `aa-lbl-city`, `aa-lbl-area aa-k-region`, `aa-lbl-base`… */
  look: string;
  /** A city's label, beside its dot; other labels are centred on their point. */
  dot?: boolean;
  /** An area's room around its point (zoom-0 pixels, as labelPoint measures it): named only when the name fits… */
  room?: { radius: number; across: number };
  /**
   * …unless the article is about it (its focus): then a name too long for its room is centred on its label point,
   * across the outline, as an atlas names Belgium on a map of Europe, rather than left out (issue #14).
   */
  always?: boolean;
  /**
   * The area's shape as drawn, for an `always` label: when its label point is outside the view, the name goes to the
   * point farthest inside the part of the area the view shows (view-label-point.ts), computed then and only then.
   */
  shape?: Polygon | MultiPolygon;
  /** Named from this zoom on (Natural Earth's min_label of a sea). */
  minZoom?: number;
}

export interface LabelLayer {
  /** The labels to show, most important first: measured (thousands in slices, a task each), then placed. */
  set(labels: MapLabel[], first?: string | null): void;
  /** Places them again for the current zoom, `first` (the selection) ahead of every other. */
  place(first?: string | null): void;
  /** Whether the place's name is on the map now. */
  shown(id: string): boolean;
  /** Every name is placed: none is waiting to be measured or for the chunk that names an area inside the view. */
  settled(): boolean;
  remove(): void;
}

/** A city's label starts this far right of its centre: the dot's 6 px radius and 2 px of air. */
const DOT_OFFSET_PX = 8;
/** Half the box a city's dot covers: the circle markers' 6 px radius and half their 1.5 px outline. */
const DOT_PX = 7;
/** A name may run this much beyond its area's room across and up and down before it counts as not fitting. */
const FIT_SLACK = 1.15;
/** Elements are kept for labels this far outside the view, so a short pan shows no gap. */
const VIEW_MARGIN_PX = 200;
/** Labels measured per task: a thousand take ~10 ms, so a layer of 20,000 never holds the page (issue #19). */
const MEASURE_SLICE = 1000;
/** An area named inside the part of it in view keeps this far from the view's edges. */
const VIEW_INSET_PX = 4;

interface Measured {
  w: number;
  h: number;
  /**
   * The point projected at scale 1 (Leaflet's zoom-0 pixels over 256): at any zoom, times the CRS's scale and
   * rounded, it is what latLngToLayerPoint gives before the pixel origin, without its four Points per label.
   */
  u: number;
  v: number;
  /**
   * A city's label and dot as the placement takes them, made when measured (a slice per task) and moved at each
   * placement: made there, 20,000 of them a move filled the young heap and its collections were most of the task.
   */
  city?: { label: Box; dot: Box };
}

/**
 * `obstacles`: the elements over the map (its controls: zoom buttons, legend, attribution, "Show all places"); no
 * name is placed under them, read from their boxes on the page at each placement (issue #14: names slid in from
 * the bottom-left edge landed under the open legend). `looks`: looks of labels to come (the basemap's), whose fonts
 * are read with the first labels'.
 * @example const labels = createLabelLayer(map); labels.set([{ id, text: 'Baku', at, look: 'aa-lbl-city', dot: true }]); labels.place()
 */
export function createLabelLayer(
  map: LeafletMap,
  obstacles?: () => Iterable<Element>,
  onPlaced?: () => void,
  looks: string[] = [],
): LabelLayer {
  const pane = map.createPane('aa-labels');
  pane.classList.add('leaflet-zoom-hide');
  pane.setAttribute('aria-hidden', 'true');
  const ctx = document.createElement('canvas').getContext('2d');
  let font = '';
  /**
   * A look's font. Small capitals (styles.css: country names; the page's text stays "Armenia", not "ARMENIA" as a
   * text-transform would make it) are measured with the context's own `fontVariantCaps`, as the engine draws them
   * (capitals at 70% of the size in Chromium, 80% in Firefox, where the font has none); without it, at 70%.
   */
  const fonts = new Map<string, { font: string; spacing: number; upper: boolean; caps: boolean; h: number }>();
  const canCaps = !!ctx && 'fontVariantCaps' in ctx;
  let caps = false;
  /** Kept across set(): the article's names come back with the basemap's, measured once (issue #14). */
  const sizes = new WeakMap<MapLabel, Measured>();
  /** The `always` areas' shapes, projected when first named off their label point. */
  const shapes = new WeakMap<MapLabel, ProjectedArea>();
  const nodes = new Map<MapLabel, HTMLElement>();
  /** The `looks` given, until the first set() reads their fonts. */
  let looksAhead = looks;
  let labels: MapLabel[] = [];
  /** Where each placed label's box lies (layer pixels), by id. */
  let placed = new Map<string, { label: MapLabel; box: Box }>();
  /** Which set() is measuring its labels still (0: none); place() waits for it. */
  let measuring = 0;
  let runs = 0;
  let lead: string | null | undefined;
  /** A name the last place() left for the view-point chunk, still loading. */
  let deferred = false;

  /**
   * The looks' fonts, read once from probe elements' computed style (no layout: styles.css sets the line height in
   * pixels), so that styles.css stays the one place that sets them. All at once: each read after a change to the
   * page restyles it, and the basemap's names, read alone after the place list was rendered, restyled the whole
   * panel in their task (issue #14).
   */
  function readFonts(wanted: Iterable<string>) {
    const probes = new Map<string, HTMLElement>();
    for (const look of wanted) {
      if (fonts.has(look) || probes.has(look)) continue;
      const probe = document.createElement('div');
      probe.className = `aa-lbl ${look}`;
      probes.set(look, pane.appendChild(probe));
    }
    for (const [look, probe] of probes) {
      const s = getComputedStyle(probe);
      const smallCaps = s.fontVariantCaps === 'all-small-caps';
      const size = smallCaps && !canCaps ? `${0.7 * parseFloat(s.fontSize)}px` : s.fontSize;
      fonts.set(look, {
        font: `${s.fontStyle} ${s.fontWeight} ${size} ${s.fontFamily}`,
        spacing: parseFloat(s.letterSpacing) || 0,
        upper: (smallCaps && !canCaps) || s.textTransform === 'uppercase',
        caps: smallCaps && canCaps,
        h: parseFloat(s.lineHeight) || 1.25 * parseFloat(s.fontSize),
      });
    }
    for (const probe of probes.values()) probe.remove();
  }
  function fontOf(look: string) {
    if (!fonts.has(look)) readFonts([look]);
    return fonts.get(look)!;
  }

  /** Each label's point projected at scale 1 (see Measured), kept across set() as its size is. */
  const anchors = new WeakMap<MapLabel, { u: number; v: number }>();
  function pointOf(l: MapLabel) {
    let p = anchors.get(l);
    if (!p) {
      const at = map.options.crs!.latLngToPoint(l.at, 0);
      anchors.set(l, (p = { u: at.x / 256, v: at.y / 256 }));
    }
    return p;
  }
  /**
   * Whether a label's name could not come within VIEW_MARGIN_PX of the view at this zoom, however wide it is (a
   * character at most its line's height across): it is neither measured nor placed. The world's basemap names were
   * all measured at the first load, for the few around the story (issue #14). A name the article is about may be
   * named inside the part of its area in view, wherever its point is: never far. Every label is near while the map
   * has no size.
   */
  function far(l: MapLabel, at: Frame) {
    const { view, scale } = at;
    if (l.always || !view.w) return false;
    const f = fontOf(l.look);
    const reach = l.text.length * (f.h + f.spacing) + DOT_OFFSET_PX + VIEW_MARGIN_PX;
    const [px, py] = layerPoint(pointOf(l), at);
    const dx = reach + (l.room ? l.room.across * scale : 0);
    const dy = reach + (l.room ? l.room.radius * scale : 0);
    return px < view.x - dx || px > view.x + view.w + dx || py < view.y - dy || py > view.y + view.h + dy;
  }
  /** A point projected at scale 1 (pointOf), in layer pixels at the frame's zoom. */
  const layerPoint = ({ u, v }: { u: number; v: number }, { crsScale, origin }: Frame) => [
    Math.round(crsScale * u) - origin.x,
    Math.round(crsScale * v) - origin.y,
  ];
  /** The view in layer pixels, and what layerPoint projects with. */
  function frame() {
    const zoom = map.getZoom();
    const size = map.getSize();
    const nw = map.containerPointToLayerPoint([0, 0]);
    return {
      zoom,
      view: { x: nw.x, y: nw.y, w: size.x, h: size.y },
      scale: 2 ** zoom,
      crsScale: map.options.crs!.scale(zoom),
      origin: map.getPixelOrigin(),
    };
  }
  type Frame = ReturnType<typeof frame>;

  function measure(l: MapLabel): Measured {
    let m = sizes.get(l);
    if (m) return m;
    const f = fontOf(l.look);
    const text = f.upper ? l.text.toUpperCase() : l.text;
    let w = text.length * f.h * 0.6;
    if (ctx) {
      // Setting a font parses it: only when the look changes (the context's own value reads back normalised).
      // Setting the font sets fontVariantCaps back to normal too.
      if (font !== f.font) ((ctx.font = font = f.font), (caps = false));
      if (canCaps && caps !== f.caps) ctx.fontVariantCaps = (caps = f.caps) ? 'all-small-caps' : 'normal';
      w = ctx.measureText(text).width;
    }
    // The 2 px padding on either side that carries the white halo (styles.css .aa-lbl).
    const size = { w: Math.ceil(w + f.spacing * text.length) + 4, h: f.h };
    m = { ...size, ...pointOf(l) };
    if (l.dot) m.city = { label: { x: 0, y: 0, ...size }, dot: { x: 0, y: 0, w: 2 * DOT_PX, h: 2 * DOT_PX } };
    sizes.set(l, m);
    return m;
  }

  /** Elements for the placed labels in or near the view; the others are hidden (not removed: they come back). */
  function render() {
    const size = map.getSize();
    const nw = map.containerPointToLayerPoint([-VIEW_MARGIN_PX, -VIEW_MARGIN_PX]);
    const se = map.containerPointToLayerPoint([size.x + VIEW_MARGIN_PX, size.y + VIEW_MARGIN_PX]);
    for (const [l, node] of nodes) node.hidden = placed.get(l.id)?.label !== l;
    for (const { label, box } of placed.values()) {
      if (box.x > se.x || box.x + box.w < nw.x || box.y > se.y || box.y + box.h < nw.y) {
        const node = nodes.get(label);
        if (node) node.hidden = true;
        continue;
      }
      let node = nodes.get(label);
      if (!node) {
        node = document.createElement('div');
        node.className = `aa-lbl ${label.look}`;
        node.textContent = label.text;
        pane.appendChild(node);
        nodes.set(label, node);
      }
      node.hidden = false;
      node.style.transform = `translate(${Math.round(box.x)}px,${Math.round(box.y)}px)`;
    }
  }

  const api: LabelLayer = {
    set(next, first) {
      for (const node of nodes.values()) node.remove();
      nodes.clear();
      labels = next;
      placed = new Map();
      lead = first;
      const run = (measuring = ++runs);
      // The looks given at the start with the first labels' (the basemap's, read before the panel changes the page).
      readFonts([...looksAhead, ...new Set(next.map((l) => l.look))]);
      looksAhead = [];
      // Those near the view now; another comes near in a move, and is measured when placed.
      const at = frame();
      const step = (from: number) => {
        if (run !== measuring) return;
        for (let i = from; i < Math.min(from + MEASURE_SLICE, labels.length); i++)
          if (!far(labels[i], at)) measure(labels[i]);
        if (from + MEASURE_SLICE < labels.length) {
          setTimeout(() => step(from + MEASURE_SLICE));
          return;
        }
        measuring = 0;
        api.place(lead);
      };
      step(0);
    },

    place(first) {
      lead = first;
      if (measuring || !map.getSize().x) return;
      deferred = false;
      const at = frame();
      const { zoom, view, scale, crsScale, origin } = at;
      const top = first ? labels.filter((l) => l.id === first) : [];
      const order = top.length ? [...top, ...labels.filter((l) => l.id !== first)] : labels;
      const candidates: MapLabel[] = [];
      const points: LabelledPoint[] = [];
      // The controls' boxes in layer pixels (a layout is read here, in the names' own task, after the first paint).
      // Not before there are names: the map's first selection placed none and laid the page out in the task that
      // draws the places (issue #14).
      const blocked: Box[] = [];
      if (obstacles && labels.length) {
        const c = map.getContainer().getBoundingClientRect();
        for (const node of obstacles()) {
          const r = node.getBoundingClientRect();
          if (!r.width || !r.height || r.right <= c.left || r.left >= c.right || r.bottom <= c.top || r.top >= c.bottom)
            continue;
          blocked.push(
            toEdges({ x: r.left - c.left + view.x, y: r.top - c.top + view.y, w: r.width, h: r.height }, view),
          );
        }
      }
      const inView = (b: Box) =>
        b.x >= view.x && b.y >= view.y && b.x + b.w <= view.x + view.w && b.y + b.h <= view.y + view.h;
      for (const l of order) {
        if ((l.minZoom !== undefined && zoom < l.minZoom) || far(l, at)) continue;
        const { w, h, u, v, city } = measure(l);
        const room =
          l.room && w <= 2 * FIT_SLACK * l.room.across * scale && h <= 2 * FIT_SLACK * l.room.radius * scale
            ? l.room
            : undefined;
        if (l.room && !room && !l.always) continue;
        const [px, py] = layerPoint({ u, v }, at);
        // A city far outside the view is left out: its name could not show, nor in the margin kept for a pan,
        // and a story map zoomed in on a region placed its thousands of other names again after every move.
        const out = VIEW_MARGIN_PX + 2 * (w + DOT_OFFSET_PX);
        if (
          l.dot &&
          (px < view.x - out || py < view.y - out || px > view.x + view.w + out || py > view.y + view.h + out)
        )
          continue;
        candidates.push(l);
        // An area whose inner circle holds three lines may move its name a line up or down, out of a city's way, as
        // may an area the article is about, whatever its room (Belgium's name, off Brussels' dot).
        const shift = !!l.room && (!!l.always || 3 * h <= 2 * l.room.radius * scale);
        if (city) {
          city.label.x = px + DOT_OFFSET_PX;
          city.label.y = py - h / 2;
          city.dot.x = px - DOT_PX;
          city.dot.y = py - DOT_PX;
          points.push(city);
          continue;
        }
        let label: Box = { x: px - w / 2, y: py - h / 2, w, h };
        if (room) {
          const slack = { x: Math.max(0, room.across * scale - w / 2), y: Math.max(0, room.radius * scale - h / 2) };
          label = slideIn(label, slack, view, blocked);
        } else if (l.always) {
          // A name wider than its area (an island at the map's edge) may slide along its row as long as it still
          // spans its point: New Caledonia's, cut by the right edge of a world map, went unnamed.
          label = slideIn(label, { x: Math.max(0, w / 2 - DOT_PX), y: 0 }, view, blocked);
        }
        // An area the article is about whose point is out of view (or whose name the edge still cuts) is named inside
        // the part of it that shows (Canada around Toronto), if that part holds a line of text: not slid to the edge
        // nearest its point.
        if (
          l.always &&
          l.shape &&
          (px < view.x || py < view.y || px > view.x + view.w || py > view.y + view.h || !inView(label))
        ) {
          if (!viewPoints) {
            // Placed again once loaded (a task later); meanwhile this name waits, as it would for a move.
            loadingViewPoints ??= loadViewLabelPoint().then(
              (m) => (viewPoints = m),
              // Not loaded (an embed's script beside it missing): the name falls back as a name whose area is out of
              // view, and the map still completes.
              () => (viewPoints = { projectArea: () => [], viewLabelPoint: () => null }),
            );
            void loadingViewPoints.then(() => api.place(lead));
            deferred = true;
            candidates.pop();
            continue;
          }
          let projected = shapes.get(l);
          if (!projected) shapes.set(l, (projected = viewPoints.projectArea(l.shape)));
          const inset = VIEW_INSET_PX;
          const p = viewPoints.viewLabelPoint(projected, crsScale, origin, {
            x: view.x + inset,
            y: view.y + inset,
            w: view.w - 2 * inset,
            h: view.h - 2 * inset,
          });
          if (p && 2 * p.radius >= h) {
            label = slideIn({ x: p.x - w / 2, y: p.y - h / 2, w, h }, { x: p.radius, y: p.radius }, view, blocked);
            points.push({ label, shift: true });
            continue;
          }
        }
        points.push({ label, shift });
      }
      const sides: LabelSide[] = declutterLabels(points, view, blocked);
      placed = new Map();
      sides.forEach((side, i) => {
        if (!side) return;
        placed.set(candidates[i].id, { label: candidates[i], box: sideBox(points[i], side) });
      });
      render();
      onPlaced?.();
    },

    shown: (id) => placed.has(id),
    settled: () => !measuring && !deferred,

    remove() {
      map.off('moveend', again);
      pane.remove();
    },
  };
  // After a pan or a zoom the names are placed again: a name the map's edge cut may now show, or go to the
  // other side of its dot (issue #14: Baku's name at the phone's right edge).
  const again = () => api.place(lead);
  map.on('moveend', again);
  return api;
}
