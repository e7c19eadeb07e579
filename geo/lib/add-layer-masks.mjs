// The layer masks of the gazetteer's big polygons (geo/README.md, shapes.topo.json): which vertices an
// article layer keeps of each. Its own module, without mapshaper, so that geo/remask-shapes.mjs can run
// it on the committed shapes with the project's own dependencies.

/**
 * Stores, as `properties.layer` of each polygon with more vertices than an article layer carries, the
 * vertices the layer keeps (src/core's `layerMask`: the same simplification, worked out once here
 * instead of in every process that meets the polygon). Computed on the polygon as the gazetteer decodes
 * it; test/gazetteer/layer-masks.test.ts checks that each mask still gives what the core computes.
 */
export async function addLayerMasks(topology) {
  const { createGazetteer } = await import('../../src/gazetteer/create-gazetteer.ts');
  const { layerMask } = await import('../../src/core/layer-mask.ts');
  const gazetteer = createGazetteer({ places: '', names: '', shapes: topology });
  const seen = new Set();
  for (const object of Object.values(topology.objects)) {
    for (const g of object.geometries ?? []) {
      // The gazetteer serves the first object of an id; later ones are never decoded.
      if (g.id === undefined || seen.has(g.id)) continue;
      seen.add(g.id);
      const geometry = gazetteer.geometry(String(g.id));
      if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') continue;
      const mask = layerMask(geometry);
      if (mask) g.properties = { layer: mask };
    }
  }
}
