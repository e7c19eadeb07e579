// Entry of dist/site/embed-frame.js (issue #5): embed.html loads article-atlas.js, then this.
import { startFrameBridge } from './frame-bridge.ts';

startFrameBridge();
