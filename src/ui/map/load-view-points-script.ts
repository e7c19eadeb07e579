// The embed's loadViewLabelPoint (build.mjs puts it in place of load-view-label-point.ts in article-atlas.js):
// view-label-point.ts is dist/site/article-atlas-view-points.js, a classic script beside the embed's, added to the
// page the first time an area the article is about has its label point out of view (issue #14: Canada named inside
// a view of Toronto), so that an embed that never needs it does not carry it (1.7 KB gzip of the 60 KB budget).
import { loadClassicScript } from '../load-classic-script.ts';

let loading: Promise<typeof import('./view-label-point.ts')> | undefined;

/** @example loadViewLabelPoint().then(({ viewLabelPoint }) => viewLabelPoint(area, scale, origin, view)) */
export function loadViewLabelPoint(): Promise<typeof import('./view-label-point.ts')> {
  return (loading ??= loadClassicScript('article-atlas-view-points.js', '__articleAtlasViewPoints'));
}
