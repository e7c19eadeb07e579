// Article text out of markup: HTML (Readability finds the article, html-to-text writes it as text) and
// Markdown (marked turns it into HTML first). A module of its own, so that the command loads these
// libraries only for markup input.

import { Readability } from '@mozilla/readability';
import { convert } from 'html-to-text';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';

const TO_TEXT = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable' },
  ],
};

/** Plain text of an HTML page: its main article when Readability finds one, else the whole body. */
export function htmlToText(html: string): { text: string; title?: string } {
  // linkedom needs a whole document; fragments (Markdown output, snippets) get one.
  const whole = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(whole);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const title = document.querySelector('title')?.textContent?.trim() || undefined;
  let content = '';
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) content = article.content;
  } catch {
    // Readability gives up on odd documents; the whole body is then the article.
  }
  if (!content) content = document.body?.innerHTML ?? html;
  const text = convert(content, TO_TEXT).replace(/\n{3,}/g, '\n\n').trim();
  return { text, title };
}

/** HTML of a Markdown text. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false }) as string;
}
