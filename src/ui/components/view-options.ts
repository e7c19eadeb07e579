// What a mounted widget shows besides the map: one options type shared by the layout (App) and the
// panels it renders, in a module of its own so that they need not import each other.
import type { ComponentType } from 'preact';
import type { LayerFeature } from '../../core/types.ts';
import type { Model } from '../model/create-model.ts';
import type { TextMention } from '../model/layer-view.ts';

/** What the widget shows besides the map: the explorer shows everything, an embed less (issue #5). */
export interface ViewOptions {
  /** The article text pane (the `text` attribute of <article-atlas>). */
  text: boolean;
  /** Embedded in someone else's page (a compact frame). */
  embedded: boolean;
  /** Opens a dropped layer file (the explorer); without it the widget takes no drops. */
  open?(model: Model, file: File): void;
  /** Says what was left out of an opened file (the explorer). */
  Notice?: ComponentType<{ model: Model }>;
  /** Folder URL of the built site, for the Embed dialog. */
  embedBase?: string;
  /** Extra toolbar buttons (the explorer's open-file and Embed). */
  Tools?: ComponentType<{ model: Model; embedBase?: string }>;
  /** The hand-correction control under the passages (explorer only). */
  Correction?: ComponentType<{ model: Model; feature: LayerFeature }>;
  /** Review mode (issue #17): the undo bar and the "Add place" control, in the panel's head. */
  Review?: ComponentType<{ model: Model }>;
  /** Review mode: per passage, controls for the selected place's mentions in it (remove one). */
  MentionTools?: ComponentType<{ model: Model; feature: LayerFeature; mentions: TextMention[] }>;
}
