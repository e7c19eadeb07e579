// Export buttons (issue #4): download the whole layer or the selection as GeoJSON, plus whatever tools
// the host passes in (the explorer: open a file, Embed; issue #5). Dropping a file is handled by App.
import { useComputed } from '@preact/signals';
import type { Model } from '../model/create-model.ts';
import { exportFileName } from '../model/layer-io.ts';
import type { ViewOptions } from './view-options.ts';
import { downloadText } from './download.ts';

export function Toolbar({ model, view }: { model: Model; view: ViewOptions }) {
  const layer = model.layer.value;
  // A signal bound to `disabled`: a selection updates the button without rendering the toolbar again (issue #4).
  const none = useComputed(() => !model.selected.value);
  const Tools = view.Tools;
  return (
    <div class="aa-tools">
      <button
        type="button"
        class="aa-btn"
        disabled={!layer}
        onClick={() => downloadText(model.exportText(), exportFileName(layer?.title))}
      >
        Download GeoJSON
      </button>
      <button
        type="button"
        class="aa-btn"
        disabled={none}
        onClick={() =>
          downloadText(
            model.exportSelectionText()!,
            exportFileName(layer?.title, model.selected.peek()?.properties.name),
          )
        }
      >
        Download selection
      </button>
      {Tools && <Tools model={model} embedBase={view.embedBase} />}
    </div>
  );
}
