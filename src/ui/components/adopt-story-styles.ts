// The story map's stylesheet (src/ui/story.css) comes with its code, not with every page's first load: it is
// adopted into the document or the embed's shadow root where the story map is drawn.
import css from '../story.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * A ref callback: adopts the story map's stylesheet into the root `el` is drawn in (once per root), before
 * the frame is painted.
 * @example <section ref={adoptStoryStyles}>…</section>
 */
export function adoptStoryStyles(el: Element | null): void {
  const root = el?.getRootNode() as Document | ShadowRoot | undefined;
  if (!root || !('adoptedStyleSheets' in root)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
