// Hosts the Leaflet map in a Preact component and wires it to the model: layer → features, selection →
// highlight and fly-to (except when the click came from the map itself), map click → selection.
import { effect } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { createArticleMap, type ArticleMapOptions } from '../map/create-article-map.ts';
import type { LabelPoint } from '../../core/label-point.ts';
import type { BasemapData } from '../map/basemap-transform.ts';
import { setCountryNames } from '../model/kind-group.ts';
import { MapLegend } from './MapLegend.tsx';

/**
 * The basemap's data (null when it fails or there is none), asked for once the article's places are painted, with
 * the files of its cells in the view but those it holds (`held`, keys `col_row`: BasemapData.cells), to ask for at
 * once (BasemapData.early); `answered`: whether its answer has begun (headers in).
 */
export type BasemapSource = ((filesFor?: (held: Set<string>) => string[]) => Promise<BasemapData | null>) & {
  answered?(): boolean;
};

export interface MapViewProps {
  model: Model;
  basemap: BasemapSource;
  tiles?: ArticleMapOptions['tiles'];
  /** The first layer's area label points, computed before (the page's `aa-labels`; WidgetOptions.labelPoints). */
  labels?: Map<string, LabelPoint>;
}

/**
 * How long after the frame that paints the first places the panel waits at most for the complete map, when the
 * basemap's answer has begun. The seed's map is complete 50–100 ms after its places on the 2-core development
 * machine, served locally.
 */
const PANEL_WAIT_MS = 300;
/** How long after that frame the basemap's answer may take to begin before the panel stops waiting for it. */
const ANSWER_WAIT_MS = 100;

/**
 * The first view frames what the article is about (issue #14): "Show all places" frames every place it
 * names while some lie outside the view; once they are all in it, the button takes the view back (so the
 * button a keyboard user pressed stays where it was).
 */
function FitButton({ model }: { model: Model }) {
  const all = model.outside.value === 0;
  if (all && model.fitRequest.value?.scope !== 'all') return null;
  return (
    <button
      type="button"
      class="aa-btn aa-showall"
      onClick={() => (model.fitRequest.value = { scope: all ? 'focus' : 'all' })}
    >
      {all ? 'Back to the main places' : 'Show all places'}
    </button>
  );
}

/** "Show all places" and the legend, after the frame that paints the places (the panel follows the basemap). */
function MapControls({ model }: { model: Model }) {
  return model.controlsReady.value ? (
    <>
      <FitButton model={model} />
      <MapLegend model={model} />
    </>
  ) : null;
}

export function MapView({ model, basemap, tiles, labels }: MapViewProps) {
  const el = useRef<HTMLDivElement>(null);
  // A layout effect, not useEffect: a widget unmounted before the next paint (a host that removes the
  // element at once) would otherwise create its map after the unmount and leak its window listener.
  useLayoutEffect(() => {
    let alive = true;
    // The basemap's data, asked for once the first places are drawn (below); null when it fails or there is none.
    let data: Promise<BasemapData | null> | undefined;
    // After the frame that paints the complete map (or once the layer has failed to load, or when the basemap is
    // slow to come, below): the panel, then in tasks of their own the place list and the article text (issue #14).
    // The list waits for the basemap's data too: its country names spare the page Intl.DisplayNames (kind-group.ts).
    let shown = 0;
    /** The first panel's wait for the complete map (below). */
    let panelTimer: ReturnType<typeof setTimeout> | undefined;
    const showPanel = () => {
      clearTimeout(panelTimer);
      cancelAnimationFrame(shown);
      shown = requestAnimationFrame(() =>
        setTimeout(() => {
          if (!alive) return;
          model.panelReady.value = true;
          void (data ?? Promise.resolve(null)).then((d) => {
            if (!alive) return;
            setCountryNames(d?.countryNames);
            model.mapPainted.value = true;
            setTimeout(() => alive && (model.textReady.value = true));
          });
        }),
      );
    };
    const map = createArticleMap(el.current!, {
      onSelect: (id) => model.select(id, 'map'),
      tiles,
      onView: (n) => (model.outside.value = n),
      onComplete: showPanel,
    });
    // Places first (issue #14): after the frame that paints the article's places (or once the layer has failed
    // to load) the names go on the map (create-article-map.ts) with its controls, then the basemap, then the panel
    // (above), so that neither the basemap's thousands of paths nor the panel hold up the first view. The basemap is
    // fetched after that frame too: asked for beside the page's scripts (a preload) or while they ran, its response
    // and decoding competed with them (issue #14).
    let placesDrawn: () => void = () => {};
    const placesPainted = new Promise<void>((resolve) => {
      placesDrawn = () => {
        // Asked for once the places are drawn, before the frame that paints them: the index and the files of the
        // cells in the view (build.mjs writes one per cell), ~20 KB, travel during that paint and the names' task;
        // read after them. A built site's page carries the index and those cells (main.tsx): nothing to ask for.
        data ??= basemap(tiles ? undefined : (held) => map.basemapFiles(held));
        requestAnimationFrame(() => {
          // The map's controls, in the first task after that paint.
          setTimeout(() => (model.controlsReady.value = true));
          setTimeout(() => {
            // A basemap whose answer has not begun ANSWER_WAIT_MS after the places' frame (a slow network: a round
            // trip or more to go) would hold up the first panel with it: the panel then comes while the page waits for
            // it (under Lighthouse's slow 4G a plain wait cost the header ~300 ms). Else it waits for the complete map,
            // PANEL_WAIT_MS more at most.
            if (!model.panelReady.peek() && !panelTimer)
              panelTimer = setTimeout(() => {
                if (basemap.answered?.() === false) showPanel();
                else panelTimer = setTimeout(showPanel, PANEL_WAIT_MS);
              }, ANSWER_WAIT_MS);
            void data!.then(() => resolve());
          });
        });
      };
    });
    if (!tiles) placesPainted.then(() => basemap()).then((data) => alive && map.setBasemap(data));
    const stopError = effect(() => {
      if (!model.error.value) return;
      placesDrawn();
      showPanel();
    });
    const stopLayer = effect(() => {
      const layer = model.layer.value;
      if (!layer) return;
      // The label points are the page's own layer's, the first to arrive; a layer opened or corrected later
      // computes its own.
      map.setLayer(layer, labels);
      labels = undefined;
      model.drawn.value = model.drawn.peek() + 1;
      placesDrawn();
    });
    const stopFit = effect(() => {
      const request = model.fitRequest.value;
      if (request) map.fit(true, request.scope);
    });
    // The highlight and fly-to follow `marked`, a frame after the passages are shown (mount-widget.tsx).
    const stopSelection = effect(() => {
      model.layer.value; // re-apply the highlight after a correction redraws the features
      map.setSelected(model.marked.value, model.origin.peek() !== 'map');
    });
    return () => {
      alive = false;
      clearTimeout(panelTimer);
      cancelAnimationFrame(shown);
      stopError();
      stopLayer();
      stopSelection();
      stopFit();
      map.destroy();
    };
  }, []);
  return (
    <div class="aa-mapbox">
      <div class="aa-map" ref={el} aria-label="Map of the places in the article" role="region" />
      <MapControls model={model} />
      <p class="aa-attrib">
        Places © <a href="https://www.geonames.org/">GeoNames</a>,{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> · Made with{' '}
        <a href="https://www.naturalearthdata.com/">Natural Earth</a>
        {tiles?.attribution && ` · ${tiles.attribution}`}
      </p>
    </div>
  );
}
