// The studio's input panel (issue #17): the article text, "Map this article", a file (chosen or dropped),
// a web page through the local server, "Start over"; the gazetteer's progress and every message in the
// page. A refused article leaves the current work as it was. Text is only ever set as text, never as HTML.
import type { Signal } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import type { ArticleInput, MapResult, ProgressEvent } from './studio-protocol.ts';
import { StudioError, type StudioWorker } from './create-studio-worker.ts';
import { requestPage, type StudioSession } from './studio-session.ts';

/**
 * Largest article file the studio reads: a page's text area and storage are no place for more (the
 * command reads up to 64 MB). The same as the largest web page the command fetches by default.
 */
export const STUDIO_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Files offered by "Open article file…" (any file may still be dropped; the reader decides). */
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html';

export interface StudioProps {
  worker: StudioWorker;
  /** Null in a static studio: no local server to fetch web pages. */
  session: StudioSession | null;
  base: URL;
  progress: Signal<ProgressEvent | null>;
  initialText: string;
  hasWork: boolean;
  /** Shows a new layer (and saves it). */
  onMapped(result: MapResult): void;
  onDraft(text: string): void;
  onStartOver(): Promise<void>;
}

type Message = { kind: 'info' | 'error'; text: string } | null;

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

export function Studio(props: StudioProps) {
  const [text, setText] = useState(props.initialText);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [hasWork, setHasWork] = useState(props.hasWork);
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);

  async function map(input: ArticleInput, what: string) {
    setBusy(true);
    setMessage({ kind: 'info', text: `Mapping ${what}…` });
    try {
      performance.mark('aa:request');
      const result = await props.worker.request('map', { input });
      performance.measure('aa:reply', 'aa:request');
      props.onMapped(result);
      setHasWork(true);
      if (!('text' in input)) {
        setText(result.text);
        props.onDraft(result.text);
      }
      setMessage({
        kind: 'info',
        text: result.places ? `${result.places} places found.` : 'No places found in this article.',
      });
    } catch (e) {
      const why = e instanceof StudioError && e.input ? e.message : `Something went wrong: ${(e as Error).message}.`;
      setMessage({ kind: 'error', text: `${why} The current work is kept.` });
    } finally {
      setBusy(false);
    }
  }

  function mapText() {
    if (!text.trim())
      return setMessage({
        kind: 'error',
        text: 'There is no article text: paste an article into “Article text”, or open a file. The current work is kept.',
      });
    void map({ text }, 'the article');
  }

  async function mapFile(file: File) {
    if (file.size > STUDIO_MAX_FILE_BYTES)
      return setMessage({
        kind: 'error',
        text: `The file ${file.name} is ${mb(file.size)} MB; the studio reads articles up to ${mb(STUDIO_MAX_FILE_BYTES)} MB (the command line up to 64 MB). The current work is kept.`,
      });
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      return setMessage({ kind: 'error', text: `The file ${file.name} could not be read. The current work is kept.` });
    }
    await map({ bytes, name: file.name }, file.name);
  }

  async function fetchPage(e: Event) {
    e.preventDefault();
    if (!props.session)
      return setMessage({
        kind: 'error',
        text: 'Fetching a web page needs the local studio: run “article-atlas studio” and open the address it prints (a page on a static host may not read other sites). Or save the page and open the file.',
      });
    if (!url.trim()) return setMessage({ kind: 'error', text: 'Give the address of an article (https://…).' });
    setBusy(true);
    setMessage({ kind: 'info', text: `Fetching ${url}…` });
    let read;
    try {
      read = await requestPage(props.session, props.base, url.trim());
    } catch (err) {
      setBusy(false);
      return setMessage({ kind: 'error', text: `${(err as Error).message} The current work is kept.` });
    }
    await map({ read }, url.trim());
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file && !busy) void mapFile(file);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  async function startOver(e: Event) {
    e.preventDefault();
    dialog.current?.close();
    await props.onStartOver();
    setText('');
    setUrl('');
    setHasWork(false);
    setMessage({ kind: 'info', text: 'Started over: paste an article, open a file or fetch a page.' });
  }

  const progress = props.progress.value;
  return (
    <section
      class={`aa-studio-input${dragging ? ' aa-studio-drop' : ''}`}
      aria-label="Article"
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label for="aa-studio-text" class="aa-studio-label">
        Article text
      </label>
      <textarea
        id="aa-studio-text"
        class="aa-studio-text"
        rows={5}
        placeholder="Paste an article here, or drop a .txt, .md or .html file."
        value={text}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          props.onDraft(value);
        }}
      />
      <div class="aa-studio-actions">
        <button type="button" class="aa-btn aa-studio-primary" disabled={busy} onClick={mapText}>
          Map this article
        </button>
        <label class={`aa-btn${busy ? ' aa-studio-off' : ''}`}>
          Open article file…
          <input
            type="file"
            accept={ACCEPT}
            class="aa-sr"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void mapFile(file);
            }}
          />
        </label>
        <form class="aa-studio-fetch" onSubmit={fetchPage}>
          <label for="aa-studio-url">Article URL</label>
          <input
            id="aa-studio-url"
            type="url"
            placeholder="https://…"
            value={url}
            onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="aa-btn" disabled={busy}>
            Fetch
          </button>
        </form>
        <button
          type="button"
          class="aa-btn aa-studio-start-over"
          disabled={busy || (!hasWork && !text)}
          onClick={() => dialog.current?.showModal()}
        >
          Start over
        </button>
      </div>
      {!props.session && (
        <p class="aa-studio-note">Fetching a web page needs the local studio (run “article-atlas studio”).</p>
      )}
      {progress && progress.loaded < progress.total && !progress.cached && (
        <div class="aa-studio-progress">
          <label for="aa-studio-progress">
            Loading the gazetteer: {mb(progress.loaded)} of {mb(progress.total)} MB (once; then kept by the browser)
          </label>
          <progress id="aa-studio-progress" max={progress.total} value={progress.loaded} />
        </div>
      )}
      <p
        class={`aa-studio-message${message?.kind === 'error' ? ' aa-studio-error' : ''}`}
        role={message?.kind === 'error' ? 'alert' : 'status'}
      >
        {message?.text}
      </p>
      <dialog ref={dialog} class="aa-studio-dialog" aria-labelledby="aa-studio-dialog-title">
        <form method="dialog" onSubmit={startOver}>
          <h2 id="aa-studio-dialog-title">Start over?</h2>
          <p>The article text and its map, with your changes, will be cleared. This cannot be undone.</p>
          <div class="aa-studio-actions">
            <button type="submit" class="aa-btn aa-studio-primary">
              Start over
            </button>
            <button type="button" class="aa-btn" autofocus onClick={() => dialog.current?.close()}>
              Keep my work
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
