// The layer masks stored in the committed shapes (geo/lib/add-layer-masks.mjs) give exactly
// what the core's simplification computes, and every polygon too big for a layer has one: a change to
// the simplification without a gazetteer rebuild fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { layerGeometry, MAX_LAYER_VERTICES } from '../../src/core/layer-geometry.ts';
import { applyLayerMask, layerMask } from '../../src/core/layer-mask.ts';
import { normalizeGeometry } from '../../src/core/normalize-geometry.ts';
import { createGazetteer } from '../../src/gazetteer/create-gazetteer.ts';
import type { LayerMask } from '../../src/core/types.ts';
import { packTopology } from '../../src/gazetteer/pack-topology.ts';

const shapes = readFileSync(new URL('../../geo/data/shapes.topo.json', import.meta.url), 'utf8');

test("the gazetteer's layer geometry of every polygon is the core's, masked or whole, and every polygon over the vertex cap has a mask", () => {
  const gazetteer = createGazetteer({ places: '', names: '', shapes });
  const packed = packTopology(shapes);
  let masked = 0;
  for (const [id, object] of packed.objects) {
    const g = gazetteer.geometry(id);
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
    const mask = (object.properties as { layer?: LayerMask } | undefined)?.layer;
    const direct = gazetteer.layerGeometry!(id);
    const vertices = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .flat()
      .reduce((n, ring) => n + ring.length, 0);
    if (!mask) {
      assert.ok(vertices <= MAX_LAYER_VERTICES, `${id}: ${vertices} vertices and no mask`);
      assert.deepEqual(direct, layerGeometry(g), `${id}: kept whole, rounded and wound`);
      assert.equal(normalizeGeometry(direct!), direct, `${id}: already in layer form`);
      continue;
    }
    masked++;
    assert.deepEqual(normalizeGeometry(applyLayerMask(g, mask)), layerGeometry(g), id);
    assert.deepEqual(direct, layerGeometry(g), `${id}: decoded with its mask, rounded and wound`);
    assert.equal(normalizeGeometry(direct!), direct, `${id}: already in layer form`);
    assert.equal(gazetteer.layerGeometry!(id), direct, 'the same object each time');
    // placeGeometry takes the gazetteer's layer form as it is: simplifying it again must change nothing.
    assert.deepEqual(layerGeometry(direct!), direct, `${id}: simplified again, the same`);
  }
  assert.ok(masked >= 50, `${masked} masks`);
});

test('layerMask and applyLayerMask on a small multipolygon: a dropped hole, a dropped island, gaps', () => {
  const square = (x: number, y: number, s: number, n: number) => {
    // A square ring with n points per side, counterclockwise, closed.
    const ring: number[][] = [];
    for (let i = 0; i < n; i++) ring.push([x + (s * i) / n, y]);
    for (let i = 0; i < n; i++) ring.push([x + s, y + (s * i) / n]);
    for (let i = 0; i < n; i++) ring.push([x + s - (s * i) / n, y + s]);
    for (let i = 0; i < n; i++) ring.push([x, y + s - (s * i) / n]);
    ring.push([x, y]);
    return ring;
  };
  const g: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [[square(0, 0, 10, 50), square(4, 4, 0.001, 2).reverse()], [square(20, 20, 0.001, 2)]],
  };
  const mask = layerMask(g, 20)!;
  // The big square keeps its corners; the tiny hole and the tiny island collapse.
  assert.deepEqual(mask, [[0, 50, 50, 50, 50], 0, 0]);
  assert.deepEqual(applyLayerMask(g, mask), {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    ],
  });
  assert.deepEqual(normalizeGeometry(applyLayerMask(g, mask)), layerGeometry(g, 20));
  const p: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 1, 3)] };
  assert.equal(layerMask(p, 400), undefined, 'a polygon that fits keeps every vertex');
  assert.throws(() => applyLayerMask(p, [0, 0]), /2 rings for a shape of 1/);
});
