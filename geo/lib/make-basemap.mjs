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
const CELL_PX = 16;

/**
 * The lakes drawn as water: Natural Earth's `scalerank` up to this (0 the largest; 5: ~190 lakes, Lake Ontario,
 * Ladoga, Sevan, Titicaca, Lake Nasser). Smaller ones are a few of the grid's 4 km steps across.
 */
const MAX_LAKE_RANK = 5;
/**
 * Finer borders from this zoom on (Natural Earth 1:10m, fetched only there): the 50m border is a few km off at
 * zoom 8–10 (Gatineau was drawn on the Quebec–Ontario line). In units FINE times the basemap's (integers, drawn
 * under a `scale(1/FINE)`), cut into cells of a quarter of the basemap's.
 */
const FINE_ZOOM = 8;
const FINE = 10;

/**
 * The rings of Natural Earth's 1:10m named lakes of `scalerank` ≤ `maxRank` (geo/sources/naturalearth, public
 * domain), in the basemap's units: islands are rings inside them, filled even-odd.
 */
function lakeRings(toUnits, maxRank) {
  const url = new URL('../sources/naturalearth/ne_10m_lakes.named.geojson', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'))
    .features.filter((f) => f.geometry && f.properties.scalerank <= maxRank)
    .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
    .flatMap((poly) => poly.map((ring) => simplify(toUnits(ring.slice(0, -1)), 1)))
    .filter((ring) => ring.length >= 3);
}

/**
 * A ring with the points that stray no more than `tolerance` units from the line between their kept neighbours left
 * out (Douglas–Peucker): the 10m lakes drawn on the 50m land's grid of ~4 km steps.
 * @example simplify([[0, 0], [5, 0.4], [10, 0], [10, 10]], 1) // [[0, 0], [10, 0], [10, 10]]
 */
export function simplify(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a],
      [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay);
    let far = -1,
      farDist = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len ? Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len : Math.hypot(px - ax, py - ay);
      if (d > farDist) ((far = i), (farDist = d));
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

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
export function makeBasemap({ cellPx = CELL_PX, maxLakeRank = MAX_LAKE_RANK } = {}) {
  const require = createRequire(import.meta.url);
  const { feature, mesh } = require('topojson-client');
  const topo = require('world-atlas/countries-50m.json');
  const STEPS = 1e4;
  const [x0, y0, x1, y1] = topo.bbox;
  const kx = (STEPS - 1) / (x1 - x0),
    ky = (STEPS - 1) / (y1 - y0);
  const turn = Math.round(360 * kx);
  const mercator = (lat, f = 1) => {
    const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
    return Math.round((0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * 256 * Y_UNITS_PER_PX * f);
  };
  // Integer points, x in grid steps and y in Web Mercator units (`f` times finer, the latitudes then not snapped to
  // the 50m grid); a ring that crosses ±180° runs on past it.
  const toUnits = (ring, f = 1) => {
    const points = [];
    let offset = 0;
    for (const [lon, lat] of ring) {
      let x = Math.round((lon - x0) * kx * f) + offset;
      const last = points[points.length - 1];
      if (last && x - last[0] > (turn * f) / 2) ((offset -= turn * f), (x -= turn * f));
      else if (last && x - last[0] < (-turn * f) / 2) ((offset += turn * f), (x += turn * f));
      const y = f === 1 ? mercator(Math.round((lat - y0) * ky) / ky + y0) : mercator(lat, f);
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
  const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates.map((line) => toUnits(line));
  const toPx = { x: [256 / (360 * kx), ((x0 + 180) / 360) * 256], y: [1 / Y_UNITS_PER_PX, 0] };
  // Cells of CELL_PX, 1 unit of overlap: 3 px at zoom 7, where the basemap is drawn closest to its grid.
  const cellW = cellPx / toPx.x[0],
    cellH = cellPx * Y_UNITS_PER_PX;
  const cells = cutToCells(land, borders, cellW, cellH, 1);
  // Big lakes as water over the land (the 50m land has none: Lake Ontario read as land in a Toronto story), cut to
  // the same cells with the same overlap, so that a lake across a cell's edge has no seam of land.
  const lakes = new Map(
    cutToCells(lakeRings(toUnits, maxLakeRank), [], cellW, cellH, 1).map((c) => [c.box.join(), c.rings]),
  );
  const topo10 = require('world-atlas/countries-10m.json');
  const fineCells = cutToCells(
    [],
    mesh(topo10, topo10.objects.countries, (a, b) => a !== b).coordinates.map((l) => simplify(toUnits(l, FINE), 1)),
    (cellW * FINE) / 4,
    (cellH * FINE) / 4,
    0,
  );
  const { countries, seas } = JSON.parse(readFileSync(new URL('../data/basemap-labels.json', import.meta.url), 'utf8'));
  return {
    source:
      'Made with Natural Earth (world-atlas 2.0.2, countries-50m; ne_50m_admin_0_map_units; ne_10m_geography_marine_polys; ne_10m_lakes)',
    toPx,
    /** The cells' side in zoom-0 pixels. */
    cellPx,
    // Each cell's box in zoom-0 pixels (rounded outwards: the browser only asks whether it meets the view).
    cells: cells.map(({ box, rings, lines }) => [
      Math.floor(toPx.x[0] * box[0] + toPx.x[1]),
      Math.floor(toPx.y[0] * box[1]),
      Math.ceil(toPx.x[0] * box[2] + toPx.x[1]),
      Math.ceil(toPx.y[0] * box[3]),
      rings.map((r) => pathOf(r, true)).join(''),
      lines.map((l) => pathOf(l, false)).join(''),
      (lakes.get(box.join()) ?? []).map((r) => pathOf(r, true)).join(''),
    ]),
    // The 10m borders, `[col, row, path]` in cells of a quarter of cellPx, in units FINE times finer.
    fine: {
      scale: FINE,
      minZoom: FINE_ZOOM,
      cells: fineCells.map(({ box, lines }) => [
        Math.round(box[0] / ((cellW * FINE) / 4)),
        Math.round(box[1] / ((cellH * FINE) / 4)),
        lines.map((l) => pathOf(l, false)).join(''),
      ]),
    },
    labels: { countries, seas },
  };
}

/**
 * The basemap as the site serves it (issue #14 item 6): a small index, `basemap.json` (the transform, the grid, the
 * names), and the paths in files of a grid (src/ui/map/basemap-transform.ts `BasemapGrid`): cell `[col, row]` in
 * `basemap/{col}_{row}.json` as `[[col, row, land, borders, lakes?]]`, every cell of the grid (the sea's `[]`), so that the explorer
 * asks for a first view's few cells (the seed's: 4 files, ~7 KB) with the index rather than all of the world's paths
 * (~110 KB); and blocks of `block` × `block` cells in `basemap/b{col}_{row}.json` (`[[col, row, land, borders, lakes?], …]`,
 * the cells with something in them), which a view of a continent or the world asks for instead of dozens of cells.
 * @example const { index, files } = splitBasemap(makeBasemap()); // files: [['basemap/9_5.json', '[[9,5,"M…","M…"]]'], …]
 */
export function splitBasemap(basemap, block = 4) {
  const { cellPx } = basemap;
  const byKey = new Map(
    basemap.cells.map(([x0, y0, x1, y1, ...paths]) => [
      `${Math.floor((x0 + x1) / 2 / cellPx)}_${Math.floor((y0 + y1) / 2 / cellPx)}`,
      paths[2] ? paths : paths.slice(0, 2),
    ]),
  );
  // Rows past the Mercator square hold only the slivers by which the cells' rings are widened; columns run on
  // past ±180° where rings that cross it do (Chukotka, Fiji).
  const rows = 256 / cellPx;
  const cols = [...byKey.keys()]
    .map((k) => k.split('_').map(Number))
    .flatMap(([c, r]) => (r >= 0 && r < rows ? [c] : []));
  const col0 = Math.min(...cols),
    colEnd = Math.max(...cols) + 1;
  const files = [];
  const blocks = new Map();
  for (let col = col0; col < colEnd; col++)
    for (let row = 0; row < rows; row++) {
      const paths = byKey.get(`${col}_${row}`);
      const cells = paths ? [[col, row, ...paths]] : [];
      files.push([`basemap/${col}_${row}.json`, JSON.stringify(cells)]);
      const name = `basemap/b${Math.floor(col / block)}_${Math.floor(row / block)}.json`;
      blocks.set(name, [...(blocks.get(name) ?? []), ...cells]);
    }
  for (const [name, cells] of blocks) files.push([name, JSON.stringify(cells)]);
  // The finer borders' cells, in files `basemap/f{col}_{row}.json` of the same form; the index says which exist
  // (a bit per cell of the fine grid, column by column from col0 · 4, base64), asked for only from minZoom on.
  const { scale, minZoom, cells: fineCells } = basemap.fine;
  const fineCols = (colEnd - col0) * 4,
    fineRows = rows * 4;
  const bits = new Uint8Array(Math.ceil((fineCols * fineRows) / 8));
  for (const [col, row, d] of fineCells) {
    const i = (col - col0 * 4) * fineRows + row;
    if (row < 0 || row >= fineRows || i < 0 || i >= fineCols * fineRows) continue;
    bits[i >> 3] |= 1 << (i & 7);
    files.push([`basemap/f${col}_${row}.json`, JSON.stringify([[col, row, d]])]);
  }
  const fine = {
    scale,
    minZoom,
    prefix: 'f',
    cellPx: cellPx / 4,
    col0: col0 * 4,
    cols: fineCols,
    rows: fineRows,
    // Never a block: the finer borders are asked for from zoom 8 on, a few cells at a time.
    block: 1e6,
    has: Buffer.from(bits).toString('base64'),
  };
  const { cells, cellPx: _, fine: __, ...rest } = basemap;
  return { index: { ...rest, grid: { cellPx, col0, cols: colEnd - col0, rows, block }, fine }, files };
}
