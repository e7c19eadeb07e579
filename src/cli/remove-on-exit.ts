// Leaves nothing behind (issue #19): temporary files and folders the command made are removed when the
// process ends, however it ends — a normal exit, an error, or Ctrl+C / SIGTERM / SIGHUP (`signal-exit`
// re-raises the signal after the cleanup, so the exit status still says which signal stopped it).

import { rmSync } from 'node:fs';
import { onExit } from 'signal-exit';

const pending = new Set<string>();
let hooked = false;

/**
 * Removes `path` (a file or a folder) when the process exits, unless the returned function is called
 * first (the file was renamed into place). The hook stays for the process's life once set: removing it
 * after each write would drop a Ctrl+C that arrived during the write.
 *
 * @example
 * const keep = removeOnExit(tmp); writeFileSync(tmp, data); renameSync(tmp, file); keep();
 */
export function removeOnExit(path: string): () => void {
  if (!hooked) {
    hooked = true;
    onExit(() => {
      for (const p of pending) rmSync(p, { recursive: true, force: true });
    });
  }
  pending.add(path);
  return () => pending.delete(path);
}
