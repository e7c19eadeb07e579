// Export buttons (issue #4): download the whole layer or the selection as GeoJSON, plus whatever tools
// the host passes in (the explorer: open a file, Embed; issue #5). Dropping a file is handled by App.
import type { Model } from '../model/create-model.ts';
import { exportFileName } from '../model/layer-io.ts';
import type { ViewOptions } from './App.tsx';
import { downloadText } from './download.ts';

export function Toolbar({ model, view }: { model: Model; view: ViewOptions }) {
  const layer = model.layer.value;
  const sel = model.selected.value;
  const Tools = view.Tools;
  return (
    <div class="aa-tools">
      <button type="button" class="aa-btn" disabled={!layer} onClick={() => downloadText(model.exportText(), exportFileName(layer?.title))}>
        Download GeoJSON
      </button>
      <button type="button" class="aa-btn" disabled={!sel} onClick={() => downloadText(model.exportSelectionText()!, exportFileName(layer?.title, sel?.properties.name))}>
        Download selection
      </button>
      {Tools && <Tools model={model} embedBase={view.embedBase} />}
    </div>
  );
}
