// Polygons: label points for area entries, then one TopoJSON with objects `countries` (dissolved from
// admin-1, so both layers share arcs), `admin1` and `areas`, simplified and quantised with mapshaper;
// seas and lakes are simplified apart and appended to `areas` with arcs of their own.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mapshaper = require('mapshaper');

// Visvalingam keeps 6% of vertices: admin-1 borders stay recognisable at district zoom while the
// whole file stays well under the 2 MB gzip budget (measured in geo/README.md).
const SIMPLIFY_PERCENT = '6%';
// 1e5 steps over the world's extent ≈ 400 m: below what the simplified outlines can show.
const QUANTIZATION = 100000;

function collection(entries, props) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: entries.map((e) => ({ type: 'Feature', properties: props(e), geometry: e.geometry })),
  });
}

/** Sets `anchor` of entries flagged `labelPoint` to an inner point of their unsimplified polygon. */
export async function setLabelPoints(entries) {
  const flagged = entries.filter((e) => e.labelPoint && e.geometry);
  const out = await mapshaper.applyCommands(
    '-i areas.json -each "lx=this.innerX, ly=this.innerY" -o format=geojson points.json',
    { 'areas.json': collection(flagged, (e) => ({ shape: e.shape })) },
  );
  const features = JSON.parse(out['points.json']).features;
  features.forEach((f, i) => {
    const { lx, ly } = f.properties;
    if (Number.isFinite(lx) && Number.isFinite(ly))
      flagged[i].anchor = [Math.round(lx * 1e5) / 1e5, Math.round(ly * 1e5) / 1e5];
  });
}

/**
 * Sets `anchor` of admin-1 groups (build-admin-groups.mjs) to an inner point of the dissolved, unsimplified
 * union of their members: the inner point of one member would sit in a single county.
 */
export async function setGroupLabelPoints(entries) {
  const members = entries.filter((e) => e.layer === 'admin1' && e.group && e.geometry);
  const groups = new Map(entries.filter((e) => e.groupLabelPoint).map((e) => [e.id, e]));
  const out = await mapshaper.applyCommands(
    '-i members.json -dissolve group -each "lx=this.innerX, ly=this.innerY" -o format=geojson points.json',
    { 'members.json': collection(members, (e) => ({ group: e.group })) },
  );
  for (const {
    properties: { group, lx, ly },
  } of JSON.parse(out['points.json']).features) {
    if (!Number.isFinite(lx) || !Number.isFinite(ly)) throw new Error(`no inner point for admin-1 group ${group}`);
    groups.get(group).anchor = [Math.round(lx * 1e5) / 1e5, Math.round(ly * 1e5) / 1e5];
  }
}

export async function buildShapes(entries) {
  const admin1 = entries.filter((e) => e.layer === 'admin1' && e.geometry);
  const areas = entries.filter((e) => e.layer === 'areas' && e.geometry && e.kind !== 'water');
  const commands = [
    '-i combine-files admin1.json areas.json',
    `-simplify visvalingam weighted ${SIMPLIFY_PERCENT} keep-shapes`,
    '-dissolve country target=admin1 + name=countries',
    '-filter "country !== \'\'" target=countries',
    '-rename-fields shape=country target=countries',
    // Regions grouped from admin-1 units (England, Lombardy…) dissolve from the same arcs.
    '-dissolve group target=admin1 + name=admin1Groups',
    '-filter "group !== \'\'" target=admin1Groups',
    '-rename-fields shape=group target=admin1Groups',
    '-filter-fields shape target=admin1,areas',
    `-o target=countries,admin1,admin1Groups,areas format=topojson id-field=shape quantization=${QUANTIZATION} shapes.topo.json`,
  ].join(' ');
  const out = await mapshaper.applyCommands(commands, {
    'admin1.json': collection(admin1, (e) => ({ shape: e.shape, country: e.countryShape ?? '', group: e.group ?? '' })),
    'areas.json': collection(areas, (e) => ({ shape: e.shape })),
  });
  const topology = JSON.parse(String(out['shapes.topo.json']));
  // Ids are all we need here: properties would only add bytes (addLayerMasks adds a few back).
  for (const object of Object.values(topology.objects)) for (const g of object.geometries ?? []) delete g.properties;
  await addWaterShapes(
    topology,
    entries.filter((e) => e.layer === 'areas' && e.geometry && e.kind === 'water'),
  );
  return topology;
}

/**
 * Seas and lakes join the `areas` object, simplified on their own and written as arcs of their own. Fed to
 * the combined run above, they tripled the shapes file (+0.6 MB gzip): their coasts coincide with the
 * admin-1 coasts vertex for vertex, so the topology split those into thousands of short arcs whose ends
 * simplification must keep. Apart, the 258 polygons take about 25 KB gzip.
 */
async function addWaterShapes(topology, water) {
  if (!water.length) return;
  const out = await mapshaper.applyCommands(
    `-i water.json -simplify visvalingam weighted ${SIMPLIFY_PERCENT} keep-shapes -o format=geojson out.json`,
    { 'water.json': collection(water, (e) => ({ shape: e.shape })) },
  );
  const {
    scale: [kx, ky],
    translate: [tx, ty],
  } = topology.transform;
  const encodeRing = (ring) => {
    const points = [];
    for (const [lon, lat] of ring) {
      const point = [Math.round((lon - tx) / kx), Math.round((lat - ty) / ky)];
      const last = points[points.length - 1];
      if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
    }
    // A ring quantised to fewer than three distinct corners has no area left.
    if (points.length < 4) return undefined;
    topology.arcs.push(points.map((p, i) => (i === 0 ? p : [p[0] - points[i - 1][0], p[1] - points[i - 1][1]])));
    return [topology.arcs.length - 1];
  };
  const encodePolygon = (rings) => {
    const arcs = rings.map(encodeRing);
    // No outer ring, no polygon; a lost hole is just dropped.
    return arcs[0] ? arcs.filter(Boolean) : undefined;
  };
  for (const { properties, geometry } of JSON.parse(String(out['out.json'])).features) {
    if (!geometry) continue;
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
      .map(encodePolygon)
      .filter(Boolean);
    if (!polygons.length) continue;
    topology.objects.areas.geometries.push(
      polygons.length === 1
        ? { type: 'Polygon', arcs: polygons[0], id: properties.shape }
        : { type: 'MultiPolygon', arcs: polygons, id: properties.shape },
    );
  }
}
