// The Embed dialog of the explorer (issue #5): both snippets ready to copy, for the selected place when
// there is one. A native <dialog>, so focus is trapped and Escape closes it in every engine.
import { useRef, useState } from 'preact/hooks';
import type { Model } from '../model/create-model.ts';
import { embedSnippets } from '../model/embed-snippets.ts';

export function EmbedDialog({ model, base }: { model: Model; base: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // null while the dialog is closed: the snippets then do not follow the selection, because a textarea's
  // new value costs an autofill task in the frame that shows the passages (issue #4).
  const [copied, setCopied] = useState<string | null>(null);
  const snippets = embedSnippets({
    base,
    title: model.layer.value?.title,
    place: (copied != null && model.selectedId.value) || undefined,
  });
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
    <>
      <button
        type="button"
        class="aa-btn"
        onClick={() => {
          setCopied('');
          dialog.current?.showModal();
        }}
      >
        Embed
      </button>
      <dialog class="aa-dialog" ref={dialog} aria-labelledby="aa-embed-title" onClose={() => setCopied(null)}>
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
    </>
  );
}
