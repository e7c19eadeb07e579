// Review mode of the explorer (issue #17), a lazy chunk loaded only when mount() is given `review`: the
// undo history of every hand edit, the text selection that offers "Add place", Ctrl/Cmd+Z, and the
// components the explorer's view slots render. Edits go through model.replaceLayer, as corrections do.
import { effect, signal, type Signal } from '@preact/signals';
import type { ArticleLayer, LayerFeature, LayerMention } from '../../core/types.ts';
import type { Model } from '../model/create-model.ts';
import { addMention, trimSpan, type PlaceToAdd, type TextSpan } from '../model/add-mention.ts';
import { recordEdit, undoEdit, type EditHistory } from '../model/edit-history.ts';
import { removeMention } from '../model/remove-mention.ts';
import type { ReviewOptions } from '../mount.tsx';
import css from './review.css?inline';
import { MentionTools, ReviewBar } from './ReviewBar.tsx';

/** Words selected in the article text: their span (trimmed) and where they are on screen. */
export interface TextSelection {
  span: TextSpan;
  /** Viewport box of the selection, for the floating "Add place" control. */
  left: number;
  bottom: number;
  /** Why these words cannot become a mention (they cross a paragraph, overlap one), or null. */
  problem: string | null;
}

/** One widget's review state and actions, shared by its components. */
export interface Review {
  model: Model;
  options: ReviewOptions;
  history: Signal<EditHistory<{ layer: ArticleLayer; label: string }>>;
  /** What the last edit or undo did, for the live region. */
  status: Signal<string>;
  selection: Signal<TextSelection | null>;
  /** The span the "Add place" search is for, while it is open. */
  adding: Signal<TextSpan | null>;
  /** Unique per widget: ids for the search's listbox and options. */
  uid: string;
  /** The widget's article text, where words are selected (focus goes back there when the search is left). */
  articleText(): HTMLElement | null;
  add(span: TextSpan, place: PlaceToAdd): void;
  remove(feature: LayerFeature, mention: LayerMention): void;
  undo(): void;
}

/** A place that stands for any: what addMention checks about a span does not depend on the place. */
const PROBE: PlaceToAdd = {
  id: 'review:probe',
  name: '',
  kind: 'city',
  country: '',
  anchor: [0, 0],
  geometry: { type: 'Point', coordinates: [0, 0] },
};

let widgets = 0;

/**
 * Starts review on a mounted explorer's model; returns the view slots' components and a stop.
 * @example const parts = startReview(model, { search }, container); parts.stop()
 */
export function startReview(model: Model, options: ReviewOptions, container: HTMLElement) {
  const history: Review['history'] = signal([]);
  const status = signal('');
  const selection = signal<TextSelection | null>(null);
  const adding = signal<TextSpan | null>(null);
  let label: string | null = null;
  let undoing = false;
  // The layer the last edit made: any other new layer is a load (a file opened), which starts afresh.
  let known = model.layer.peek();
  const listen = (before: ArticleLayer | null, after: ArticleLayer) => {
    if (!undoing && before)
      history.value = recordEdit(history.peek(), { layer: before, label: label ?? 'the correction' });
    known = after;
  };
  model.editListeners.push(listen);
  const stopLoads = effect(() => {
    const layer = model.layer.value;
    if (layer === known) return;
    known = layer;
    history.value = [];
    adding.value = null;
  });

  const edit = (next: ArticleLayer, select: string | null, what: string) => {
    label = what;
    try {
      model.replaceLayer(next, select);
    } finally {
      label = null;
    }
    if (select && model.selectedId.peek() === select) model.select(select, 'list');
    status.value = `${what[0].toUpperCase()}${what.slice(1)}.`;
  };

  const review: Review = {
    model,
    options,
    history,
    status,
    selection,
    adding,
    uid: `aa-review-${++widgets}`,
    articleText: () => container.querySelector<HTMLElement>('.aa-article'),
    add(span, place) {
      const layer = model.layer.peek();
      if (!layer) return;
      edit(addMention(layer, span, place), place.id, `added ${place.name}`);
    },
    remove(feature, mention) {
      const layer = model.layer.peek();
      if (!layer) return;
      const next = removeMention(layer, feature.id, mention.start);
      const left = next.features.some((f) => f.id === feature.id && f.geometry);
      const name = feature.properties.name;
      edit(
        next,
        left ? feature.id : null,
        left ? `removed a mention of ${name}` : `removed ${name} from the map (no mentions left)`,
      );
    },
    undo() {
      const step = undoEdit(history.peek());
      if (!step) return;
      undoing = true;
      try {
        model.replaceLayer(step.layer.layer, model.selectedId.peek());
      } finally {
        undoing = false;
      }
      history.value = step.history;
      status.value = `Undone: ${step.layer.label}.`;
    },
  };

  // Selections in the article text offer "Add place"; read once a frame at most.
  let frame = 0;
  const onSelection = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (adding.peek()) return;
      const next = readSelection(model, container);
      // Firefox collapses the selection when the focus moves to the box's own "Add place" button: keep the box.
      const focused = (container.getRootNode() as Document | ShadowRoot).activeElement;
      if (!next && focused?.closest('.aa-addbox')) return;
      selection.value = next;
    });
  };
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
    const target = e.composedPath()[0] as Element;
    // A text field keeps its own undo; another widget's keys are its own.
    if (target.closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    if (target !== document.body && target !== document.documentElement && !container.contains(target)) return;
    e.preventDefault();
    review.undo();
  };
  document.addEventListener('selectionchange', onSelection);
  // The box under the selection follows it when the text or the page scrolls.
  document.addEventListener('scroll', onSelection, true);
  document.addEventListener('keydown', onKey);
  // A constructed sheet, adopted by the page or shadow root: a page's CSP without 'unsafe-inline' allows it.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const root = container.getRootNode() as Document | ShadowRoot;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  return {
    Review: () => <ReviewBar review={review} />,
    MentionTools: (props: { feature: LayerFeature; mentions: LayerMention[] }) => (
      <MentionTools review={review} {...props} />
    ),
    stop() {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('scroll', onSelection, true);
      document.removeEventListener('keydown', onKey);
      stopLoads();
      const i = model.editListeners.indexOf(listen);
      if (i >= 0) model.editListeners.splice(i, 1);
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((x) => x !== sheet);
    },
  };
}

/**
 * The words selected in the article text, as a span of the layer's text: each paragraph carries its start
 * (`data-at`), and the characters before a boundary within it are the range's text (text nodes hold the
 * text exactly: it is never parsed as HTML).
 */
function readSelection(model: Model, container: HTMLElement): TextSelection | null {
  const layer = model.layer.peek();
  const root = container.getRootNode() as Document | (ShadowRoot & { getSelection?(): Selection | null });
  const selected = root.getSelection?.() ?? document.getSelection();
  const article = container.querySelector('.aa-article');
  if (!layer?.text || !selected || selected.isCollapsed || !selected.rangeCount || !article) return null;
  const range = selected.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer)) return null;
  const offset = (node: Node, at: number): number | null => {
    const el = node instanceof Element ? node : node.parentElement;
    const p = el?.closest('p[data-at]');
    if (!p) return null;
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(node, at);
    return Number(p.getAttribute('data-at')) + before.toString().length;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  const span = start === null || end === null ? null : trimSpan(layer.text, { start, end });
  if (!span) return null;
  let problem: string | null = null;
  try {
    addMention(layer, span, PROBE);
  } catch (e) {
    problem = (e as Error).message;
  }
  const box = range.getBoundingClientRect();
  return { span, left: box.left, bottom: box.bottom, problem };
}
