// Hosts the Leaflet map in a Preact component and wires it to the model: layer → features, selection →
// highlight and fly-to (except when the click came from the map itself), map click → selection.
import { effect } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { createArticleMap, type ArticleMapOptions } from '../map/create-article-map.ts';
import type { BasemapData } from '../map/decode-basemap.ts';
import { MapLegend } from './MapLegend.tsx';

export interface MapViewProps {
  model: Model;
  basemap: Promise<BasemapData | null>;
  tiles?: ArticleMapOptions['tiles'];
}

export function MapView({ model, basemap, tiles }: MapViewProps) {
  const el = useRef<HTMLDivElement>(null);
  // A layout effect, not useEffect: a widget unmounted before the next paint (a host that removes the
  // element at once) would otherwise create its map after the unmount and leak its window listener.
  useLayoutEffect(() => {
    const map = createArticleMap(el.current!, { onSelect: (id) => model.select(id, 'map'), tiles });
    let alive = true;
    if (!tiles) basemap.then((data) => alive && data && map.setBasemap(data));
    const stopLayer = effect(() => {
      const layer = model.layer.value;
      if (!layer) return;
      map.setLayer(layer);
      model.drawn.value = model.drawn.peek() + 1;
    });
    const stopFit = effect(() => {
      if (model.fitRequest.value) map.fit(true);
    });
    // The highlight and fly-to follow `marked`, a frame after the passages are shown (mount-widget.tsx).
    const stopSelection = effect(() => {
      model.layer.value; // re-apply the highlight after a correction redraws the features
      map.setSelected(model.marked.value, model.origin.peek() !== 'map');
    });
    return () => {
      alive = false;
      stopLayer();
      stopSelection();
      stopFit();
      map.destroy();
    };
  }, []);
  return (
    <div class="aa-mapbox">
      <div class="aa-map" ref={el} aria-label="Map of the places in the article" role="region" />
      <MapLegend model={model} />
      <p class="aa-attrib">
        Places © <a href="https://www.geonames.org/">GeoNames</a>, <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> · Made with <a href="https://www.naturalearthdata.com/">Natural Earth</a>
        {tiles?.attribution && ` · ${tiles.attribution}`}
      </p>
    </div>
  );
}
