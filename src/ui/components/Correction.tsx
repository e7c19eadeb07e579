// Hand correction (issue #4): say the place is another of its candidates, or not a place at all. The
// model rewrites the layer; the export then records `status: "corrected"` and `original`.
import { useState } from 'preact/hooks';
import type { LayerFeature } from '../../core/types.ts';
import type { Model } from '../model/create-model.ts';
import { countryName, kindLabel } from '../model/kind-group.ts';

/** The <select> value for "not a place"; candidate ids always contain a colon, so it cannot clash. */
const NOT_A_PLACE = 'none';

export function Correction({ model, feature }: { model: Model; feature: LayerFeature }) {
  const others = feature.properties.candidates.filter((c) => c.id !== feature.id);
  const [choice, setChoice] = useState(others[0]?.id ?? NOT_A_PLACE);
  // The form only once opened: a new <select> makes Chrome's autofill lay the page out again in a task of
  // its own after every selection, before the passages are on screen (issue #4).
  const [open, setOpen] = useState(false);
  return (
    <details class="aa-fix" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Wrong place?</summary>
      {open && (
        <>
          <label>
            “{feature.properties.mentions[0]?.text ?? feature.properties.name}” means{' '}
            <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
              {others.map((c) => (
                <option value={c.id} key={c.id}>
                  {c.name} ({[kindLabel(c.kind), countryName(c.country)].filter(Boolean).join(', ')})
                </option>
              ))}
              <option value={NOT_A_PLACE}>not a place</option>
            </select>
          </label>{' '}
          {/* The correction code is a lazy chunk (first-load budget, issue #4), like the file validator. */}
          <button
            type="button"
            class="aa-btn"
            onClick={() =>
              import('../model/correct-place.ts').then(
                (m) => m.correctPlace(model, feature.id, choice === NOT_A_PLACE ? null : choice),
                (e: Error) =>
                  (model.error.value = {
                    title: 'The correction could not be applied',
                    message: `${e.message}. Try again.`,
                  }),
              )
            }
          >
            Apply
          </button>
        </>
      )}
    </details>
  );
}
