// mount(container, options) → unmount(): the public entry of the explorer widget (issue #4): the shared
// widget of mount-widget.tsx plus the explorer's tools (open a file, hand correction, the Embed dialog)
// and the selection kept in `#place=<id>` when asked. Removes every listener it added on unmount.
import { effect, signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import type { PlaceHit } from '../core/search-places.ts';
import type { ArticleLayer } from '../core/types.ts';
import { Correction } from './components/Correction.tsx';
import { ExplorerTools, LayerNotice, openLayerFile } from './components/ExplorerTools.tsx';
import type { ViewOptions } from './components/view-options.ts';
import type { Model } from './model/create-model.ts';
import { mountWidget, type WidgetHandle, type WidgetOptions } from './mount-widget.tsx';

/** Review mode (issue #17): add missed places, remove single mentions, undo. See src/ui/review/README.md. */
export interface ReviewOptions {
  /** The gazetteer places a name may mean, best first (the studio runs searchPlaces in its worker). */
  search(query: string): Promise<PlaceHit[]>;
}

export interface MountOptions extends WidgetOptions {
  /** Keep the selection in `location.hash` as `#place=<id>` (one widget per page should own the URL). */
  hash?: boolean;
  /** Folder URL of the built site: the toolbar then offers the Embed dialog with snippets for it. */
  embedBase?: string;
  /**
   * Folder URL (relative to the page or absolute) of a built explorer site with its `site-files.json`
   * manifest: the toolbar then offers "Download site (.zip)", that site with the current layer (issue #17).
   */
  siteBase?: string;
  /** Turns on review mode; its code is a lazy chunk, loaded only when this is given. */
  review?: ReviewOptions;
  /** Called with the new layer after every hand edit ("Wrong place?", add, remove) and every undo. */
  onChange?(layer: ArticleLayer): void;
}

/** What the review chunk gives the explorer's view slots (src/ui/review/start-review.tsx). */
interface ReviewParts {
  Review: NonNullable<ViewOptions['Review']>;
  MentionTools: NonNullable<ViewOptions['MentionTools']>;
  stop(): void;
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
  // The review chunk's components, once loaded: the view's slots render them from this signal.
  const review = signal<ReviewParts | null>(null);
  const slot =
    <P,>(pick: (r: ReviewParts) => ComponentType<P>): ComponentType<P> =>
    (props) => {
      const Part = review.value && pick(review.value);
      return Part ? <Part {...(props as P & object)} /> : null;
    };
  return mountWidget(container, options, {
    view: {
      embedded: false,
      Correction,
      Tools: ExplorerTools,
      embedBase: options.embedBase,
      siteBase: options.siteBase === undefined ? undefined : new URL(options.siteBase, location.href).href,
      open: openLayerFile,
      Notice: LayerNotice,
      ...(options.review && { Review: slot((r) => r.Review), MentionTools: slot((r) => r.MentionTools) }),
    },
    setup: (model) => {
      const stopHash = syncHash(model, options);
      const { onChange } = options;
      // A host's failing handler must not stop the edit it is told of.
      if (onChange)
        model.editListeners.push((_, after) => {
          try {
            onChange(after);
          } catch (e) {
            console.error(e);
          }
        });
      let stopped = false;
      if (options.review) {
        const given = options.review;
        import('./review/start-review.tsx').then(
          (m) => !stopped && (review.value = m.startReview(model, given, container)),
          (e: Error) =>
            (model.error.value = { title: 'Review could not start', message: `${e.message}. Reload the page.` }),
        );
      }
      return () => {
        stopped = true;
        review.peek()?.stop();
        stopHash();
      };
    },
  });
}

function syncHash(model: Model, options: MountOptions): () => void {
  if (!options.hash) {
    if (options.place) model.select(options.place, 'api');
    return () => {};
  }
  // `#place=<id>`, and for a story map (issue #18) its view too, so a link reproduces it: `shown=<id>,<id>`
  // (the articles chosen), `from=<day>&to=<day>` (the timeline's range, `to` not included) and
  // `article=<id>` (the open text). A link with an article and no `shown` shows that article alone; `all`
  // says every article is shown beside an open one.
  let applying = false;
  const fromUrl = () => {
    // URLSearchParams never throws on a malformed escape (`#place=%`): it then names no place (issue #19).
    const params = new URLSearchParams(location.hash.slice(1));
    applying = true;
    const article = params.get('article');
    if (article !== model.article.peek()) model.article.value = article;
    const shown = params.get('shown');
    model.chosen.value =
      shown !== null
        ? new Set(shown.split(',').filter(Boolean))
        : article && !params.has('all')
          ? new Set([article])
          : null;
    const from = Date.parse(params.get('from') ?? '');
    const to = Date.parse(params.get('to') ?? '');
    model.range.value = from < to ? [from, to] : null;
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
  // The first run sees the view just read from the URL: nothing to push.
  let lastView: string | undefined;
  const stop = effect(() => {
    const id = model.selectedId.value;
    const article = model.article.value;
    const chosen = model.chosen.value;
    const range = model.range.value;
    const n = ++push;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const view = [
      chosen && `shown=${[...chosen].sort().map(encodeURIComponent).join(',')}`,
      !chosen && article && 'all',
      range && `from=${day(range[0])}&to=${day(range[1])}`,
      article && `article=${encodeURIComponent(article)}`,
    ]
      .filter(Boolean)
      .join('&');
    const sameView = lastView === undefined || view === lastView;
    lastView = view;
    if (applying || (model.origin.peek() === 'url' && sameView)) return;
    const hash = [view, id && HASH_KEY.slice(1) + encodeURIComponent(id)].filter(Boolean).join('&');
    const want = hash && '#' + hash;
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
