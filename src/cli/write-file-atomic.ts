// Writes output files atomically (temporary file in the same folder, then rename), so an interrupted
// run never leaves a truncated file where a good one was; refuses to overwrite the input.

import { realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

function samePath(path: string, other: string): boolean {
  try {
    return realpathSync(path) === realpathSync(other);
  } catch {
    return resolve(path) === resolve(other);
  }
}

/**
 * Writes `data` to `file` atomically.
 *
 * @example
 * writeFileAtomic('out.geojson', json, 'article.txt')
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, input?: string): void {
  if (input && input !== '-' && samePath(file, input)) throw new InputError(`Refusing to overwrite the input ${input} with the output.`);
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`Cannot write ${file}: its folder does not exist.`);
    if (code === 'EACCES' || code === 'EROFS') throw new InputError(`Cannot write ${file}: no permission.`);
    if (code === 'EISDIR') throw new InputError(`Cannot write ${file}: it is a folder.`);
    throw e;
  }
}
