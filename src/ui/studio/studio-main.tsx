// Entry of the studio page (dist/studio/index.html, issue #17): the input panel above the explorer, the worker
// that geoparses, and the work in progress restored from the browser's storage. The explorer is the reader's
// own (mount.tsx), mounted afresh for each new layer; its built site is in site/ beside this page.
import '../styles.css';
import '../explorer.css';
import './studio.css';
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { ArticleLayer } from '../../core/types.ts';
import type { BasemapData } from '../map/basemap-transform.ts';
import { countryName } from '../model/kind-group.ts';
import { mount, type MountOptions } from '../mount.tsx';
import { createStudioWorker } from './create-studio-worker.ts';
import { clearWork, loadWork, saveDraft, saveLayer } from './save-work.ts';
import { Studio } from './Studio.tsx';
import type { ProgressEvent } from './studio-protocol.ts';
import { loadSession } from './studio-session.ts';

/** Saving the draft waits for a pause in typing. */
const DRAFT_DELAY_MS = 400;

async function start(panel: HTMLElement, mapEl: HTMLElement) {
  const base = new URL('.', location.href);
  const progress = signal<ProgressEvent | null>(null);
  const worker = createStudioWorker(new URL('studio-worker.js', base), (p) => (progress.value = p));
  // On a second visit the gazetteer is built from the browser's cache while the person pastes their article, so
  // that "Map this article" pays only for geoparsing; a first visit downloads nothing until it is asked for.
  // `data-gazetteer="ready"` on the panel says when it is built (tests and the benchmark wait for it).
  const prepare = (cachedOnly: boolean) =>
    void worker.request('prepare', { cachedOnly }).then(
      (ready) => ready && (panel.dataset.gazetteer = 'ready'),
      () => {},
    );
  prepare(true);
  // The basemap is read once for every layer the studio shows, from the start.
  const basemap = fetch(new URL('site/basemap.json', base))
    // Its url: the files of its cells are relative to it.
    .then((r) => (r.ok ? r.json().then((d: BasemapData) => ({ ...d, url: r.url })) : null))
    .catch(() => null);
  // The chunks the explorer loads as it mounts, fetched and compiled while the person pastes: after the click
  // they were round trips between the worker's reply and the drawn map.
  void import('../model/validate-layer.ts');
  void import('../../core/choose-focus.ts');
  void import('../review/start-review.tsx');
  // So is the place list's first country name (Intl.DisplayNames takes tens of milliseconds to create).
  setTimeout(() => countryName('FR'));
  const [session, work] = await Promise.all([loadSession(base), loadWork()]);
  let unmount: (() => void) | undefined;
  let shown = 0;
  const show = async (json: string) => {
    const n = ++shown;
    performance.mark('aa:show');
    const data = await basemap;
    performance.measure('aa:basemap', 'aa:show');
    // A newer layer (or Start over) while the basemap loaded wins.
    if (n !== shown) return;
    unmount?.();
    mapEl.replaceChildren();
    const options: MountOptions = {
      layer: json,
      basemap: data ?? undefined,
      hash: true,
      siteBase: 'site/',
      // Review (add a missed place, remove a mention, undo): the gazetteer search runs in the worker.
      review: { search: (query) => worker.request('search', { query }) },
      onChange: (layer) => void saveLayer(layer),
    };
    performance.mark('aa:mount');
    unmount = mount(mapEl, options);
    performance.measure('aa:mount', 'aa:mount');
  };
  const showEmpty = () => {
    shown++;
    unmount?.();
    unmount = undefined;
    const p = document.createElement('p');
    p.className = 'aa-studio-empty';
    p.textContent = 'The map of the article appears here.';
    mapEl.replaceChildren(p);
  };

  let layer = work.layer;
  let draft = work.draft ?? '';
  // The article given to `article-atlas studio FILE` comes first, once per run of the server: a reload keeps
  // the work done on it since.
  if (session?.start && work.start !== session.token) {
    const res = await fetch(new URL(session.start, base)).catch(() => undefined);
    if (res?.ok) {
      layer = await res.text();
      draft = (JSON.parse(layer) as ArticleLayer).text ?? '';
      await Promise.all([saveLayer(layer, session.token), saveDraft(draft)]);
    }
  }
  if (layer) void show(layer);
  else showEmpty();

  let draftTimer = 0;
  let typed = false;
  render(
    <Studio
      worker={worker}
      session={session}
      base={base}
      progress={progress}
      initialText={draft}
      hasWork={!!layer}
      onMapped={(result) => {
        void show(result.json);
        void saveLayer(result.json);
      }}
      onDraft={(text) => {
        // Someone giving an article will map it: the gazetteer's download starts now rather than at the click.
        if (!typed) prepare(false);
        typed = true;
        clearTimeout(draftTimer);
        draftTimer = window.setTimeout(() => void saveDraft(text), DRAFT_DELAY_MS);
      }}
      onStartOver={async () => {
        clearTimeout(draftTimer);
        await clearWork(session?.token);
        showEmpty();
      }}
    />,
    panel,
  );
}

const panel = document.getElementById('studio-input');
const mapEl = document.getElementById('studio-map');
if (panel && mapEl) void start(panel, mapEl);
