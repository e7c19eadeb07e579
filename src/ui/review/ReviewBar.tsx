// Review mode's controls (issue #17): the Undo bar with its live status, the "Add place" control that
// follows a selection in the text, the search for the place (a combobox: arrows, Enter, Escape) and the
// per-passage "Remove" buttons. Names from the gazetteer and the text are rendered as text nodes only.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PlaceHit } from '../../core/search-places.ts';
import type { LayerFeature, LayerMention } from '../../core/types.ts';
import type { TextSpan } from '../model/add-mention.ts';
import { countryName, kindLabel } from '../model/kind-group.ts';
import type { Review } from './start-review.tsx';

/** Wait this long after the last keystroke before searching: one search per pause, not per key. */
const SEARCH_DELAY_MS = 150;

export function ReviewBar({ review }: { review: Review }) {
  const { history, status, selection, adding } = review;
  const past = history.value;
  const sel = selection.value;
  const span = adding.value;
  return (
    <div class="aa-review">
      <button
        type="button"
        class="aa-btn"
        disabled={!past.length}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={past.length ? `Undo ${past[past.length - 1].label} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => review.undo()}
      >
        Undo
      </button>
      <span class="aa-meta" role="status">
        {status.value || 'Select words in the article text to add a place.'}
      </span>
      {span ? (
        <AddPlace review={review} span={span} />
      ) : (
        sel && (
          <div class="aa-addbox" style={place(sel.left, sel.bottom)}>
            {sel.problem ? (
              <p class="aa-meta">{sel.problem}</p>
            ) : (
              <button type="button" class="aa-btn" onClick={() => (adding.value = sel.span)}>
                Add place
              </button>
            )}
          </div>
        )
      )}
    </div>
  );
}

/** Fixed position under the selection, kept inside the window. */
const place = (left: number, bottom: number) => ({
  left: `${Math.max(8, Math.min(left, innerWidth - 336))}px`,
  top: `${Math.max(8, Math.min(bottom + 6, innerHeight - 80))}px`,
});

function hitMeta(h: PlaceHit): string {
  return [kindLabel(h.kind), h.region, h.kind === 'country' ? '' : countryName(h.country)].filter(Boolean).join(' · ');
}

function AddPlace({ review, span }: { review: Review; span: TextSpan }) {
  const text = review.model.layer.peek()?.text ?? '';
  const [query, setQuery] = useState(() => text.slice(span.start, span.end));
  const [hits, setHits] = useState<PlaceHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const sel = review.selection.peek();
  const [where] = useState(() => place(sel?.left ?? 16, sel?.bottom ?? 16));
  // Before the box paints: an effect runs a frame later and would select, then overwrite, a key typed meanwhile.
  useLayoutEffect(() => input.current?.select(), []);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      if (!query.trim()) return setHits([]);
      review.options.search(query).then(
        (found) => {
          if (!live) return;
          setHits(found);
          setActive(0);
          setProblem('');
        },
        (e: Error) => live && setProblem(`The search failed (${e.message}). Try again.`),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  const close = () => {
    review.adding.value = null;
    review.selection.value = null;
  };
  // Escape or Cancel: the keyboard goes on from the article text, where the words were selected (the "Add
  // place" button that had the focus is gone); the text takes focus without entering the tab order.
  const leave = () => {
    close();
    const article = review.articleText();
    if (!article) return;
    if (!article.hasAttribute('tabindex')) article.tabIndex = -1;
    article.focus({ preventScroll: true });
  };
  const choose = (hit: PlaceHit | undefined) => {
    if (!hit) return;
    try {
      review.add(span, hit);
      close();
      document.getSelection()?.removeAllRanges();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const list = `${review.uid}-hits`;
  const option = (i: number) => `${review.uid}-hit-${i}`;
  const onKey = (e: KeyboardEvent) => {
    const n = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && n) setActive((active + 1) % n);
    else if (e.key === 'ArrowUp' && n) setActive((active - 1 + n) % n);
    else if (e.key === 'Enter') choose(hits?.[active]);
    else if (e.key === 'Escape') leave();
    else return;
    e.preventDefault();
  };
  return (
    <div class="aa-addbox aa-addsearch" role="dialog" aria-label="Add place" style={where}>
      <p class="aa-meta">Add “{text.slice(span.start, span.end)}” as the place:</p>
      <input
        ref={input}
        type="search"
        role="combobox"
        // Preact's types ask a combobox for a <datalist>; its popup is the listbox below instead.
        list={undefined}
        aria-label="Search places by name"
        aria-expanded={!!hits?.length}
        aria-controls={list}
        aria-autocomplete="list"
        aria-activedescendant={hits?.length ? option(active) : undefined}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKey}
      />
      <ul id={list} role="listbox" aria-label="Places">
        {hits?.map((h, i) => (
          <li
            key={h.id}
            id={option(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'aa-on' : undefined}
            // mousedown would move focus out of the input before the click chooses.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h)}
          >
            <strong>{h.name}</strong> <span class="aa-meta">{hitMeta(h)}</span>
          </li>
        ))}
      </ul>
      {hits && !hits.length && query.trim() && <p class="aa-meta">No place of that name in the gazetteer.</p>}
      {problem && (
        <p class="aa-meta" role="alert">
          {problem}
        </p>
      )}
      <button type="button" class="aa-link" onClick={leave}>
        Cancel
      </button>
    </div>
  );
}

/** Under a passage: remove one of the selected place's mentions in it (the others stay). */
export function MentionTools({
  review,
  feature,
  mentions,
}: {
  review: Review;
  feature: LayerFeature;
  mentions: LayerMention[];
}) {
  return (
    <>
      {mentions.map((m) => (
        <button
          type="button"
          class="aa-link aa-remove"
          key={m.start}
          onClick={(e) => {
            // The passage's own click (make it current) must not run on a list that is about to change.
            e.stopPropagation();
            review.remove(feature, m);
          }}
        >
          Remove “{m.text}” here
        </button>
      ))}
    </>
  );
}
