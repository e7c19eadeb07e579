// The embed's way to load code it leaves out (article-atlas-story.js, article-atlas-tiles.js): a classic script
// beside the embed's own, added to the page once, that leaves what it defines in a global.

/**
 * Adds `file` (beside `base`, the embed script's address) to the page and resolves with the global it defines.
 * @example loadClassicScript('article-atlas-tiles.js', scriptSrc, '__articleAtlasTiles')
 */
export function loadClassicScript<T>(file: string, base: string, global: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(file, base).href;
    script.onload = () => {
      const value = (globalThis as Record<string, unknown>)[global] as T | undefined;
      if (value) resolve(value);
      else reject(new Error(`${file} is empty`));
    };
    script.onerror = () => reject(new Error(`${script.src} did not load`));
    document.head.append(script);
  });
}
