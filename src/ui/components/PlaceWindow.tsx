// A long group of the place list, windowed (issue #19 item 14): a story map of thousands of places renders only
// the rows in its scroll box and a few around them, so an import of 5,000 places does not build and lay out
// 5,000 rows at once. Rows keep their list semantics (position and size of the set for screen readers); Tab
// walks the whole list (a focused row is scrolled into view, which moves the window); a place selected on the
// map scrolls its row into view.
import { effect, signal } from '@preact/signals';
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import type { PlaceRow } from '../model/layer-view.ts';

/** Groups up to this long render every row, as any article's list does: the window is for story maps. */
export const WINDOW_FROM = 200;
/** Rows rendered beyond each edge of the box, so a fast scroll or a Tab finds its next row already there. */
const OVERSCAN = 8;

export function PlaceWindow({ rows, row, model }: { rows: PlaceRow[]; row: (r: PlaceRow) => VNode; model: Model }) {
  const box = useRef<HTMLDivElement>(null);
  // Signals read in render re-render this component alone (no useState: the embed's budget, issue #5). The
  // row's and the box's heights are guesses until measured (rows do not wrap in a window: styles.css), in the
  // next frame, just before its layout: measured at once they would lay the page out inside the import's task.
  const at = useMemo(() => ({ top: signal(0), rowPx: signal(46), boxPx: signal(520) }), []);
  const rowPx = at.rowPx.value;
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      at.rowPx.value = box.current?.querySelector('li')?.offsetHeight || rowPx;
      at.boxPx.value = box.current?.clientHeight || at.boxPx.peek();
    });
    return () => cancelAnimationFrame(frame);
  });
  /** The scroll position nearest to `top` that shows row `i` whole. */
  const reveal = (i: number, top: number) => Math.min(i * rowPx, Math.max(top, (i + 1) * rowPx - at.boxPx.peek()));
  useEffect(
    () =>
      effect(() => {
        const el = box.current;
        const i = rows.findIndex((r) => r.feature.id === model.marked.value);
        const from = model.origin.peek();
        // Only the box scrolls (its scroll event moves the window): the panel stays where the reader is.
        if (el && i >= 0 && (from === 'map' || from === 'url')) el.scrollTop = reveal(i, el.scrollTop);
      }),
    [rows, rowPx],
  );
  const first = Math.max(0, Math.floor(at.top.value / rowPx) - OVERSCAN);
  const last = Math.min(rows.length, first + Math.ceil(at.boxPx.value / rowPx) + 2 * OVERSCAN);
  return (
    <div
      class="aa-window"
      ref={box}
      onScroll={(e) => (at.top.value = e.currentTarget.scrollTop)}
      // The window follows the focus at once (the scroll event comes a frame later): Tab pressed faster than
      // frames still finds the next row rendered.
      onFocusIn={(e) => {
        const i = Number((e.target as HTMLElement).closest('li')?.getAttribute('aria-posinset')) - 1;
        if (i >= 0) at.top.value = reveal(i, at.top.value);
      }}
    >
      <ul
        class="aa-list"
        style={{ paddingTop: `${first * rowPx}px`, paddingBottom: `${(rows.length - last) * rowPx}px` }}
      >
        {rows.slice(first, last).map((r, k) => (
          <li key={r.feature.id} aria-posinset={first + k + 1} aria-setsize={rows.length}>
            {row(r)}
          </li>
        ))}
      </ul>
    </div>
  );
}
