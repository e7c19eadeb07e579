// The Passages panel (issue #4): for the selected place, every passage that mentions it with the mention
// highlighted, previous/next, "show in text", the disputed-area note, where-in-the-article strip and the
// hand-correction control.
import { useEffect, useRef } from 'preact/hooks';
import type { LayerFeature } from '../../core/types.ts';
import type { Model } from '../model/create-model.ts';
import type { ViewOptions } from './view-options.ts';
import { kindGroup } from '../model/kind-group.ts';
import { placeMeta, segmentText, type TextMention } from '../model/layer-view.ts';
import { MentionStrip } from './MentionStrip.tsx';

/**
 * Passages drawn in the frame that answers a click: about what the list's box (40% of the window's height)
 * shows. The others, the mention strip's ticks and "Wrong place?" follow one frame later with the other highlights
 * (`marked`, mount-widget.tsx), so the first frame lays out and paints only what is seen (issue #4).
 */
const FIRST_PASSAGES = 3;

export function PassagesPanel({ model, view }: { model: Model; view: ViewOptions }) {
  const feature = model.selected.value;
  const list = useRef<HTMLOListElement>(null);
  const cursor = model.cursor.value;
  useEffect(() => {
    (list.current?.children[cursor] as HTMLElement | undefined)?.scrollIntoView?.({ block: 'nearest' });
  }, [cursor]);
  const section = useRef<HTMLElement>(null);
  const id = feature?.id;
  useEffect(() => {
    // A click on the map or a deep link brings the passages into view; a click in the text leaves the
    // reader where they are reading (the map shows the place).
    const from = model.origin.peek();
    if (id && (from === 'map' || from === 'url')) section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [id]);
  return (
    <section class="aa-passages" role="region" aria-label="Passages" ref={section}>
      {feature ? (
        <Selected model={model} feature={feature} list={list} view={view} />
      ) : (
        <p class="aa-hint">
          Choose a place on the map, in the list{view.text ? ' or in the text' : ''} to read the passages that mention
          it.
        </p>
      )}
    </section>
  );
}

function Selected({
  model,
  feature,
  list,
  view,
}: {
  model: Model;
  feature: LayerFeature;
  list: { current: HTMLOListElement | null };
  view: ViewOptions;
}) {
  const p = feature.properties;
  const layer = model.layer.value!;
  const passages = model.selectedPassages.value;
  const all = model.marked.value === feature.id;
  const cursor = Math.min(model.cursor.value, passages.length - 1);
  const own: TextMention[] = p.mentions
    .map((m) => ({ ...m, id: feature.id, kind: p.kind }))
    .sort((a, b) => a.start - b.start);
  const step = (d: number) => (model.cursor.value = Math.max(0, Math.min(passages.length - 1, cursor + d)));
  const text = layer.text;
  return (
    <>
      <div class="aa-selhead">
        <span class={`aa-sw aa-k-${kindGroup(p.kind)}`} aria-hidden="true" />
        <h3>{p.name}</h3>
        <span class="aa-meta">{placeMeta(p)}</span>
      </div>
      {p.disputed && <p class="aa-note">{p.disputed}</p>}
      {p.status === 'corrected' && <p class="aa-meta">Corrected by hand (was {p.original}).</p>}
      {p.status === 'added' && <p class="aa-meta">Added by hand.</p>}
      <MentionStrip model={model} mentions={all ? own : []} length={text?.length ?? 0} />
      <div class="aa-pn">
        <button type="button" class="aa-btn" disabled={cursor <= 0} onClick={() => step(-1)}>
          Previous
        </button>
        <span aria-live="off">
          Passage {cursor + 1} of {passages.length}
        </span>
        <button type="button" class="aa-btn" disabled={cursor >= passages.length - 1} onClick={() => step(1)}>
          Next
        </button>
      </div>
      <ol class="aa-plist" ref={list}>
        {(all ? passages : passages.slice(0, FIRST_PASSAGES)).map((pi, k) => {
          const span = layer.passages[pi];
          const inside = own.filter((m) => m.passage === pi);
          return (
            <li
              key={pi}
              class={k === cursor ? 'aa-cur' : undefined}
              aria-current={k === cursor ? 'true' : undefined}
              onClick={() => (model.cursor.value = k)}
            >
              <p>
                {text && span
                  ? segmentText(text, span.start, span.end, inside).map((s) =>
                      typeof s === 'string' ? (
                        s
                      ) : (
                        <mark class={s.type === 'adjectival' ? 'aa-adj' : undefined}>{s.text}</mark>
                      ),
                    )
                  : inside.map((m) => <mark>{m.text}</mark>)}
              </p>
              {text && view.text && (
                <button type="button" class="aa-link" onClick={() => (model.reveal.value = { start: inside[0].start })}>
                  Show in text
                </button>
              )}
              {view.MentionTools && <view.MentionTools model={model} feature={feature} mentions={inside} />}
            </li>
          );
        })}
      </ol>
      {/* Keyed by place: another place's choice must not carry over to this one. Below the list, with the rest. */}
      {all && view.Correction && <view.Correction key={feature.id} model={model} feature={feature} />}
    </>
  );
}
