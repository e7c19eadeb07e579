// The place list (issue #4): every place with kind, country, mention count and whether it is only placed
// approximately (a site at the place around it), in importance order, the article's main places set apart
// from passing mentions, with a filter box. Doubles as the plain list of places for screen readers. A
// selection re-renders no row: each binds its class and aria-pressed to a computed signal of `marked` (the
// selection a frame after its passages are shown), so only the old and the new selected rows change, after
// the passages (issue #4: click → passages ≤ 16 ms).
import { computed, useSignal } from '@preact/signals';
import type { Model } from '../model/create-model.ts';
import { kindGroup } from '../model/kind-group.ts';
import { filterRows, placeMeta, type PlaceRow } from '../model/layer-view.ts';

/**
 * Rows listed at first: a story map of a thousand articles names hundreds of places, and their
 * rows took half a second to lay out before the map could draw (issue #18); the filter box finds any place.
 */
const FIRST_ROWS = 150;

export function PlaceList({ model }: { model: Model }) {
  const rows = filterRows(model.rows.value, model.filter.value);
  // A signal, not useState: the embed's bundle has no other useState (60 KB budget).
  const everything = useSignal(false);
  const item = ({ feature, mentions }: PlaceRow) => {
    const p = feature.properties;
    const on = computed(() => feature.id === model.marked.value);
    return (
      <li key={feature.id}>
        <button
          type="button"
          class={computed(() => (on.value ? 'aa-row aa-on' : 'aa-row'))}
          aria-pressed={on}
          onClick={() => model.select(feature.id, 'list')}
        >
          <span class={`aa-sw aa-k-${kindGroup(p.kind)}`} aria-hidden="true" />
          <span class="aa-name">{p.name}</span>
          <span class="aa-meta">{placeMeta(p)}</span>
          <span class="aa-count" title={`${mentions} mentions`}>
            {mentions}
            <span class="aa-sr"> mentions</span>
          </span>
        </button>
      </li>
    );
  };
  const main = rows.filter((r) => r.main);
  const rest = rows.filter((r) => !r.main);
  const mainRows = everything.value ? main : main.slice(0, FIRST_ROWS);
  const restRows = everything.value ? rest : rest.slice(0, Math.max(0, FIRST_ROWS - mainRows.length));
  const hidden = rows.length - mainRows.length - restRows.length;
  return (
    <section class="aa-places" aria-label="Places">
      <div class="aa-bar">
        <h3>Places</h3>
        <input
          type="search"
          class="aa-filter"
          placeholder="Filter places"
          aria-label="Filter places"
          value={model.filter.value}
          onInput={(e) => (model.filter.value = e.currentTarget.value)}
        />
      </div>
      {model.outside.value > 0 && (
        <p class="aa-hint aa-outside">
          {model.outside.value === 1 ? '1 place is' : `${model.outside.value} places are`} outside the map's view.
        </p>
      )}
      {main.length > 0 && (
        <h4>{model.collection.value ? 'What the articles are about' : 'What the article is about'}</h4>
      )}
      {main.length > 0 && <ul class="aa-list">{mainRows.map(item)}</ul>}
      {restRows.length > 0 && <h4>Also mentioned</h4>}
      {restRows.length > 0 && <ul class="aa-list">{restRows.map(item)}</ul>}
      {hidden > 0 && (
        <button type="button" class="aa-btn" onClick={() => (everything.value = true)}>
          Show {hidden} more places
        </button>
      )}
      {!rows.length && model.rows.value.length > 0 && <p class="aa-hint">No place matches “{model.filter.value}”.</p>}
    </section>
  );
}
