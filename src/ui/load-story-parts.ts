// Loads the story map's code (story-parts.ts) when a collection arrives. The embed's build swaps this module
// for embed/load-story-script.ts: a classic script cannot import a chunk.
import type * as StoryPartsModule from './story-parts.ts';

export type StoryParts = typeof StoryPartsModule;

/**
 * The story map's components and views, loaded once.
 * @example loadStoryParts().then((p) => p.collectionView(c, new Set(['a1'])))
 */
export const loadStoryParts = (): Promise<StoryParts> => import('./story-parts.ts');
