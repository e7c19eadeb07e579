// Browser loader for the gazetteer artifacts: fetches places.tsv and names.tsv from a base URL and
// the TopoJSON shapes alongside, so polygons are ready when the map needs them.

import type { Gazetteer } from '../core/types.ts';
import { createGazetteer } from '../gazetteer/create-gazetteer.ts';

/** Options for `loadGazetteer`; `withShapes: false` skips the polygon file (points-only use). */
export interface LoadGazetteerOptions {
  withShapes?: boolean;
  fetch?: typeof fetch;
}

const DEFAULT_OPTIONS: Required<Omit<LoadGazetteerOptions, 'fetch'>> = { withShapes: true };

async function fetchText(fetchFn: typeof fetch, url: string): Promise<string> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`gazetteer: ${url} answered ${response.status}`);
  return response.text();
}

/**
 * Fetches the gazetteer from `baseUrl` (ending in '/', e.g. the served geo/data/ folder).
 *
 * @example
 * const gazetteer = await loadGazetteer('/geo/data/');
 * gazetteer.hasPrefix('nagorno') // true
 */
export async function loadGazetteer(baseUrl: string, options: LoadGazetteerOptions = {}): Promise<Gazetteer> {
  const { withShapes } = { ...DEFAULT_OPTIONS, ...options };
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  // The three downloads run in parallel; the shapes text is parsed lazily on the first geometry() call.
  const [places, names, shapesText] = await Promise.all([
    fetchText(fetchFn, baseUrl + 'places.tsv'),
    fetchText(fetchFn, baseUrl + 'names.tsv'),
    withShapes ? fetchText(fetchFn, baseUrl + 'shapes.topo.json') : Promise.resolve(undefined),
  ]);
  return createGazetteer({
    places,
    names,
    shapes: shapesText === undefined ? undefined : () => shapesText,
  });
}
