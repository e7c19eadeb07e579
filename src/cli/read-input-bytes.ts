// Reads an article's bytes from a file or stdin, up to the per-article limit: an endless or huge stream
// (stdin, a FIFO, /dev/zero) is refused as soon as it passes the limit (issue #19), not after it has
// filled the memory.

import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.ts';
import { MAX_INPUT_BYTES } from './read-article.ts';

const tooLarge = (what: string, maxBytes: number) =>
  new InputError(`${what} is more than ${maxBytes / 1048576} MB; the limit is ${maxBytes / 1048576} MB per article.`);

/** All of a stream as bytes; an InputError as soon as more than `maxBytes` have arrived. */
async function readLimited(input: Readable, what: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of input) {
    size += (c as Buffer).length;
    // Leaving the loop destroys the stream: the writer gets EPIPE and nothing more is read.
    if (size > maxBytes) throw tooLarge(what, maxBytes);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * All of stdin as bytes, refused past `maxBytes`.
 *
 * @example
 * const bytes = await readStdin(process.stdin)
 */
export async function readStdin(
  input: Readable & { isTTY?: boolean },
  maxBytes = MAX_INPUT_BYTES,
): Promise<Uint8Array> {
  if (input.isTTY) throw new InputError('No input: give a FILE, or pipe an article into stdin (see --help).');
  return readLimited(input, 'The input', maxBytes);
}

/**
 * A file's bytes, refused past `maxBytes` (checked from its size when it has one, while reading when it
 * is a FIFO or a device), or an InputError saying why it cannot be read.
 *
 * @example
 * const bytes = await readFileBytes('article.html')
 */
export async function readFileBytes(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) throw new InputError(`${file} is a folder; give an article file.`);
    if (stats.isFile() && stats.size > maxBytes) throw tooLarge(`The file ${file}`, maxBytes);
    return await readLimited(createReadStream(file), `The file ${file}`, maxBytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`No such file: ${file}`);
    if (code === 'EISDIR') throw new InputError(`${file} is a folder; give an article file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`No permission to read ${file}.`);
    throw e;
  }
}
