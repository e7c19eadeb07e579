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

/**
 * The place id in a `#place=` value. A malformed escape (`#place=%`, typed or pasted) names no place: it
 * selects nothing instead of throwing, which used to leave a blank page (issue #19).
 */
function placeOfHash(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function syncHash(model: Model, options: MountOptions): () => void {
  if (!options.hash) {
    if (options.place) model.select(options.place, 'api');
    return () => {};
  }
  const fromUrl = () => {
    const h = location.hash;
    model.select(h.startsWith(HASH_KEY) ? placeOfHash(h.slice(HASH_KEY.length)) : null, 'url');
  };
  fromUrl();
  if (!model.selectedId.peek() && options.place) model.select(options.place, 'url');
  addEventListener('popstate', fromUrl);
  addEventListener('hashchange', fromUrl);
  // A reader's selection becomes a history entry, so back/forward step through what they looked at.
  // pushState is slow enough to show, so it runs after the frame that shows the passages (issue #4); a newer
  // selection, or one read from the URL, cancels a pending push.
  let push = 0;
  const stop = effect(() => {
    const id = model.selectedId.value;
    const n = ++push;
    if (model.origin.peek() === 'url') return;
    const want = id ? HASH_KEY + encodeURIComponent(id) : '';
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
