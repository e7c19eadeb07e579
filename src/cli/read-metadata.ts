// What an HTML page says about its article (issue #16): title, site name, author, publication date,
// canonical URL and language, from JSON-LD, Open Graph, `article:*`, Dublin Core and other <meta> tags.
// Runs on the parsed page before the article extractor changes it; the result becomes the layer's `article`.

import type { ArticleMetadata } from '../core/types.ts';

/** schema.org types whose JSON-LD object describes the article itself. */
const ARTICLE_TYPE = /Article|BlogPosting|Report|SocialMediaPosting/;

/** Longest field kept: a title or a name, not a paragraph a page put in the wrong tag. */
const MAX_FIELD_CHARS = 300;

type Json = Record<string, unknown>;

/**
 * Reads a page's own metadata. Fields the page does not give are left out; `published` is ISO 8601
 * and URLs are absolute http(s) (relative ones resolved against `pageUrl`).
 *
 * @example
 * const { document } = parseHTML('<html lang="en"><head><meta property="og:title" content="Talks in Baku"></head></html>');
 * readMetadata(document) // { title: 'Talks in Baku', language: 'en' }
 */
export function readMetadata(document: Document, pageUrl?: string): ArticleMetadata {
  const meta = metaTags(document);
  const ld = jsonLdArticle(document);
  const pick = (...values: unknown[]) => {
    for (const v of values) {
      const s = clean(v);
      if (s) return s;
    }
    return undefined;
  };
  const title = pick(
    ldTitle(ld, document),
    meta['dc:title'],
    meta['dc.title'],
    meta['og:title'],
    meta['twitter:title'],
  );
  const siteName = pick(
    nameOf(ld?.publisher),
    meta['og:site_name'],
    meta['application-name'],
    meta['twitter:site']?.replace(/^@/, ''),
  );
  const author = pick(
    authorOf(ld?.author),
    ...[meta['dc:creator'], meta['dc.creator'], meta['author'], meta['article:author'], meta['parsely-author']].filter(
      (s) => !/^https?:/.test(s ?? ''),
    ),
    meta['byl']?.replace(/^by\s+/i, ''),
  );
  const published = isoDate(
    pick(
      ld?.datePublished,
      meta['article:published_time'],
      meta['og:article:published_time'],
      meta['dc:date'],
      meta['dc.date.issued'],
      meta['dc.date'],
      meta['date'],
      meta['pubdate'],
      meta['publish-date'],
      meta['parsely-pub-date'],
      document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
  );
  const canonicalUrl = httpUrl(
    pick(
      document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
      meta['og:url'],
      typeof ld?.url === 'string' ? ld.url : undefined,
    ),
    pageUrl,
  );
  const language = languageTag(
    pick(
      document.documentElement?.getAttribute('lang'),
      meta['content-language'],
      ld?.inLanguage,
      meta['og:locale'],
      meta['dc:language'],
      meta['dc.language'],
    ),
  );
  const out: ArticleMetadata = { title, siteName, author, published, canonicalUrl, language };
  for (const k of Object.keys(out) as Array<keyof ArticleMetadata>) if (out[k] === undefined) delete out[k];
  return out;
}

/** `<meta>` contents by lower-cased name, property or http-equiv; the first of each wins. */
function metaTags(document: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of document.querySelectorAll('meta[content]')) {
    const content = el.getAttribute('content') ?? '';
    for (const attr of ['property', 'name', 'http-equiv', 'itemprop']) {
      // `property` may list several names ("og:title twitter:title").
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/))
        if (key && !(key in out)) out[key] = content;
    }
  }
  return out;
}

/** The JSON-LD object that describes the article, if a script holds one (also inside `@graph`). */
function jsonLdArticle(document: Document): Json | undefined {
  const found: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 4) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    const type = ([] as unknown[]).concat(o['@type']).join(' ');
    if (ARTICLE_TYPE.test(type)) found.push(o);
    visit(o['@graph'], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), 0);
    } catch {
      // A page's broken JSON-LD is its own business; the other tags still count.
    }
  }
  return found[0];
}

/**
 * The article's title in JSON-LD. Some sites put a subtitle in `headline` and the title in `name`
 * (Wikipedia) and others the reverse; the one the page's <title> contains is the title.
 */
function ldTitle(ld: Json | undefined, document: Document): string | undefined {
  const headline = clean(ld?.headline);
  const name = clean(ld?.name);
  if (!headline || !name || headline === name) return headline ?? name;
  const pageTitle = (document.querySelector('title')?.textContent ?? '').toLowerCase();
  return pageTitle.includes(name.toLowerCase()) && !pageTitle.includes(headline.toLowerCase()) ? name : headline;
}

function clean(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s && s.length <= MAX_FIELD_CHARS ? s : undefined;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  return v && typeof v === 'object' ? clean((v as Json).name) : undefined;
}

function authorOf(v: unknown): string | undefined {
  const names = ([] as unknown[])
    .concat(v)
    .map(nameOf)
    .filter((s): s is string => !!s && !/^https?:/.test(s));
  return names.length ? names.join(', ') : undefined;
}

/**
 * ISO 8601 of a date a page gives: kept as written when it already is ISO 8601 (with its offset),
 * else normalised to UTC; a date alone stays a date alone.
 */
export function isoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) return t;
  // Other forms ("2026-11-27 08:00:00", "+0000" offsets, RFC 2822) through Date; a bare year or a word is not a date.
  if (!/\d{4}/.test(t) || !/\d{1,2}\D+\d{1,2}|[a-z]{3}/i.test(t)) return undefined;
  const ms = Date.parse(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** An absolute http(s) URL, or nothing. */
export function httpUrl(s: string | undefined, base?: string): string | undefined {
  if (!s) return undefined;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function languageTag(s: string | undefined): string | undefined {
  // og:locale writes en_GB; BCP 47 writes en-GB.
  const t = s?.replace(/_/g, '-');
  return t && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(t) ? t : undefined;
}
