// Resolution of named sites (streets, buildings, campuses) that no gazetteer holds: each is placed,
// approximately, at the article's local focus — the city it mentions most — and says so
// (`approximate`, `within`). Without a local focus a site resolves to nothing, and a gazetteer name
// inside it ("Colorado" in "Colorado State University") is read on its own instead.

import type { Place, ResolvedMention } from './types.ts';

export interface ResolveSitesOptions {
  /** Kinds of place that can be a local focus. */
  focusKinds?: ReadonlyArray<Place['kind']>;
  /** A gazetteer name inside a site is kept on its own only when recognised at least this surely. */
  minInsideConfidence?: number;
}

const DEFAULTS: Required<ResolveSitesOptions> = { focusKinds: ['city'], minInsideConfidence: 0.5 };

/** Least summed evidence (recognition × resolution confidence) for a city to be the local focus. */
const MIN_FOCUS_EVIDENCE = 0.4;

/**
 * The place the article is local to: the city with the most evidence — mentions weighed by how sure
 * recognition and resolution are, names counting over alternate names — first mention breaking ties.
 */
export function findLocalFocus(resolved: ResolvedMention[], focusKinds: ReadonlyArray<Place['kind']> = DEFAULTS.focusKinds): Place | null {
  const counts = new Map<string, { place: Place; n: number; first: number }>();
  for (const r of resolved) {
    if (!r.place || r.mention.site || r.mention.insideSite || r.mention.type !== 'toponym' || !focusKinds.includes(r.place.kind)) continue;
    const c = counts.get(r.place.id) ?? { place: r.place, n: 0, first: r.mention.start };
    const byName = r.candidates[0]?.place.id === r.place.id && r.candidates[0].nameType === 'name';
    c.n += r.mention.confidence * r.score * (byName ? 1 : 0.5);
    counts.set(r.place.id, c);
  }
  for (const [id, c] of counts) if (c.n < MIN_FOCUS_EVIDENCE) counts.delete(id);
  let best: { place: Place; n: number; first: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.first < best.first)) best = c;
  return best?.place ?? null;
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
  const focus = findLocalFocus(resolved, focusKinds);
  const sites = focus ? resolved.filter((r) => r.mention.site) : [];
  const covered = (r: ResolvedMention) => sites.some((s) => s.mention.start <= r.mention.start && s.mention.end >= r.mention.end);
  const out: ResolvedMention[] = [];
  for (const r of resolved) {
    if (r.mention.site) {
      if (!focus) continue;
      const place: Place = {
        id: `site:${focus.id}/${slug(r.mention.key)}`,
        name: r.mention.text,
        kind: 'site',
        featureCode: 'SITE',
        country: focus.country,
        admin1: focus.admin1,
        population: 0,
        anchor: focus.anchor,
        within: { id: focus.id, name: focus.name },
      };
      out.push({ ...r, place, score: 0.5, candidates: [] });
    } else if (r.mention.insideSite) {
      if (!covered(r) && r.mention.confidence >= minInsideConfidence) out.push(r);
    } else out.push(r);
  }
  return out;
}
