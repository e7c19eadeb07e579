// CLI input: bytes of a file or stdin → article text. Rejects what is not text (empty, binary,
// invalid UTF-8) with an InputError, and extracts the article text from HTML and Markdown (see
// markup-to-text.ts, loaded only then: its libraries are most of the command's code). Offsets in the
// layer refer to the returned text.

import { InputError } from '../core/errors.ts';
import type { ArticleMetadata } from '../core/types.ts';

export type ArticleFormat = 'text' | 'html' | 'markdown';

export interface ReadArticle {
  text: string;
  title?: string;
  format: ArticleFormat;
  /** What an HTML page says about itself (absent for text and Markdown). */
  article?: ArticleMetadata;
}

/** Largest input accepted: far beyond any article, small enough to parse in memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Decodes bytes as UTF-8 text, or explains why they are not. */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (bytes.length === 0) throw new InputError(`${what} is empty: give an article as plain text, Markdown or HTML.`);
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(
      `${what} is ${(bytes.length / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB per article.`,
    );
  // UTF-16 is told by its byte-order mark (Windows editors write one); everything else must be UTF-8.
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      `${what} is not valid ${encoding.toUpperCase()} text (is it a binary file?). Convert it to UTF-8 first.`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Text files have no NUL bytes and few control characters; images and archives do.
  const sample = text.slice(0, 65536);
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (sample.includes('\u0000') || controls > sample.length / 100)
    throw new InputError(`${what} looks like binary data, not article text.`);
  if (!text.trim()) throw new InputError(`${what} holds only whitespace: there is no article text to read.`);
  return text;
}

/** Whether a command-line argument is a web address rather than a file name (any scheme: the fetch refuses the wrong ones). */
export function isUrl(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}

/** Guesses the format from the file name, then from the content. */
export function detectFormat(text: string, fileName?: string): ArticleFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt') return 'text';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  // A Markdown heading first: Markdown, even with HTML blocks further down (issue #19).
  if (/^#{1,6}[ \t]+\S/.test(head)) return 'markdown';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|article|p|div|h1)[\s>]/.test(head))
    return 'html';
  return 'text';
}

/**
 * Reads an article from bytes in any supported format.
 *
 * @example
 * (await readArticle(new TextEncoder().encode('<p>Clashes near Baku.</p>'), 'a.html')).text // 'Clashes near Baku.'
 */
export async function readArticle(bytes: Uint8Array, fileName?: string, format?: ArticleFormat): Promise<ReadArticle> {
  const what = fileName ? `The file ${fileName}` : 'The input';
  const raw = decodeText(bytes, what);
  return articleFromText(raw, format ?? detectFormat(raw, fileName), what);
}

/**
 * The article in a decoded text of a known format; `what` names the source in messages, `url` is the
 * address it came from (for the metadata's relative links).
 *
 * @example
 * (await articleFromText('# Talks\n\nIn Baku.', 'markdown', 'The input')).title // 'Talks'
 */
export async function articleFromText(
  raw: string,
  fmt: ArticleFormat,
  what: string,
  url?: string,
): Promise<ReadArticle> {
  if (fmt === 'text') return { text: raw, format: fmt, title: firstLine(raw) };
  const { markdownToText, htmlToText } = await import('./markup-to-text.ts');
  const read = fmt === 'markdown' ? { text: markdownToText(raw), title: undefined } : htmlToText(raw, { url, what });
  const { text, title } = read;
  if (!text.trim())
    throw new InputError(
      `${what} has no readable text once the ${fmt === 'html' ? 'HTML markup' : 'Markdown'} is removed.`,
    );
  const article = 'article' in read && Object.keys(read.article).length ? read.article : undefined;
  return { text, format: fmt, title: title ?? firstLine(text), ...(article ? { article } : {}) };
}

function firstLine(text: string): string | undefined {
  const line = text.trim().split('\n', 1)[0].trim();
  return line ? line.slice(0, 160) : undefined;
}
