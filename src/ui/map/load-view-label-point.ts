// view-label-point.ts, loaded the first time an area the article is about has its label point out of view: a chunk of
// its own (polylabel and turf's bboxClip, which the first load does not otherwise need). The embed's classic script
// cannot load chunks: build.mjs gives it ./load-view-points-script.ts instead, which adds
// article-atlas-view-points.js to the page.

/** @example loadViewLabelPoint().then(({ viewLabelPoint }) => viewLabelPoint(area, scale, origin, view)) */
export const loadViewLabelPoint = (): Promise<typeof import('./view-label-point.ts')> =>
  import('./view-label-point.ts');
