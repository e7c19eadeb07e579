// Article input, shared by the command (files, stdin) and the studio's worker (pasted text, files):
// bytes → article text. Rejects what is not text (empty, binary, invalid UTF-8) with an InputError, and
// extracts the article text from HTML and Markdown (see markup-to-text.ts, loaded only then: its libraries
// are most of the command's code). Offsets in the layer refer to the returned text.

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

/** Decodes bytes as UTF-8 text (UTF-16 with its byte-order mark), or explains why they are not. */
export function decodeText(bytes: Uint8Array, what: string): string {
  checkSize(bytes, what);
  // UTF-16 is told by its byte-order mark (Windows editors write one); everything else must be UTF-8.
  const encoding = utf16Bom(bytes) ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      `${what} is not valid ${encoding.toUpperCase()} text (is it a binary file?). Convert it to UTF-8 first.`,
    );
  }
  return checkText(text, what);
}

/**
 * Decodes an HTML file's bytes: UTF-8 (or UTF-16 with its byte-order mark) when they are, as decodeText does,
 * else in the encoding the page declares (`<meta charset>`), else windows-1252, as a fetched page is decoded
 * (decode-page.ts; issue #16). A saved page in a legacy encoding reads like the page; a file that is valid
 * UTF-8 reads as before even when its `<meta>` says otherwise (an editor re-saved it as UTF-8).
 */
async function decodeHtmlFile(bytes: Uint8Array, what: string): Promise<string> {
  checkSize(bytes, what);
  const encoding = utf16Bom(bytes) ?? 'utf-8';
  try {
    return checkText(new TextDecoder(encoding, { fatal: true }).decode(bytes), what);
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  // Loaded only here: the decoder's tables are not needed for the usual UTF-8 file.
  const { decodePage } = await import('./decode-page.ts');
  return checkText(decodePage(bytes, '', true), what);
}

function checkSize(bytes: Uint8Array, what: string): void {
  if (bytes.length === 0) throw new InputError(`${what} is empty: give an article as plain text, Markdown or HTML.`);
  if (bytes.length > MAX_INPUT_BYTES)
    throw new InputError(
      `${what} is ${(bytes.length / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB per article.`,
    );
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Drops a byte-order mark; refuses binary data and whitespace. */
function checkText(text: string, what: string): string {
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
  // The format is told from the head before decoding: its markers are ASCII in every encoding but UTF-16.
  // TextDecoder drops a byte-order mark of its own encoding (UTF-8's too).
  const head = new TextDecoder(utf16Bom(bytes) ?? 'utf-8').decode(bytes.subarray(0, 4096));
  const fmt = format ?? detectFormat(head, fileName);
  const raw = fmt === 'html' ? await decodeHtmlFile(bytes, what) : decodeText(bytes, what);
  return articleFromText(raw, fmt, what);
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

/** Longest title taken from a text's first line; a longer line (a text with no title line) is cut before it. */
const MAX_TITLE_CHARS = 160;

/**
 * A text's first line as its title; a longer one is cut at the last space before 160 characters, with "…", so a
 * title never ends mid-word (a one-paragraph text has no title line of its own).
 */
function firstLine(text: string): string | undefined {
  const line = text.trim().split('\n', 1)[0].trim();
  if (line.length <= MAX_TITLE_CHARS) return line || undefined;
  const cut = line.slice(0, MAX_TITLE_CHARS + 1); // a space just after the 160th character ends a whole word
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : line.slice(0, MAX_TITLE_CHARS)).replace(/[\s,;:\u2013\u2014-]+$/u, '')}\u2026`;
}
