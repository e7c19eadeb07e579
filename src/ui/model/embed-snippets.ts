// The two ways to put a built site's map into another page (issue #5), as text for the Embed dialog:
// the <article-atlas> element with its script, and an iframe of embed.html with a title.

export interface EmbedSnippetOptions {
  /** Folder URL of the built site, ending in a slash (e.g. https://example.org/maps/ceasefire/). */
  base: string;
  /** The article title, for the iframe's accessible name. */
  title?: string;
  /** Feature id to select first. */
  place?: string;
  /** Height in CSS pixels of the wide layout. */
  heightPx?: number;
}

export const EMBED_SNIPPET_DEFAULTS = { heightPx: 520 } as const;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The element and iframe snippets for a site folder.
 * @example embedSnippets({ base: 'https://example.org/maps/a/', title: 'Ceasefire' }).iframe
 */
export function embedSnippets(options: EmbedSnippetOptions): { element: string; iframe: string } {
  const { base, title, place, heightPx } = { ...EMBED_SNIPPET_DEFAULTS, ...options };
  const layer = new URL('layer.geojson', base).href;
  const placeAttr = place ? ` place="${attr(place)}"` : '';
  const element =
    `<script src="${attr(new URL('article-atlas.js', base).href)}" defer></script>\n` +
    `<article-atlas src="${attr(layer)}"${placeAttr} height="${heightPx}"></article-atlas>`;
  const query = new URLSearchParams({ src: 'layer.geojson' });
  if (place) query.set('place', place);
  const frameTitle = `Map: ${title ?? 'places in the article'}`;
  const iframe =
    `<iframe src="${attr(new URL('embed.html?' + query, base).href)}" title="${attr(frameTitle)}"` +
    ` width="100%" height="${heightPx}" style="border:0" loading="lazy"></iframe>`;
  return { element, iframe };
}
