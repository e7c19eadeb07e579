// The files of an explorer site (issue #17, Publish): the built explorer lists its own files in a manifest;
// the article adds its layer and text. Shared by `article-atlas build` and the zip, so both write the same.
import type { MultiPolygon, Polygon } from 'geojson';
import { InputError } from '../core/errors.ts';
import { labelPoint } from '../core/label-point.ts';
import { unwrapAntimeridian } from '../core/unwrap-antimeridian.ts';
import type { ArticleLayer } from '../core/types.ts';
import { firstViewBox, inlineBasemap } from './site-basemap.ts';

/** The built site's list of its own files (written by build.mjs beside index.html; see README.md here). */
export const SITE_MANIFEST = 'site-files.json';

/** The article's own files in a site: added to the built explorer by `build` and by the zip. */
export const LAYER_FILE = 'layer.geojson';
export const TEXT_FILE = 'article.txt';

/** The page of a site: it carries a copy of a small layer, so the places are drawn without a second request. */
export const INDEX_FILE = 'index.html';
/**
 * Layers up to this many characters go into index.html too: the seed's is 92 KB. A larger one (a story of
 * thousands of places) is fetched, so the page's own HTML does not hold up the map.
 */
export const MAX_INLINE_LAYER_CHARS = 256 * 1024;
const INLINE_LAYER = /<script type="application\/json" id="aa-layer">[^]*?<\/script>\n/;
const INLINE_LABELS = /<script type="application\/json" id="aa-labels">[^]*?<\/script>\n/;
const INLINE_BASEMAP = /<script type="application\/json" id="aa-basemap">[^]*?<\/script>\n/;
const LAYER_PRELOAD = '<link rel="preload" href="layer.geojson" as="fetch" crossorigin>\n';
const APP_ROOT = /<div id="app"[^>]*>.*<\/div>\n/;

/** A relative path of plain names (no `..`, no leading `/`, no `\`, no URL scheme): it stays inside the site folder and the zip. */
export const SAFE_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/**
 * The file list of a site manifest (`{"files": ["app.js", …]}`), checked: every entry a relative path that
 * stays inside the folder, so a zip made from it cannot write outside the folder it is unzipped into.
 * @example readSiteManifest('{"files":["index.html","app.js"]}') // ['index.html', 'app.js']
 */
export function readSiteManifest(text: string): string[] {
  let files: unknown;
  try {
    files = (JSON.parse(text) as { files?: unknown })?.files;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string'))
    throw new InputError(`${SITE_MANIFEST} is not a site's file list ({"files": [...]}). Rebuild the site.`);
  const bad = files.find((f) => !SAFE_PATH.test(f));
  if (bad !== undefined)
    throw new InputError(`${SITE_MANIFEST} names a file outside the site: ${JSON.stringify(bad)}.`);
  return files;
}

/**
 * The article's files of a site: the layer (with its text as the `text` member, compact JSON and a final
 * newline) and, when there is a text, article.txt. `build` writes these; the zip holds the same bytes.
 * @example siteDataFiles(layer).map(([name]) => name) // ['layer.geojson', 'article.txt']
 */
export function siteDataFiles(layer: ArticleLayer, text = layer.text): Array<[string, string]> {
  const withText: ArticleLayer = text !== undefined && layer.text === undefined ? { ...layer, text } : layer;
  return [
    [LAYER_FILE, JSON.stringify(withText) + '\n'],
    ...(text !== undefined ? [[TEXT_FILE, text] as [string, string]] : []),
  ];
}

/**
 * The label points of a layer's areas as JSON, `{"<feature id>": [lon, lat, radius, across]}` (labelPoint, on each
 * area's geometry as the map draws it: unwrapped across ±180°), or null when the text is not a layer with areas.
 * The explorer takes them for the page's own layer instead of computing them in the task that draws the first
 * view (issue #14).
 * @example areaLabelPoints(layerText) // '{"geonames:174982":[45.01,40.07,0.55,0.89],…}'
 */
export function areaLabelPoints(layerText: string): string | null {
  let features: unknown;
  try {
    features = (JSON.parse(layerText) as { features?: unknown })?.features;
  } catch {
    return null;
  }
  if (!Array.isArray(features)) return null;
  const points: Record<string, [number, number, number, number]> = {};
  for (const f of features as Array<{ id?: unknown; geometry?: { type?: unknown } | null }>) {
    const g = f?.geometry;
    if (typeof f?.id !== 'string' || (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')) continue;
    try {
      const { at, radius, across } = labelPoint(unwrapAntimeridian(g as Polygon | MultiPolygon));
      if ([...at, radius, across].every(Number.isFinite)) points[f.id] = [at[0], at[1], radius, across];
    } catch {
      // A shape labelPoint cannot read: the explorer's validator says what is wrong with it.
    }
  }
  const text = JSON.stringify(points);
  // Ids come from a text that holds neither (siteIndexHtml); checked again, as the element must not end early.
  return Object.keys(points).length && !text.includes('</') && !text.includes('<!--') ? text : null;
}

/** The basemap a page carries for its layer's first view (inlineBasemap), or null when the text is not a layer. */
function pageBasemap(layerText: string, read: (file: string) => string | undefined): string | null {
  let box: ReturnType<typeof firstViewBox>;
  try {
    box = firstViewBox(JSON.parse(layerText) as ArticleLayer);
  } catch {
    return null;
  }
  return inlineBasemap(box, read);
}

/**
 * The explorer's page for a layer (issue #14, places first): the layer's text goes into a
 * `<script type="application/json" id="aa-layer">` after `#app`, which the page reads instead of fetching
 * layer.geojson (and then does not preload it), and its areas' label points (areaLabelPoints) into an `aa-labels`
 * element after it; with `read` (the site's files by name), the basemap's index and the cells of its first view
 * (inlineBasemap) into an `aa-basemap` element after those, so the map is complete without a request after its
 * places. Not when the text is large, nor when it holds `</` or `<!--`,
 * which would end or change the script element: the page fetches the file then. A page without `#app` (not
 * the explorer's) is returned as it is, and an earlier copy of a layer is replaced, so build and the zip agree.
 * @example siteIndexHtml(template, siteDataFiles(layer)[0][1], (f) => readFileSync(join(site, f), 'utf8'))
 */
export function siteIndexHtml(html: string, layerText: string, read?: (file: string) => string | undefined): string {
  const root = APP_ROOT.exec(html);
  if (!root) return html;
  const bare = html.replace(INLINE_LAYER, '').replace(INLINE_LABELS, '').replace(INLINE_BASEMAP, '');
  const inline = layerText.length <= MAX_INLINE_LAYER_CHARS && !layerText.includes('</') && !layerText.includes('<!--');
  // Where the template has it: before the chunks' preloads and app.js.
  if (!inline)
    return bare.includes(LAYER_PRELOAD)
      ? bare
      : bare.replace(/<link rel="modulepreload"|<script type="module"/, LAYER_PRELOAD + '$&');
  const at = bare.indexOf(root[0]) + root[0].length;
  const labels = areaLabelPoints(layerText);
  const basemap = read && pageBasemap(layerText, read);
  const block =
    `<script type="application/json" id="aa-layer">${layerText}</script>\n` +
    (labels ? `<script type="application/json" id="aa-labels">${labels}</script>\n` : '') +
    (basemap ? `<script type="application/json" id="aa-basemap">${basemap}</script>\n` : '');
  return (bare.slice(0, at) + block + bare.slice(at)).replace(LAYER_PRELOAD, '');
}
