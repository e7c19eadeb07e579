// The explorer's own toolbar buttons (issues #4, #5, #17): KML, CSV and site downloads, open a layer file,
// and the Embed dialog when the site's address is known. Embeds leave them out (and out of their bundle).
import { useState } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { layerSizeProblem, readerInSlices } from '../model/validate-layer.ts';
import type { EmbedDialog as Dialog } from './EmbedDialog.tsx';
import { ExportButtons } from './ExportButtons.tsx';

/**
 * Opens a chosen or dropped file (issue #6): the size is checked before anything is read; then every feature
 * is checked, a slice per task (issue #19 item 14), by the validator the page's own layer goes through. A refused
 * file leaves the layer shown.
 * @example input.onchange = () => openLayerFile(model, input.files[0])
 */
export async function openLayerFile(model: Model, file: Blob): Promise<void> {
  try {
    const tooBig = layerSizeProblem(file.size);
    if (tooBig) model.error.value = tooBig;
    else {
      // The panel says so while a big file is read, a slice per task (LayerNotice).
      model.opening.value = 0;
      const text = await file.text();
      const read = await readerInSlices(text, (share) => (model.opening.value = share));
      model.opening.value = null;
      model.load(text, read);
    }
  } catch (e) {
    model.opening.value = null;
    // The file could not be read (removed since it was chosen).
    model.error.value = {
      title: 'This file could not be opened',
      message: `${(e as Error).message}. Try again, or choose another file.`,
    };
  }
}

/**
 * A file shown with its unusable parts left out: how many, and why (issue #6); while a file is read, how much of
 * it (issue #19 item 14: 20,000 places take a second or more, the page answering all along).
 */
export function LayerNotice({ model }: { model: Model }) {
  const opening = model.opening.value;
  if (opening !== null)
    return (
      <p class="aa-hint aa-opening" role="status">
        Opening the file… {Math.round(opening * 100)}%
      </p>
    );
  if (!model.notice.value) return null;
  return (
    <div class="aa-empty aa-notice" role="status">
      <p>
        <strong>Some of this file could not be shown.</strong>
      </p>
      <p>{model.notice.value}</p>
      <button type="button" class="aa-btn" onClick={() => (model.notice.value = null)}>
        OK
      </button>
    </div>
  );
}

/**
 * The Embed button; its dialog is a lazy chunk loaded on the first click (~0.8 KB gzip out of the first load, issue
 * #14's 58 KB). A dialog that fails to load says so where the layer's errors are said.
 */
function EmbedButton({ model, base }: { model: Model; base: string }) {
  const [EmbedDialog, setDialog] = useState<typeof Dialog | null>(null);
  const [open, setOpen] = useState(false);
  const show = () =>
    import('./EmbedDialog.tsx').then(
      (m) => {
        setDialog(() => m.EmbedDialog);
        setOpen(true);
      },
      (e: Error) => (model.error.value = { message: `The Embed dialog did not load (${e.message}).` }),
    );
  return (
    <>
      <button type="button" class="aa-btn" onClick={show}>
        Embed
      </button>
      {open && EmbedDialog && <EmbedDialog model={model} base={base} onClose={() => setOpen(false)} />}
    </>
  );
}

export function ExplorerTools({ model, embedBase, siteBase }: { model: Model; embedBase?: string; siteBase?: string }) {
  const open = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await openLayerFile(model, file);
  };
  return (
    <>
      <ExportButtons model={model} siteBase={siteBase} />
      <label class="aa-btn">
        Open layer file…
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          class="aa-sr"
          onChange={open}
        />
      </label>
      {embedBase && <EmbedButton model={model} base={embedBase} />}
    </>
  );
}
