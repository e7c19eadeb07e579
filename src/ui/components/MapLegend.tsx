// The map's legend (issue #14): the colours and marks in use in the layer, small, over the map's lower left
// corner; a <details> element, so it opens and closes by mouse and keyboard alike. Closed at first on a
// narrow map, where it would cover too much of it.
import { useEffect, useRef } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { legendEntries } from '../model/legend-entries.ts';

/** Below this width the legend starts closed. */
const OPEN_MIN_WIDTH_PX = 480;

export function MapLegend({ model }: { model: Model }) {
  const details = useRef<HTMLDetailsElement>(null);
  // Read after the first frame (an effect, not a layout effect): read at mount, the width forced a layout of the
  // whole page in the task that draws the places, and another once they were drawn (issue #14, traced: 7–10 ms).
  // A wide map's legend opens a frame after its places are painted.
  useEffect(() => {
    const box = details.current?.parentElement;
    if (box && details.current) details.current.open = box.clientWidth >= OPEN_MIN_WIDTH_PX;
  }, []);
  const layer = model.layer.value;
  const entries = layer ? legendEntries(layer.features) : [];
  return (
    <details class="aa-legend" ref={details} hidden={!entries.length}>
      <summary>Legend</summary>
      <ul>
        {entries.map((e) => (
          <li key={e.key}>
            <span class={`aa-sw ${e.swatch}`} aria-hidden="true" />
            {e.label}
          </li>
        ))}
      </ul>
    </details>
  );
}
