// The place list (issue #4): every place with kind, country, mention count and whether it is only placed
// approximately (a site at the place around it), in importance order, the article's main places set apart
// from passing mentions, with a filter box. Doubles as the plain list of places for screen readers. A
// selection re-renders no row: each binds its class and aria-pressed to a computed signal of `marked` (the
// selection a frame after its passages are shown), so only the old and the new selected rows change, after
// the passages (issue #4: click → passages ≤ 16 ms).
import { computed } from '@preact/signals';
import type { Model } from '../model/create-model.ts';
import { kindGroup } from '../model/kind-group.ts';
import { filterRows, placeMeta, type PlaceRow } from '../model/layer-view.ts';

export function PlaceList({ model }: { model: Model }) {
  const rows = filterRows(model.rows.value, model.filter.value);
  const item = ({ feature: f, mentions }: PlaceRow) => {
    const p = f.properties;
    const on = computed(() => f.id === model.marked.value);
    return (
      <li key={f.id}>
        <button type="button" class={computed(() => (on.value ? 'aa-row aa-on' : 'aa-row'))} aria-pressed={on} onClick={() => model.select(f.id, 'list')}>
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
  return (
    <section class="aa-places" aria-label="Places">
      <div class="aa-bar">
        <h3>Places</h3>
        <input type="search" class="aa-filter" placeholder="Filter places" aria-label="Filter places" value={model.filter.value} onInput={(e) => (model.filter.value = e.currentTarget.value)} />
      </div>
      {main.length > 0 && <h4>{model.collection.value ? 'What the articles are about' : 'What the article is about'}</h4>}
      {main.length > 0 && <ul class="aa-list">{main.map(item)}</ul>}
      {rest.length > 0 && <h4>Also mentioned</h4>}
      {rest.length > 0 && <ul class="aa-list">{rest.map(item)}</ul>}
      {!rows.length && model.rows.value.length > 0 && <p class="aa-hint">No place matches “{model.filter.value}”.</p>}
    </section>
  );
}
