// <article-atlas src="layer.geojson">: the explorer as a custom element for other people's pages
// (issue #5). An open shadow root holds the styles (one constructable stylesheet, so a strict CSP allows
// them) and the widget; every element mounts its own widget, so several on a page share nothing.
import type { LayerFeature } from '../../core/types.ts';
import { mountWidget, type WidgetHandle } from '../mount-widget.tsx';

/** Detail of `article-atlas:select`; `id` is null when the reader cleared the selection. */
export interface SelectDetail {
  id: string | null;
  name: string | null;
  kind: string | null;
}

/** Wide-layout height when the page gives none: room for the map and a few passages. */
const DEFAULT_HEIGHT_PX = 480;
const OBSERVED = ['src', 'place', 'height', 'tiles', 'text'] as const;

/** `480`, `480px`, `30rem`, `60vh` → a CSS length; anything else → the default. */
export function cssHeight(value: string | null): string {
  const v = (value ?? '').trim();
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  if (/^\d+(\.\d+)?(px|rem|em|vh|svh|dvh)$/.test(v)) return v;
  return `${DEFAULT_HEIGHT_PX}px`;
}

/**
 * Defines the element class against the styles and basemap URL the bundle provides.
 * @example customElements.define('article-atlas', createArticleAtlasElement(css, 'https://example.org/basemap.json'))
 */
export function createArticleAtlasElement(css: string, basemapUrl: string | undefined) {
  let sheet: CSSStyleSheet | null = null;
  // One parsed stylesheet shared by every element: adoptedStyleSheets takes the same object many times.
  const styles = () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  };

  return class ArticleAtlasElement extends HTMLElement {
    static observedAttributes = OBSERVED;
    private _widget: WidgetHandle | null = null;
    private _box: HTMLDivElement | null = null;

    connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [styles()];
      this.style.setProperty('--aa-height', cssHeight(this.getAttribute('height')));
      this._render();
    }

    disconnectedCallback() {
      this._widget?.unmount();
      this._widget = null;
      this._box?.remove();
      this._box = null;
    }

    attributeChangedCallback(name: string, old: string | null, value: string | null) {
      if (!this._widget || old === value) return;
      if (name === 'height') this.style.setProperty('--aa-height', cssHeight(value));
      else if (name === 'place') value ? this._widget.select(value) : this._widget.clearSelection();
      else this._render();
    }

    /** Selects a place by feature id (a `geonames:` or `wikidata:` id); false when there is none. */
    select(id: string): boolean {
      return this._widget?.select(id) ?? false;
    }

    clearSelection(): void {
      this._widget?.clearSelection();
    }

    /** Frames the article's places again. */
    fit(): void {
      this._widget?.fit();
    }

    private _render() {
      this._widget?.unmount();
      this._box?.remove();
      const box = document.createElement('div');
      box.className = 'aa-host';
      this.shadowRoot!.append(box);
      this._box = box;
      const src = this.getAttribute('src');
      const tiles = this.getAttribute('tiles');
      this._widget = mountWidget(box, {
        // Resolved against the page, like an <img src>; the basemap against the script.
        src: src ? new URL(src, document.baseURI).href : undefined,
        basemap: tiles ? undefined : basemapUrl,
        place: this.getAttribute('place') ?? undefined,
        tiles: tiles
          ? { url: tiles, attribution: this.getAttribute('tiles-attribution') ?? '© OpenStreetMap contributors' }
          : undefined,
        text: !/^(off|false|no|hidden|0)$/i.test(this.getAttribute('text') ?? 'on'),
        onSelect: (feature) => this._emit('article-atlas:select', detailOf(feature)),
        onReady: () => this._emit('article-atlas:ready', { src: src ?? null }),
      });
      if (!src) box.textContent = 'Set the src attribute to an article layer (layer.geojson).';
    }

    private _emit(type: string, detail: unknown) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }
  };
}

function detailOf(feature: LayerFeature | null): SelectDetail {
  return { id: feature?.id ?? null, name: feature?.properties.name ?? null, kind: feature?.properties.kind ?? null };
}
