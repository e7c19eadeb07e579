// The story map's reading views (issue #18): a place's passages grouped by article, newest first, each
// group linking to its article; and the open article's text, fetched when opened (texts are not part of
// the first load), with its places highlighted. Text is rendered as text nodes only, never as HTML.
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { CollectionArticle, CollectionFeature } from '../../core/merge-layers.ts';
import type { Model } from '../model/create-model.ts';
import { articleGroups, articleTime, formatDay } from '../model/collection-view.ts';
import { kindGroup } from '../model/kind-group.ts';
import { placeMeta, segmentText, type TextMention } from '../model/layer-view.ts';
import { MentionButton } from './ArticleText.tsx';

/** Article groups drawn in the frame that answers a click; more follow a frame later (with `marked`). */
const FIRST_GROUPS = 4;
/** Article groups shown once the click is answered; a country in a 1,000-article archive has hundreds. */
const GROUP_PAGE = 30;

const articleMeta = (a: CollectionArticle) => {
  const t = articleTime(a);
  return [a.source, Number.isNaN(t) ? '' : formatDay(t)].filter(Boolean).join(' · ');
};

export function StoryPassages({ model }: { model: Model }) {
  const f = model.selected.value as unknown as CollectionFeature | null;
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const from = model.origin.peek();
    if (f && (from === 'map' || from === 'url')) section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [f?.id]);
  return (
    <section class="aa-passages" role="region" aria-label="Passages" ref={section}>
      {f ? (
        <Groups model={model} f={f} />
      ) : (
        <p class="aa-hint">Choose a place on the map or in the list to read what each article says about it.</p>
      )}
    </section>
  );
}

function Groups({ model, f }: { model: Model; f: CollectionFeature }) {
  const c = model.collection.value!;
  const byId = useMemo(() => new Map(c.articles.map((a) => [a.id, a])), [c]);
  const groups = articleGroups(f, byId);
  const settled = model.marked.value === f.id;
  const limit = useSignal({ id: f.id, n: GROUP_PAGE });
  const n = limit.value.id === f.id ? limit.value.n : GROUP_PAGE;
  const p = f.properties;
  return (
    <>
      <div class="aa-selhead">
        <span class={`aa-sw aa-k-${kindGroup(p.kind)}`} aria-hidden="true" />
        <h3>{p.name}</h3>
        <span class="aa-meta">
          {placeMeta(p as never)} · {groups.length} article{groups.length === 1 ? '' : 's'}
        </span>
      </div>
      {p.disputed && <p class="aa-note">{p.disputed}</p>}
      <ol class="aa-groups">
        {groups.slice(0, settled ? n : FIRST_GROUPS).map((g) => (
          <li key={g.article.id} class="aa-group" data-article={g.article.id}>
            <h4>
              <button
                type="button"
                class="aa-link"
                onClick={() => {
                  model.article.value = g.article.id;
                  model.reveal.value = { start: g.mentions[0].start };
                }}
              >
                {g.article.title ?? g.article.id}
              </button>
            </h4>
            <span class="aa-meta">{articleMeta(g.article)}</span>
            <ul class="aa-plist">
              {g.passages.map((ps) => (
                <li key={ps.start}>
                  <p>{marked(ps.text, ps.marks)}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {settled && groups.length > n && (
        <button type="button" class="aa-btn" onClick={() => (limit.value = { id: f.id, n: n + GROUP_PAGE * 3 })}>
          Show {Math.min(GROUP_PAGE * 3, groups.length - n)} more articles
        </button>
      )}
    </>
  );
}

/** The text with the ranges in <mark>, as text nodes. */
function marked(text: string, marks: Array<[number, number]>) {
  const out = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s < at) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Only web addresses become links: an imported file's `url` could be `javascript:`. */
const safeUrl = (u: string | undefined) => (u && /^https?:\/\//i.test(u) ? u : undefined);

/** The open article: fetched from its `textFile` (or read inline), its places highlighted and selectable. */
export function StoryArticle({ model }: { model: Model }) {
  const id = model.article.value;
  const c = model.collection.value!;
  const a = c.articles.find((x) => x.id === id);
  const loaded = useSignal<{ id: string; text?: string; error?: string } | null>(null);
  const setState = (v: typeof loaded.value) => void (loaded.value = v);
  const state = loaded.value;
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!a) return;
    if (typeof a.text === 'string') return setState({ id: a.id, text: a.text });
    if (!a.textFile) return setState({ id: a.id, error: 'This collection does not include the article text.' });
    setState({ id: a.id });
    const aborter = new AbortController();
    fetch(new URL(a.textFile, model.base.value || location.href), { signal: aborter.signal })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status} ${r.statusText}`))))
      .then((text) => setState({ id: a.id, text }))
      .catch(
        (e: Error) =>
          aborter.signal.aborted || setState({ id: a.id, error: `The article text did not load (${e.message}).` }),
      );
    return () => aborter.abort();
  }, [a]);
  const mentions = useMemo(() => {
    if (!a) return [];
    const out: TextMention[] = [];
    for (const f of c.features) {
      if (!f.geometry) continue;
      for (const m of f.properties.mentions)
        if (m.article === a.id)
          out.push({ ...m, status: m.status === 'added' ? m.status : undefined, id: f.id, kind: f.properties.kind });
    }
    out.sort((x, y) => x.start - y.start || y.end - x.end);
    return out.filter((m, i) => i === 0 || m.start >= out[i - 1].end);
  }, [a, c]);
  const reveal = model.reveal.value;
  const text = state?.id === id ? state.text : undefined;
  useEffect(() => {
    if (!reveal || text === undefined) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-start="${reveal.start}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [reveal, text]);
  if (!a)
    return (
      <p class="aa-hint">Choose “Read” on an article, or an article’s title beside a passage, to read its text here.</p>
    );
  const url = safeUrl(a.url);
  return (
    <section class="aa-article aa-story-text" aria-label="Article text" ref={root}>
      <div class="aa-bar">
        <h3>{a.title ?? a.id}</h3>
        <button type="button" class="aa-btn" onClick={() => (model.article.value = null)}>
          Close
        </button>
      </div>
      <p class="aa-meta">
        {articleMeta(a)}
        {url && (
          <>
            {' '}
            ·{' '}
            <a href={url} rel="noopener noreferrer" target="_blank">
              original
            </a>
          </>
        )}
      </p>
      {text !== undefined ? (
        <div class="aa-text">
          {segmentText(text, 0, text.length, mentions).map((s) => {
            return typeof s === 'string' ? s : <MentionButton key={s.start} model={model} s={s} />;
          })}
        </div>
      ) : (
        <p class="aa-hint">{state?.id === id && state.error ? state.error : 'Loading the article…'}</p>
      )}
    </section>
  );
}
