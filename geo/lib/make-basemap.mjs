// The explorer's offline basemap, written to dist/site/basemap.json by the root build.mjs (issues #4, #14):
// Natural Earth land, country borders and the names of countries and seas, in one small file the browser draws
// with one transform (src/ui/map/basemap-transform.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cutToCells } from './clip-to-cells.mjs';

/** y units per Web Mercator pixel at zoom 0 (the world 256 px wide): 1 px of error at zoom 7, the view's closest fit. */
const Y_UNITS_PER_PX = 64;
const MAX_LATITUDE = 85.0511287798;
/**
 * The basemap's cells, in zoom-0 pixels a side (45° of longitude): the browser draws those in and around the view
 * (at the seed's first view 4 of 74), so that the page lays out and paints a few thousand of the basemap's points
 * rather than all 80,000. Smaller cells would leave out more and add paths and bytes.
 */
const CELL_PX = 32;

/**
 * Natural Earth 1:50m land and internal country borders from npm `world-atlas` (ISC; Natural Earth is public
 * domain), re-quantised to a 10,000-step grid (~4 km, plenty up to zoom 7) and written as SVG paths ready to
 * draw, two per cell of CELL_PX (lib/clip-to-cells.mjs): x in steps of the grid, y in Web Mercator (Y_UNITS_PER_PX to a zoom-0 pixel), relative after each ring's
 * first point. `toPx` maps them to zoom-0 pixels (`px = a·v + b` for x and for y), so the browser draws the
 * whole basemap with one transform (src/ui/map/basemap-transform.ts) instead of projecting 80,000 points on every
 * load (issue #14). Rings that cross ±180° (Chukotka) run on past it, as the map unwraps the article's shapes.
 * Plus the country and sea names of data/basemap-labels.json (built by lib/build-basemap-labels.mjs). About
 * 122 KB gzip, of which the names are 7 KB; topojson-client stays out of the first-load JS.
 * @example writeFileSync('dist/site/basemap.json', JSON.stringify(makeBasemap()))
 */
export function makeBasemap() {
  const require = createRequire(import.meta.url);
  const { feature, mesh } = require('topojson-client');
  const topo = require('world-atlas/countries-50m.json');
  const STEPS = 1e4;
  const [x0, y0, x1, y1] = topo.bbox;
  const kx = (STEPS - 1) / (x1 - x0),
    ky = (STEPS - 1) / (y1 - y0);
  const turn = Math.round(360 * kx);
  const mercator = (lat) => {
    const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
    return Math.round((0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * 256 * Y_UNITS_PER_PX);
  };
  // Integer points, x in grid steps and y in Web Mercator units; a ring that crosses ±180° runs on past it.
  const toUnits = (ring) => {
    const points = [];
    let offset = 0;
    for (const [lon, lat] of ring) {
      let x = Math.round((lon - x0) * kx) + offset;
      const last = points[points.length - 1];
      if (last && x - last[0] > turn / 2) ((offset -= turn), (x -= turn));
      else if (last && x - last[0] < -turn / 2) ((offset += turn), (x += turn));
      const y = mercator(Math.round((lat - y0) * ky) / ky + y0);
      if (!last || x !== last[0] || y !== last[1]) points.push([x, y]);
    }
    return points;
  };
  // A number after another needs a space unless its minus sign separates them.
  const num = (n) => (n < 0 ? String(n) : ` ${n}`);
  // SVG path data, relative after the first point.
  const pathOf = (points, close) =>
    points
      .map(([x, y], i) =>
        i ? `${i === 1 ? 'l' : ''}${num(x - points[i - 1][0])}${num(y - points[i - 1][1])}` : `M${x}${num(y)}`,
      )
      .join('') + (close ? 'z' : '');
  const land = feature(topo, topo.objects.land).features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flatMap((poly) =>
      // Closed by the path's `z`: the ring's last point, its first again, is left out.
      poly.map((ring) => toUnits(ring.slice(0, -1))),
    ),
  );
  const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates.map(toUnits);
  const toPx = { x: [256 / (360 * kx), ((x0 + 180) / 360) * 256], y: [1 / Y_UNITS_PER_PX, 0] };
  // Cells of CELL_PX, 1 unit of overlap: 3 px at zoom 7, where the basemap is drawn closest to its grid.
  const cells = cutToCells(land, borders, CELL_PX / toPx.x[0], CELL_PX * Y_UNITS_PER_PX, 1);
  const { countries, seas } = JSON.parse(readFileSync(new URL('../data/basemap-labels.json', import.meta.url), 'utf8'));
  return {
    source:
      'Made with Natural Earth (world-atlas 2.0.2, countries-50m; ne_50m_admin_0_map_units; ne_10m_geography_marine_polys)',
    toPx,
    // Each cell's box in zoom-0 pixels (rounded outwards: the browser only asks whether it meets the view).
    cells: cells.map(({ box: [bx0, by0, bx1, by1], rings, lines }) => [
      Math.floor(toPx.x[0] * bx0 + toPx.x[1]),
      Math.floor(toPx.y[0] * by0),
      Math.ceil(toPx.x[0] * bx1 + toPx.x[1]),
      Math.ceil(toPx.y[0] * by1),
      rings.map((r) => pathOf(r, true)).join(''),
      lines.map((l) => pathOf(l, false)).join(''),
    ]),
    labels: { countries, seas },
  };
}
