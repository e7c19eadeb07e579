// mountWidget(container, options) → handle: the widget without the explorer's editing tools, shared by
// the explorer's mount() and the <article-atlas> embed (issue #5). One signals model per call; loads the
// layer (object, JSON text or URL) and the optional basemap; reports reader selections and readiness.
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { LabelPoint } from '../core/label-point.ts';
import type { ArticleLayer, LayerFeature } from '../core/types.ts';
import { App } from './components/App.tsx';
import type { BasemapSource } from './components/MapView.tsx';
import type { ViewOptions } from './components/view-options.ts';
import { fetchJson, isCell, readJson, type BasemapData } from './map/basemap-transform.ts';
import { createModel, type Model } from './model/create-model.ts';
import type { PlaceResolver } from './model/layer-io.ts';
import { loadStoryParts } from './load-story-parts.ts';
import { readerInSlices } from './model/validate-layer.ts';

export interface WidgetOptions {
  /** The layer as an object or its JSON text (kept byte for byte for export). */
  layer?: ArticleLayer | string;
  /**
   * The label points of the first layer's areas, read (readLabelPoints) from what `article-atlas build` writes into
   * its page beside the layer (`aa-labels`, src/export/site-files.ts): taken instead of computed (issue #14).
   */
  labelPoints?: Map<string, LabelPoint>;
  /** URL of a layer file, fetched when `layer` is not given. */
  src?: string;
  /** URL of the basemap written by the build (`basemap.json`) or its data; none by default. */
  basemap?: string | BasemapData;
  /** Feature id to select first. */
  place?: string;
  /** Raster tiles instead of the bundled basemap; the only way the widget talks to another host. */
  tiles?: { url: string; attribution?: string };
  /** Where a corrected place lies when its candidate carries no anchor (e.g. a gazetteer lookup). */
  resolvePlace?: PlaceResolver;
  /** Show the article text pane (default true). */
  text?: boolean;
  /** Called when the reader selects a place (map, list, text) or clears it; not for select() calls. */
  onSelect?(feature: LayerFeature | null): void;
  /** Called once, when the map has drawn the first layer. */
  onReady?(): void;
}

/** What a host can do with a mounted widget (issue #5). */
export interface WidgetHandle {
  /** Selects a place by feature id; false when the loaded layer has no such place. */
  select(id: string): boolean;
  clearSelection(): void;
  /** Frames the places the article is about again (the layer's `focus`), as the first view does. */
  fit(): void;
  unmount(): void;
}

/** The explorer's additions (tools, correction, URL sync); kept out so the embed bundle stays small. */
export interface WidgetExtras {
  view?: Partial<Omit<ViewOptions, 'text'>>;
  /** Runs after the model exists and before the first render; returns a cleanup. */
  setup?(model: Model): () => void;
}

/**
 * Renders the widget into `container` and returns a handle to drive it.
 * @example const w = mountWidget(el, { src: 'layer.geojson', text: false }); w.select('geonames:587084')
 */
