// Recomputes the layer masks stored in geo/data/shapes.topo.json (lib/add-layer-masks.mjs)
// after a change to the core's simplification, without rebuilding the gazetteer from its sources:
// `npx tsx geo/remask-shapes.mjs` (tsx: the masks come from src/core's TypeScript).
import { readFileSync, writeFileSync } from 'node:fs';
import { addLayerMasks } from './lib/add-layer-masks.mjs';

const file = new URL('data/shapes.topo.json', import.meta.url);
const topology = JSON.parse(readFileSync(file, 'utf8'));
// Masks are the only geometry properties the build keeps (build-shapes.mjs deletes the rest).
for (const object of Object.values(topology.objects)) for (const g of object.geometries ?? []) delete g.properties;
await addLayerMasks(topology);
writeFileSync(file, JSON.stringify(topology));
