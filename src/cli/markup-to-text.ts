// Article text out of markup: HTML (Readability finds the article, html-to-text writes it as text) and
// Markdown (marked turns it into HTML, all of which is the article). A module of its own, so that the
// command loads these libraries only for markup input.

import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { convert, type HtmlToTextOptions } from 'html-to-text';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { InputError } from '../core/errors.ts';
import type { ArticleMetadata } from '../core/types.ts';
import { readMetadata } from './read-metadata.ts';

/**
 * Deepest element nesting read. Real pages stay far below (the deepest of the 130 pages of the
 * extraction benchmark nests 38 levels); Readability's work grows with the cube of the depth (500
 * levels took 3.5 s, 2,000 levels two minutes) and the DOM parser's with its square (100,000 levels:
 * 55 s), so a deeper page is refused before either runs (issue #19).
 */
export const MAX_HTML_DEPTH = 256;

/**
 * Share of the extracted text inside links above which a page that Readability does not take for an
 * article is a list of links (a home page, a section front), not an article.
 */
const MAX_LINK_SHARE = 0.5;

const TO_TEXT: HtmlToTextOptions = {
  wordwrap: false,
  // The input is already within the command's 64 MB limit; the converter's own default (16 M characters) cut
  // longer pages mid-word with only a warning (issue #19).
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Headings as written: the converter upper-cases them by default.
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    // A table cell per line, headers as written: laid out side by side, a layout table's columns of
    // prose interleave line by line, and a data table's cells are short anyway.
    ...['table', 'tr', 'th', 'td', 'caption'].map((selector) => ({ selector, format: 'block' })),
    // Each list item on a line of its own, without bullets or numbers a reader may not have seen (issue #16).
    ...['ul', 'ol'].map((selector) => ({
      selector,
      format: 'block',
      options: { leadingLineBreaks: 2, trailingLineBreaks: 2 },
    })),
    { selector: 'li', format: 'block' },
  ],
};

export interface HtmlText {
  text: string;
  /** The page's title: its metadata's, else Readability's reading of <title>. */
  title?: string;
  article: ArticleMetadata;
}

/**
 * Plain text of an HTML page: its main article when Readability finds one, else the whole body, and
 * the page's metadata. Throws an InputError for a page nested too deep or one that is only links.
 *
 * @example
 * htmlToText('<p>Clashes near Baku.</p>').text // 'Clashes near Baku.'
 */
export function htmlToText(html: string, options: { url?: string; what?: string } = {}): HtmlText {
  const what = options.what ?? 'The page';
  // linkedom needs a whole document; fragments (snippets) get one.
  const whole = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  if (nestsDeeperThan(whole, MAX_HTML_DEPTH)) {
    throw new InputError(
      `${what} nests its elements more than ${MAX_HTML_DEPTH} levels deep (real pages stay under 100), so it was not read. Is it malformed? Save the article's text to a file and give that.`,
    );
  }
  const { document } = parseHTML(whole);
  const article = readMetadata(document as unknown as Document, options.url);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const readerable = isProbablyReaderable(document as unknown as Document);
  let content = '';
  let title: string | undefined;
  try {
    const found = new Readability(document as unknown as Document).parse();
    if (found?.content) content = found.content;
    title = found?.title?.trim() || undefined;
    // Readability also finds a byline in the page itself (rel=author, "byline" classes) when no tag names one.
    const byline = found?.byline
      ?.replace(/\s+/g, ' ')
      .replace(/^by\s+/i, '')
      .trim();
    if (!article.author && byline && byline.length <= 200) article.author = byline;
  } catch {
    // Readability gives up on odd documents; the whole body is then the article.
  }
  if (!content) content = document.body?.innerHTML ?? html;
  if (!readerable && linkShare(content) > MAX_LINK_SHARE) {
    throw new InputError(
      `${what} has no article: most of its text is links (a home page or a list of articles?). Give the address of one article.`,
    );
  }
  // <title> as Readability reads it (without the site's name) is the page's own title too.
  if (!article.title && title) article.title = title;
  return { text: fragmentToText(content), title: article.title, article };
}

/**
 * Plain text of Markdown. All of it is the article, so it is converted whole: Readability would drop
 * the first heading and text beside raw HTML (issue #19).
 *
 * @example
 * markdownToText('# Talks\n\nIn **Baku**.') // 'Talks\n\nIn Baku.'
 */
export function markdownToText(markdown: string): string {
  return fragmentToText(marked.parse(markdown, { async: false }) as string);
}

function fragmentToText(html: string): string {
  return convert(html, TO_TEXT)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Thrown by the depth scan to stop at the limit, whatever the rest of the page holds. */
const TOO_DEEP = new Error('too deep');

/**
 * Whether the elements of an HTML text nest deeper than `limit`, by a streaming parse (htmlparser2,
 * which closes elements as HTML implies) that stops as soon as they do: linear in the text up to there.
 */
function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  const parser = new Parser({
    onopentag() {
      if (++depth > limit) throw TOO_DEEP;
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.end(html);
  } catch (e) {
    if (e === TOO_DEEP) return true;
    throw e;
  }
  return false;
}

/** Share of an HTML fragment's text that sits inside links. */
function linkShare(html: string): number {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const all = (document.body?.textContent ?? '').replace(/\s+/g, '').length;
  let links = 0;
  for (const a of document.querySelectorAll('a')) links += (a.textContent ?? '').replace(/\s+/g, '').length;
  return all ? links / all : 0;
}
