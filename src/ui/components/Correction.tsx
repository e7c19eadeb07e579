// Hand correction (issue #4): say the place is another of its candidates, or not a place at all. The
// model rewrites the layer; the export then records `status: "corrected"` and `original`.
import { useState } from 'preact/hooks';
import type { LayerFeature } from '../../core/types.ts';
import type { Model } from '../model/create-model.ts';
import { correctPlace } from '../model/correct-place.ts';
import { countryName, kindLabel } from '../model/kind-group.ts';

/** The <select> value for "not a place"; candidate ids always contain a colon, so it cannot clash. */
const NOT_A_PLACE = 'none';

export function Correction({ model, f }: { model: Model; f: LayerFeature }) {
  const others = f.properties.candidates.filter((c) => c.id !== f.id);
  const [choice, setChoice] = useState(others[0]?.id ?? NOT_A_PLACE);
  return (
    <details class="aa-fix">
      <summary>Wrong place?</summary>
      <label>
        “{f.properties.mentions[0]?.text ?? f.properties.name}” means{' '}
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          {others.map((c) => (
            <option value={c.id} key={c.id}>
              {c.name} ({[kindLabel(c.kind), countryName(c.country)].filter(Boolean).join(', ')})
            </option>
          ))}
          <option value={NOT_A_PLACE}>not a place</option>
        </select>
      </label>{' '}
      <button type="button" class="aa-btn" onClick={() => correctPlace(model, f.id, choice === NOT_A_PLACE ? null : choice)}>
        Apply
      </button>
    </details>
  );
}
