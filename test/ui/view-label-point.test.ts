// The point where an area is named when its label point is out of view (view-label-point.ts, issue #14): inside
// the part of the area the view shows, as far from that part's edges as can be.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectArea, viewLabelPoint } from '../../src/ui/map/view-label-point.ts';

const square = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
/** 256 px per world width, as Leaflet's zoom 0; the pixel origin at the world's top-left corner. */
const SCALE = 2 ** 6 * 256;
const ORIGIN = { x: 0, y: 0 };
const px = (lon: number) => ((lon + 180) / 360) * SCALE;

test('viewLabelPoint: an area reaching into the view from above is named in the middle of the part that shows', () => {
  // A country whose label point (its middle, at 40° N) lies far above a view of its southern edge.
  const country = projectArea({ type: 'Polygon', coordinates: square(-20, 20, 20, 60) });
  const edgeY = ((0.5 - Math.log(Math.tan(Math.PI / 4 + (20 * Math.PI) / 360)) / (2 * Math.PI)) * SCALE) | 0;
  // The view: 400 px wide around lon 0, its top 300 px above the country's southern edge and 300 px below it.
  const view = { x: px(0) - 200, y: edgeY - 300, w: 400, h: 600 };
  const p = viewLabelPoint(country, SCALE, ORIGIN, view)!;
  assert.ok(p, 'the country is in view');
  assert.ok(Math.abs(p.x - px(0)) < 2, `centred across: ${p.x} against ${px(0)}`);
  assert.ok(p.y > view.y && p.y < edgeY, `inside the part that shows: ${p.y} between ${view.y} and ${edgeY}`);
  assert.ok(Math.abs(p.radius - 150) < 2, `half the part's 300 px height: ${p.radius}`);
});

test('viewLabelPoint: null when no part of the area is in view; a part out of view does not count', () => {
  const islands = projectArea({
    type: 'MultiPolygon',
    coordinates: [square(-20, 20, 20, 60), square(100, 20, 110, 30)],
  });
  assert.equal(viewLabelPoint(islands, SCALE, ORIGIN, { x: px(50), y: 0, w: 400, h: 400 }), null);
  // A view over the small island only: named there, not on the mainland.
  const p = viewLabelPoint(islands, SCALE, ORIGIN, { x: px(99), y: 0, w: px(112) - px(99), h: SCALE / 2 })!;
  assert.ok(p.x > px(100) && p.x < px(110), `on the island: ${p.x}`);
});

test("viewLabelPoint: a hole is no area (a lake inside the view's part)", () => {
  const ring = square(-20, -20, 20, 20)[0];
  const hole = square(-10, -10, 10, 10)[0].reverse();
  const area = projectArea({ type: 'Polygon', coordinates: [ring, hole] });
  const view = { x: px(-20), y: 0, w: px(20) - px(-20), h: SCALE };
  const p = viewLabelPoint(area, SCALE, ORIGIN, view)!;
  // Not inside the hole: the hole spans lon -10..10 and lat -10..10.
  const inHoleX = p.x > px(-10) && p.x < px(10);
  const yOf = (lat: number) => (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * SCALE;
  const inHoleY = p.y > yOf(10) && p.y < yOf(-10);
  assert.ok(!(inHoleX && inHoleY), `outside the hole: ${JSON.stringify(p)}`);
});
