// The story map's side panel below the header (issue #18): the articles' filters, a place's passages
// grouped by article, the place list (drawn by the App, shared with the single-article panel) and the open
// article's text.
import type { ComponentChildren } from 'preact';
import type { Model } from '../model/create-model.ts';
import { StoryFilters } from './StoryFilters.tsx';
import { StoryArticle, StoryPassages } from './StoryPassages.tsx';

export function StoryPanel({ model, text, places }: { model: Model; text: boolean; places: ComponentChildren }) {
  const shown = model.layer.value && model.rows.value.length > 0;
  return (
    <>
      <StoryFilters model={model} />
      {model.layer.value && !shown && (
        <div class="aa-empty">
          <p>
            <strong>No places in the articles shown.</strong>
          </p>
          <p>Choose more articles or dates, or “Show all”.</p>
        </div>
      )}
      {shown && <StoryPassages model={model} />}
      {places}
      {text && model.textReady.value && <StoryArticle model={model} />}
    </>
  );
}
