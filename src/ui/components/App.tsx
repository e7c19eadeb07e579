// The explorer layout (issue #4, DESIGN.md §6): the map on the left (~60%), a side panel with the
// passages of the selected place, the place list and the article text; stacked under 720 px.
// Also the drop target for layer files, and the live region announcing the selection.
import type { Model } from '../model/create-model.ts';
import { ArticleSource } from './ArticleSource.tsx';
import { ArticleText } from './ArticleText.tsx';
import { MapView, type MapViewProps } from './MapView.tsx';
import { PassagesPanel } from './PassagesPanel.tsx';
import { PlaceList } from './PlaceList.tsx';
import { Toolbar } from './Toolbar.tsx';
import type { ViewOptions } from './view-options.ts';

export function App(props: MapViewProps & { view: ViewOptions }) {
  const { model, view } = props;
  const layer = model.layer.value;
  const error = model.error.value;
  // A story map (issue #18): its panel comes with the story map's code (load-story-parts.ts), once a
  // collection has arrived.
  const parts = model.storyParts.value;
  const story = parts && model.collection.value;
  const open = view.open;
  const drop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (!file || !open) return;
    e.preventDefault();
    open(model, file);
  };
  // .aa-root is the size container: the layout follows the widget's width, not the window's (issue #5).
  return (
    <div class="aa-root">
      <div
        class={`aa-app${view.embedded ? ' aa-embedded' : ''}`}
        onDragOver={open && ((e) => e.preventDefault())}
        onDrop={open && drop}
      >
        <MapView model={model} basemap={props.basemap} tiles={props.tiles} labels={props.labels} />
        <div class="aa-panel">
          {/* Empty until the frame that paints the complete map: the page's first layout (Leaflet reads the map's
              size as it starts) is then the map's alone, as on a page with nothing but a map, and the panel's
              layout and text do not hold up the basemap and the names (issue #14). */}
          {model.panelReady.value && (
            <header class="aa-head">
              <p class="aa-kicker">{story ? 'Story map' : 'Places in this article'}</p>
              <h2 class="aa-title">
                {story
                  ? `Places in ${story.articles.length} article${story.articles.length === 1 ? '' : 's'}`
                  : (layer?.title ?? (error ? 'No layer to show' : 'Loading the article…'))}
              </h2>
              {!story && <ArticleSource model={model} />}
              <Toolbar model={model} view={view} />
              {view.Review && <view.Review model={model} />}
            </header>
          )}
          <div class="aa-sr" aria-live="polite" role="status">
            {/* The signal itself, not .value: its text node updates without re-rendering the app (issue #4). */}
            {model.announcement}
          </div>
          {model.panelReady.value && <PanelBody {...props} />}
        </div>
      </div>
    </div>
  );
}

/** The panel under its header: a refused file, the notice, the passages, the place list and the article text. */
function PanelBody(props: MapViewProps & { view: ViewOptions }) {
  const { model, view } = props;
  const layer = model.layer.value;
  const error = model.error.value;
  const parts = model.storyParts.value;
  const story = parts && model.collection.value;
  // Once the map is painted complete (issue #14: places first).
  const places = layer && model.rows.value.length > 0 && model.mapPainted.value && <PlaceList model={model} />;
  return (
    <>
      {error && <Problem model={model} />}
      {view.Notice && <view.Notice model={model} />}
      {story ? (
        <parts.StoryPanel model={model} text={view.text} places={places} />
      ) : (
        <>
          {layer && !model.rows.value.length && (
            <div class="aa-empty">
              <p>
                <strong>No places found in this article.</strong>
              </p>
              <p>
                Try a longer article, or open a layer file made with <code>article-atlas parse</code>.
              </p>
            </div>
          )}
          {layer && model.rows.value.length > 0 && <PassagesPanel model={model} view={view} />}
          {places}
          {view.text && model.textReady.value && <ArticleText model={model} />}
        </>
      )}
    </>
  );
}

/** A file that was refused (issue #6): what is wrong and what to do; the layer on screen is unchanged. */
function Problem({ model }: { model: Model }) {
  const { title, message } = model.error.value!;
  return (
    <div class="aa-empty aa-problem" role="alert">
      <p>
        <strong>{title ?? 'The layer could not be shown'}.</strong>
      </p>
      <p>{message}</p>
      {model.layer.value && (
        <button type="button" class="aa-btn" onClick={() => (model.error.value = null)}>
          Keep the current layer
        </button>
      )}
    </div>
  );
}
