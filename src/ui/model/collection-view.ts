// Pure views of a collection layer for the story-map explorer (issue #18): which articles are shown (the
// reader's choice and the timeline's dates), the collection as the map and place list draw it, a place's
// passages grouped by article, newest first, and the timeline's bins. No DOM, no signals.
import type {
  CollectionArticle,
  CollectionFeature,
  CollectionLayer,
  CollectionMention,
} from '../../core/merge-layers.ts';
import type { ArticleLayer } from '../../core/types.ts';

/** Most bars on the timeline strip: enough to see a story move, few enough to click on a phone. */
export const MAX_TIMELINE_BINS = 24;

const DAY_MS = 86_400_000;

/** An article's date as a time value, or NaN when it has none or it does not parse. */
export function articleTime(a: CollectionArticle): number {
  return typeof a.date === 'string' ? Date.parse(a.date) : NaN;
}

/**
 * The ids of the articles on the map: those the reader chose (`chosen` null: all), within the timeline's
 * range of times when one is set (an undated article is then left out).
 * @example visibleArticles(c.articles, new Set(['a1']), null) // Set { 'a1' }
 */
export function visibleArticles(
  articles: CollectionArticle[],
  chosen: ReadonlySet<string> | null,
  range: readonly [number, number] | null,
): Set<string> {
  const out = new Set<string>();
  for (const a of articles) {
    if (chosen && !chosen.has(a.id)) continue;
    if (range) {
      const t = articleTime(a);
      if (!(t >= range[0] && t < range[1])) continue;
    }
    out.add(a.id);
  }
  return out;
}

/**
 * The name a collection's exports take, from where it was loaded: the file's name, or the folder's for a
 * built site's `collection.geojson` (`…/election-2024/collection.geojson` → "election-2024").
 * @example collectionName('https://example.org/maps/storm/collection.geojson') // 'storm'
 */
export function collectionName(src: string): string {
  const parts = decodeURIComponent(src.replace(/[?#].*$/, ''))
    .split('/')
    .filter(Boolean);
  const stem = (parts.at(-1) ?? '').replace(/\.(geo)?json$/i, '');
  const folder = parts.length > 3 ? parts.at(-2) : undefined;
  return (stem === 'collection' ? folder : stem) || 'story-map';
}

/**
 * The collection as an article layer of the visible articles: each place with their mentions only, and
 * places none of them names left out; titled `name` (the exports' file names). The same features back when
 * every article is visible.
 * @example collectionView(c, new Set(['a1']), 'storm').features.length
 */
export function collectionView(c: CollectionLayer, visible: ReadonlySet<string>, name = 'story-map'): ArticleLayer {
  const all = visible.size === c.articles.length;
  const features = all
    ? c.features
    : c.features.flatMap((f) => {
        const mentions = f.properties.mentions.filter((m) => visible.has(m.article));
        return mentions.length ? [{ ...f, properties: { ...f.properties, mentions } }] : [];
      });
  return {
    ...(c as unknown as ArticleLayer),
    title: name,
    features: features as unknown as ArticleLayer['features'],
    passages: [],
  };
}

/**
 * The collection of the visible articles only, as a GeoJSON text to download (canonical order kept).
 * @example downloadText(filteredCollectionText(c, visible), 'story.geojson')
 */
export function filteredCollectionText(c: CollectionLayer, visible: ReadonlySet<string>): string {
  const view = collectionView(c, visible);
  const out = { type: c.type, articles: c.articles.filter((a) => visible.has(a.id)), features: view.features };
  return JSON.stringify(out, null, 2) + '\n';
}

/** One article's passages about a place: its mentions there and the sentences around them. */
export interface ArticleGroup {
  article: CollectionArticle;
  mentions: CollectionMention[];
  /** Distinct context sentences, in text order, each with the mentions of this place inside it. */
  passages: Array<{ start: number; text: string; marks: Array<[number, number]> }>;
}

/** Newest first; undated articles after dated ones; then by title and id, so the order is stable. */
export function compareNewest(a: CollectionArticle, b: CollectionArticle): number {
  const ta = articleTime(a);
  const tb = articleTime(b);
  if (ta !== tb) return Number.isNaN(ta) ? 1 : Number.isNaN(tb) ? -1 : tb - ta;
  return (a.title ?? '').localeCompare(b.title ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A place's mentions grouped by article, newest article first; each group's passages are the distinct
 * context sentences with the mentions marked (offsets relative to the sentence).
 * @example articleGroups(feature, byId)[0].article.title
 */
export function articleGroups(f: CollectionFeature, byId: ReadonlyMap<string, CollectionArticle>): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const m of f.properties.mentions) {
    let g = groups.get(m.article);
    if (!g)
      groups.set(m.article, (g = { article: byId.get(m.article) ?? { id: m.article }, mentions: [], passages: [] }));
    g.mentions.push(m);
    // A collection file lists each article's sentences once (`contexts`); a mention names its by index.
    const ctx = (typeof m.context === 'number' ? g.article.contexts?.[m.context] : m.context) ?? {
      start: m.start,
      text: m.text,
    };
    let p = g.passages.find((x) => x.start === ctx.start);
    if (!p) g.passages.push((p = { start: ctx.start, text: ctx.text, marks: [] }));
    const from = m.start - p.start;
    if (from >= 0 && m.end - p.start <= p.text.length) p.marks.push([from, m.end - p.start]);
  }
  for (const g of groups.values()) {
    g.passages.sort((a, b) => a.start - b.start);
    for (const p of g.passages) p.marks.sort((a, b) => a[0] - b[0]);
  }
  return [...groups.values()].sort((a, b) => compareNewest(a.article, b.article));
}

export interface TimelineBin {
  /** The bin's times, [from, to). */
  from: number;
  to: number;
  count: number;
}

/**
 * The dated articles in at most MAX_TIMELINE_BINS bars of whole days, from the first date to the last.
 * @example timelineBins(c.articles).map((b) => b.count) // [3, 0, 5, …]
 */
export function timelineBins(articles: CollectionArticle[], maxBins = MAX_TIMELINE_BINS): TimelineBin[] {
  const times = articles.map(articleTime).filter((t) => !Number.isNaN(t));
  if (!times.length) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const t of times) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const first = Math.floor(min / DAY_MS) * DAY_MS;
  const days = Math.floor(max / DAY_MS) - first / DAY_MS + 1;
  const width = Math.ceil(days / maxBins) * DAY_MS;
  const bins: TimelineBin[] = [];
  for (let from = first; from <= max; from += width) bins.push({ from, to: from + width, count: 0 });
  for (const t of times) bins[Math.floor((t - first) / width)].count++;
  return bins;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A short date for the timeline and the article list: "19 Sep 2023" (UTC, as the dates are given). By hand,
 * not Intl: Chromium spent ~300 ms in date formatting for the first draw of a 1,000-article story map.
 * @example formatDay(Date.parse('2023-09-19')) // '19 Sep 2023'
 */
export function formatDay(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
