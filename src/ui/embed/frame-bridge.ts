// The host-page side of embed.html (issue #5): reads the query (src, place, height, tiles, text,
// origins), puts one <article-atlas> in the page and talks to the parent window by postMessage:
// out `article-atlas:height`, `article-atlas:ready`, `article-atlas:select`; in `article-atlas:select`
// (id or null), `article-atlas:clear` and `article-atlas:fit` from allowed origins only.

/** Messages the frame accepts from its parent. */
export type FrameCommand =
  { type: 'article-atlas:select'; id: string | null } | { type: 'article-atlas:clear' } | { type: 'article-atlas:fit' };

interface AtlasElement extends HTMLElement {
  select(id: string): boolean;
  clearSelection(): void;
  fit(): void;
}

/**
 * Which parent origins may send commands: `origins=https://a.example,https://b.example`, `origins=*` for
 * any (only when asked for), and by default the frame's own origin only.
 * @example allowedOrigins(new URLSearchParams('origins=https://news.example'), 'https://maps.example')
 */
export function allowedOrigins(query: URLSearchParams, ownOrigin: string): '*' | string[] {
  const raw = query.get('origins');
  if (raw === null || raw.trim() === '') return [ownOrigin];
  if (raw.trim() === '*') return '*';
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        return o;
      }
    });
}

/** Starts the bridge; returns a function that stops it. */
export function startFrameBridge(win: Window = window): () => void {
  const doc = win.document;
  const query = new URLSearchParams(win.location.search);
  const allowed = allowedOrigins(query, win.location.origin);
  const parent = win.parent;
  // Height and selections are no secret (anyone can fetch the layer): without an allow-list they go to
  // any parent so auto-height works everywhere; with one, only to the listed origins.
  const post = (message: object) => {
    if (parent === win) return;
    for (const target of query.get('origins') ? (allowed === '*' ? ['*'] : allowed) : ['*'])
      parent.postMessage(message, target);
  };

  // No margin, so the page's height is the widget's (CSSOM, which a strict CSP allows).
  doc.documentElement.style.background = doc.body.style.background = '#fff';
  doc.body.style.margin = '0';
  const el = doc.createElement('article-atlas') as AtlasElement;
  el.setAttribute('src', query.get('src') || 'layer.geojson');
  for (const name of ['place', 'height', 'tiles', 'text']) {
    const v = query.get(name);
    if (v !== null) el.setAttribute(name, v);
  }
  el.addEventListener('article-atlas:select', (e) =>
    post({ type: 'article-atlas:select', ...(e as CustomEvent).detail }),
  );
  doc.body.append(el);

  let last = -1;
  const sendHeight = () => {
    const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    if (height !== last) post({ type: 'article-atlas:height', height: (last = height) });
  };
  // Browsers skip rendering (and so ResizeObserver) in an off-screen cross-origin frame; "ready" comes
  // from the widget's own timers, so the host learns the height before the reader scrolls to it.
  const sizes = new ResizeObserver(sendHeight);
  sizes.observe(doc.documentElement);
  el.addEventListener('article-atlas:ready', () => {
    sendHeight();
    post({ type: 'article-atlas:ready' });
  });

  const onMessage = (e: MessageEvent) => {
    if (e.source !== parent || (allowed !== '*' && !allowed.includes(e.origin))) return;
    const cmd = e.data as FrameCommand | null;
    if (!cmd || typeof cmd !== 'object') return;
    if (cmd.type === 'article-atlas:select') {
      if (typeof cmd.id === 'string') el.select(cmd.id);
      else if (cmd.id === null) el.clearSelection();
    } else if (cmd.type === 'article-atlas:clear') el.clearSelection();
    else if (cmd.type === 'article-atlas:fit') el.fit();
  };
  win.addEventListener('message', onMessage);
  return () => {
    win.removeEventListener('message', onMessage);
    sizes.disconnect();
    el.remove();
  };
}
