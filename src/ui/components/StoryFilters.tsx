// The story map's filters (issue #18): the timeline strip of articles by date and the list of articles
// (title, source, date) to show one, several or all on the map, with the download of what is shown (GeoJSON,
// KML, CSV).
import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import {
  articleTime,
  collectionView,
  compareNewest,
  filteredCollectionText,
  formatDay,
  timelineBins,
  visibleArticles,
} from '../model/collection-view.ts';
import { adoptStoryStyles } from './adopt-story-styles.ts';
import { downloadText } from './download.ts';
import { downloadPlaces } from './download-places.ts';
import { exportFileName } from '../model/layer-io.ts';

/** Rows drawn at first: a thousand-article archive would otherwise lay out a thousand rows before the map. */
const LIST_PAGE = 100;

export function StoryFilters({ model }: { model: Model }) {
  const c = model.collection.value!;
  const chosen = model.chosen.value;
  const range = model.range.value;
  const visible = useMemo(() => visibleArticles(c.articles, chosen, range), [c, chosen, range]);
  /** The places of the shown articles as KML or CSV (the studio's formats, src/export), each a lazy chunk. */
  const flat = async (format: 'kml' | 'csv') => {
    try {
      const title = model.layer.peek()?.title;
      const shown = collectionView(c, visible, title);
      const name = exportFileName(title, 'shown', format);
      await downloadPlaces(shown, format, name);
    } catch (e) {
      model.error.value = {
        title: `The ${format.toUpperCase()} file could not be made`,
        message: `${String((e as Error).message).replace(/\.?$/, '.')} Try again; if it fails again, reload the page.`,
      };
    }
  };
  return (
    <section class="aa-story" aria-label="Articles" ref={adoptStoryStyles}>
      <Timeline model={model} />
      <div class="aa-bar">
        <h3>Articles</h3>
        <span class="aa-meta" role="status">
          {visible.size} of {c.articles.length} shown
        </span>
        <button
          type="button"
          class="aa-btn"
          disabled={!chosen && !range}
          onClick={() => {
            model.chosen.value = null;
            model.range.value = null;
          }}
        >
          Show all
        </button>
        <button
          type="button"
          class="aa-btn"
          onClick={() =>
            downloadText(filteredCollectionText(c, visible), exportFileName(model.layer.peek()?.title, 'shown'))
          }
        >
          Download shown
        </button>
        <button type="button" class="aa-btn aa-flat" onClick={() => flat('kml')}>
          Shown as KML
        </button>
        <button type="button" class="aa-btn aa-flat" onClick={() => flat('csv')}>
          Shown as CSV
        </button>
      </div>
      <ArticleList model={model} visible={visible} />
    </section>
  );
}

function ArticleList({ model, visible }: { model: Model; visible: Set<string> }) {
  const c = model.collection.value!;
  const chosen = model.chosen.value;
  const shown = useSignal(LIST_PAGE);
  const limit = shown.value;
  const sorted = useMemo(() => [...c.articles].sort(compareNewest), [c]);
  const toggle = (id: string) => {
    const next = new Set(chosen ?? c.articles.map((a) => a.id));
    if (!next.delete(id)) next.add(id);
    model.chosen.value = next.size === c.articles.length ? null : next;
  };
  return (
    <>
      <ul class="aa-list aa-arts">
        {sorted.slice(0, limit).map((a) => {
          const t = articleTime(a);
          const meta = [a.source, Number.isNaN(t) ? '' : formatDay(t)].filter(Boolean).join(' · ');
          return (
            <li key={a.id} data-article={a.id} class={visible.has(a.id) ? 'aa-art' : 'aa-art aa-off'}>
              <label class="aa-check">
                <input type="checkbox" checked={!chosen || chosen.has(a.id)} onChange={() => toggle(a.id)} />
                <span class="aa-name">{a.title ?? a.id}</span>
              </label>
              {meta && <span class="aa-meta">{meta}</span>}
              <span class="aa-acts">
                <button type="button" class="aa-link" onClick={() => (model.chosen.value = new Set([a.id]))}>
                  Only this
                </button>
                <button type="button" class="aa-link" onClick={() => (model.article.value = a.id)}>
                  Read
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {sorted.length > limit && (
        <button type="button" class="aa-btn" onClick={() => (shown.value = limit + LIST_PAGE * 5)}>
          Show {Math.min(LIST_PAGE * 5, sorted.length - limit)} more articles
        </button>
      )}
    </>
  );
}

/** Bars of articles per stretch of days; a bar filters the map to its dates, again to show every date. */
function Timeline({ model }: { model: Model }) {
  const c = model.collection.value!;
  const bins = useMemo(() => timelineBins(c.articles), [c]);
  if (bins.length < 2) return null;
  const range = model.range.value;
  const most = Math.max(...bins.map((b) => b.count));
  const label = (b: (typeof bins)[number]) => {
    const last = formatDay(b.to - 1);
    const first = formatDay(b.from);
    return `${first === last ? first : `${first} – ${last}`}: ${b.count} article${b.count === 1 ? '' : 's'}`;
  };
  return (
    <div class="aa-timeline" role="group" aria-label="Articles by date">
      <div class="aa-bars">
        {bins.map((b) => {
          const on = range?.[0] === b.from && range[1] === b.to;
          return (
            <button
              type="button"
              class={on ? 'aa-bin aa-on' : 'aa-bin'}
              aria-pressed={on}
              aria-label={label(b)}
              title={label(b)}
              data-from={new Date(b.from).toISOString().slice(0, 10)}
              disabled={!b.count}
              onClick={() => (model.range.value = on ? null : [b.from, b.to])}
            >
              <span style={{ height: `${Math.max(8, (100 * b.count) / most)}%` }} />
            </button>
          );
        })}
      </div>
      <div class="aa-ends aa-meta">
        <span>{formatDay(bins[0].from)}</span>
        <span>{formatDay(bins[bins.length - 1].to - 1)}</span>
      </div>
    </div>
  );
}
