// The embed's loadStoryParts (build.mjs puts it in place of ../load-story-parts.ts): the story map's code is
// dist/site/article-atlas-story.js, a classic script beside this one, added to the page when a collection
// arrives. It takes Preact, its hooks and signals from this script (build.mjs maps its imports to
// `__articleAtlasShared`): one instance of each, or its components would not render in this script's tree.
import { computed, useSignal } from '@preact/signals';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { loadClassicScript } from '../load-classic-script.ts';
import type { StoryParts } from '../load-story-parts.ts';

let loading: Promise<StoryParts> | undefined;

/**
 * The story map's components and views, from article-atlas-story.js (added to the page once).
 * @example loadStoryParts().then((p) => p.collectionView(c, new Set(['a1'])))
 */
export function loadStoryParts(): Promise<StoryParts> {
  const g = globalThis as { __articleAtlasShared?: object };
  g.__articleAtlasShared ??= {
    '@preact/signals': { computed, useSignal },
    'preact/jsx-runtime': { Fragment, jsx, jsxs },
    'preact/hooks': { useEffect, useMemo, useRef },
  };
  return (loading ??= loadClassicScript('article-atlas-story.js', '__articleAtlasStory'));
}
