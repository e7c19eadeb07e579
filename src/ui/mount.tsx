// mount(container, options) → unmount(): the public entry of the explorer widget (issue #4). Builds one
// signals model per call, loads the layer (object, JSON text or URL) and optional basemap, syncs the
// selection with `#place=<id>` when asked, and removes every listener it added on unmount.
import { effect } from '@preact/signals';
import { render } from 'preact';
import type { ArticleLayer } from '../core/types.ts';
import { App } from './components/App.tsx';
import type { BasemapData } from './map/decode-basemap.ts';
import { createModel } from './model/create-model.ts';
import type { PlaceResolver } from './model/layer-io.ts';

export interface MountOptions {
  /** The layer as an object or its JSON text (kept byte for byte for export). */
  layer?: ArticleLayer | string;
  /** URL of a layer file, fetched when `layer` is not given. */
  src?: string;
  /** URL of the basemap written by the build (`basemap.json`) or its data; none by default. */
  basemap?: string | BasemapData;
  /** Feature id to select first. */
  place?: string;
  /** Raster tiles instead of the bundled basemap; the only way the widget talks to another host. */
  tiles?: { url: string; attribution?: string };
  /** Keep the selection in `location.hash` as `#place=<id>` (one widget per page should own the URL). */
  hash?: boolean;
  /** Where a corrected place lies when its candidate carries no anchor (e.g. a gazetteer lookup). */
  resolvePlace?: PlaceResolver;
}

const HASH_KEY = '#place=';

/**
 * Renders the explorer into `container`.
 * @example const unmount = mount(document.getElementById('app')!, { src: 'layer.geojson', basemap: 'basemap.json', hash: true })
 */
export function mount(container: HTMLElement, options: MountOptions): () => void {
  const model = createModel(options.resolvePlace);
  const aborter = new AbortController();
  const { signal } = aborter;
  const cleanups: Array<() => void> = [() => aborter.abort()];

  if (options.layer !== undefined) {
    model.load(typeof options.layer === 'string' ? options.layer : JSON.stringify(options.layer, null, 2) + '\n');
  } else if (options.src) {
    fetch(options.src, { signal })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))))
      .then((text) => model.load(text))
      .catch((e: Error) => {
        if (!signal.aborted) model.error.value = `Could not load the article layer (${e.message}). Open a layer file instead.`;
      });
  }
  const basemap: Promise<BasemapData | null> =
    typeof options.basemap === 'string'
      ? fetch(options.basemap, { signal }).then((r) => (r.ok ? r.json() : null)).catch(() => null)
      : Promise.resolve(options.basemap ?? null);

  if (options.hash) {
    const fromUrl = () => {
      const h = location.hash;
      model.select(h.startsWith(HASH_KEY) ? decodeURIComponent(h.slice(HASH_KEY.length)) : null, 'url');
    };
    fromUrl();
    if (!model.selectedId.peek() && options.place) model.select(options.place, 'url');
    addEventListener('popstate', fromUrl);
    addEventListener('hashchange', fromUrl);
    cleanups.push(() => {
      removeEventListener('popstate', fromUrl);
      removeEventListener('hashchange', fromUrl);
    });
    // A reader's selection becomes a history entry, so back/forward step through what they looked at.
    cleanups.push(
      effect(() => {
        const id = model.selectedId.value;
        if (model.origin.peek() === 'url') return;
        const want = id ? HASH_KEY + encodeURIComponent(id) : '';
        if (want !== location.hash) history.pushState(null, '', want || location.pathname + location.search);
      }),
    );
  } else if (options.place) {
    model.select(options.place, 'api');
  }

  render(<App model={model} basemap={basemap} tiles={options.tiles} />, container);
  return () => {
    render(null, container);
    for (const c of cleanups) c();
  };
}
