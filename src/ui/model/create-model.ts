// The signals model of one explorer widget (issue #4): the layer and its exact source text, the selection,
// the filter and display options, with the pure views of layer-view.ts behind thin `computed`s.
// One model per mount(): nothing here is module-level, so two widgets on a page share no state.
import { batch, computed, signal } from '@preact/signals';
import type { ArticleLayer, LayerFeature } from '../../core/types.ts';
import { correctFeature, parseLayer, selectionText, type PlaceResolver } from './layer-io.ts';
import { countryName, kindLabel } from './kind-group.ts';
import { passagesOf, placeRows, textMentions } from './layer-view.ts';

/** Who asked for a selection: the map does not fly to what was just clicked on it. */
export type SelectOrigin = 'map' | 'text' | 'list' | 'url' | 'api';

export function createModel(resolvePlace?: PlaceResolver) {
  const layer = signal<ArticleLayer | null>(null);
  /** The text the layer was read from; exported as is until the reader corrects something. */
  const source = signal<string | null>(null);
  const error = signal<string | null>(null);
  const selectedId = signal<string | null>(null);
  const origin = signal<SelectOrigin>('api');
  /** Index into the selected place's passages for previous/next. */
  const cursor = signal(0);
  const filter = signal('');
  const showAdjectival = signal(true);
  /** Bumped by "show in text": the article view scrolls to and focuses this mention start. */
  const reveal = signal<{ start: number } | null>(null);
  /** Bumped by fit(): the map frames the article's places again (issue #5). */
  const fitRequest = signal(0);
  /** How many times the map has drawn a layer; the first draw is the widget's "ready" (issue #5). */
  const drawn = signal(0);

  const rows = computed(() => (layer.value ? placeRows(layer.value) : []));
  const mentions = computed(() => (layer.value ? textMentions(layer.value) : []));
  const selected = computed<LayerFeature | null>(() => layer.value?.features.find((f) => f.id === selectedId.value && f.geometry) ?? null);
  const selectedPassages = computed(() => (selected.value ? passagesOf(selected.value) : []));
  const announcement = computed(() => {
    const f = selected.value;
    if (!f) return '';
    const p = f.properties;
    const n = p.mentions.length;
    return `Selected ${p.name}, ${kindLabel(p.kind)}${p.country && p.kind !== 'country' ? ` in ${countryName(p.country)}` : ''}: ${n} mention${n === 1 ? '' : 's'}.`;
  });

  return {
    layer, source, error, selectedId, origin, cursor, filter, showAdjectival, reveal, fitRequest, drawn,
    rows, mentions, selected, selectedPassages, announcement,

    /** Shows a layer from its JSON text; a bad file becomes a readable error state. */
    load(text: string): boolean {
      try {
        const next = parseLayer(text);
        batch(() => {
          layer.value = next;
          source.value = text;
          error.value = null;
          if (selectedId.value && !next.features.some((f) => f.id === selectedId.value)) selectedId.value = null;
        });
        return true;
      } catch (e) {
        error.value = (e as Error).message;
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

    /** Hand correction: another candidate, or `null` for "not a place". */
    correct(featureId: string, candidateId: string | null) {
      if (!layer.value) return;
      const next = correctFeature(layer.value, featureId, candidateId, resolvePlace);
      if (next === layer.value) return;
      batch(() => {
        layer.value = next;
        source.value = null;
        selectedId.value = candidateId && next.features.some((f) => f.id === candidateId && f.geometry) ? candidateId : null;
      });
    },
  };
}

export type Model = ReturnType<typeof createModel>;
