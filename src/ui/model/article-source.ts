// The line under the explorer's title that says where an article comes from (issue #16): the site, the
// publication date, the author and a link to the original, from the layer's `article` member. Pure, and
// careful with what a layer file may hold: text only, and a link only to an http(s) address.
import type { ArticleMetadata } from '../../core/types.ts';

export interface ArticleSource {
  /** The site's name, else the host of its address. */
  source?: string;
  author?: string;
  /** The publication date for a reader ("27 Nov 2026") and as written (YYYY-MM-DD) for <time>. */
  date?: { text: string; iso: string };
  /** The original article: its canonical address, else the one it was fetched from. */
  href?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** An absolute http(s) address, or nothing (never javascript:, data: or a relative path). */
export function safeHref(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the explorer shows of a layer's `article` member; undefined when there is nothing to show.
 *
 * @example
 * articleSource({ siteName: 'The Daily Test', published: '2026-11-27T08:00:00Z', url: 'https://t.example/a' })
 * // { source: 'The Daily Test', date: { text: '27 Nov 2026', iso: '2026-11-27' }, href: 'https://t.example/a' }
 */
export function articleSource(article: ArticleMetadata | undefined): ArticleSource | undefined {
  if (!article || typeof article !== 'object') return undefined;
  const href = safeHref(article.canonicalUrl) ?? safeHref(article.url);
  const host = href && new URL(href).hostname.replace(/^www\./, '');
  const out: ArticleSource = {
    source: str(article.siteName) ?? host,
    author: str(article.author),
    date: dateOf(article.published),
    href,
  };
  for (const k of Object.keys(out) as Array<keyof ArticleSource>) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? out : undefined;
}

/** The date as the article wrote it (its own day, whatever the reader's time zone). */
function dateOf(published: unknown): ArticleSource['date'] {
  const iso = str(published)?.match(/^(\d{4})-(\d{2})-(\d{2})/)?.[0];
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  return {
    iso,
    text: d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  };
}
