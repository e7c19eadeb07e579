// Writes outputs atomically (temporary file beside it, then rename) and never over the input; writes
// *through* what is not a plain file (issue #19): a device, FIFO or /dev/stdout directly, a symbolic
// link's target (the link stays), and a replaced file keeps its mode.

import {
  chmodSync,
  chownSync,
  createWriteStream,
  fstatSync,
  lstatSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
  type WriteStream,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { InputError } from '../core/errors.ts';
import { removeOnExit } from './remove-on-exit.ts';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Stdin's file, when it is one (`< file`), else undefined. */
function stdinStats(): Stats | undefined {
  try {
    return fstatSync(0);
  } catch {
    return undefined;
  }
}

/**
 * Throws when writing `file` would replace `input` (`-` or undefined: stdin, when it is a file). Compares
 * device and inode, so another name for the same file (a link, `./x`, `..`) is caught too.
 *
 * @example
 * refuseToOverwrite('site/index.html', 'index.html') // throws when run in site/
 */
export function refuseToOverwrite(file: string, input: string | undefined): void {
  const a = statOf(file);
  const b = !input || input === '-' ? stdinStats() : statOf(input);
  if (a && b && a.isFile() && a.dev === b.dev && a.ino === b.ino) {
    throw new InputError(
      `Refusing to overwrite the input ${!input || input === '-' ? '(stdin)' : input} with the output ${file}: write somewhere else.`,
    );
  }
}

/**
 * Where writing `file` goes: `direct` for what cannot be replaced by a rename (a device, FIFO or socket,
 * and names that lead through /proc, such as /dev/stdout → /proc/self/fd/1); otherwise the path at the
 * end of its chain of symbolic links, which may not exist yet.
 */
function destination(file: string): { direct: true } | { direct: false; path: string; stats?: Stats } {
  const stats = statOf(file);
  if (stats && !stats.isFile()) {
    if (stats.isDirectory()) throw new InputError(`Cannot write ${file}: it is a folder.`);
    return { direct: true };
  }
  let path = resolve(file);
  for (let hops = 0; ; hops++) {
    if (path.startsWith('/proc/')) return { direct: true };
    let link: Stats;
    try {
      link = lstatSync(path);
    } catch {
      return { direct: false, path, stats };
    }
    if (!link.isSymbolicLink()) return { direct: false, path, stats };
    // The kernel's own limit on a chain (40 on Linux); statOf above has already failed for a loop.
    if (hops === 40) throw new InputError(`Cannot write ${file}: too many symbolic links.`);
    path = resolve(dirname(path), readlinkSync(path));
  }
}

/** Gives the new file the replaced one's mode and, where allowed, its owner. */
function keepMode(tmp: string, stats: Stats | undefined): void {
  if (!stats) return;
  chmodSync(tmp, stats.mode & 0o7777);
  try {
    chownSync(tmp, stats.uid, stats.gid);
  } catch {
    // Only root may give a file away; anyone else's output is theirs, as with any new file.
  }
}

function explain(file: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw new InputError(`Cannot write ${file}: its folder does not exist.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    throw new InputError(`Cannot write ${file}: no permission. Choose a place you can write to.`);
  if (code === 'EISDIR') throw new InputError(`Cannot write ${file}: it is a folder.`);
  if (code === 'ENOTDIR') throw new InputError(`Cannot write ${file}: part of its path is a file, not a folder.`);
  if (code === 'ENOSPC') throw new InputError(`Cannot write ${file}: the disk is full.`);
  throw e;
}

const tmpBeside = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Writes `data` to `file` atomically.
 *
 * @example
 * writeFileAtomic('out.geojson', json, 'article.txt')
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, input?: string): void {
  if (input !== undefined) refuseToOverwrite(file, input);
  const to = destination(file);
  if (to.direct) {
    try {
      writeFileSync(file, data);
    } catch (e) {
      explain(file, e);
    }
    return;
  }
  const tmp = tmpBeside(to.path);
  const keep = removeOnExit(tmp);
  try {
    writeFileSync(tmp, data);
    keepMode(tmp, to.stats);
    renameSync(tmp, to.path);
  } catch (e) {
    rmSync(tmp, { force: true });
    explain(file, e);
  } finally {
    keep();
  }
}

/** An output being written as a stream; `commit` puts it in place, `abort` throws it away. */
export interface AtomicStream {
  stream: WriteStream;
  commit(): Promise<void>;
  abort(): void;
}

/**
 * The streaming form of writeFileAtomic, for outputs written piece by piece (a JSON-lines batch).
 * Resolves once the file is open, so a bad path is reported before any work is done.
 *
 * @example
 * const out = await openFileAtomic('layers.jsonl', '-'); out.stream.write(line); await out.commit();
 */
export async function openFileAtomic(file: string, input?: string): Promise<AtomicStream> {
  if (input !== undefined) refuseToOverwrite(file, input);
  const to = destination(file);
  const path = to.direct ? file : tmpBeside(to.path);
  const keep = to.direct ? () => {} : removeOnExit(path);
  const stream = createWriteStream(path);
  // A write error (a full disk) destroys the stream; commit reports it.
  let failure: unknown;
  stream.on('error', (e) => (failure ??= e));
  const drop = () => {
    if (!to.direct) rmSync(path, { force: true });
    keep();
  };
  try {
    await new Promise<void>((ok, fail) => {
      stream.once('ready', () => ok());
      stream.once('error', fail);
    });
  } catch (e) {
    drop();
    explain(file, e);
  }
  return {
    stream,
    async commit() {
      try {
        if (!failure) {
          stream.end();
          await finished(stream);
        }
        if (failure) throw failure;
        if (!to.direct) {
          keepMode(path, to.stats);
          renameSync(path, to.path);
        }
      } catch (e) {
        drop();
        explain(file, e);
      }
      keep();
    },
    abort() {
      stream.destroy();
      drop();
    },
  };
}
