// The article text with every mention highlighted (issue #4). A mention is a button: click or Enter
// selects its place and the map flies there. Adjectival mentions look different and can be hidden.
// Text is rendered as Preact text nodes only, never as HTML.
import { useEffect, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { kindGroup } from '../model/kind-group.ts';
import { segmentText } from '../model/layer-view.ts';

export function ArticleText({ model }: { model: Model }) {
  const root = useRef<HTMLElement>(null);
  const reveal = model.reveal.value;
  useEffect(() => {
    if (!reveal) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-start="${reveal.start}"]`);
    el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    el?.focus({ preventScroll: true });
  }, [reveal]);
  const layer = model.layer.value;
  if (!layer) return null;
  const text = layer.text;
  const showAdj = model.showAdjectival.value;
  const selectedId = model.selectedId.value;
  const mentions = model.mentions.value.filter((m) => showAdj || m.type !== 'adjectival');
  const spans = layer.passages.length ? layer.passages : text ? [{ start: 0, end: text.length }] : [];
  return (
    <section class="aa-article" aria-label="Article text" ref={root}>
      <div class="aa-bar">
        <h3>Article</h3>
        <label class="aa-check">
          <input type="checkbox" checked={showAdj} onChange={(e) => (model.showAdjectival.value = e.currentTarget.checked)} /> Highlight adjectives (“Armenian”)
        </label>
      </div>
      {text ? (
        spans.map((p, i) => (
          <p key={i} class={i === 0 ? 'aa-lede' : undefined}>
            {segmentText(text, p.start, p.end, mentions).map((s) =>
              typeof s === 'string' ? (
                s
              ) : (
                // A span with role=button, not a <button>: buttons are inline-blocks and would let a line
                // break between a name and the comma after it.
                <span
                  role="button"
                  tabIndex={0}
                  key={s.start}
                  data-start={s.start}
                  class={`aa-m aa-k-${kindGroup(s.kind)}${s.type === 'adjectival' ? ' aa-adj' : ''}${s.id === selectedId ? ' aa-on' : ''}`}
                  aria-pressed={s.id === selectedId}
                  onClick={() => model.select(s.id, 'text')}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return;
                    e.preventDefault();
                    model.select(s.id, 'text');
                  }}
                >
                  {s.text}
                </span>
              ),
            )}
          </p>
        ))
      ) : (
        <p class="aa-hint">This layer does not include the article text.</p>
      )}
    </section>
  );
}
