// Fetching an article from the web (issue #16), like a careful crawler: http and https only, one
// deadline for the whole exchange, at most 5 redirects, a size limit applied while reading (after
// decompression), HTML and plain text only, a User-Agent naming the tool, no JavaScript run. Every
// failure is an InputError naming the URL and what to do. Node's built-in fetch (undici) does the
// HTTP and the gzip, deflate and brotli decoding; redirects are followed here, one hop at a time, so
// that each hop is counted and its scheme checked. Used by the command and meant for a local server.

import { InputError } from '../core/errors.ts';
import { decodePage } from './decode-page.ts';
import { FETCH_ARTICLE_DEFAULTS, type FetchArticleOptions } from './fetch-options.ts';
import { articleFromText, type ArticleFormat, type ReadArticle } from './read-article.ts';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

export const USER_AGENT = `article-atlas/${VERSION} (command-line geoparser; reads one page, runs no JavaScript)`;

/** A fetched page: its bytes, the address they came from after redirects, and what the server called them. */
export interface FetchedPage {
  url: string;
  bytes: Uint8Array;
  contentType: string;
  format: ArticleFormat;
}

const FORMATS: Record<string, ArticleFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/**
 * Fetches a web page and reads its article: the text, the title and the page's metadata, with the
 * address it was read from as `article.url`.
 *
 * @example
 * const { text, article } = await fetchArticle('https://example.com/news/1', { timeoutMs: 5000 });
 */
export async function fetchArticle(
  url: string,
  options: FetchArticleOptions = {},
  format?: ArticleFormat,
): Promise<ReadArticle> {
  const page = await fetchPage(url, options);
  const fmt = format ?? page.format;
  const what = `The page ${url}`;
  if (!page.bytes.length) throw new InputError(`${what} is empty. Check the address in a browser.`);
  const raw = decodePage(page.bytes, page.contentType, fmt === 'html');
  const read = await articleFromText(raw, fmt, what, page.url);
  return { ...read, article: { ...read.article, url: page.url } };
}

/**
 * Fetches a page's bytes within the limits, following redirects.
 *
 * @example
 * (await fetchPage('http://127.0.0.1:8080/a.html')).format // 'html'
 */
export async function fetchPage(url: string, options: FetchArticleOptions = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_ARTICLE_DEFAULTS, ...options };
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (why: string, todo: string) => new InputError(`Could not read ${url}: ${why}. ${todo}`);
  let current = checkedUrl(url, url);
  try {
    for (let hops = 0; ; hops++) {
      const res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        if (hops >= maxRedirects)
          throw fail(
            `more than ${maxRedirects} redirects (a redirect loop?)`,
            'Open it in a browser and give the address it ends at.',
          );
        current = checkedUrl(new URL(location, current).href, url);
        continue;
      }
      if (res.status >= 400) {
        await res.body?.cancel();
        throw fail(`the server answered ${res.status} ${res.statusText}`.trim(), statusAdvice(res.status));
      }
      const contentType = res.headers.get('content-type') ?? '';
      const mime = contentType.split(';')[0].trim().toLowerCase();
      const format = mime ? FORMATS[mime] : 'html';
      if (!format) {
        await res.body?.cancel();
        throw fail(
          `it is ${describeType(mime)}, not a web page or text`,
          'Article Atlas reads HTML pages and plain text; give the address of the article page.',
        );
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw fail(
          `it is ${megabytes(declared)}, more than the limit of ${megabytes(maxBytes)}`,
          'Save the article from a browser and give the file.',
        );
      }
      const bytes = await readBody(res, maxBytes, () =>
        fail(
          `it is larger than the limit of ${megabytes(maxBytes)} (reading stopped there)`,
          'Save the article from a browser and give the file.',
        ),
      );
      return { url: current, bytes, contentType, format };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const name = (e as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError' || signal.aborted) {
      throw fail(
        `no complete answer within ${timeoutMs / 1000} s`,
        'Try again later, or allow more time with --timeout SECONDS.',
      );
    }
    throw fail(networkReason(e), 'Check the address and your connection.');
  }
}

/** The body, up to `maxBytes`; past that the download is cancelled and `tooBig()` thrown. */
async function readBody(res: Response, maxBytes: number, tooBig: () => Error): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The URL if it is http(s), else an InputError; `asked` is the address the user gave. */
function checkedUrl(href: string, asked: string): string {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    throw new InputError(`${asked} is not a valid web address. Give an http:// or https:// address.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    const where = href === asked ? '' : ` (it redirects to a ${u.protocol} address)`;
    throw new InputError(
      `Could not read ${asked}: only http and https addresses are fetched${where}. Save the article and give the file.`,
    );
  }
  return u.href;
}

function statusAdvice(status: number): string {
  if (status === 404 || status === 410) return 'Check the address: the page does not exist (any more).';
  if (status === 401 || status === 403)
    return 'The site refuses access (a login or a block on tools?): save the article from a browser and give the file.';
  if (status === 429 || status >= 500) return 'The site is busy or failing: try again later.';
  return 'Check the address in a browser.';
}

function describeType(mime: string): string {
  if (mime === 'application/pdf') return 'a PDF document';
  if (mime.startsWith('image/')) return `an image (${mime})`;
  if (mime.startsWith('video/')) return `a video (${mime})`;
  if (mime.startsWith('audio/')) return `an audio file (${mime})`;
  return `a file of type ${mime}`;
}

/** Why undici could not fetch, from the error's cause code, in words. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the server closed the connection';
  if ((e as Error)?.message === 'bad port' || cause?.message === 'bad port')
    return 'its port belongs to another protocol and is never fetched';
  if (/CERT|SSL|TLS/.test(code)) return `its certificate is not valid (${code})`;
  if (code === 'Z_DATA_ERROR' || code === 'ERR_BROTLI_DECOMPRESSION_FAILED' || /decompress/i.test(cause?.message ?? ''))
    return 'its compressed body is corrupt';
  return cause?.message ?? (e as Error)?.message ?? String(e);
}

function megabytes(n: number): string {
  return `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`;
}
