// The explorer's offline basemap, written to dist/site/basemap.json by the root build.mjs (issues #4, #14):
// Natural Earth land, country borders and the names of countries and seas, in one small file the browser draws
// with one transform (src/ui/map/basemap-transform.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** y units per Web Mercator pixel at zoom 0 (the world 256 px wide): 1 px of error at zoom 7, the view's closest fit. */
const Y_UNITS_PER_PX = 64;
const MAX_LATITUDE = 85.0511287798;

/**
 * Natural Earth 1:50m land and internal country borders from npm `world-atlas` (ISC; Natural Earth is public
 * domain), re-quantised to a 10,000-step grid (~4 km, plenty up to zoom 7) and written as two SVG paths ready to
 * draw: x in steps of the grid, y in Web Mercator (Y_UNITS_PER_PX to a zoom-0 pixel), relative after each ring's
 * first point. `toPx` maps them to zoom-0 pixels (`px = a·v + b` for x and for y), so the browser draws the
 * whole basemap with one transform (src/ui/map/basemap-transform.ts) instead of projecting 80,000 points on every
 * load (issue #14). Rings that cross ±180° (Chukotka) run on past it, as the map unwraps the article's shapes.
 * Plus the country and sea names of data/basemap-labels.json (built by lib/build-basemap-labels.mjs). About
 * 120 KB gzip, of which the names are 7 KB; topojson-client stays out of the first-load JS.
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
  // A number after another needs a space unless its minus sign separates them.
  const num = (n) => (n < 0 ? String(n) : ` ${n}`);
  const encode = (ring, close) => {
    let d = '';
    let px = null,
      py = null,
      offset = 0;
    ring.forEach(([lon, lat], i) => {
      let x = Math.round((lon - x0) * kx) + offset;
      if (px !== null && x - px > turn / 2) ((offset -= turn), (x -= turn));
      else if (px !== null && x - px < -turn / 2) ((offset += turn), (x += turn));
      const y = mercator(Math.round((lat - y0) * ky) / ky + y0);
      if (px === null) d += `M${x}${num(y)}l`;
      else if (x !== px || y !== py || i === ring.length - 1) d += `${num(x - px)}${num(y - py)}`;
      else return;
      px = x;
      py = y;
    });
    return (d.endsWith('l') ? d.slice(0, -1) : d) + (close ? 'z' : '');
  };
  const land = feature(topo, topo.objects.land).features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates;
  const { countries, seas } = JSON.parse(readFileSync(new URL('../data/basemap-labels.json', import.meta.url), 'utf8'));
  return {
    source:
      'Made with Natural Earth (world-atlas 2.0.2, countries-50m; ne_50m_admin_0_map_units; ne_10m_geography_marine_polys)',
    toPx: { x: [256 / (360 * kx), ((x0 + 180) / 360) * 256], y: [1 / Y_UNITS_PER_PX, 0] },
    land: land.flatMap((poly) => poly.map((r) => encode(r, true))).join(''),
    borders: borders.map((r) => encode(r, false)).join(''),
    labels: { countries, seas },
  };
}
