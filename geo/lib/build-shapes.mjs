// Polygons: label points for area entries, then one TopoJSON with objects `countries` (dissolved from
// admin-1, so both layers share arcs), `admin1` and `areas`, simplified and quantised with mapshaper.

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
  const areas = entries.filter((e) => e.layer === 'areas' && e.geometry);
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
  return topology;
}
