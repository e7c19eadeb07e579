// focusView: the box and the closest zoom of the map's first view for a layer's focus (issue #14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusView, LOCAL_MAX_ZOOM, SPOT_MAX_ZOOM } from '../../src/core/focus-view.ts';

test('towns of a local story may be framed closer than a single spot', () => {
  // Danbury to Litchfield, Connecticut: about 0.27° by 0.35°.
  const local = focusView([-73.45, 41.39, -73.19, 41.75])!;
  assert.deepEqual(local.bounds, [
    [41.39, -73.45],
    [41.75, -73.19],
  ]);
  assert.equal(local.maxZoom, LOCAL_MAX_ZOOM);
  assert.ok(LOCAL_MAX_ZOOM > SPOT_MAX_ZOOM);
});

test('a single spot, or places in one town, is framed no closer than SPOT_MAX_ZOOM', () => {
  assert.equal(focusView([4.35, 50.85, 4.35, 50.85])!.maxZoom, SPOT_MAX_ZOOM);
  // A street of Danbury 2 km from its centre.
  assert.equal(focusView([-73.45, 41.39, -73.43, 41.4])!.maxZoom, SPOT_MAX_ZOOM);
});

test('a box across the antimeridian is unwrapped on the side where most of it lies', () => {
  // The United States with the Aleutians: 7° west of 180, 109° east of −180: drawn from −187.4 to −71.
  assert.deepEqual(focusView([172.6, 18.9, -71.1, 71.4])!.bounds, [
    [18.9, -187.4],
    [71.4, -71.1],
  ]);
  // Fiji: 1.6° west of 180, 0.2° east of −180: from 178.4 to 180.2.
  const [[, w], [, e]] = focusView([178.4, -18.2, -179.8, -16.6])!.bounds;
  assert.equal(w, 178.4);
  assert.ok(Math.abs(e - 180.2) < 1e-9);
});

test('a bbox that is not four finite numbers gives no view', () => {
  for (const bad of [undefined, null, [1, 2, 3], [0, 0, 'x', 1], [0, 0, Infinity, 1], { w: 0 }])
    assert.equal(focusView(bad), null, JSON.stringify(bad));
});
