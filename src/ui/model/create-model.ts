// The signals model of one explorer widget (issue #4): the layer and its exact source text, the selection,
// the filter and display options, with the pure views of layer-view.ts behind thin `computed`s.
// One model per mount(): nothing here is module-level, so two widgets on a page share no state.
import { batch, computed, signal } from '@preact/signals';
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';
import { selectionText, type PlaceResolver } from './layer-io.ts';
import { countryName, kindLabel } from './kind-group.ts';
import { approximateNote, passagesOf, placeRows, textMentions } from './layer-view.ts';
import { isCollectionLayer } from './is-collection-layer.ts';
import type { StoryParts } from '../load-story-parts.ts';
import type { CollectionLayer } from '../../core/merge-layers.ts';

/** Who asked for a selection: the map does not fly to what was just clicked on it. */
export type SelectOrigin = 'map' | 'text' | 'list' | 'url' | 'api';

/** Why no layer (or not the one asked for) is shown: what to do next, under a heading (issue #6). */
export interface LayerProblem {
  /** Default: "The layer could not be shown" (the layer the page was given did not load). */
  title?: string;
  message: string;
}

/**
 * Layer text → the layer and what was left out of it. Throws a LayerProblem for a file that is not a layer.
 * Every caller passes validate-layer.ts's readLayer; it is a parameter so that the model's bundle does
 * not carry the validator (a lazy chunk).
 */
export type LayerReader = (text: string) => { layer: ArticleLayer; dropped: string[] };

