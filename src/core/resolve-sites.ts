// Resolution of named sites (streets, buildings, campuses) that no gazetteer holds: each is placed,
// approximately, at the article's local focus — the city it mentions most — and says so
// (`approximate`, `within`). Without a local focus a site resolves to nothing, and a gazetteer name
// inside it ("Colorado" in "Colorado State University") is read on its own instead.

import { HEAD_INITIAL, INSTITUTION_HEADS } from './find-site-spans.ts';
import type { Place, ResolvedMention } from './types.ts';

export interface ResolveSitesOptions {
  /** Kinds of place that can be a local focus. */
  focusKinds?: ReadonlyArray<Place['kind']>;
  /** A gazetteer name inside a site is kept on its own only when recognised at least this surely. */
  minInsideConfidence?: number;
  /**
   * The article's text, for the town a site's name is tied to ("Ottawa's Macdonald-Cartier International
   * Airport", "the Bambino Gesu Hospital in Rome"): without it every site goes to the local focus.
   */
  text?: string;
}

const DEFAULTS: Required<Omit<ResolveSitesOptions, 'text'>> = { focusKinds: ['city'], minInsideConfidence: 0.5 };

/** Between a site and its town after it: "in", "at", "near", a comma ("St. Takla Church in Alexandria"). */
const TOWN_AFTER_SITE = /^(?:,\s*|\s+(?:in|at|near|outside)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?)$/;
/** Between a town and its site after it: a possessive or a hyphen ("Toronto's Pearson", "Montreal-Trudeau"). */
const TOWN_BEFORE_SITE = /^(?:['’]s\s+|-)$/;

/**
 * The town a site's own words tie it to: a town (or county) read by the resolver right after it ("in Rome")
 * or right before it ("Ottawa's"), outside it.
 */
function siteTown(site: ResolvedMention, resolved: ResolvedMention[], text: string): Place | undefined {
  for (const r of resolved) {
    const p = r.place;
    if (!p || r.mention.site || r.mention.type !== 'toponym' || (p.kind !== 'city' && p.kind !== 'admin2')) continue;
    if (r.mention.start >= site.mention.end && r.mention.start - site.mention.end <= 24) {
      if (TOWN_AFTER_SITE.test(text.slice(site.mention.end, r.mention.start))) return p;
    } else if (r.mention.end <= site.mention.start && site.mention.start - r.mention.end <= 3) {
      if (TOWN_BEFORE_SITE.test(text.slice(r.mention.end, site.mention.start))) return p;
    }
  }
  return undefined;
}

/** Least summed evidence (recognition × resolution confidence) for a city to be the local focus. */
const MIN_FOCUS_EVIDENCE = 0.4;

/**
 * The place the article is local to: the city with the most evidence — mentions weighed by how sure
 * recognition and resolution are, names counting over alternate names, and a name many towns share
 * counting less — first mention breaking ties.
 */
export function findLocalFocus(
  resolved: ResolvedMention[],
  focusKinds: ReadonlyArray<Place['kind']> = DEFAULTS.focusKinds,
): Place | null {
  const counts = new Map<string, { place: Place; n: number; weighed: number; first: number }>();
  for (const r of resolved) {
    if (
      !r.place ||
      r.mention.site ||
      r.mention.insideSite ||
      r.mention.type !== 'toponym' ||
      !focusKinds.includes(r.place.kind)
    )
      continue;
    const c = counts.get(r.place.id) ?? { place: r.place, n: 0, weighed: 0, first: r.mention.start };
    const byName = r.candidates[0]?.place.id === r.place.id && r.candidates[0].nameType === 'name';
    const n = r.mention.confidence * r.score * (byName ? 1 : 0.5);
    c.n += n;
    // A name many towns bear counts only as far as resolution is sure of the one chosen.
    c.weighed += (n * r.score) / Math.sqrt(townsNamed(r));
    counts.set(r.place.id, c);
  }
  // The threshold is on the evidence itself: a local story about a Springfield still has its focus.
  for (const [id, c] of counts) if (c.n < MIN_FOCUS_EVIDENCE) counts.delete(id);
  let best: { weighed: number; place: Place; first: number } | null = null;
  for (const c of counts.values())
    if (!best || c.weighed > best.weighed || (c.weighed === best.weighed && c.first < best.first)) best = c;
  return best?.place ?? null;
}

/**
 * How many towns bear the mention's name (at least 1): a name shared by many — often after a person, so
 * also a street's or a family's ("Lafayette", "Franklin") — is weaker evidence that the story is local to
 * the one chosen than a name only one town bears ("New Orleans").
 */
function townsNamed(r: ResolvedMention): number {
  let n = 0;
  for (const c of r.candidates) if (c.place.kind === 'city') n++;
  return Math.max(1, n);
}

const slug = (s: string) => s.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'site';

/**
 * Places site mentions at the local focus, or drops them in favour of the names inside them.
 *
 * @example
 * resolveSites(resolved).find((r) => r.mention.text === 'Royal Street')?.place?.within?.name // 'New Orleans'
 */
export function resolveSites(resolved: ResolvedMention[], options: ResolveSitesOptions = {}): ResolvedMention[] {
  const { focusKinds, minInsideConfidence } = { ...DEFAULTS, ...options };
  const { text } = options;
  const focus = findLocalFocus(resolved, focusKinds) ?? findLocalFocus(resolved, ['admin2']);
  const inside = (site: ResolvedMention) =>
    resolved.filter(
      (r) =>
        r.mention.insideSite && r.place && site.mention.start <= r.mention.start && site.mention.end >= r.mention.end,
    );
  // Where each site goes: the local focus, or — for an institution named after a region that does not
  // hold the focus ("University of California" in a Florida story) — that region.
  const placed = new Map<ResolvedMention, Place>();
  for (const r of resolved) {
    if (!r.mention.site) continue;
    // The site's own town, where its words name one, comes before the article's focus.
    const town = text === undefined ? undefined : siteTown(r, resolved, text);
    if (town) {
      placed.set(r, town);
      continue;
    }
    const namesake = INSTITUTION_HEADS.has(headOf(r.mention.text))
      ? inside(r).find((x) => x.mention.confidence >= minInsideConfidence && isRegion(x.place!))
      : undefined;
    const at = namesake && !(focus && holds(namesake.place!, focus)) ? namesake.place! : focus;
    if (at) placed.set(r, at);
  }
  const covered = (r: ResolvedMention) =>
    [...placed.keys()].some((s) => s.mention.start <= r.mention.start && s.mention.end >= r.mention.end);
  const out: ResolvedMention[] = [];
  for (const r of resolved) {
    if (r.mention.site) {
      const at = placed.get(r);
      if (!at) continue;
      const place: Place = {
        id: `site:${at.id}/${slug(r.mention.key)}`,
        name: r.mention.text,
        kind: 'site',
        featureCode: 'SITE',
        country: at.country,
        admin1: at.admin1,
        population: 0,
        anchor: at.anchor,
        within: { id: at.id, name: at.name },
      };
      out.push({ mention: r.mention, candidates: [], place, score: 0.5 });
    } else if (r.mention.insideSite) {
      if (!covered(r) && r.mention.confidence >= minInsideConfidence) out.push(r);
    } else out.push(r);
  }
  return out;
}

const isRegion = (p: Place) => p.kind === 'admin1' || p.kind === 'country' || p.kind === 'region';

/** Does the region hold the city (same country, and same admin-1 unit for an admin-1 region)? */
function holds(region: Place, city: Place): boolean {
  if (region.country !== city.country) return false;
  return region.kind !== 'admin1' || region.admin1 === city.admin1;
}

function headOf(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words.find((w) => HEAD_INITIAL.has(w)) && words[1] === 'of' ? words[0] : words[words.length - 1];
}
