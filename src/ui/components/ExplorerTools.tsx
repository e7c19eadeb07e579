// The explorer's own toolbar buttons (issues #4, #5): open a layer file, and the Embed dialog when the
// site's address is known. Embeds leave them out (and out of their bundle).
import type { Model } from '../model/create-model.ts';
import { EmbedDialog } from './EmbedDialog.tsx';

export function ExplorerTools({ model, embedBase }: { model: Model; embedBase?: string }) {
  const open = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) model.load(await file.text());
    input.value = '';
  };
  return (
    <>
      <label class="aa-btn">
        Open layer file…
        <input type="file" accept=".geojson,.json,application/geo+json,application/json" class="aa-sr" onChange={open} />
      </label>
      {embedBase && <EmbedDialog model={model} base={embedBase} />}
    </>
  );
}