export function mountWidget(container: HTMLElement, options: WidgetOptions, extras: WidgetExtras = {}): WidgetHandle {
  const model = createModel(options.resolvePlace);
  const aborter = new AbortController();
  const { signal } = aborter;
  const cleanups: Array<() => void> = [() => aborter.abort()];

  // A story map (issue #18): the map and lists show the collection's articles that are chosen and in range.
  if (options.src) model.base.value = new URL(options.src, location.href).href;
  // Its code is loaded with the first collection, so a single article's page does not carry it.
  cleanups.push(
    effect(() => {
      const c = model.collection.value;
      const parts = model.storyParts.value;
      if (c && parts)
        model.layer.value = parts.collectionView(
          c,
          parts.visibleArticles(c.articles, model.chosen.value, model.range.value),
          parts.collectionName(model.base.value),
        );
      else if (c)
        loadStoryParts().then(
          (p) => !signal.aborted && (model.storyParts.value = p),
          (e: Error) =>
            !signal.aborted && (model.error.value = { message: `The story map did not load (${e.message}).` }),
        );
    }),
  );
  // Every way a layer enters goes through the validator an opened file goes through (issue #19): a page's
  // own layer.geojson, an embed's src and a host's object are no more trusted than a dropped file. The
  // validator is part of the first load (issue #14): a lazy chunk cost a task and a round trip before the
  // places could be drawn, even when the layer was already in the page.
  const text =
    options.layer !== undefined
      ? Promise.resolve(
          typeof options.layer === 'string' ? options.layer : JSON.stringify(options.layer, null, 2) + '\n',
        )
      : options.src
        ? fetch(options.src, { signal }).then((r) =>
            r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`)),
          )
        : undefined;
  // No layer coming (a host that sets one later): nothing to paint first, the panel shows at once.
  if (!text) model.controlsReady.value = model.panelReady.value = true;
  text
    ?.then(async (t) => {
      const read = await readerInSlices(t);
      if (!signal.aborted) model.load(t, read);
    })
    .catch((e: Error) => {
      if (!signal.aborted)
        model.error.value = { message: `The article layer did not load (${e.message}). Open a layer file instead.` };
    });
  // Asked for once the places are painted (MapView), once.
  let basemapData: Promise<BasemapData | null> | undefined;
  /**
   * The answer to what the first view needs has begun (the index's headers are in, or the first of its cells' when
   * the index is in hand), or there is nothing to fetch.
   */
  let answered = true;
  /** A fetch whose answer, once begun, says `answered`. */
  const fetchAnswered = (url: string) => {
    answered = false;
    const response = fetch(url, { signal });
    void response.then(
      () => (answered = true),
      () => (answered = true),
    );
    return response;
  };
  const fetchBasemap = (filesFor?: (held: Set<string>) => string[]) => {
    if (basemapData) return basemapData;
    if (typeof options.basemap !== 'string') {
      // Data with some cells in hand (the page's first view's, main.tsx): the files of the view's others are asked
      // for now, relative to its url, as with an index fetched below.
      const data = options.basemap && { ...options.basemap, early: new Map(options.basemap.early) };
      if (data?.url && data.grid)
        for (const f of filesFor?.(new Set(data.cells?.filter(isCell).map(([col, row]) => `${col}_${row}`))) ?? [])
          if (!data.early.has(f)) data.early.set(f, readJson(fetchAnswered(new URL(f, data.url).href)));
      return (basemapData = Promise.resolve(data ?? null));
    }
    // The first view's cells with the index, not after it: a second round trip, each waiting behind the page's
    // tasks (issue #14). Their files are relative to the index, as readCells reads the others.
    const url = new URL(options.basemap, document.baseURI).href;
    const response = fetchAnswered(url);
    basemapData = response
      .then((r) => (r.ok ? r.json().then((d: BasemapData) => ({ ...d, url: r.url, early })) : null))
      .catch(() => null);
    const early = new Map((filesFor?.(new Set()) ?? []).map((f) => [f, fetchJson(new URL(f, url).href)] as const));
    return basemapData;
  };
  const basemap: BasemapSource = Object.assign(fetchBasemap, { answered: () => answered });

  // The secondary views (map outline and fly-to, text and list highlights, mention strip) follow a selection
  // after the frame that shows its passages, one frame late: their restyle no longer holds up that frame
  // (issue #4: click → passages ≤ 16 ms). A newer selection within the frame replaces the pending one.
  let frame = 0;
  cleanups.push(
    effect(() => {
      model.selectedId.value;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTimeout(() => (model.marked.value = model.selectedId.peek())));
    }),
    () => cancelAnimationFrame(frame),
  );
  if (extras.setup) cleanups.push(extras.setup(model));
  else if (options.place) model.select(options.place, 'api');

  const { onSelect, onReady } = options;
  if (onSelect) {
    let last: string | null = model.selectedId.peek();
    cleanups.push(
      effect(() => {
        const feature = model.selected.value;
        const id = feature?.id ?? null;
        if (id === last) return;
        last = id;
        const from = model.origin.peek();
        if (from !== 'api' && from !== 'url') onSelect(feature);
      }),
    );
  }
  if (onReady) {
    let fired = false;
    cleanups.push(
      effect(() => {
        if (model.drawn.value && !fired) {
          fired = true;
          onReady();
        }
      }),
    );
  }

  const view: ViewOptions = { embedded: true, ...extras.view, text: options.text ?? true };
  render(
    <App model={model} basemap={basemap} tiles={options.tiles} labels={options.labelPoints} view={view} />,
    container,
  );
  return {
    select(id) {
      // Before the layer has loaded the id is kept and checked when it arrives (load() drops unknown ids).
      const layer = model.layer.peek();
      const ok = !layer || layer.features.some((f) => f.id === id && f.geometry);
      if (ok) model.select(id, 'api');
      return ok;
    },
    clearSelection: () => model.select(null, 'api'),
    fit: () => (model.fitRequest.value = { scope: 'focus' }),
    unmount() {
      render(null, container);
      for (const c of cleanups) c();
    },
  };
}
