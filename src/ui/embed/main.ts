// Entry of the embed script (dist/site/article-atlas.js, issue #5): a classic script, so it loads with a
// plain <script src> from any host, that defines <article-atlas>. The basemap is looked up beside the
// script, wherever the page is.
import css from '../styles.css?inline';
import { createArticleAtlasElement } from './article-atlas-element.ts';

const script = document.currentScript as HTMLScriptElement | null;
const basemapUrl = script?.src ? new URL('basemap.json', script.src).href : undefined;
if (!customElements.get('article-atlas'))
  customElements.define('article-atlas', createArticleAtlasElement(css, basemapUrl));
