// The files of a folder as relative paths: the site's file list (site-files.json, written by build.mjs) and the
// copies `build` and `studio` make of the built explorer. Plain JavaScript, so that build.mjs (run by node, which
// cannot read TypeScript) shares it; its types are in list-tree.d.ts.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files under `dir` (folders walked, not listed), as relative paths with `/` between parts, each after `prefix`.
 *
 * @example
 * listTree('dist/site'); // ['app.css', 'app.js', 'chunks/layer-to-csv-FQ5NIUGL.js', …]
 */
export function listTree(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? listTree(join(dir, name), `${prefix}${name}/`) : [prefix + name],
  );
}
