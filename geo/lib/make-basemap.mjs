// The explorer's offline basemap, written to dist/site/basemap.json by the root build.mjs (issues #4, #14):
// Natural Earth land, country borders and the names of countries and seas, in one small file the browser
// decodes with a few lines (src/ui/map/decode-basemap.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Natural Earth 1:50m land and internal country borders from npm `world-atlas` (ISC; Natural Earth is public
 * domain), re-quantised to a 10,000-step grid (~4 km, plenty up to zoom 7) and stored as flat delta-encoded
 * integer rings: `{ scale, translate, land, borders, labels }`, each ring `[x0, y0, dx1, dy1, …]`, plus the
 * country and sea names of data/basemap-labels.json (built by lib/build-basemap-labels.mjs). About 115 KB
 * gzip, of which the names are 7 KB; topojson-client stays out of the first-load JS.
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
  const encode = (ring) => {
    const out = [];
    let px = null,
      py = null;
    ring.forEach(([lon, lat], i) => {
      const x = Math.round((lon - x0) * kx),
        y = Math.round((lat - y0) * ky);
      if (px === null) out.push(x, y);
      else if (x !== px || y !== py || i === ring.length - 1) out.push(x - px, y - py);
      else return;
      px = x;
      py = y;
    });
    return out;
  };
  const land = feature(topo, topo.objects.land).features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates;
  const { countries, seas } = JSON.parse(readFileSync(new URL('../data/basemap-labels.json', import.meta.url), 'utf8'));
  return {
    source:
      'Made with Natural Earth (world-atlas 2.0.2, countries-50m; ne_50m_admin_0_map_units; ne_10m_geography_marine_polys)',
    scale: [1 / kx, 1 / ky],
    translate: [x0, y0],
    land: land.map((poly) => poly.map(encode)),
    borders: borders.map(encode),
    labels: { countries, seas },
  };
}