export function createModel(resolvePlace?: PlaceResolver) {
  const layer = signal<ArticleLayer | null>(null);
  /** The text the layer was read from; exported as is until the reader corrects something. */
  const source = signal<string | null>(null);
  const error = signal<LayerProblem | null>(null);
  /** What was left out of the file shown, for the reader to know (issue #6). */
  const notice = signal<string | null>(null);
  /** While a file is being opened (openLayerFile), the share of it read so far, 0 to 1; null otherwise (issue #19). */
  const opening = signal<number | null>(null);
  const selectedId = signal<string | null>(null);
  /**
   * The selection as the secondary views show it (map outline, text and list highlights, mention strip):
   * mountWidget sets it after the frame that shows the passages, so a click paints those first (issue #4).
   */
  const marked = signal<string | null>(null);
  const origin = signal<SelectOrigin>('api');
  /** Index into the selected place's passages for previous/next. */
  const cursor = signal(0);
  const filter = signal('');
  const showAdjectival = signal(true);
  /** Bumped by "show in text": the article view scrolls to and focuses this mention start. */
  const reveal = signal<{ start: number } | null>(null);
  /**
   * Set by fit() and "Show all places": the map frames the article's places again (issue #5), the places
   * it is about or all of them (issue #14). A new object each time, so the same request can come twice.
   */
  const fitRequest = signal<{ scope: 'focus' | 'all' } | null>(null);
  /** How many places lie wholly outside the map's view, as the map last reported (issue #14). */
  const outside = signal(0);
  /** How many times the map has drawn a layer; the first draw is the widget's "ready" (issue #5). */
  const drawn = signal(0);
  /**
   * A story map (issue #18): the collection as loaded; `layer` is then its view for the articles shown,
   * the reader's choice (`chosen`, null for all) within the timeline's `range` of times (null: any date).
   */
  const collection = signal<CollectionLayer | null>(null);
  const chosen = signal<ReadonlySet<string> | null>(null);
  const range = signal<readonly [number, number] | null>(null);
  /** The article whose text is open (`#article=` in the explorer's URL). */
  const article = signal<string | null>(null);
  /** Where the collection was loaded from: article texts (`textFile`) are relative to it. */
  const base = signal<string>('');
  /** The story map's code, loaded when the first collection arrives (mount-widget.tsx); `layer` waits for it. */
  const storyParts = signal<StoryParts | null>(null);
  /**
   * The first layer's places have been painted (or it failed to load, or none is coming): the map's controls (the
   * legend, "Show all places") are rendered after that frame, so that the page's first layout is the map's alone
   * (issue #14). Set once.
   */
  const controlsReady = signal(false);
  /**
   * The first layer's map has been painted complete (`data-complete`: places, basemap and names), or the layer failed
   * to load, or none is coming: the panel's header, toolbar and passages are rendered after that frame. Rendered
   * before the basemap, the panel's style, layout and text held up the map by ~20 ms (issue #14: everything painted).
   * Set once and never reset: a layer opened later keeps the toolbar it was opened from.
   */
  const panelReady = signal(false);
  /**
   * This layer's map has been painted complete (or the layer failed to load) and the basemap's country names are in
   * (kind-group.ts): the place list follows. Reset by load(): a layer opened later is mapped before it is listed.
   */
  const mapPainted = signal(false);
  /**
   * The place list has been rendered: the article text, off screen below it at first, follows in a task of its own
   * (issue #14). Reset with mapPainted.
   */
  const textReady = signal(false);

  /** Told of every hand edit before it is shown: the review's undo history and `onChange` (issue #17). */
  const editListeners: Array<(before: ArticleLayer | null, after: ArticleLayer) => void> = [];

  const rows = computed(() => (layer.value ? placeRows(layer.value) : []));
  const mentions = computed(() => (layer.value ? textMentions(layer.value) : []));
  const selected = computed<LayerFeature | null>(
    () => layer.value?.features.find((f) => f.id === selectedId.value && f.geometry) ?? null,
  );
  const selectedPassages = computed(() => (selected.value ? passagesOf(selected.value) : []));
  const announcement = computed(() => {
    const feature = selected.value;
    if (!feature) return '';
    const p = feature.properties;
    const n = p.mentions.length;
    const approximate = approximateNote(p);
    return `Selected ${p.name}, ${kindLabel(p.kind)}${p.country && p.kind !== 'country' ? ` in ${countryName(p.country)}` : ''}${approximate ? `, ${approximate}` : ''}: ${n} mention${n === 1 ? '' : 's'}.`;
  });

  return {
    layer,
    source,
    error,
    notice,
    opening,
    selectedId,
    marked,
    origin,
    cursor,
    filter,
    showAdjectival,
    reveal,
    fitRequest,
    outside,
    drawn,
    controlsReady,
    panelReady,
    mapPainted,
    textReady,
    collection,
    chosen,
    range,
    article,
    base,
    storyParts,
    rows,
    mentions,
    selected,
    selectedPassages,
    announcement,

    /**
     * Shows a layer from its JSON text; a bad file becomes a readable error state and the current layer
     * stays. A file shown with parts left out says so, and exports what is shown rather than its bytes.
     */
    load(text: string, read: LayerReader): boolean {
      try {
        const { layer: next, dropped } = read(text);
        batch(() => {
          const story = isCollectionLayer(next);
          collection.value = story ? next : null;
          // A collection is shown through its view of the articles chosen (mount-widget.tsx).
          layer.value = story ? null : next;
          source.value = dropped.length ? null : text;
          error.value = null;
          // Places first for every new layer, as for the first (issue #19 item 14): the list and the text of a file
          // of 20,000 places rendered in the task that drew its map; MapView sets this again once the map is painted.
          mapPainted.value = false;
          textReady.value = false;
          notice.value = dropped.length ? `Left out: ${dropped.join('; ')}.` : null;
          if (selectedId.value && !next.features.some((f) => f.id === selectedId.value)) selectedId.value = null;
        });
        return true;
      } catch (e) {
        error.value = e as LayerProblem;
        return false;
      }
    },

    select(id: string | null, from: SelectOrigin = 'api') {
      batch(() => {
        origin.value = from;
        selectedId.value = id;
        cursor.value = 0;
      });
    },

    /** The whole layer as text: the original bytes unless it was corrected. */
    exportText(): string {
      return source.value ?? JSON.stringify(layer.value, null, 2) + '\n';
    },

    exportSelectionText(): string | null {
      return layer.value && selected.value ? selectionText(layer.value, selected.value.id) : null;
    },

    /** Where a corrected place lies when its candidate carries no anchor (for correct-place.ts). */
    resolvePlace,
    editListeners,

    /**
     * Shows a hand-edited layer (correct-place.ts; kept out of the model so the embed bundle carries no
     * editing code): exports serialise it from now on, and `select` is selected if it is on the map.
     */
    replaceLayer(next: ArticleLayer, select: string | null) {
      for (const listen of editListeners) listen(layer.peek(), next);
      batch(() => {
        layer.value = next;
        source.value = null;
        selectedId.value = select && next.features.some((f) => f.id === select && f.geometry) ? select : null;
      });
    },
  };
}

export type Model = ReturnType<typeof createModel>;
