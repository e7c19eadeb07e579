// The committed gazetteer and model, loaded once per test process (no ../shared needed).
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';
import { loadModel } from '../../src/node/load-model.ts';
import type { GeoparserModel } from '../../src/core/model.ts';
import type { Gazetteer } from '../../src/core/types.ts';

let cached: { gazetteer: Gazetteer; model: GeoparserModel } | undefined;
export function realResources() {
  cached ??= { gazetteer: loadGazetteer(), model: loadModel() };
  return cached;
}
