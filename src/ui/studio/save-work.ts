// The studio's work in progress (issue #17), kept in the browser's IndexedDB (idb-keyval) so that it survives
// a reload: the draft in the text area and the current layer (with every correction, as saved last).
import { clear, createStore, getMany, set, setMany, type UseStore } from 'idb-keyval';
import type { ArticleLayer } from '../../core/types.ts';

export interface SavedWork {
  /** The text area's content. */
  draft?: string;
  /** The layer as JSON text. */
  layer?: string;
  /** The session of `article-atlas studio` whose start article this work began from, if any. */
  start?: string;
}

// One key per part, so that a draft saved while a layer is being saved cannot undo it.
const KEYS = ['draft', 'layer', 'start'] as const;
let store: UseStore | undefined;
const workStore = () => (store ??= createStore('article-atlas-studio', 'work'));

/**
 * Saves the current layer (an object, or its JSON text kept byte for byte). Call it after mapping and
 * after every edit (it fits the explorer's `onChange(layer)`).
 * @example mount(el, { layer, onChange: (layer) => void saveLayer(layer) })
 */
export function saveLayer(layer: ArticleLayer | string, start?: string): Promise<void> {
  const json = typeof layer === 'string' ? layer : JSON.stringify(layer);
  return start === undefined
    ? set('layer', json, workStore())
    : setMany(
        [
          ['layer', json],
          ['start', start],
        ],
        workStore(),
      );
}

/**
 * Saves the text area's content.
 * @example textarea.oninput = () => void saveDraft(textarea.value)
 */
export function saveDraft(draft: string): Promise<void> {
  return set('draft', draft, workStore());
}

/**
 * The saved work; empty when there is none or the storage cannot be read (a private window may refuse it).
 * @example const { draft, layer } = await loadWork()
 */
export async function loadWork(): Promise<SavedWork> {
  try {
    const values = await getMany<string | undefined>([...KEYS], workStore());
    return Object.fromEntries(KEYS.flatMap((k, i) => (values[i] === undefined ? [] : [[k, values[i]]])));
  } catch {
    return {};
  }
}

/**
 * Forgets the work ("Start over"); `start` (the server run's token) is kept, so that a reload does not bring
 * the start article back.
 * @example await clearWork()
 */
export async function clearWork(start?: string): Promise<void> {
  await clear(workStore());
  if (start !== undefined) await set('start', start, workStore());
}
