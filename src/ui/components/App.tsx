// The explorer layout (issue #4, DESIGN.md §6): the map on the left (~60%), a side panel with the
// passages of the selected place, the place list and the article text; stacked under 720 px.
// Also the drop target for layer files, and the live region announcing the selection.
import type { Model } from '../model/create-model.ts';
import { ArticleText } from './ArticleText.tsx';
import { MapView, type MapViewProps } from './MapView.tsx';
import { PassagesPanel } from './PassagesPanel.tsx';
import { PlaceList } from './PlaceList.tsx';
import { Toolbar } from './Toolbar.tsx';

export function App(props: MapViewProps) {
  const { model } = props;
  const layer = model.layer.value;
  const error = model.error.value;
  const drop = async (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    model.load(await file.text());
  };
  return (
    <div class="aa-app" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      <MapView {...props} />
      <div class="aa-panel">
        <header class="aa-head">
          <p class="aa-kicker">Places in this article</p>
          <h2 class="aa-title">{layer?.title ?? (error ? 'No layer to show' : 'Loading the article…')}</h2>
          <Toolbar model={model} />
        </header>
        <div class="aa-sr" aria-live="polite" role="status">
          {model.announcement.value}
        </div>
        {error && <Problem model={model} />}
        {layer && !model.rows.value.length && (
          <div class="aa-empty">
            <p><strong>No places found in this article.</strong></p>
            <p>Try a longer article, or open a layer file made with <code>article-atlas parse</code>.</p>
          </div>
        )}
        {layer && model.rows.value.length > 0 && <PassagesPanel model={model} />}
        {layer && model.rows.value.length > 0 && <PlaceList model={model} />}
        <ArticleText model={model} />
      </div>
    </div>
  );
}

function Problem({ model }: { model: Model }) {
  return (
    <div class="aa-empty" role="alert">
      <p><strong>This file is not a layer.</strong></p>
      <p>{model.error.value}</p>
      {model.layer.value && (
        <button type="button" class="aa-btn" onClick={() => (model.error.value = null)}>Keep the current layer</button>
      )}
    </div>
  );
}
