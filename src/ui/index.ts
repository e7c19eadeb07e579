// Public surface of the explorer widget (issue #4).
export { mount, mountExplorer, type MountOptions } from './mount.tsx';
export { mountWidget, type WidgetHandle, type WidgetOptions } from './mount-widget.tsx';
export { embedSnippets, type EmbedSnippetOptions } from './model/embed-snippets.ts';
export { createModel, type Model } from './model/create-model.ts';
export { exportFileName, parseLayer, LayerFormatError } from './model/layer-io.ts';
export { correctFeature } from './model/correct-place.ts';
