// The article text with every mention highlighted (issue #4). A mention is a button: click or Enter
// selects its place and the map flies there. Adjectival mentions look different and can be hidden.
// Text is rendered as Preact text nodes only, never as HTML. A selection does not re-render the text:
// each mention binds its class and aria-pressed to computed signals of `marked`, which follows the selection
// a frame after the passages are shown (issue #4: click → passages ≤ 16 ms).
import { computed } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { kindGroup } from '../model/kind-group.ts';
import { segmentText, type TextMention } from '../model/layer-view.ts';

export function ArticleText({ model }: { model: Model }) {
  const root = useRef<HTMLElement>(null);
  const reveal = model.reveal.value;
  useEffect(() => {
    if (!reveal) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-start="${reveal.start}"]`);
    el?.scrollIntoView({
      block: 'center',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    el?.focus({ preventScroll: true });
  }, [reveal]);
  const layer = model.layer.value;
  if (!layer) return null;
  const text = layer.text;
  const showAdj = model.showAdjectival.value;
  const mentions = model.mentions.value.filter((m) => showAdj || m.type !== 'adjectival');
  const spans = layer.passages.length ? layer.passages : text ? [{ start: 0, end: text.length }] : [];
  return (
    <section class="aa-article" aria-label="Article text" ref={root}>
      <div class="aa-bar">
        <h3>Article</h3>
        <label class="aa-check">
          <input
            type="checkbox"
            checked={showAdj}
            onChange={(e) => (model.showAdjectival.value = e.currentTarget.checked)}
          />{' '}
          Highlight adjectives (“Armenian”)
        </label>
      </div>
      {text ? (
        spans.map((p, i) => (
          // data-at: where the paragraph starts in the text, so review can map a selection to offsets (issue #17).
          <p key={i} class={i === 0 ? 'aa-lede' : undefined} data-at={p.start}>
            {segmentText(text, p.start, p.end, mentions).map((s) => {
              if (typeof s === 'string') return s;
              return <MentionButton key={s.start} model={model} s={s} />;
            })}
          </p>
        ))
      ) : (
        <p class="aa-hint">This layer does not include the article text.</p>
      )}
    </section>
  );
}

/**
 * A highlighted name in an article's text: click or Enter selects its place. A span with role=button, not a
 * <button>: buttons are inline-blocks and would let a line break between a name and the comma after it.
 */
export function MentionButton({ model, s }: { model: Model; s: TextMention }) {
  const on = computed(() => s.id === model.marked.value);
  const base = `aa-m aa-k-${kindGroup(s.kind)}${s.type === 'adjectival' ? ' aa-adj' : ''}`;
  return (
    <span
      role="button"
      tabIndex={0}
      data-start={s.start}
      class={computed(() => (on.value ? base + ' aa-on' : base))}
      aria-pressed={on}
      onClick={() => model.select(s.id, 'text')}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        model.select(s.id, 'text');
      }}
    >
      {s.text}
    </span>
  );
}
