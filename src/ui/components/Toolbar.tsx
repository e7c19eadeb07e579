// Export and import buttons (issue #4): download the whole layer or the selection as GeoJSON, open a
// layer file. Dropping a file anywhere on the widget is handled by App.
import type { Model } from '../model/create-model.ts';
import { exportFileName } from '../model/layer-io.ts';
import { downloadText } from './download.ts';

export function Toolbar({ model }: { model: Model }) {
  const layer = model.layer.value;
  const sel = model.selected.value;
  const open = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) model.load(await file.text());
    input.value = '';
  };
  return (
    <div class="aa-tools">
      <button type="button" class="aa-btn" disabled={!layer} onClick={() => downloadText(model.exportText(), exportFileName(layer?.title))}>
        Download GeoJSON
      </button>
      <button type="button" class="aa-btn" disabled={!sel} onClick={() => downloadText(model.exportSelectionText()!, exportFileName(layer?.title, sel?.properties.name))}>
        Download selection
      </button>
      <label class="aa-btn">
        Open layer file…
        <input type="file" accept=".geojson,.json,application/geo+json,application/json" class="aa-sr" onChange={open} />
      </label>
    </div>
  );
}
