// How far a layer polygon may stray from the gazetteer's outline (issue #14): a vertex cap alone drew
// Russia's border beside Azerbaijan as one straight line across the Caspian and Dagestan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { layerMask } from '../../src/core/layer-mask.ts';
import { MAX_SIMPLIFY_DEG } from '../../src/core/simplify-to-fit.ts';
import { realResources } from '../helpers/real-resources.ts';

/** Planar distance in degrees from p to the segment a–b (the measure Douglas–Peucker works in). */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** The furthest any vertex of a kept ring lies from the layer's outline (the kept vertices' segments). */
function maxDeviation(g: Polygon | MultiPolygon): number {
  const mask = layerMask(g);
  if (!mask) return 0;
  const rings = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
  let worst = 0;
  rings.forEach((ring, r) => {
    const gaps = mask[r];
    if (gaps === 0) return;
    let at = 0;
    const kept = gaps.map((gap) => (at += gap));
    for (let k = 1; k < kept.length; k++) {
      for (let i = kept[k - 1] + 1; i < kept[k]; i++)
        worst = Math.max(worst, segmentDistance(ring[i], ring[kept[k - 1]], ring[kept[k]]));
    }
  });
  return worst;
}

test("Russia's layer outline stays within the simplification ceiling of the gazetteer's, by the Caspian too", () => {
  const { gazetteer } = realResources();
  const russia = gazetteer.geometry(gazetteer.get('geonames:2017370')!.shape!) as MultiPolygon;
  // simplify-js drops points nearer than the tolerance to the last one kept before Douglas–Peucker runs,
  // so a dropped vertex may lie up to twice the tolerance from the outline. It lay about a degree off before.
  const deviation = maxDeviation(russia);
  assert.ok(deviation <= 2 * MAX_SIMPLIFY_DEG, `${deviation.toFixed(3)}° off the gazetteer's outline`);
});

test('every polygon the gazetteer simplifies for layers stays within twice the ceiling', () => {
  const { gazetteer } = realResources();
  let checked = 0;
  for (const id of [
    'geonames:6251999',
    'geonames:6252001',
    'geonames:1814991',
    'geonames:2077456',
    'geonames:3469034',
    'geonames:1269750',
  ]) {
    const g = gazetteer.geometry(gazetteer.get(id)!.shape!) as Polygon | MultiPolygon;
    if (!layerMask(g)) continue;
    checked++;
    assert.ok(maxDeviation(g) <= 2 * MAX_SIMPLIFY_DEG, `${id}: ${maxDeviation(g).toFixed(3)}°`);
  }
  assert.ok(checked >= 4, `${checked} simplified polygons checked (Canada, US, China, Australia, Brazil, India)`);
});
