// A generated story map for the tests and benchmarks of big layers (issue #19 item 14): n cities spread over
// Europe, each mentioned once, in paragraphs of 50. Deterministic (a fixed-seed generator).
import type { ArticleLayer, LayerFeature } from '../../src/core/types.ts';

/** @example manyCities(5000).features.length // 5000 */
export function manyCities(n: number): ArticleLayer {
  let seed = 5;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  let text = '';
  const passages: ArticleLayer['passages'] = [];
  const features: LayerFeature[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 50 === 0) {
      if (i) text += '\n\n';
      passages.push({ start: text.length, end: text.length, sentences: [] });
    }
    const name = `Town ${i}`;
    const start = text.length + (i % 50 ? 2 : 0);
    text += (i % 50 ? ', ' : '') + name;
    passages[passages.length - 1].end = text.length;
    const at: [number, number] = [Number((-10 + random() * 40).toFixed(4)), Number((36 + random() * 22).toFixed(4))];
    features.push({
      type: 'Feature',
      id: `test:${i}`,
      geometry: { type: 'Point', coordinates: at },
      properties: {
        name,
        kind: 'city',
        country: 'FR',
        anchor: at,
        score: 0.5,
        candidates: [],
        mentions: [{ start, end: start + name.length, text: name, passage: passages.length - 1, type: 'toponym' }],
      },
    } as LayerFeature);
  }
  for (const p of passages) p.sentences = [[p.start, p.end]];
  return { type: 'FeatureCollection', title: `${n} towns`, features, passages, text } as ArticleLayer;
}
