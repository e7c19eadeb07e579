// mount(container, options) → unmount(): the public entry of the explorer widget (issue #4): the shared
// widget of mount-widget.tsx plus the explorer's tools (open a file, hand correction, the Embed dialog)
// and the selection kept in `#place=<id>` when asked. Removes every listener it added on unmount.
import { effect } from '@preact/signals';
import { Correction } from './components/Correction.tsx';
import { ExplorerTools, LayerNotice, openLayerFile } from './components/ExplorerTools.tsx';
import type { Model } from './model/create-model.ts';
import { mountWidget, type WidgetHandle, type WidgetOptions } from './mount-widget.tsx';

export interface MountOptions extends WidgetOptions {
  /** Keep the selection in `location.hash` as `#place=<id>` (one widget per page should own the URL). */
  hash?: boolean;
  /** Folder URL of the built site: the toolbar then offers the Embed dialog with snippets for it. */
  embedBase?: string;
}

const HASH_KEY = '#place=';

/**
 * Renders the explorer into `container`.
 * @example const unmount = mount(document.getElementById('app')!, { src: 'layer.geojson', basemap: 'basemap.json', hash: true })
 */
export function mount(container: HTMLElement, options: MountOptions): () => void {
  return mountExplorer(container, options).unmount;
}

/**
 * The explorer with a handle (select, clearSelection, fit) as the embed has.
 * @example mountExplorer(el, { src: 'layer.geojson' }).select('geonames:587084')
 */
export function mountExplorer(container: HTMLElement, options: MountOptions): WidgetHandle {
  return mountWidget(container, options, {
    view: {
      embedded: false,
      Correction,
      Tools: ExplorerTools,
      embedBase: options.embedBase,
      open: openLayerFile,
      Notice: LayerNotice,
    },
    setup: (model) => syncHash(model, options),
  });
}

function syncHash(model: Model, options: MountOptions): () => void {
  if (!options.hash) {
    if (options.place) model.select(options.place, 'api');
    return () => {};
  }
  // `#place=<id>`, and for a story map `#article=<id>&place=<id>` (issue #18): the article opens and the
  // map shows it alone.
  let applying = false;
  const fromUrl = () => {
    // URLSearchParams never throws on a malformed escape (`#place=%`): it then names no place (issue #19).
    const params = new URLSearchParams(location.hash.slice(1));
    applying = true;
    const article = params.get('article');
    if (article !== model.article.peek()) model.article.value = article;
    if (article) model.chosen.value = new Set([article]);
    model.select(params.get('place'), 'url');
    applying = false;
  };
  fromUrl();
  if (!model.selectedId.peek() && options.place) model.select(options.place, 'url');
  addEventListener('popstate', fromUrl);
  addEventListener('hashchange', fromUrl);
  // A reader's selection becomes a history entry, so back/forward step through what they looked at.
  // pushState is slow enough to show, so it runs after the frame that shows the passages (issue #4); a newer
  // selection, or one read from the URL, cancels a pending push.
  let push = 0;
  let lastArticle = model.article.peek();
  const stop = effect(() => {
    const id = model.selectedId.value;
    const article = model.article.value;
    const n = ++push;
    const sameArticle = article === lastArticle;
    lastArticle = article;
    if (applying || (model.origin.peek() === 'url' && sameArticle)) return;
    const parts = [
      article && `article=${encodeURIComponent(article)}`,
      id && HASH_KEY.slice(1) + encodeURIComponent(id),
    ].filter(Boolean);
    const want = parts.length ? '#' + parts.join('&') : '';
    requestAnimationFrame(() =>
      setTimeout(
        () =>
          n === push &&
          want !== location.hash &&
          history.pushState(null, '', want || location.pathname + location.search),
      ),
    );
  });
  return () => {
    removeEventListener('popstate', fromUrl);
    removeEventListener('hashchange', fromUrl);
    push = -1;
    stop();
  };
}
