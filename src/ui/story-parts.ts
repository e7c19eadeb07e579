// The story map's code (issue #18), loaded only when a collection is shown: a lazy chunk of the explorer,
// and for the embed a classic script of its own (dist/site/article-atlas-story.js), so a single article's
// page or embed does not carry it (first-load budgets: explorer 58 KB, embed 60 KB gzip).
export { StoryPanel } from './components/StoryPanel.tsx';
export { collectionName, collectionView, visibleArticles } from './model/collection-view.ts';
