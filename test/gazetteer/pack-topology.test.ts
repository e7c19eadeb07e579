// The packed topology decodes every shape of the committed gazetteer exactly as topojson-client does,
// from the JSON text and from the parsed object, wherever the arcs member sits in the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { decodeGeometry, packTopology } from '../../src/gazetteer/pack-topology.ts';

const text = readFileSync(new URL('../../geo/data/shapes.topo.json', import.meta.url), 'utf8');
const topology = JSON.parse(text) as Topology;

function reference(t: Topology, o: GeometryObject) {
  return (feature(t, o) as unknown as { geometry: unknown }).geometry;
}

test('every shape of the committed gazetteer decodes as topojson-client decodes it, from text and from the object', () => {
  const fromText = packTopology(text);
  const fromObject = packTopology(topology);
  let n = 0;
  for (const collection of Object.values(topology.objects)) {
    for (const o of collection.type === 'GeometryCollection' ? collection.geometries : [collection]) {
      const want = reference(topology, o as GeometryObject);
      assert.deepEqual(decodeGeometry(fromText, o as GeometryObject), want, String(o.id));
      assert.deepEqual(decodeGeometry(fromObject, o as GeometryObject), want, String(o.id));
      n++;
    }
  }
  assert.ok(n > 5000, `${n} shapes compared`);
  assert.equal(fromText.objects.size, fromObject.objects.size);
});

test('a small unquantised topology: reversed arcs, points, lines, null geometries, arcs member anywhere', () => {
  const arcs = [
    [
      [0, 0],
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
    ],
    [
      [2.5, -1e-3],
      [3, 4],
    ],
  ];
  const objects = {
    shapes: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], id: 'a' },
        { type: 'Polygon', arcs: [[~1, ~0]], id: 'b' },
        { type: 'MultiPolygon', arcs: [[[0, 1]], [[~1, ~0]]], id: 'c' },
        { type: 'LineString', arcs: [2], id: 'd' },
        { type: 'MultiLineString', arcs: [[2], [~2]], id: 'e' },
        { type: 'Point', coordinates: [5, 6], id: 'f' },
        {
          type: 'MultiPoint',
          coordinates: [
            [5, 6],
            [7, 8],
          ],
          id: 'g',
        },
        { type: null, id: 'h' },
      ],
    },
  };
  const orders = [
    { type: 'Topology', arcs, objects },
    { type: 'Topology', objects, arcs },
    { arcs, type: 'Topology', objects },
  ];
  for (const t of orders) {
    const json = JSON.stringify(t, null, t === orders[2] ? 1 : undefined);
    const packed = packTopology(json);
    for (const o of objects.shapes.geometries) {
      assert.deepEqual(
        decodeGeometry(packed, o as unknown as GeometryObject),
        reference(t as unknown as Topology, o as unknown as GeometryObject),
        `${o.id} in ${json.slice(0, 30)}`,
      );
    }
  }
});

test('a quantised topology with the transform after the arcs, and one with no arcs', () => {
  const t = {
    type: 'Topology',
    arcs: [
      [
        [10, 20],
        [5, -3],
        [-15, -17],
      ],
    ],
    transform: { scale: [0.5, 0.25], translate: [-10, 40] },
    objects: {
      o: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'LineString', arcs: [~0], id: 'x' },
          { type: 'Point', coordinates: [4, 8], id: 'p' },
        ],
      },
    },
  };
  const packed = packTopology(JSON.stringify(t));
  for (const o of t.objects.o.geometries)
    assert.deepEqual(
      decodeGeometry(packed, o as unknown as GeometryObject),
      reference(t as unknown as Topology, o as unknown as GeometryObject),
    );
  assert.equal(packTopology('{"type":"Topology","objects":{}}').objects.size, 0);
});
