// Public surface of src/gazetteer: the compact artifact format and the `Gazetteer` built from it.

export { createGazetteer } from './create-gazetteer.ts';
export type { CreateGazetteerOptions } from './create-gazetteer.ts';
export { writeGazetteer, PLACE_COLUMNS } from './write-gazetteer.ts';
export type { GazetteerEntry, NameTypeCode } from './write-gazetteer.ts';
