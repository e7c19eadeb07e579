// A small scorer for tests, with the overlap rules of the evaluation scorer: a predicted span that
// overlaps a gold span counts; optional gold spans are neither hits nor false positives.
import { distanceKm } from '../../src/core/distance-km.ts';
import type { ArticleLayer } from '../../src/core/types.ts';

export interface GoldMention {
  start: number;
  end: number;
  type: 'toponym' | 'adjectival' | 'toponym-optional';
  lat?: number;
  lon?: number;
}

export const km = (lat1: number, lon1: number, lat2: number, lon2: number): number =>
  distanceKm([lon1, lat1], [lon2, lat2]);

export function scoreLayer(layer: ArticleLayer, gold: GoldMention[]) {
  const pred = layer.features.flatMap((f) => f.properties.mentions.map((m) => ({ ...m, anchor: f.properties.anchor })));
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const f1 = (tp: number, fp: number, fn: number) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
  const result = (type: 'toponym' | 'adjectival') => {
    const g = gold.filter((x) => x.type === type);
    const p = pred.filter((x) => x.type === type);
    const used = new Set<number>();
    let tp = 0;
    let resolved = 0;
    const misses: GoldMention[] = [];
    for (const x of g) {
      const i = p.findIndex((y, k) => !used.has(k) && overlaps(x, y));
      if (i < 0) {
        misses.push(x);
        continue;
      }
      used.add(i);
      tp++;
      if (x.lat !== undefined && km(x.lat, x.lon!, p[i].anchor[1], p[i].anchor[0]) <= 161) resolved++;
    }
    const extra = p.filter((y, k) => !used.has(k) && !gold.some((o) => o.type !== type && overlaps(o, y)));
    return {
      tp,
      fp: extra.length,
      fn: g.length - tp,
      f1: f1(tp, extra.length, g.length - tp),
      acc161: tp ? resolved / tp : 0,
      misses,
      extra,
    };
  };
  return { toponym: result('toponym'), adjectival: result('adjectival') };
}
