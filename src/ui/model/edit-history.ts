// Review (issue #17): the undo history of hand edits (correction, add, remove) as pure data: the layers
// before each edit, newest last. Layers are immutable, so an entry costs only what the edit changed.

/** Edits kept for undo at most: far more than a review session undoes, and bounded memory. */
export const MAX_UNDO = 200;

/** The layers before each edit, oldest first. */
export type EditHistory<T> = readonly T[];

/**
 * The history after an edit made to `before`.
 * @example recordEdit([], layer) // [layer]
 */
export function recordEdit<T>(history: EditHistory<T>, before: T, max = MAX_UNDO): EditHistory<T> {
  const next = [...history, before];
  return next.length > max ? next.slice(next.length - max) : next;
}

/**
 * The layer to go back to and the history without it; null when there is nothing to undo.
 * @example undoEdit([a, b]) // { layer: b, history: [a] }
 */
export function undoEdit<T>(history: EditHistory<T>): { layer: T; history: EditHistory<T> } | null {
  return history.length ? { layer: history[history.length - 1], history: history.slice(0, -1) } : null;
}
