// Node loader for the trained geoparser model (geo/data/model.json).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareModel } from '../core/geoparse.ts';
import { EMPTY_MODEL, type GeoparserModel } from '../core/model.ts';
import { dataDir } from './data-dir.ts';

/** Reads the model, ready to use; without a trained model file the pipeline runs on its hand-set priors. */
export function loadModel(dir: string = dataDir()): GeoparserModel {
  const file = join(dir, 'model.json');
  if (!existsSync(file)) return EMPTY_MODEL;
  return prepareModel(JSON.parse(readFileSync(file, 'utf8')) as GeoparserModel);
}
