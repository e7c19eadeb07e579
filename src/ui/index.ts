// Public surface of the explorer widget (issue #4).
export { mount, type MountOptions } from './mount.tsx';
export { createModel, type Model } from './model/create-model.ts';
export { correctFeature, exportFileName, parseLayer, LayerFormatError } from './model/layer-io.ts';
