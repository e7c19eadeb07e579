// The Embed dialog of the explorer (issue #5): both snippets ready to copy, for the selected place when
// there is one. A native <dialog>, so focus is trapped and Escape closes it in every engine. A lazy chunk, loaded on
// the first click on Embed (ExplorerTools.tsx): the first load carries the button only.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { embedSnippets } from '../model/embed-snippets.ts';

/** The dialog, shown as it mounts; `onClose` once the reader closes it (Escape, Close). */
export function EmbedDialog({ model, base, onClose }: { model: Model; base: string; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Which snippet was copied ('' for none yet); the snippets follow the selection only while the dialog is open.
  const [copied, setCopied] = useState('');
  useLayoutEffect(() => dialog.current?.showModal(), []);
  const snippets = embedSnippets({ base, title: model.layer.value?.title, place: model.selectedId.value || undefined });
  const copy = async (which: 'element' | 'iframe', e: Event) => {
    const area = (e.currentTarget as HTMLElement).parentElement?.querySelector('textarea');
    try {
      await navigator.clipboard.writeText(snippets[which]);
      setCopied(which);
    } catch {
      // No clipboard permission (e.g. an insecure context): select the text for Ctrl+C instead.
      area?.select();
      setCopied('');
    }
  };
  const block = (which: 'element' | 'iframe', heading: string, help: string) => (
    <div class="aa-snippet">
      <h4 id={`aa-embed-${which}`}>{heading}</h4>
      <p class="aa-meta">{help}</p>
      <textarea
        readOnly
        rows={which === 'element' ? 3 : 4}
        aria-labelledby={`aa-embed-${which}`}
        value={snippets[which]}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" class="aa-btn" onClick={(e) => copy(which, e)}>
        {copied === which ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
  return (
    <dialog class="aa-dialog" ref={dialog} aria-labelledby="aa-embed-title" onClose={onClose}>
      <h3 id="aa-embed-title">Embed this map</h3>
      {block(
        'element',
        'Web component',
        'One script and one element; the map lives in its own shadow root and sends article-atlas:select events.',
      )}
      {block(
        'iframe',
        'Iframe',
        'Fully isolated. It posts its height and selections to your page; see the README for the messages.',
      )}
      <button type="button" class="aa-btn aa-close" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
