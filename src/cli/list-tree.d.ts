// Types of list-tree.js (plain JavaScript so that build.mjs can import it).

/** The files under `dir`, as relative paths with `/` between parts, each after `prefix`. */
export function listTree(dir: string, prefix?: string): string[];
