// The article text with every mention highlighted (issue #4). A mention is a button: click or Enter
// selects its place and the map flies there. Adjectival mentions look different and can be hidden.
// Text is rendered as Preact text nodes only, never as HTML. A selection does not re-render the text:
// each mention binds its class and aria-pressed to computed signals of `marked`, which follows the selection
// a frame after the passages are shown (issue #4: click → passages ≤ 16 ms). A long text (a story map of
// thousands of places, issue #19 item 14) shows all its words at once and its mentions in chunks, a task each.
import { computed, signal } from '@preact/signals';
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { kindGroup } from '../model/kind-group.ts';
import { segmentText, type TextMention } from '../model/layer-view.ts';

/**
 * Mentions made into buttons per task: at a few hundred µs each (element, listeners, two signals, style and
 * layout) a chunk stays well under the 200 ms a task may hold the page (issue #19), and an article of
 * ordinary length is done in the first.
 */
const MENTIONS_PER_CHUNK = 400;

export function ArticleText({ model }: { model: Model }) {
  const root = useRef<HTMLElement>(null);
  const reveal = model.reveal.value;
  const layer = model.layer.value;
  const text = layer?.text;
  const showAdj = model.showAdjectival.value;
  const all = model.mentions.value;
  const mentions = useMemo(() => all.filter((m) => showAdj || m.type !== 'adjectival'), [all, showAdj]);
  const spans = useMemo(
    () => (!layer ? [] : layer.passages.length ? layer.passages : text ? [{ start: 0, end: text.length }] : []),
    [layer],
  );
  // A passage is rendered once (its mentions bind to signals) and reused by every later chunk's render.
  const made = useMemo(() => new Map<number, VNode>(), [spans, mentions]);
  // How many passages are made: a signal read here re-renders this component alone (no useState: the embed's
  // budget, issue #5); a new layer or filter starts again from the first chunk.
  const chunk = useMemo(() => signal(chunkEnd(spans, mentions, 0)), [made]);
  const end = chunk.value;
  useEffect(() => {
    if (end < spans.length) {
      const t = setTimeout(() => (chunk.value = chunkEnd(spans, mentions, end)));
      return () => clearTimeout(t);
    }
  }, [chunk, end]);
  // "Show in text" of a passage not made yet: its chunk comes first, then the scroll.
  const revealed = useRef<typeof reveal>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-start="${reveal.start}"]`);
    const at = spans.findIndex((p) => reveal.start < p.end);
    if (!el && at >= end) return void (chunk.value = at + 1);
    revealed.current = reveal;
    el?.scrollIntoView({
      block: 'center',
      behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
    });
    el?.focus({ preventScroll: true });
  }, [reveal, end]);
  if (!layer) return null;

  const mention = (s: TextMention) => <MentionButton key={s.start} model={model} s={s} />;
  // data-at: where the paragraph starts in the text, so review can map a selection to offsets (issue #17).
  const passage = (i: number) => {
    const p = spans[i];
    const lede = i === 0 ? 'aa-lede' : undefined;
    // Words only until its chunk comes: the text reads and lays out once, the buttons follow.
    if (i >= end)
      return (
        <p key={i} class={lede} data-at={p.start}>
          {text!.slice(p.start, p.end)}
        </p>
      );
    let node = made.get(i);
    if (!node) {
      const inside = mentions.slice(firstAt(mentions, p.start), firstAt(mentions, p.end));
      node = (
        <Made key={i}>
          <p class={lede} data-at={p.start}>
            {segmentText(text!, p.start, p.end, inside).map((s) => (typeof s === 'string' ? s : mention(s)))}
          </p>
        </Made>
      );
      made.set(i, node);
    }
    return node;
  };
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
      {text ? spans.map((_, i) => passage(i)) : <p class="aa-hint">This layer does not include the article text.</p>}
    </section>
  );
}

/**
 * A made passage: Preact skips a component whose element is the very one it rendered before, so a later
 * chunk's render does not compare the passages already made.
 */
const Made = ({ children }: { children: VNode }) => children;

/** The index of the first mention starting at or after `at` (mentions are in text order). */
function firstAt(mentions: TextMention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the chunk that starts at passage `from` ends: at least one passage, else MENTIONS_PER_CHUNK mentions. */
function chunkEnd(spans: Array<{ start: number; end: number }>, mentions: TextMention[], from: number): number {
  let end = from;
  let n = 0;
  while (end < spans.length && (end === from || n < MENTIONS_PER_CHUNK)) {
    n += firstAt(mentions, spans[end].end) - firstAt(mentions, spans[end].start);
    end++;
  }
  return end;
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
